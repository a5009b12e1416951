// "My clients' budget status" for a home surface (Slack's App Home): the budgets of the clients a member approves
// for, then of the clients of their 50 most recent expenses, at most 10 clients. Each goes through `budget @client`'s
// own use case, so a client whose budgets this member may not see (a plain member's, docs/product-rules.md §1) is
// left out rather than refused, and the figures never disagree with the command.
import { type Card, fitCard } from '../../../domain/messaging/card.js';
import { escapeMarkup } from '../../../domain/messaging/card-markup.js';
import type { Reply } from '../conversation.js';
import type { ConversationDeps, MemberSpeaker } from './conversation-deps.js';
import { describeAdminResult } from './describe-admin-result.js';
import { contextOf } from './dispatch-decision.js';

const RECENT_EXPENSES = 50;
const HOME_CLIENTS = 10;

const TEXT = {
  en: {
    title: 'My clients’ budgets',
    none: 'No budgets to show. You see the budgets of the clients you approve for (finance and admins: also those you log for).',
  },
  'zh-CN': {
    title: '我的客户预算',
    none: '没有可显示的预算。你能看到你担任审批人的客户的预算（财务和管理员还能看到你报销过的客户）。',
  },
} as const;

export async function showMyBudgets(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  origin: { readonly address: string },
): Promise<Reply> {
  const ctx = contextOf(speaker, origin);
  const approving = speaker.actor.approverOf.map((a) => a.clientId);
  const recent = await deps.useCases.listExpenses(ctx, { pageSize: RECENT_EXPENSES });
  const logged = recent.ok ? recent.value.items.map((item) => item.clientId) : [];
  const clientIds = [...new Set([...approving, ...logged])].slice(0, HOME_CLIENTS);
  const codes = await deps.clientCodes(speaker.organisationId, clientIds);

  const sections: Card['sections'][number][] = [];
  for (const clientId of clientIds) {
    const code = codes.get(clientId);
    if (code === undefined) continue;
    const shown = await deps.useCases.showBudgets(ctx, { clientCode: code });
    if (!shown.ok) continue;
    const warned = shown.value.budgets.some((b) => b.forecastWarning !== undefined);
    sections.push({
      heading: `@${shown.value.client.code} · ${shown.value.client.name}`,
      text: escapeMarkup(describeAdminResult('budget', shown.value, speaker.locale)),
      ...(warned ? { tone: 'warning' as const } : {}),
    });
  }
  const text = TEXT[speaker.locale];
  const card = fitCard({
    title: text.title,
    fields: [],
    sections: sections.length > 0 ? sections : [{ text: escapeMarkup(text.none) }],
    images: [],
    actions: [],
  });
  return { visibility: 'private', cards: [card] };
}
