import { compareDates, daysBetween, type IsoDate } from './calendar-date.js';

/**
 * A span of calendar dates with both ends included. `key` names it the way people write it:
 * `2026-03`, `2026-Q1`, `2026`, `2026-W10` or `total`.
 */
export type PeriodRange = {
  readonly key: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
};

/** Stand-ins for an engagement without a start or an end date, so a range is always two dates. */
export const OPEN_START: IsoDate = '0001-01-01';
export const OPEN_END: IsoDate = '9999-12-31';

export const isOpenEnded = (period: Pick<PeriodRange, 'start' | 'end'>): boolean =>
  period.start === OPEN_START || period.end === OPEN_END;

/** Number of calendar days in the period, both ends included. */
export const daysInPeriod = (period: Pick<PeriodRange, 'start' | 'end'>): number =>
  daysBetween(period.start, period.end) + 1;

/**
 * Days of the period that have begun by `today`, today included: 1 on the first day, 0 before the period,
 * the whole length once it is over.
 */
export const elapsedDays = (period: Pick<PeriodRange, 'start' | 'end'>, today: IsoDate): number => {
  const total = daysInPeriod(period);
  const elapsed = daysBetween(period.start, today) + 1;
  return Math.min(Math.max(elapsed, 0), total);
};

export const isWithinPeriod = (period: Pick<PeriodRange, 'start' | 'end'>, date: IsoDate): boolean =>
  compareDates(period.start, date) <= 0 && compareDates(date, period.end) <= 0;
