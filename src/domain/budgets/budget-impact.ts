import type { CurrencyCode } from '../money/money.js';
import type { IsoDate } from '../periods/calendar-date.js';
import type { PeriodRange } from '../periods/period-range.js';
import type { Budget } from './budget.js';
import { percentBasisPoints } from './budget-percent.js';
import type { Consumption } from './consumption.js';
import { type Forecast, forecastPeriodEnd } from './forecast.js';

/**
 * What an approval card says about a budget: "brings Acme's March budget to 87 %; at the current pace 104 % by
 * 31 Mar". Figures only; wording and locale are the renderer's.
 */
export type BudgetImpact = {
  readonly budgetId: string;
  readonly periodKey: string;
  readonly periodEnd: IsoDate;
  readonly budgetMinor: number;
  readonly currency: CurrencyCode;
  readonly actualMinor: number;
  readonly committedMinor: number;
  readonly percentNowBp: number;
  readonly percentAfterBp: number;
  readonly forecastPercentBp: number;
  readonly forecast: Forecast;
  readonly willExceedByMinor?: number;
};

export type BudgetImpactInput = {
  readonly budget: Budget;
  readonly consumption: Consumption;
  readonly newAmountMinor: number;
  readonly period: PeriodRange;
  readonly today: IsoDate;
};

/** The new item counts as committed once logged, so the forecast after it includes it. */
export const describeBudgetImpact = (input: BudgetImpactInput): BudgetImpact => {
  const { budget, consumption, newAmountMinor, period } = input;
  const budgetMinor = budget.amount.amountMinor;
  const before = consumption.actualMinor + consumption.committedMinor;
  const after = before + newAmountMinor;
  const forecast = forecastPeriodEnd({
    actualMinor: consumption.actualMinor,
    committedMinor: consumption.committedMinor + newAmountMinor,
    periodStart: period.start,
    periodEnd: period.end,
    today: input.today,
  });
  return {
    budgetId: budget.id,
    periodKey: period.key,
    periodEnd: period.end,
    budgetMinor,
    currency: budget.amount.currency,
    actualMinor: consumption.actualMinor,
    committedMinor: consumption.committedMinor,
    percentNowBp: percentBasisPoints(before, budgetMinor),
    percentAfterBp: percentBasisPoints(after, budgetMinor),
    forecastPercentBp: percentBasisPoints(forecast.projectedMinor, budgetMinor),
    forecast,
    ...(after > budgetMinor ? { willExceedByMinor: after - budgetMinor } : {}),
  };
};
