// Expense commands: from a parsed command to one use case and back to a reply card.

import { renderExpenseListCard } from '../../../domain/messaging/render-expense-list-card.js';
import type { DateInput } from '../../../domain/periods/date-input.js';
import { DEFAULT_CATEGORIES } from '../../../domain/policy/categories.js';
import type { RequestContext } from '../../../domain/shared/request-context.js';
import type { Reply } from '../conversation.js';
import { expenseCard } from '../expense-cards.js';
import type { CommandOf, DateSpec } from '../grammar/index.js';
import type { ConversationDeps, MemberSpeaker } from './conversation-deps.js';
import { failureReply, reply } from './replies.js';
import { replyText } from './reply-text.js';

export const dateInputOf = (spec: DateSpec | undefined): DateInput | undefined => spec;

async function nameList(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  ids: readonly string[],
): Promise<string> {
  const names = await deps.memberNames(speaker.organisationId, ids);
  for (const [id, name] of names) speaker.names.set(id, name);
  const or = speaker.locale === 'zh-CN' ? ' 或 ' : ' or ';
  return ids.map((id) => names.get(id) ?? id).join(or);
}

async function expenseCardFor(deps: ConversationDeps, speaker: MemberSpeaker, expenseId: string) {
  const view = await deps.useCases.describeExpense(speaker.organisationId, expenseId);
  return view ? [expenseCard(view, speaker.locale)] : [];
}

export async function logExpense(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  ctx: RequestContext,
  command: CommandOf<'log'>,
): Promise<Reply> {
  const text = replyText(speaker.locale);
  const result = await deps.useCases.submitExpense(ctx, {
    amount: command.amount,
    currency: command.currency,
    clientCode: command.client.client,
    projectCode: command.client.project,
    categoryText: command.category,
    date: dateInputOf(command.date),
    description: command.description ?? '',
    merchant: command.fields.merchant,
    paymentMethod: command.fields.pay,
    billable: command.fields.billable,
    invoiceNumber: command.fields.invoice,
    missingReceiptReason: command.fields.noReceipt,
    override: command.override,
  });
  if (!result.ok) return failureReply(deps, speaker, result.error);
  if (result.value.replayed) return reply(speaker, text.alreadyDone({ id: result.value.expenseId }));
  const { expense } = result.value;
  const cards = await expenseCardFor(deps, speaker, expense.id);
  if (expense.status !== 'pending') return reply(speaker, text.loggedAutoApproved({ id: expense.id }), cards);
  const waitingOn = await nameList(
    deps,
    speaker,
    result.value.approvers.map((a) => a.memberId),
  );
  return reply(
    speaker,
    text.logged({ id: expense.id, waitingOn, stage: expense.stage, stageCount: expense.stageCount }),
    cards,
  );
}

export async function showExpense(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  ctx: RequestContext,
  expenseId: string,
): Promise<Reply> {
  const allowed = await deps.useCases.showExpense(ctx, { expenseId });
  if (!allowed.ok) return failureReply(deps, speaker, allowed.error);
  const cards = await expenseCardFor(deps, speaker, expenseId);
  return { visibility: 'private', cards };
}

export async function listExpenses(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  ctx: RequestContext,
  command: CommandOf<'list'>,
): Promise<Reply> {
  const scope = command.scope ?? { kind: 'mine' as const };
  const result = await deps.useCases.listExpenses(ctx, {
    scope:
      scope.kind === 'client'
        ? { kind: 'client', clientCode: scope.client.client, projectCode: scope.client.project }
        : scope,
    period: command.period?.key,
    timeZone: deps.displayTimeZone,
  });
  if (!result.ok) return failureReply(deps, speaker, result.error);
  const submitters = [...new Set(result.value.items.map((i) => i.submitterId))];
  const names = await deps.memberNames(speaker.organisationId, submitters);
  const categoryName = (code: string) =>
    DEFAULT_CATEGORIES.find((c) => c.code === code)?.names[speaker.locale] ?? code;
  const card = renderExpenseListCard({
    scope:
      scope.kind === 'client'
        ? { kind: 'client', clientName: result.value.client?.name ?? scope.client.client }
        : scope.kind === 'pending'
          ? { kind: 'pending' }
          : { kind: 'mine' },
    ...(result.value.period ? { periodKey: result.value.period.key } : {}),
    rows: result.value.items.map((item) => ({
      id: item.id,
      incurredOn: item.incurredOn,
      amount:
        item.approvedAmountMinor === undefined
          ? item.clientAmount
          : { amountMinor: item.approvedAmountMinor, currency: item.clientAmount.currency },
      categoryName: categoryName(item.categoryCode),
      description: item.description,
      status: item.status,
      ...(scope.kind === 'mine' ? {} : { submitterName: names.get(item.submitterId) ?? item.submitterId }),
    })),
    locale: speaker.locale,
  });
  return { visibility: 'private', cards: [card] };
}
