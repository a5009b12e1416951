import type { CurrencyCode } from '../money/money.js';
import type { PeriodRange } from '../periods/period-range.js';
import { err, type Failure, fail, ok, type Result } from '../shared/result.js';
import type { Budget } from './budget.js';
import { percentBasisPoints } from './budget-percent.js';
import type { Consumption } from './consumption.js';
import { crossedThresholds } from './crossed-thresholds.js';

/**
 * `ok`: nothing to say. `warn`: a threshold is crossed, or a `warn` budget is exceeded. `escalate`: an `escalate`
 * budget is exceeded, so a finance stage is appended. `blocked`: a `block` budget would be exceeded and the item is
 * refused. `override`: the same, but finance/admin said `override`, so it goes ahead with a finance stage.
 */
export type BudgetOutcome = 'ok' | 'warn' | 'escalate' | 'blocked' | 'override';

/** Who may raise a budget or log past a blocking one. */
export const BUDGET_OVERRIDE_ROLES = 'finance,admin';

export type BudgetWouldBeExceeded = Failure<'BUDGET_WOULD_BE_EXCEEDED'>;

export type BudgetEvaluation = {
  readonly budgetId: string;
  readonly periodKey?: string;
  readonly currency: CurrencyCode;
  readonly outcome: BudgetOutcome;
  readonly budgetMinor: number;
  readonly actualMinor: number;
  readonly committedMinor: number;
  readonly newAmountMinor: number;
  /** actual + committed, before the new item. */
  readonly consumedBeforeMinor: number;
  /** actual + committed + the new item. */
  readonly consumedAfterMinor: number;
  readonly percentNowBp: number;
  readonly percentAfterBp: number;
  /** Present when the new item takes consumption past the budget: by how much it would then be over. */
  readonly willExceedByMinor?: number;
  /** Thresholds (percent) this item newly reaches. */
  readonly crossed: readonly number[];
  /** An `escalate` budget exceeded, or a `block` budget overridden: the chain gains a finance stage. */
  readonly appendFinanceStage: boolean;
  /** Present exactly when the outcome is `blocked`. */
  readonly refusal?: BudgetWouldBeExceeded;
};

export type NewExpenseAgainstBudget = {
  readonly budget: Budget;
  readonly consumption: Consumption;
  /** The new item in the client's currency (the budget's); negative for a correction that lowers spend. */
  readonly newAmountMinor: number;
  /** The submitter wrote `override`. */
  readonly override: boolean;
  /** The submitter is finance or admin. */
  readonly actorCanOverride: boolean;
  /** The budget period the consumption was measured over, named in messages. */
  readonly period?: PeriodRange | undefined;
};

const outcomeFor = (
  input: NewExpenseAgainstBudget,
  exceeds: boolean,
  crossed: readonly number[],
): BudgetOutcome => {
  if (exceeds) {
    switch (input.budget.action) {
      case 'block':
        return input.override && input.actorCanOverride ? 'override' : 'blocked';
      case 'escalate':
        return 'escalate';
      case 'warn':
        return 'warn';
    }
  }
  return crossed.length > 0 ? 'warn' : 'ok';
};

/**
 * Measures a new item against one budget: actual + committed + the item, as internal thresholds and `block` do.
 * Only an item that adds spend can exceed a budget; reaching exactly 100 % is not exceeding it.
 */
export const evaluateNewExpense = (input: NewExpenseAgainstBudget): BudgetEvaluation => {
  const { budget, consumption, newAmountMinor } = input;
  const budgetMinor = budget.amount.amountMinor;
  const before = consumption.actualMinor + consumption.committedMinor;
  const after = before + newAmountMinor;
  const exceeds = newAmountMinor > 0 && after > budgetMinor;
  const crossed = crossedThresholds(before, after, budgetMinor, budget.thresholdsPercent);
  const outcome = outcomeFor(input, exceeds, crossed);
  const base = {
    budgetId: budget.id,
    ...(input.period === undefined ? {} : { periodKey: input.period.key }),
    currency: budget.amount.currency,
    outcome,
    budgetMinor,
    actualMinor: consumption.actualMinor,
    committedMinor: consumption.committedMinor,
    newAmountMinor,
    consumedBeforeMinor: before,
    consumedAfterMinor: after,
    percentNowBp: percentBasisPoints(before, budgetMinor),
    percentAfterBp: percentBasisPoints(after, budgetMinor),
    ...(after > budgetMinor ? { willExceedByMinor: after - budgetMinor } : {}),
    crossed,
    appendFinanceStage: outcome === 'escalate' || outcome === 'override',
  };
  if (outcome !== 'blocked') return base;
  const refusal = fail('BUDGET_WOULD_BE_EXCEEDED', {
    budgetId: budget.id,
    periodKey: input.period?.key ?? null,
    periodEnd: input.period?.end ?? null,
    budgetMinor,
    currency: budget.amount.currency,
    actualMinor: consumption.actualMinor,
    committedMinor: consumption.committedMinor,
    newAmountMinor,
    exceedByMinor: after - budgetMinor,
    canRaise: BUDGET_OVERRIDE_ROLES,
    overrideRequested: input.override,
  }).error;
  return { ...base, refusal };
};

export type BudgetGate = {
  /** At least one budget asks for a finance stage (at most one is appended, however many budgets ask). */
  readonly appendFinanceStage: boolean;
  /** Blocking budgets that finance/admin chose to override, to be recorded with the reason. */
  readonly overriddenBudgetIds: readonly string[];
  readonly evaluations: readonly BudgetEvaluation[];
};

/** Folds the evaluations of every budget an item falls under: the first blocking one refuses the item. */
export const enforceBudgets = (
  evaluations: readonly BudgetEvaluation[],
): Result<BudgetGate, BudgetWouldBeExceeded> => {
  const blocked = evaluations.find((evaluation) => evaluation.refusal !== undefined);
  if (blocked?.refusal !== undefined) return err(blocked.refusal);
  return ok({
    appendFinanceStage: evaluations.some((evaluation) => evaluation.appendFinanceStage),
    overriddenBudgetIds: evaluations.filter((e) => e.outcome === 'override').map((e) => e.budgetId),
    evaluations,
  });
};
