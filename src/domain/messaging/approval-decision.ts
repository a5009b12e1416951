// A decision on one stage as cards show it: the one-line outcome ("Approved by Alice · stage 1 of 2 · 14:02")
// and the reason that came with it. Shared by resolved approval cards, the history in `show` and notices.

import { formatMoney } from '../money/index.js';
import type { Money } from '../money/money.js';
import type { CardSection, CardTone } from './card.js';
import type { CardLocale } from './card-format.js';
import { escapeMarkup } from './card-markup.js';
import { cardText, type DeciderText, type FieldKey } from './card-text.js';

export type ApprovalOutcome =
  | { readonly kind: 'approved'; readonly comment?: string }
  | { readonly kind: 'partially-approved'; readonly approvedAmount: Money; readonly reason?: string }
  | { readonly kind: 'rejected'; readonly reason?: string }
  | { readonly kind: 'returned'; readonly whatIsNeeded?: string };

/** A decision with its people already named. */
export type ApprovalDecisionView = ApprovalOutcome & {
  readonly deciderName: string;
  /** Set when a delegate decided: the member they stood in for. */
  readonly onBehalfOfName?: string;
  readonly stage: number;
  readonly stageCount: number;
  /** ISO 8601 instant. */
  readonly at: string;
};

export const TONE_OF_OUTCOME: Readonly<Record<ApprovalOutcome['kind'], CardTone>> = {
  approved: 'success',
  'partially-approved': 'success',
  rejected: 'danger',
  returned: 'warning',
};

export const deciderOf = (decision: {
  readonly deciderName: string;
  readonly onBehalfOfName?: string;
}): DeciderText =>
  decision.onBehalfOfName === undefined
    ? { name: decision.deciderName }
    : { name: decision.deciderName, onBehalfOf: decision.onBehalfOfName };

/** The outcome line; `time` is already formatted (`14:02`, or `2 Mar 14:02` in a history). */
export const describeDecision = (
  decision: ApprovalDecisionView,
  time: string,
  locale: CardLocale,
): string => {
  const text = cardText(locale).resolved;
  const params = { ...deciderOf(decision), k: decision.stage, n: decision.stageCount, time };
  switch (decision.kind) {
    case 'approved':
      return text.approved(params);
    case 'partially-approved':
      return text.partiallyApproved({ ...params, amount: formatMoney(decision.approvedAmount, locale) });
    case 'rejected':
      return text.rejected(params);
    case 'returned':
      return text.returned(params);
  }
};

/** What the approver said with the decision (a comment, a reason, what is needed), if anything. */
export const remarkOf = (decision: ApprovalOutcome): string | undefined => {
  const said = (() => {
    switch (decision.kind) {
      case 'approved':
        return decision.comment;
      case 'partially-approved':
      case 'rejected':
        return decision.reason;
      case 'returned':
        return decision.whatIsNeeded;
    }
  })()?.trim();
  return said === undefined || said === '' ? undefined : said;
};

const REMARK_HEADING = {
  approved: 'comment',
  'partially-approved': 'reason',
  rejected: 'reason',
  returned: 'whatIsNeeded',
} as const satisfies Record<ApprovalOutcome['kind'], FieldKey>;

/** The remark under "Comment", "Reason" or "What is needed"; undefined when nothing was said. */
export const decisionReasonSection = (
  decision: ApprovalOutcome,
  locale: CardLocale,
): CardSection | undefined => {
  const said = remarkOf(decision);
  if (said === undefined) return undefined;
  return {
    heading: cardText(locale).field[REMARK_HEADING[decision.kind]],
    text: escapeMarkup(said),
    tone: TONE_OF_OUTCOME[decision.kind],
  };
};
