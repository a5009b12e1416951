// From an ExpenseCardData (what the database says) to the card inputs the messaging builders take, in one place, so
// replies, notifications and every platform show an expense the same way.
import type { RecordedStep } from '../../domain/approvals/approval-step.js';
import type { ExpenseCardData } from '../../domain/expenses/describe-expense.js';
import { baseOf, type PendingExpense } from '../../domain/expenses/expense.js';
import {
  type ApprovalCardInput,
  type ApprovalDecisionView,
  type Card,
  type CardLocale,
  renderExpenseCard,
} from '../../domain/messaging/index.js';

export function categoryNameOf(view: ExpenseCardData, locale: CardLocale): string {
  return view.category?.names[locale] ?? view.expense.categoryCode;
}

function displayOf(view: ExpenseCardData) {
  return {
    client: { name: view.client.name, code: view.client.code },
    ...(view.project ? { project: { name: view.project.name, code: view.project.code } } : {}),
  };
}

/** The approval card for the stage the expense waits on, or for a stage it waited on earlier (to resolve it). */
export function approvalCardInput(
  view: ExpenseCardData,
  locale: CardLocale,
  stage?: { readonly stage: number; readonly stageCount: number },
): ApprovalCardInput {
  const expense: PendingExpense =
    view.expense.status === 'pending' && (stage === undefined || stage.stage === view.expense.stage)
      ? view.expense
      : {
          ...baseOf(view.expense),
          status: 'pending',
          stage: stage?.stage ?? 1,
          stageCount: (stage?.stageCount ?? 1) as PendingExpense['stageCount'],
          financeStage: false,
        };
  return {
    expense,
    submitterName: view.submitterName,
    ...displayOf(view),
    categoryName: categoryNameOf(view, locale),
    findings: view.findings,
    budgetImpacts: view.budgetImpacts,
    receiptCount: view.receiptCount,
    locale,
    timeZone: view.client.timeZone,
  };
}

/** A recorded step as the cards name it, with partial approvals told apart from full ones. */
export function decisionViewOf(
  step: Pick<
    RecordedStep,
    'decision' | 'deciderId' | 'onBehalfOf' | 'approvedAmountMinor' | 'reason' | 'at' | 'stage' | 'stageCount'
  >,
  view: ExpenseCardData,
): ApprovalDecisionView {
  const people = {
    deciderName: view.names.get(step.deciderId) ?? step.deciderId,
    ...(step.onBehalfOf ? { onBehalfOfName: view.names.get(step.onBehalfOf) ?? step.onBehalfOf } : {}),
    stage: step.stage,
    stageCount: step.stageCount,
    at: step.at,
  };
  const claimed = view.expense.clientAmount;
  switch (step.decision) {
    case 'approved':
      return step.approvedAmountMinor !== undefined && step.approvedAmountMinor < claimed.amountMinor
        ? {
            kind: 'partially-approved',
            approvedAmount: { amountMinor: step.approvedAmountMinor, currency: claimed.currency },
            ...(step.reason ? { reason: step.reason } : {}),
            ...people,
          }
        : { kind: 'approved', ...(step.reason ? { comment: step.reason } : {}), ...people };
    case 'rejected':
      return { kind: 'rejected', ...(step.reason ? { reason: step.reason } : {}), ...people };
    case 'returned':
      return { kind: 'returned', ...(step.reason ? { whatIsNeeded: step.reason } : {}), ...people };
  }
}

/** `show <id>`: the expense with its history, for the internal or the client audience. */
export function expenseCard(
  view: ExpenseCardData,
  locale: CardLocale,
  audience: 'internal' | 'client' = 'internal',
): Card {
  return renderExpenseCard({
    expense: view.expense,
    audience,
    submitterName: view.submitterName,
    ...displayOf(view),
    categoryName: categoryNameOf(view, locale),
    findings: view.findings,
    steps: view.steps.map((step) => decisionViewOf(step, view)),
    receiptCount: view.receiptCount,
    locale,
    timeZone: view.client.timeZone,
  });
}
