// A typed date made concrete once today's date in the client's time zone is known. Expenses look back (`3/2`
// typed in January is last March; `mon` is the latest Monday on or before today); a delegation's `until` or a
// project's end looks forward.
import { Temporal } from 'temporal-polyfill';
import { addDays, type IsoDate, toPlainDate } from '../../../domain/periods/calendar-date.js';
import type { DateSpec } from './command.js';

export type DateDirection = 'past' | 'future';

const monthDayIn = (year: number, month: number, day: number): Temporal.PlainDate | undefined => {
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
  } catch {
    return undefined;
  }
};

// Leap years are at most eight years apart (2096 → 2104), so a Feb 29 is always found within this many years.
const YEARS_TO_SEARCH = 8;

/**
 * The calendar date a spec names relative to `today`: the latest such date on or before today (`past`), or the
 * earliest on or after it (`future`). A month-day the parser would not produce (2/31) is a bug and throws.
 */
export const resolveDateSpec = (
  spec: DateSpec,
  today: IsoDate,
  direction: DateDirection = 'past',
): IsoDate => {
  const now = toPlainDate(today);
  switch (spec.kind) {
    case 'absolute':
      return spec.date;
    case 'relative':
      return addDays(today, -spec.daysAgo);
    case 'weekday': {
      const back = (now.dayOfWeek - spec.weekday + 7) % 7;
      const forward = (spec.weekday - now.dayOfWeek + 7) % 7;
      return addDays(today, direction === 'past' ? -back : forward);
    }
    case 'month-day': {
      const step = direction === 'past' ? -1 : 1;
      for (let offset = 0; offset <= YEARS_TO_SEARCH; offset++) {
        const candidate = monthDayIn(now.year + step * offset, spec.month, spec.day);
        if (candidate === undefined) continue;
        const compared = Temporal.PlainDate.compare(candidate, now);
        if (direction === 'past' ? compared <= 0 : compared >= 0) return candidate.toString();
      }
      throw new RangeError(`No date ${spec.month}/${spec.day} near ${today}`);
    }
  }
};
