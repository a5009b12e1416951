// Once finance closes a period for a client, expenses dated in it are settled history: they cannot be
// logged, edited or voided, and corrections go in as adjustments dated in an open period.
import { Temporal } from 'temporal-polyfill';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import type { IsoDate } from './expense.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const toPlainDate = (date: IsoDate): Temporal.PlainDate => {
  // Dates reaching the domain were validated at the edge; a bad one here is a programming error.
  if (!ISO_DATE.test(date)) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(date)}`);
  return Temporal.PlainDate.from(date, { overflow: 'reject' });
};

/** True when `date` falls on or before `closedThrough`, the last day of the client's latest closed period. */
export const isInClosedPeriod = (date: IsoDate, closedThrough: IsoDate | undefined): boolean =>
  closedThrough !== undefined &&
  Temporal.PlainDate.compare(toPlainDate(date), toPlainDate(closedThrough)) <= 0;

export type PeriodClosed = Failure<'PERIOD_CLOSED'>;

export const checkPeriodOpen = (
  date: IsoDate,
  closedThrough: IsoDate | undefined,
): Result<void, PeriodClosed> =>
  closedThrough !== undefined && isInClosedPeriod(date, closedThrough)
    ? fail('PERIOD_CLOSED', { date, closedThrough })
    : ok(undefined);
