import type { IsoDate } from '../periods/calendar-date.js';
import { daysInPeriod, elapsedDays, isOpenEnded } from '../periods/period-range.js';
import { percentBasisPoints } from './budget-percent.js';

export type ForecastInput = {
  readonly actualMinor: number;
  readonly committedMinor: number;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  /** Today in the client's time zone. */
  readonly today: IsoDate;
};

/**
 * A projection of period-end spend with the figures it rests on, so a card or report can show its basis:
 * approved spend so far ÷ days elapsed × days in the period, plus what is still pending.
 * `spent-so-far` is used when the period has no end date to project to: the projection is then actual + committed.
 */
export type Forecast = {
  readonly method: 'linear-pace' | 'spent-so-far';
  readonly projectedMinor: number;
  readonly paceMinorPerDay: number;
  readonly elapsedDays: number;
  readonly totalDays: number;
  readonly actualMinor: number;
  readonly committedMinor: number;
  readonly periodEnd: IsoDate;
};

/** Integer division rounding halves away from zero (half-up on magnitudes), for a positive divisor. */
const divideHalfUp = (numerator: bigint, divisor: bigint): bigint => {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
  return negative ? -rounded : rounded;
};

export const forecastPeriodEnd = (input: ForecastInput): Forecast => {
  const { actualMinor, committedMinor, periodEnd } = input;
  const period = { start: input.periodStart, end: periodEnd };
  if (isOpenEnded(period)) {
    return {
      method: 'spent-so-far',
      projectedMinor: actualMinor + committedMinor,
      paceMinorPerDay: 0,
      elapsedDays: 0,
      totalDays: 0,
      actualMinor,
      committedMinor,
      periodEnd,
    };
  }
  const totalDays = daysInPeriod(period);
  const elapsed = elapsedDays(period, input.today);
  // Before the period starts there is no pace yet; what is already booked is the whole projection.
  const projectedActual =
    elapsed === 0
      ? BigInt(actualMinor)
      : divideHalfUp(BigInt(actualMinor) * BigInt(totalDays), BigInt(elapsed));
  return {
    method: 'linear-pace',
    projectedMinor: Number(projectedActual) + committedMinor,
    paceMinorPerDay: elapsed === 0 ? 0 : Number(divideHalfUp(BigInt(actualMinor), BigInt(elapsed))),
    elapsedDays: elapsed,
    totalDays,
    actualMinor,
    committedMinor,
    periodEnd,
  };
};

export type ForecastWarning = {
  readonly projectedMinor: number;
  readonly budgetMinor: number;
  readonly overByMinor: number;
  readonly forecastPercentBp: number;
  readonly periodEnd: IsoDate;
};

/** A warning once the projection passes 100 % of the budget (reaching exactly 100 % is on budget). */
export const forecastWarning = (forecast: Forecast, budgetMinor: number): ForecastWarning | undefined =>
  forecast.projectedMinor > budgetMinor
    ? {
        projectedMinor: forecast.projectedMinor,
        budgetMinor,
        overByMinor: forecast.projectedMinor - budgetMinor,
        forecastPercentBp: percentBasisPoints(forecast.projectedMinor, budgetMinor),
        periodEnd: forecast.periodEnd,
      }
    : undefined;
