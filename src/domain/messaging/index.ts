export type { ExpenseAction, ExpenseActionKind } from './action-id.js';
export {
  decodeActionId,
  EXPENSE_ACTION_KINDS,
  encodeActionId,
  isExpenseActionId,
  MAX_ACTION_ID_LENGTH,
} from './action-id.js';
export type { ApprovalDecisionView, ApprovalOutcome } from './approval-decision.js';
export { describeDecision } from './approval-decision.js';
export type { ScopedBudgetImpact } from './budget-text.js';
export { budgetImpactLines, describeBudgetImpact } from './budget-text.js';
export type {
  Card,
  CardAction,
  CardAmountInput,
  CardField,
  CardImage,
  CardInput,
  CardLimits,
  CardLink,
  CardReasonInput,
  CardResolution,
  CardSection,
  CardTone,
} from './card.js';
export { CARD_LIMITS, fitCard, resolveCard, textLength, truncateText, worstTone } from './card.js';
export type { CardFormat, CardLocale } from './card-format.js';
export {
  CARD_LOCALES,
  describePeriod,
  formatDateTime,
  formatLongDate,
  formatPercent,
  formatShortDate,
  formatTime,
} from './card-format.js';
export type { MarkupLines, MarkupSpan } from './card-markup.js';
export { bold, escapeMarkup, parseMarkup, stripMarkup } from './card-markup.js';
export type { CardText } from './card-text.js';
export { CARD_TEXT, cardText } from './card-text.js';
export type {
  AddressPlatform,
  ChatAddress,
  ChatAddressParts,
  ConsoleAddress,
  MemberAddress,
  SlackAddress,
  TeamsAddress,
  WecomAddress,
  WecomRobotAddress,
} from './chat-address.js';
export {
  ADDRESS_PLATFORMS,
  asChatAddress,
  decodeAddress,
  encodeAddress,
  platformOf,
} from './chat-address.js';
export type { ClientDisplay, ProjectDisplay } from './expense-display.js';
export { describeFinding } from './finding-text.js';
export type { ApprovalCardInput } from './render-approval-card.js';
export { renderApprovalCard } from './render-approval-card.js';
export type { BudgetCardInput, BudgetView } from './render-budget-card.js';
export { renderBudgetCard } from './render-budget-card.js';
export type { BudgetWarningInput, BudgetWarningReason } from './render-budget-warning-card.js';
export { renderBudgetWarningCard } from './render-budget-warning-card.js';
export type { DecisionNoticeInput } from './render-decision-notice-card.js';
export { renderDecisionNoticeCard } from './render-decision-notice-card.js';
export type { ApprovalStepView, ExpenseCardInput } from './render-expense-card.js';
export { renderExpenseCard } from './render-expense-card.js';
export type { ExpenseListInput, ExpenseListRow, ExpenseListScope } from './render-expense-list-card.js';
export { EXPENSE_LIST_MAX_ROWS, renderExpenseListCard } from './render-expense-list-card.js';
export { renderTextCard } from './render-text-card.js';
export { resolveApprovalCard } from './resolve-approval-card.js';
