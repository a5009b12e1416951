// The approval card once its stage is decided: the same facts, no buttons, the outcome line instead
// ("Approved by Alice · stage 1 of 2 · 14:02") and what the approver said. Every copy of the card on every
// platform is replaced by this, so a late click finds nothing to press.
import {
  type ApprovalDecisionView,
  decisionReasonSection,
  describeDecision,
  TONE_OF_OUTCOME,
} from './approval-decision.js';
import { type Card, fitCard, resolveCard } from './card.js';
import { type CardFormat, formatTime } from './card-format.js';
import { type ApprovalCardInput, renderApprovalCard } from './render-approval-card.js';

const isCard = (source: Card | ApprovalCardInput): source is Card => 'title' in source;

/** From the inputs of the original card: its locale and time zone come with them. */
export function resolveApprovalCard(source: ApprovalCardInput, decision: ApprovalDecisionView): Card;
/** From a card as sent (e.g. kept with the outbox message): say in which locale and zone to write the outcome. */
export function resolveApprovalCard(source: Card, decision: ApprovalDecisionView, format: CardFormat): Card;
export function resolveApprovalCard(
  source: Card | ApprovalCardInput,
  decision: ApprovalDecisionView,
  format?: CardFormat,
): Card {
  const card = isCard(source) ? source : renderApprovalCard(source);
  const { locale, timeZone } = isCard(source)
    ? (format ?? missingFormat())
    : { locale: source.locale, timeZone: source.timeZone };
  const outcome = describeDecision(decision, formatTime(decision.at, timeZone), locale);
  // The reply hint names commands for a question that is now settled.
  const { footer: _settledHint, ...withoutHint } = card;
  const reason = decisionReasonSection(decision, locale);
  return fitCard(
    resolveCard(
      { ...withoutHint, sections: [...card.sections, ...(reason === undefined ? [] : [reason])] },
      outcome,
      decision.at,
      TONE_OF_OUTCOME[decision.kind],
    ),
  );
}

const missingFormat = (): never => {
  throw new TypeError('resolveApprovalCard needs a locale and time zone to resolve a card as sent');
};
