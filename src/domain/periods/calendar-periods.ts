import { Temporal } from 'temporal-polyfill';
import { type IsoDate, toPlainDate } from './calendar-date.js';
import type { PeriodRange } from './period-range.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

export const monthPeriod = (year: number, month: number): PeriodRange => {
  const first = Temporal.PlainDate.from({ year, month, day: 1 }, { overflow: 'reject' });
  return {
    key: `${pad4(year)}-${pad2(month)}`,
    start: first.toString(),
    end: first.with({ day: first.daysInMonth }).toString(),
  };
};

export const quarterPeriod = (year: number, quarter: number): PeriodRange => {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`No quarter ${quarter}`);
  const firstMonth = (quarter - 1) * 3 + 1;
  return {
    key: `${pad4(year)}-Q${quarter}`,
    start: monthPeriod(year, firstMonth).start,
    end: monthPeriod(year, firstMonth + 2).end,
  };
};

export const yearPeriod = (year: number): PeriodRange => ({
  key: pad4(year),
  start: `${pad4(year)}-01-01`,
  end: `${pad4(year)}-12-31`,
});

/** ISO weeks run Monday to Sunday; week 1 is the one holding 4 January. */
export const isoWeeksInYear = (isoYear: number): number =>
  Temporal.PlainDate.from({ year: isoYear, month: 12, day: 28 }).weekOfYear ?? 52;

export const isoWeekPeriod = (isoYear: number, week: number): PeriodRange => {
  if (!Number.isInteger(week) || week < 1 || week > isoWeeksInYear(isoYear)) {
    throw new RangeError(`No ISO week ${week} in ${isoYear}`);
  }
  const january4 = Temporal.PlainDate.from({ year: isoYear, month: 1, day: 4 });
  const monday = january4.subtract({ days: january4.dayOfWeek - 1 }).add({ weeks: week - 1 });
  return {
    key: `${pad4(isoYear)}-W${pad2(week)}`,
    start: monday.toString(),
    end: monday.add({ days: 6 }).toString(),
  };
};

export const monthContaining = (date: IsoDate): PeriodRange => {
  const d = toPlainDate(date);
  return monthPeriod(d.year, d.month);
};

export const quarterContaining = (date: IsoDate): PeriodRange => {
  const d = toPlainDate(date);
  return quarterPeriod(d.year, Math.ceil(d.month / 3));
};

export const yearContaining = (date: IsoDate): PeriodRange => yearPeriod(toPlainDate(date).year);

export const isoWeekContaining = (date: IsoDate): PeriodRange => {
  const d = toPlainDate(date);
  // Both are defined for the ISO calendar, which is the only one the domain uses.
  return isoWeekPeriod(d.yearOfWeek ?? d.year, d.weekOfYear ?? 1);
};

const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;
const YEAR_KEY = /^(\d{4})$/;
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/** The calendar period a key names (`2026-03`, `2026-Q1`, `2026`, `2026-W10`), or undefined. */
export const calendarPeriodFromKey = (key: string): PeriodRange | undefined => {
  const normalised = key.trim().toUpperCase();
  try {
    const month = MONTH_KEY.exec(normalised);
    if (month) return monthPeriod(Number(month[1]), Number(month[2]));
    const quarter = QUARTER_KEY.exec(normalised);
    if (quarter) return quarterPeriod(Number(quarter[1]), Number(quarter[2]));
    const year = YEAR_KEY.exec(normalised);
    if (year) return yearPeriod(Number(year[1]));
    const week = WEEK_KEY.exec(normalised);
    if (week) return isoWeekPeriod(Number(week[1]), Number(week[2]));
  } catch {
    return undefined;
  }
  return undefined;
};

/**
 * The period just before: the previous month, quarter, year or ISO week for calendar keys, otherwise
 * the same number of days immediately before (what "vs previous period" compares against).
 */
export const previousPeriod = (period: PeriodRange): PeriodRange => {
  const start = toPlainDate(period.start);
  const dayBefore = start.subtract({ days: 1 }).toString();
  const normalised = period.key.toUpperCase();
  if (MONTH_KEY.test(normalised)) return monthContaining(dayBefore);
  if (QUARTER_KEY.test(normalised)) return quarterContaining(dayBefore);
  if (YEAR_KEY.test(normalised)) return yearContaining(dayBefore);
  if (WEEK_KEY.test(normalised)) return isoWeekContaining(dayBefore);
  const length = start.until(toPlainDate(period.end), { largestUnit: 'day' }).days + 1;
  const previousStart = start.subtract({ days: length }).toString();
  return { key: `${previousStart}..${dayBefore}`, start: previousStart, end: dayBefore };
};
