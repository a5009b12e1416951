// The approval request (docs/product-rules.md §4): who spent what for whom, the risk findings and the budget impact,
// with Approve / Reject / Needs details / Approve a different amount. Every button id names the expense, its version
// and the stage, so a click on a card that is out of date can be recognised and refused.
import { STAGE_LABEL_TEXT, stageOfShape } from '../approvals/approval-stage.js';
import { amountUnderReview, chainShapeOf, type PendingExpense } from '../expenses/expense.js';
import { formatAmountPlain, formatMoney } from '../money/index.js';
import type { Finding } from '../risk/finding.js';
import { encodeActionId } from './action-id.js';
import { budgetImpactLines, isBudgetImpactAlarming, type ScopedBudgetImpact } from './budget-text.js';
import {
  type Card,
  type CardAction,
  type CardField,
  type CardReasonPresets,
  type CardSection,
  fitCard,
  worstTone,
} from './card.js';
import type { CardLocale } from './card-format.js';
import { escapeMarkup } from './card-markup.js';
import { cardText } from './card-text.js';
import {
  amountFields,
  type ClientDisplay,
  clientLabel,
  findingsSection,
  type ProjectDisplay,
  projectLabel,
  receiptsText,
  spendFields,
  toneOfFindings,
} from './expense-display.js';

export type ApprovalCardInput = {
  readonly expense: PendingExpense;
  readonly submitterName: string;
  readonly client: ClientDisplay;
  readonly project?: ProjectDisplay;
  readonly categoryName: string;
  readonly findings: readonly Finding[];
  /** Every budget the expense counts against, with the name of its scope. */
  readonly budgetImpacts?: readonly ScopedBudgetImpact[];
  readonly receiptCount: number;
  readonly locale: CardLocale;
  /** The reader's clock for the resolved state's time (usually the client's zone). */
  readonly timeZone: string;
};

/** "Initial review · stage 1 of 2" for the stage the expense waits on. */
export const describePendingStage = (expense: PendingExpense, locale: CardLocale): string => {
  const { label } = stageOfShape(chainShapeOf(expense), expense.stage);
  return cardText(locale).stage({
    label: STAGE_LABEL_TEXT[label][locale],
    k: expense.stage,
    n: expense.stageCount,
  });
};

/** One-click reasons for Reject / Needs details, where the platform has a picker (WeCom's card drop-down). */
export const REASON_PRESETS: Readonly<Record<CardLocale, CardReasonPresets>> = {
  en: {
    options: ['Missing receipt', 'Not billable to this client', 'Duplicate', 'Amount too high'],
    other: 'Other (type a reason)',
  },
  'zh-CN': {
    options: ['缺少票据', '不可向该客户计费', '重复报销', '金额过高'],
    other: '其他（输入原因）',
  },
};

const approvalActions = (expense: PendingExpense, locale: CardLocale): CardAction[] => {
  const text = cardText(locale);
  const target = { expenseId: expense.id, version: expense.version, stage: expense.stage };
  const underReview = amountUnderReview(expense);
  const presets = REASON_PRESETS[locale];
  return [
    { id: encodeActionId({ kind: 'approve', ...target }), label: text.button.approve, style: 'primary' },
    {
      id: encodeActionId({ kind: 'reject', ...target }),
      label: text.button.reject,
      style: 'danger',
      input: {
        kind: 'reason',
        label: text.input.reasonLabel,
        placeholder: text.input.reasonPlaceholder,
        required: true,
        presets,
      },
    },
    {
      id: encodeActionId({ kind: 'return', ...target }),
      label: text.button.needsDetails,
      style: 'default',
      input: {
        kind: 'reason',
        label: text.input.neededLabel,
        placeholder: text.input.neededPlaceholder,
        required: true,
        presets,
      },
    },
    {
      id: encodeActionId({ kind: 'approve-amount', ...target }),
      label: text.button.approveAmount,
      style: 'default',
      input: {
        kind: 'amount',
        label: text.input.amountLabel({ currency: underReview.currency }),
        placeholder: formatAmountPlain(underReview),
        required: true,
        currency: underReview.currency,
        reason: {
          label: text.input.amountReasonLabel,
          placeholder: text.input.amountReasonPlaceholder,
          required: true,
        },
      },
    },
  ];
};

const approvalFields = (input: ApprovalCardInput): CardField[] => {
  const { expense, locale } = input;
  const text = cardText(locale);
  const description = expense.description.trim();
  return [
    { label: text.field.submitter, value: input.submitterName, short: true },
    { label: text.field.client, value: clientLabel(input.client), short: true },
    ...(input.project === undefined
      ? []
      : [{ label: text.field.project, value: projectLabel(input.client, input.project), short: true }]),
    ...amountFields(expense, locale),
    ...(expense.approvedAmountMinor === undefined
      ? []
      : [
          {
            label: text.field.underReview,
            value: formatMoney(amountUnderReview(expense), locale),
            short: true,
          },
        ]),
    ...spendFields(expense, { categoryName: input.categoryName, locale }),
    { label: text.field.receipts, value: receiptsText(input.receiptCount, expense, locale), short: true },
    ...(description === '' ? [] : [{ label: text.field.description, value: description }]),
  ];
};

const budgetSection = (input: ApprovalCardInput): CardSection | undefined => {
  const impacts = input.budgetImpacts ?? [];
  if (impacts.length === 0) return undefined;
  const alarming = impacts.some((scoped) => isBudgetImpactAlarming(scoped.impact));
  return {
    heading: cardText(input.locale).field.budget,
    text: impacts
      .map((scoped) => budgetImpactLines(scoped, input.locale).map(escapeMarkup).join('\n'))
      .join('\n\n'),
    tone: alarming ? 'warning' : 'info',
  };
};

export const renderApprovalCard = (input: ApprovalCardInput): Card => {
  const { expense, locale } = input;
  const text = cardText(locale);
  const risk = findingsSection(input.findings, { locale, categoryName: input.categoryName });
  const budget = budgetSection(input);
  return fitCard({
    title: text.approvalTitle({ id: expense.id }),
    subtitle: describePendingStage(expense, locale),
    accent: worstTone([toneOfFindings(input.findings), budget?.tone === 'warning' ? 'warning' : undefined]),
    fields: approvalFields(input),
    sections: [...(risk === undefined ? [] : [risk]), ...(budget === undefined ? [] : [budget])],
    images: [],
    actions: approvalActions(expense, locale),
    footer: text.replyHint({ id: expense.id }),
  });
};
