// Short notices a person receives about their own things: an approved expense voided or reimbursed, a delegation
// that lets them decide for someone, a new platform identity linked to their account. And the two the admin
// channel receives: a message given up on, and the day's audit chain head.
import { formatMoney } from '../money/index.js';
import type { Money } from '../money/money.js';
import { type Card, type CardField, fitCard } from './card.js';
import { type CardLocale, formatDateTime, formatLongDate } from './card-format.js';
import { escapeMarkup } from './card-markup.js';
import { cardText } from './card-text.js';

type Sentence<P> = (params: P) => string;

type NoticeText = {
  readonly voidedTitle: Sentence<{ readonly id: string }>;
  readonly voidedBy: string;
  readonly reimbursedTitle: Sentence<{ readonly id: string }>;
  readonly reimbursedAt: string;
  readonly delegationTitle: Sentence<{ readonly name: string }>;
  readonly delegationText: Sentence<{ readonly name: string; readonly until: string }>;
  readonly identityTitle: string;
  readonly identityText: Sentence<{ readonly identity: string }>;
  readonly identityWarning: string;
  readonly deadLetterTitle: string;
  readonly auditHeadTitle: string;
};

const EN: NoticeText = {
  voidedTitle: (p) => `${p.id} was voided`,
  voidedBy: 'Voided by',
  reimbursedTitle: (p) => `${p.id} was reimbursed`,
  reimbursedAt: 'Reimbursed',
  delegationTitle: (p) => `You now decide for ${p.name}`,
  delegationText: (p) =>
    `While ${p.name} is away you may approve, reject or return their approvals, through ${p.until}. Each decision is recorded as yours, on their behalf.`,
  identityTitle: 'A new sign-in was linked to your Outlay account',
  identityText: (p) => `${p.identity} can now act as you in Outlay.`,
  identityWarning: 'If this was not you, tell an admin straight away.',
  deadLetterTitle: 'Undeliverable message',
  auditHeadTitle: 'Audit chain head',
};

const ZH: NoticeText = {
  voidedTitle: (p) => `${p.id} 已作废`,
  voidedBy: '作废人',
  reimbursedTitle: (p) => `${p.id} 已报销`,
  reimbursedAt: '报销时间',
  delegationTitle: (p) => `您现在代 ${p.name} 审批`,
  delegationText: (p) =>
    `${p.name} 不在期间（至 ${p.until}），您可以代其批准、驳回或退回审批。每项决定都记录为您代其作出。`,
  identityTitle: '您的 Outlay 账号关联了新的登录身份',
  identityText: (p) => `${p.identity} 现在可以以您的身份使用 Outlay。`,
  identityWarning: '如果这不是您本人操作，请立即告知管理员。',
  deadLetterTitle: '无法送达的消息',
  auditHeadTitle: '审计链头',
};

export const NOTICE_TEXT: Readonly<Record<CardLocale, NoticeText>> = { en: EN, 'zh-CN': ZH };

const card = (title: string, fields: CardField[], text?: string, accent?: Card['accent']): Card =>
  fitCard({
    title,
    ...(accent === undefined ? {} : { accent }),
    fields,
    sections: text === undefined ? [] : [{ text }],
    images: [],
    actions: [],
  });

export const renderVoidedNoticeCard = (input: {
  readonly expenseId: string;
  readonly clientName: string;
  readonly approved: Money;
  readonly reason: string;
  readonly voidedByName: string;
  readonly locale: CardLocale;
}): Card => {
  const { locale } = input;
  const field = cardText(locale).field;
  return card(
    NOTICE_TEXT[locale].voidedTitle({ id: input.expenseId }),
    [
      { label: field.client, value: input.clientName, short: true },
      { label: field.approvedAmount, value: formatMoney(input.approved, locale), short: true },
      { label: NOTICE_TEXT[locale].voidedBy, value: input.voidedByName, short: true },
      { label: field.reason, value: input.reason },
    ],
    undefined,
    'danger',
  );
};

export const renderReimbursedNoticeCard = (input: {
  readonly expenseId: string;
  readonly clientName: string;
  readonly approved: Money;
  readonly at: string;
  readonly locale: CardLocale;
  readonly timeZone: string;
}): Card => {
  const { locale } = input;
  const field = cardText(locale).field;
  return card(
    NOTICE_TEXT[locale].reimbursedTitle({ id: input.expenseId }),
    [
      { label: field.client, value: input.clientName, short: true },
      { label: field.approvedAmount, value: formatMoney(input.approved, locale), short: true },
      { label: NOTICE_TEXT[locale].reimbursedAt, value: formatDateTime(input.at, input), short: true },
    ],
    undefined,
    'success',
  );
};

export const renderDelegationNoticeCard = (input: {
  readonly fromName: string;
  readonly until: string;
  readonly locale: CardLocale;
}): Card => {
  const text = NOTICE_TEXT[input.locale];
  return card(
    text.delegationTitle({ name: input.fromName }),
    [],
    escapeMarkup(
      text.delegationText({ name: input.fromName, until: formatLongDate(input.until, input.locale) }),
    ),
  );
};

export const renderIdentityLinkedCard = (input: {
  readonly identity: string;
  readonly locale: CardLocale;
}): Card => {
  const text = NOTICE_TEXT[input.locale];
  return card(
    text.identityTitle,
    [],
    escapeMarkup(`${text.identityText({ identity: input.identity })}\n${text.identityWarning}`),
    'warning',
  );
};

/** The line names the message's kind, where it was going and the platform's error, verbatim: they are for admins. */
export const renderDeadLetterNoticeCard = (input: {
  readonly kind: string;
  readonly address: string;
  readonly error: string;
  readonly locale: CardLocale;
}): Card =>
  card(
    NOTICE_TEXT[input.locale].deadLetterTitle,
    [],
    escapeMarkup(`${input.kind} → ${input.address}: ${input.error}`),
    'danger',
  );

/** `<position>:<hash>`, exactly as `audit verify --anchor` takes it and the anchor file prints it. */
export const renderAuditHeadNoticeCard = (input: {
  readonly position: string;
  readonly hash: string;
  readonly locale: CardLocale;
}): Card =>
  card(NOTICE_TEXT[input.locale].auditHeadTitle, [], escapeMarkup(`${input.position}:${input.hash}`));
