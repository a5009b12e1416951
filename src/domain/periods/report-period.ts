import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { addDays, type IsoDate, toPlainDate } from './calendar-date.js';
import {
  calendarPeriodFromKey,
  isoWeekContaining,
  monthContaining,
  previousPeriod,
  quarterContaining,
  yearContaining,
} from './calendar-periods.js';
import type { PeriodRange } from './period-range.js';

export const RELATIVE_REPORT_PERIODS = [
  'this-week',
  'last-week',
  'this-month',
  'last-month',
  'this-quarter',
  'last-quarter',
  'this-year',
  'last-year',
] as const;
export type RelativeReportPeriod = (typeof RELATIVE_REPORT_PERIODS)[number];

/** Chinese spellings people type for the same periods. */
const CHINESE_ALIASES: Readonly<Record<string, RelativeReportPeriod>> = {
  本周: 'this-week',
  上周: 'last-week',
  本月: 'this-month',
  上月: 'last-month',
  本季度: 'this-quarter',
  上季度: 'last-quarter',
  今年: 'this-year',
  去年: 'last-year',
};

export type PeriodInvalid = Failure<'PERIOD_INVALID'>;

const isRelative = (text: string): text is RelativeReportPeriod =>
  (RELATIVE_REPORT_PERIODS as readonly string[]).includes(text);

export const resolveRelativePeriod = (which: RelativeReportPeriod, today: IsoDate): PeriodRange => {
  switch (which) {
    case 'this-week':
      return isoWeekContaining(today);
    case 'last-week':
      return isoWeekContaining(addDays(today, -7));
    case 'this-month':
      return monthContaining(today);
    case 'last-month':
      return previousPeriod(monthContaining(today));
    case 'this-quarter':
      return quarterContaining(today);
    case 'last-quarter':
      return previousPeriod(quarterContaining(today));
    case 'this-year':
      return yearContaining(today);
    case 'last-year':
      return previousPeriod(yearContaining(today));
  }
};

/**
 * A report period as typed (`last-month`, `上月`, `2026-03`, `2026-Q1`, `2026`, `2026-W10`) resolved against
 * today's date in the client's time zone. Keys come back canonical, so `this-month` in March 2026 is `2026-03`.
 */
export const reportPeriod = (text: string, today: IsoDate): Result<PeriodRange, PeriodInvalid> => {
  toPlainDate(today);
  const trimmed = text.trim();
  const lowered = trimmed.toLowerCase();
  const relative = CHINESE_ALIASES[trimmed] ?? (isRelative(lowered) ? lowered : undefined);
  if (relative !== undefined) return ok(resolveRelativePeriod(relative, today));
  const calendar = calendarPeriodFromKey(trimmed);
  if (calendar !== undefined) return ok(calendar);
  return fail('PERIOD_INVALID', {
    text: trimmed,
    examples: 'this-week, last-week, this-month, last-month, 2026-03, 2026-Q1, 2026, 2026-W10',
  });
};
