// A typed date made concrete once today's date in the client's time zone is known. An expense looks back (the
// domain's resolveDateInput: `mon` is the latest Monday on or before today); a delegation's `until` or a project's
// end looks forward (`fri` is the next Friday, `3/2` the next 2 March), which is what this adds.
import { Temporal } from 'temporal-polyfill';
import { addDays, type IsoDate, toPlainDate } from '../../../domain/periods/calendar-date.js';
import { type DateInvalid, resolveDateInput } from '../../../domain/periods/date-input.js';
import { fail, ok, type Result } from '../../../domain/shared/result.js';
import type { DateSpec } from './command.js';

export type DateDirection = 'past' | 'future';

const plainDate = (year: number, month: number, day: number): Temporal.PlainDate | undefined => {
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
  } catch {
    return undefined;
  }
};

/**
 * The calendar date a spec names: the latest such day on or before `today` (`past`, for expenses) or the earliest
 * on or after it (`future`). A 2/29 is refused when this year has none (looking back) or neither this year nor the
 * next has one (looking forward).
 */
export const resolveDateSpec = (
  spec: DateSpec,
  today: IsoDate,
  direction: DateDirection = 'past',
): Result<IsoDate, DateInvalid> => {
  if (direction === 'past') return resolveDateInput(spec, today);
  const now = toPlainDate(today);
  switch (spec.kind) {
    case 'absolute':
      return ok(spec.date);
    case 'relative':
      return ok(addDays(today, -spec.daysAgo));
    case 'weekday':
      return ok(addDays(today, (spec.weekday - now.dayOfWeek + 7) % 7));
    case 'month-day': {
      const thisYear = plainDate(now.year, spec.month, spec.day);
      if (thisYear !== undefined && Temporal.PlainDate.compare(thisYear, now) >= 0)
        return ok(thisYear.toString());
      const nextYear = plainDate(now.year + 1, spec.month, spec.day);
      return nextYear === undefined
        ? fail('DATE_INVALID', { input: `${spec.month}/${spec.day}` })
        : ok(nextYear.toString());
    }
  }
};
