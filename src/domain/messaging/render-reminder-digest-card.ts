// A person's reminder digest (docs/product-rules.md §3): everything waiting on them in one message — approvals
// waiting past the reminder hours, approvals escalated to them, and their own items returned for details — each line
// with the expense id to act on. Lines settled since the digest was written say so instead of asking again.
import { formatMoney } from '../money/index.js';
import type { Money } from '../money/money.js';
import { type Card, type CardSection, fitCard } from './card.js';
import type { CardLocale } from './card-format.js';
import { escapeMarkup } from './card-markup.js';
import { cardText } from './card-text.js';

export type ReminderDigestLine = {
  readonly kind: 'approval' | 'returned';
  readonly level: 'remind' | 'escalate';
  readonly expenseId: string;
  readonly clientName: string;
  readonly submitterName: string;
  readonly amount: Money;
  readonly description: string;
  readonly waitingHours: number;
  /** The name of whom the reader decides for, as a delegate. */
  readonly onBehalfOfName?: string | undefined;
  /** What the approver asked for (returned items). */
  readonly whatIsNeeded?: string | undefined;
  /** False once it was decided, resubmitted or withdrawn after the digest was written. */
  readonly stillWaiting: boolean;
};

export type ReminderDigestInput = {
  readonly lines: readonly ReminderDigestLine[];
  readonly locale: CardLocale;
};

type Sentence<P> = (params: P) => string;

type ReminderText = {
  readonly title: Sentence<{ readonly count: number }>;
  readonly settledTitle: string;
  readonly approvals: string;
  readonly escalated: string;
  readonly returned: string;
  readonly waiting: Sentence<{ readonly hours: number }>;
  readonly onBehalfOf: Sentence<{ readonly name: string }>;
  readonly needs: Sentence<{ readonly what: string }>;
  readonly escalatedNote: string;
  readonly settled: string;
  readonly approveHint: string;
  readonly returnedHint: string;
};

const EN: ReminderText = {
  title: (p) => (p.count === 1 ? '1 expense is waiting for you' : `${p.count} expenses are waiting for you`),
  settledTitle: 'Everything in this reminder has been dealt with',
  approvals: 'Waiting for your approval',
  escalated: 'Escalated to you: you may decide these now',
  returned: 'Returned to you for details',
  waiting: (p) => `waiting ${p.hours} working ${p.hours === 1 ? 'hour' : 'hours'}`,
  onBehalfOf: (p) => `on behalf of ${p.name}`,
  needs: (p) => `needs: ${p.what}`,
  escalatedNote: 'No decision within the escalation time, so finance (or an admin) may decide it too.',
  settled: 'already dealt with',
  approveHint: 'Reply: approve <id> · reject <id> <reason> · return <id> <what is needed> · show <id>',
  returnedHint: 'Change a returned item with edit <id> …, then send it again with resubmit <id>',
};

const ZH: ReminderText = {
  title: (p) => `有 ${p.count} 笔费用等待您处理`,
  settledTitle: '本提醒中的事项均已处理',
  approvals: '等待您审批',
  escalated: '已升级给您：现在您可以审批',
  returned: '退回给您补充信息',
  waiting: (p) => `已等待 ${p.hours} 个工作小时`,
  onBehalfOf: (p) => `代 ${p.name}`,
  needs: (p) => `需补充：${p.what}`,
  escalatedNote: '超过升级时限仍未审批，财务（或管理员）现在也可以审批。',
  settled: '已处理',
  approveHint: '回复：批准 <编号> · 驳回 <编号> <原因> · 退回 <编号> <需补充的内容> · 查看 <编号>',
  returnedHint: '退回的费用请用 修改 <编号> … 更正，然后用 重新提交 <编号> 再次提交',
};

export const REMINDER_TEXT: Readonly<Record<CardLocale, ReminderText>> = { en: EN, 'zh-CN': ZH };

const lineText = (line: ReminderDigestLine, locale: CardLocale): string => {
  const text = REMINDER_TEXT[locale];
  const { separator } = cardText(locale);
  const description = line.description.trim();
  const parts = [
    line.clientName,
    formatMoney(line.amount, locale),
    ...(line.kind === 'approval' ? [line.submitterName] : []),
    ...(description === '' ? [] : [description]),
    ...(line.onBehalfOfName === undefined ? [] : [text.onBehalfOf({ name: line.onBehalfOfName })]),
    ...(line.whatIsNeeded === undefined ? [] : [text.needs({ what: line.whatIsNeeded })]),
    line.stillWaiting ? text.waiting({ hours: line.waitingHours }) : text.settled,
  ];
  return `**${escapeMarkup(line.expenseId)}**${separator}${escapeMarkup(parts.join(separator))}`;
};

export const renderReminderDigestCard = (input: ReminderDigestInput): Card => {
  const { locale } = input;
  const text = REMINDER_TEXT[locale];
  const groups: readonly [string, readonly ReminderDigestLine[]][] = [
    [text.escalated, input.lines.filter((l) => l.kind === 'approval' && l.level === 'escalate')],
    [text.approvals, input.lines.filter((l) => l.kind === 'approval' && l.level === 'remind')],
    [text.returned, input.lines.filter((l) => l.kind === 'returned')],
  ];
  const sections: CardSection[] = groups
    .filter(([, lines]) => lines.length > 0)
    .map(([heading, lines]) => ({
      heading,
      text: lines.map((line) => lineText(line, locale)).join('\n'),
      ...(heading === text.escalated ? { tone: 'warning' as const } : {}),
    }));
  const open = input.lines.filter((l) => l.stillWaiting);
  const hasApprovals = input.lines.some((l) => l.kind === 'approval');
  const hasReturned = input.lines.some((l) => l.kind === 'returned');
  const footer = [...(hasApprovals ? [text.approveHint] : []), ...(hasReturned ? [text.returnedHint] : [])];
  const escalated = input.lines.some((l) => l.level === 'escalate');
  return fitCard({
    title: open.length === 0 ? text.settledTitle : text.title({ count: open.length }),
    accent: open.length === 0 ? 'success' : escalated ? 'warning' : 'info',
    fields: [],
    sections: [
      ...sections,
      ...(escalated ? [{ text: escapeMarkup(text.escalatedNote), tone: 'warning' as const }] : []),
    ],
    images: [],
    actions: [],
    ...(footer.length === 0 ? {} : { footer: footer.join('\n') }),
  });
};
