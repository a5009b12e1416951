// What the submitter is told once their expense is decided (docs/product-rules.md §4): approved, approved for less
// with the reason, rejected with the reason, or returned with what is needed and how to send it again.
import { formatMoney } from '../money/index.js';
import type { Money } from '../money/money.js';
import {
  type ApprovalDecisionView,
  deciderOf,
  decisionReasonSection,
  TONE_OF_OUTCOME,
} from './approval-decision.js';
import { type Card, type CardField, fitCard } from './card.js';
import { type CardLocale, formatDateTime } from './card-format.js';
import { cardText } from './card-text.js';

export type DecisionNoticeInput = {
  readonly expenseId: string;
  readonly clientName: string;
  readonly description: string;
  /** What was claimed, in the client's currency. */
  readonly claimed: Money;
  readonly decision: ApprovalDecisionView;
  readonly locale: CardLocale;
  readonly timeZone: string;
};

export const renderDecisionNoticeCard = (input: DecisionNoticeInput): Card => {
  const { decision, locale } = input;
  const text = cardText(locale);
  const id = { id: input.expenseId };
  const title = {
    approved: text.notice.approved,
    'partially-approved': text.notice.partiallyApproved,
    rejected: text.notice.rejected,
    returned: text.notice.returned,
  }[decision.kind](id);
  const amounts: CardField[] =
    decision.kind === 'partially-approved'
      ? [
          { label: text.field.claimed, value: formatMoney(input.claimed, locale), short: true },
          {
            label: text.field.approvedAmount,
            value: formatMoney(decision.approvedAmount, locale),
            short: true,
          },
        ]
      : [{ label: text.field.amount, value: formatMoney(input.claimed, locale), short: true }];
  const description = input.description.trim();
  const reason = decisionReasonSection(decision, locale);
  return fitCard({
    title,
    accent: TONE_OF_OUTCOME[decision.kind],
    fields: [
      { label: text.field.client, value: input.clientName, short: true },
      ...amounts,
      { label: text.field.decidedBy, value: text.decider(deciderOf(decision)), short: true },
      { label: text.field.decidedAt, value: formatDateTime(decision.at, input), short: true },
      ...(description === '' ? [] : [{ label: text.field.description, value: description }]),
    ],
    sections: reason === undefined ? [] : [reason],
    images: [],
    actions: [],
    ...(decision.kind === 'returned' ? { footer: text.notice.resubmitHint(id) } : {}),
  });
};
