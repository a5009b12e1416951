import { isSafeMinor, type Money } from '../money/money.js';
import type { BudgetPeriod } from '../periods/budget-period.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';

export const BUDGET_ACTIONS = ['warn', 'escalate', 'block'] as const;
/** What happens when an expense would take consumption past 100 %. */
export type BudgetAction = (typeof BUDGET_ACTIONS)[number];

export const DEFAULT_THRESHOLDS_PERCENT: readonly number[] = [50, 80, 100];

/** Thresholds are whole percentages so crossings can be decided in exact integer arithmetic. */
export const MAX_THRESHOLD_PERCENT = 1000;

/**
 * A spending limit for a client, optionally narrowed to one project and/or one category, per period,
 * in the client's currency.
 */
export type Budget = {
  readonly id: string;
  readonly clientId: string;
  readonly projectId?: string;
  readonly categoryCode?: string;
  readonly period: BudgetPeriod;
  readonly amount: Money;
  readonly thresholdsPercent: readonly number[];
  readonly action: BudgetAction;
};

/** Where an expense sits: what a budget's scope is matched against. */
export type ExpenseScope = {
  readonly clientId: string;
  readonly projectId?: string | undefined;
  readonly categoryCode?: string | undefined;
};

/** A client budget covers all its projects and categories; a narrower one only its own. */
export const budgetApplies = (budget: Budget, scope: ExpenseScope): boolean =>
  budget.clientId === scope.clientId &&
  (budget.projectId === undefined || budget.projectId === scope.projectId) &&
  (budget.categoryCode === undefined || budget.categoryCode === scope.categoryCode);

export const budgetsApplying = (budgets: readonly Budget[], scope: ExpenseScope): Budget[] =>
  budgets.filter((budget) => budgetApplies(budget, scope));

export type BudgetAmountInvalid = Failure<'BUDGET_AMOUNT_INVALID'>;
export type BudgetThresholdsInvalid = Failure<'BUDGET_THRESHOLDS_INVALID'>;

export const validateBudgetAmount = (amount: Money): Result<Money, BudgetAmountInvalid> =>
  isSafeMinor(amount.amountMinor) && amount.amountMinor > 0
    ? ok(amount)
    : fail('BUDGET_AMOUNT_INVALID', { amountMinor: amount.amountMinor, currency: amount.currency });

/** Thresholds come back sorted and without repeats; each must be a whole percentage from 1 to 1000. */
export const normaliseThresholds = (
  thresholdsPercent: readonly number[],
): Result<readonly number[], BudgetThresholdsInvalid> => {
  const invalid = thresholdsPercent.find((t) => !Number.isInteger(t) || t < 1 || t > MAX_THRESHOLD_PERCENT);
  if (thresholdsPercent.length === 0 || invalid !== undefined) {
    return fail('BUDGET_THRESHOLDS_INVALID', {
      thresholds: thresholdsPercent.join(','),
      allowed: `whole percentages 1..${MAX_THRESHOLD_PERCENT}`,
    });
  }
  return ok([...new Set(thresholdsPercent)].sort((a, b) => a - b));
};

export type NewBudget = {
  readonly id: string;
  readonly clientId: string;
  readonly projectId?: string | undefined;
  readonly categoryCode?: string | undefined;
  readonly period: BudgetPeriod;
  readonly amount: Money;
  readonly thresholdsPercent?: readonly number[] | undefined;
  readonly action?: BudgetAction | undefined;
};

/** A budget with the defaults filled in: thresholds 50 / 80 / 100 % and the `warn` action. */
export const createBudget = (
  input: NewBudget,
): Result<Budget, BudgetAmountInvalid | BudgetThresholdsInvalid> => {
  const amount = validateBudgetAmount(input.amount);
  if (!amount.ok) return amount;
  const thresholds = normaliseThresholds(input.thresholdsPercent ?? DEFAULT_THRESHOLDS_PERCENT);
  if (!thresholds.ok) return thresholds;
  return ok({
    id: input.id,
    clientId: input.clientId,
    ...(input.projectId === undefined ? {} : { projectId: input.projectId }),
    ...(input.categoryCode === undefined ? {} : { categoryCode: input.categoryCode }),
    period: input.period,
    amount: input.amount,
    thresholdsPercent: thresholds.value,
    action: input.action ?? 'warn',
  });
};
