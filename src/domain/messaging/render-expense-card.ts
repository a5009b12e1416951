// `show <id>`: one expense with its status, approval history and findings. A client contact gets the
// client-facing view instead (docs/product-rules.md §7): what was spent, when and on what, without people, payment,
// receipts, findings or approvals.
import {
  approvedAmountOf,
  type Expense,
  isPartiallyApproved,
  type PendingExpense,
} from '../expenses/expense.js';
import { formatMoney } from '../money/index.js';
import type { Money } from '../money/money.js';
import type { Finding } from '../risk/finding.js';
import { type ApprovalDecisionView, describeDecision, remarkOf } from './approval-decision.js';
import { type Card, type CardField, type CardSection, type CardTone, fitCard } from './card.js';
import { type CardLocale, formatDateTime, formatLongDate } from './card-format.js';
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
} from './expense-display.js';
import { describePendingStage } from './render-approval-card.js';

/** A recorded step with its people named, as `describeDecision` tells it. */
export type ApprovalStepView = ApprovalDecisionView;

export type ExpenseCardInput = {
  readonly expense: Expense;
  /** Defaults to `internal`; `client` is the client-facing view. */
  readonly audience?: 'internal' | 'client';
  readonly submitterName: string;
  readonly client: ClientDisplay;
  readonly project?: ProjectDisplay;
  readonly categoryName: string;
  readonly findings: readonly Finding[];
  /** In the order they happened. */
  readonly steps: readonly ApprovalStepView[];
  readonly receiptCount: number;
  readonly locale: CardLocale;
  readonly timeZone: string;
};

const ACCENT: Readonly<Record<Expense['status'], CardTone | undefined>> = {
  pending: 'info',
  approved: 'success',
  rejected: 'danger',
  returned: 'warning',
  withdrawn: undefined,
  voided: undefined,
};

/** "Pending · Initial review · stage 1 of 2", "Approved CN¥300.00 of CN¥480.00 · billed", "Rejected". */
export const describeStatus = (expense: Expense, locale: CardLocale): string => {
  const text = cardText(locale);
  switch (expense.status) {
    case 'pending':
      return `${text.status.pending}${text.separator}${describePendingStage(expense satisfies PendingExpense, locale)}`;
    case 'approved': {
      const head = isPartiallyApproved(expense)
        ? text.partiallyApprovedStatus({
            approved: formatMoney(approvedAmountOf(expense), locale),
            claimed: formatMoney(expense.clientAmount, locale),
          })
        : text.status.approved;
      const marks = [
        ...(expense.billedAt === undefined ? [] : [text.billed]),
        ...(expense.reimbursedAt === undefined ? [] : [text.reimbursed]),
      ];
      return [head, ...marks].join(text.separator);
    }
    case 'rejected':
    case 'returned':
    case 'withdrawn':
    case 'voided':
      return text.status[expense.status];
  }
};

const statusSection = (expense: Expense, locale: CardLocale): CardSection | undefined => {
  const field = cardText(locale).field;
  const tone = ACCENT[expense.status];
  const section = (heading: string, said: string): CardSection | undefined =>
    said.trim() === ''
      ? undefined
      : { heading, text: escapeMarkup(said.trim()), ...(tone === undefined ? {} : { tone }) };
  switch (expense.status) {
    case 'rejected':
    case 'voided':
      return section(field.reason, expense.reason);
    case 'returned':
      return section(field.whatIsNeeded, expense.whatIsNeeded);
    case 'pending':
    case 'approved':
    case 'withdrawn':
      return undefined;
  }
};

const historySection = (input: ExpenseCardInput): CardSection | undefined => {
  if (input.steps.length === 0) return undefined;
  const text = cardText(input.locale);
  const lines = input.steps.map((step) => {
    const line = describeDecision(step, formatDateTime(step.at, input), input.locale);
    const comment = remarkOf(step);
    return `• ${escapeMarkup(comment === undefined ? line : text.withComment({ line, comment }))}`;
  });
  return { heading: text.field.history, text: lines.join('\n') };
};

const shownAmount = (expense: Expense): Money =>
  expense.status === 'approved' || expense.status === 'voided'
    ? approvedAmountOf(expense)
    : expense.clientAmount;

const internalCard = (input: ExpenseCardInput): Card => {
  const { expense, locale } = input;
  const text = cardText(locale);
  const description = expense.description.trim();
  const fields: CardField[] = [
    { label: text.field.submitter, value: input.submitterName, short: true },
    { label: text.field.client, value: clientLabel(input.client), short: true },
    ...(input.project === undefined
      ? []
      : [{ label: text.field.project, value: projectLabel(input.client, input.project), short: true }]),
    ...amountFields(expense, locale),
    ...spendFields(expense, { categoryName: input.categoryName, locale }),
    { label: text.field.receipts, value: receiptsText(input.receiptCount, expense, locale), short: true },
    ...(description === '' ? [] : [{ label: text.field.description, value: description }]),
  ];
  const sections = [
    statusSection(expense, locale),
    historySection(input),
    findingsSection(input.findings, { locale, categoryName: input.categoryName }),
  ].filter((section): section is CardSection => section !== undefined);
  const accent = ACCENT[expense.status];
  return {
    title: text.expenseTitle({ id: expense.id, amount: formatMoney(expense.clientAmount, locale) }),
    subtitle: describeStatus(expense, locale),
    ...(accent === undefined ? {} : { accent }),
    fields,
    sections,
    images: [],
    actions: [],
  };
};

const clientCard = (input: ExpenseCardInput): Card => {
  const { expense, locale } = input;
  const text = cardText(locale);
  const amount = formatMoney(shownAmount(expense), locale);
  const description = expense.description.trim();
  return {
    title: text.expenseTitle({ id: expense.id, amount }),
    fields: [
      { label: text.field.date, value: formatLongDate(expense.incurredOn, locale), short: true },
      { label: text.field.category, value: input.categoryName, short: true },
      ...(input.project === undefined
        ? []
        : [{ label: text.field.project, value: projectLabel(input.client, input.project), short: true }]),
      { label: text.field.amount, value: amount, short: true },
      ...(description === '' ? [] : [{ label: text.field.description, value: description }]),
    ],
    sections: [],
    images: [],
    actions: [],
  };
};

export const renderExpenseCard = (input: ExpenseCardInput): Card =>
  fitCard(input.audience === 'client' ? clientCard(input) : internalCard(input));
