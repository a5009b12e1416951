// Dates that look ahead. `resolveDateInput` reads `3/20` and `fri` as the latest such day on or before today —
// right for when an expense happened, wrong for "delegate to Erin until 3/20" or a project's end date.
import { Temporal } from 'temporal-polyfill';
import { addDays, type IsoDate, isoWeekdayOf, toPlainDate } from '../periods/calendar-date.js';
import { type DateInput, type DateInvalid, resolveDateInput } from '../periods/date-input.js';
import { fail, ok, type Result } from '../shared/result.js';

/** The next such day on or after today for `month-day` and `weekday`; anything else as `resolveDateInput` reads it. */
export const resolveForwardDate = (input: DateInput, today: IsoDate): Result<IsoDate, DateInvalid> => {
  switch (input.kind) {
    case 'absolute':
    case 'relative':
      return resolveDateInput(input, today);
    case 'weekday':
      return ok(addDays(today, (input.weekday - isoWeekdayOf(today) + 7) % 7));
    case 'month-day': {
      const year = toPlainDate(today).year;
      const candidate = plainDate(year, input.month, input.day);
      if (candidate === undefined) return fail('DATE_INVALID', { input: `${input.month}/${input.day}` });
      if (Temporal.PlainDate.compare(candidate, toPlainDate(today)) >= 0) return ok(candidate.toString());
      const nextYear = plainDate(year + 1, input.month, input.day);
      return nextYear === undefined
        ? fail('DATE_INVALID', { input: `${input.month}/${input.day}` })
        : ok(nextYear.toString());
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
