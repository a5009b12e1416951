// A date as a person typed it, resolved only once the client's time zone (and so "today") is known.
import { Temporal } from 'temporal-polyfill';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { addDays, type IsoDate, isIsoDate, isoWeekdayOf, toPlainDate } from './calendar-date.js';

export type DateInput =
  | { readonly kind: 'absolute'; readonly date: IsoDate }
  /** `3/2`: the latest such day on or before today (last year's, if this year's is still ahead). */
  | { readonly kind: 'month-day'; readonly month: number; readonly day: number }
  | { readonly kind: 'relative'; readonly daysAgo: number }
  /** ISO weekday 1 (Mon) … 7 (Sun): the latest one on or before today. */
  | { readonly kind: 'weekday'; readonly weekday: number };

export type DateInvalid = Failure<'DATE_INVALID'>;

export const resolveDateInput = (input: DateInput, today: IsoDate): Result<IsoDate, DateInvalid> => {
  switch (input.kind) {
    case 'absolute':
      return isIsoDate(input.date) ? ok(input.date) : fail('DATE_INVALID', { input: input.date });
    case 'relative':
      return ok(addDays(today, -input.daysAgo));
    case 'weekday': {
      const back = (isoWeekdayOf(today) - input.weekday + 7) % 7;
      return ok(addDays(today, -back));
    }
    case 'month-day': {
      const year = toPlainDate(today).year;
      const candidate = plainDate(year, input.month, input.day);
      if (candidate === undefined) return fail('DATE_INVALID', { input: `${input.month}/${input.day}` });
      if (Temporal.PlainDate.compare(candidate, toPlainDate(today)) <= 0) return ok(candidate.toString());
      const lastYear = plainDate(year - 1, input.month, input.day);
      return lastYear === undefined
        ? fail('DATE_INVALID', { input: `${input.month}/${input.day}` })
        : ok(lastYear.toString());
    }
  }
};

function plainDate(year: number, month: number, day: number): Temporal.PlainDate | undefined {
  try {
    return Temporal.PlainDate.from({ year, month, day }, { overflow: 'reject' });
  } catch {
    return undefined;
  }
}
