import type { CurrencyCode } from '../money/money.js';
import type { Budget } from './budget.js';
import { percentBasisPoints } from './budget-percent.js';
import { reachedThresholds } from './crossed-thresholds.js';

/** Spend against a budget in one period: approved (actual) and still pending (committed), in client minor units. */
export type Consumption = {
  readonly actualMinor: number;
  readonly committedMinor: number;
};

/**
 * How a budget stands under one measure. Internal views count actual + committed; client-facing ones count
 * approved spend only, because pending items may still be rejected and are never shown to clients.
 */
export type BudgetStanding = {
  readonly budgetId: string;
  readonly measure: 'internal' | 'client-facing';
  readonly consumedMinor: number;
  readonly budgetMinor: number;
  readonly currency: CurrencyCode;
  readonly percentBp: number;
  readonly remainingMinor: number;
  readonly overByMinor: number;
  readonly reachedThresholds: readonly number[];
};

const standing = (
  budget: Budget,
  measure: BudgetStanding['measure'],
  consumedMinor: number,
): BudgetStanding => {
  const budgetMinor = budget.amount.amountMinor;
  return {
    budgetId: budget.id,
    measure,
    consumedMinor,
    budgetMinor,
    currency: budget.amount.currency,
    percentBp: percentBasisPoints(consumedMinor, budgetMinor),
    remainingMinor: Math.max(0, budgetMinor - consumedMinor),
    overByMinor: Math.max(0, consumedMinor - budgetMinor),
    reachedThresholds: reachedThresholds(consumedMinor, budgetMinor, budget.thresholdsPercent),
  };
};

export const internalConsumptionMinor = (consumption: Consumption): number =>
  consumption.actualMinor + consumption.committedMinor;

export const internalConsumption = (budget: Budget, consumption: Consumption): BudgetStanding =>
  standing(budget, 'internal', internalConsumptionMinor(consumption));

export const clientFacingConsumption = (budget: Budget, consumption: Consumption): BudgetStanding =>
  standing(budget, 'client-facing', consumption.actualMinor);
