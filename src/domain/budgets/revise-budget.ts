import type { Money } from '../money/money.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import {
  type Budget,
  type BudgetAction,
  type BudgetAmountInvalid,
  type BudgetThresholdsInvalid,
  normaliseThresholds,
  validateBudgetAmount,
} from './budget.js';

/** The part of a budget a revision may change; scope and period make a different budget. */
export type BudgetTerms = {
  readonly amount: Money;
  readonly thresholdsPercent: readonly number[];
  readonly action: BudgetAction;
};

export type BudgetRevisionRequest = {
  readonly amount?: Money | undefined;
  readonly thresholds?: readonly number[] | undefined;
  readonly action?: BudgetAction | undefined;
  /** Member id of whoever revises it. */
  readonly by: string;
  readonly reason: string;
  /** ISO instant of the revision. */
  readonly at: string;
};

/** One entry of a budget's history: who changed what, when and why. */
export type BudgetRevision = {
  readonly budgetId: string;
  readonly by: string;
  readonly at: string;
  readonly reason: string;
  readonly changed: readonly (keyof BudgetTerms)[];
  readonly before: BudgetTerms;
  readonly after: BudgetTerms;
};

export type BudgetRevisionFailure =
  | BudgetAmountInvalid
  | BudgetThresholdsInvalid
  | Failure<'BUDGET_REVISION_REASON_REQUIRED'>
  | Failure<'BUDGET_REVISION_EMPTY'>
  | Failure<'BUDGET_CURRENCY_MISMATCH'>;

const termsOf = (budget: Budget): BudgetTerms => ({
  amount: budget.amount,
  thresholdsPercent: budget.thresholdsPercent,
  action: budget.action,
});

const sameThresholds = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * A new version of the budget and the history entry recording it. The amount stays in the client's currency;
 * a revision that changes nothing, or gives no reason, is refused.
 */
export const reviseBudget = (
  budget: Budget,
  request: BudgetRevisionRequest,
): Result<{ readonly budget: Budget; readonly revision: BudgetRevision }, BudgetRevisionFailure> => {
  const reason = request.reason.trim();
  if (reason === '') return fail('BUDGET_REVISION_REASON_REQUIRED', { budgetId: budget.id });
  const before = termsOf(budget);
  let amount = before.amount;
  if (request.amount !== undefined) {
    if (request.amount.currency !== before.amount.currency) {
      return fail('BUDGET_CURRENCY_MISMATCH', {
        budgetId: budget.id,
        budgetCurrency: before.amount.currency,
        given: request.amount.currency,
      });
    }
    const valid = validateBudgetAmount(request.amount);
    if (!valid.ok) return valid;
    amount = valid.value;
  }
  let thresholdsPercent = before.thresholdsPercent;
  if (request.thresholds !== undefined) {
    const valid = normaliseThresholds(request.thresholds);
    if (!valid.ok) return valid;
    thresholdsPercent = valid.value;
  }
  const after: BudgetTerms = { amount, thresholdsPercent, action: request.action ?? before.action };
  const changed: (keyof BudgetTerms)[] = [];
  if (after.amount.amountMinor !== before.amount.amountMinor) changed.push('amount');
  if (!sameThresholds(after.thresholdsPercent, before.thresholdsPercent)) changed.push('thresholdsPercent');
  if (after.action !== before.action) changed.push('action');
  if (changed.length === 0) return fail('BUDGET_REVISION_EMPTY', { budgetId: budget.id });
  return ok({
    budget: { ...budget, ...after },
    revision: { budgetId: budget.id, by: request.by, at: request.at, reason, changed, before, after },
  });
};
