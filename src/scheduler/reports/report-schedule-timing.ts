// When a binding's report is due and which dates it covers (docs/product-rules.md §6), in the client's time zone.
//
// The presets are cron expressions like any other: `weekly` is Monday 09:00, `monthly` the 1st at 09:00. Coverage
// follows one rule for all three: a calendar day belongs to the first occurrence at or after the day's end. So a
// Monday 09:00 report covers Monday to Sunday of the week before, a 1st-of-the-month report the month before, and a
// cron report every whole day since its previous occurrence. Each day is reported exactly once, with no overlap and
// no gap; an occurrence whose window holds no day's end (a second run within one day) has nothing to report.
import { CronExpressionParser } from 'cron-parser';
import { addDays, compareDates, type IsoDate, todayIn } from '../../domain/periods/calendar-date.js';

const PRESET_EXPRESSIONS: Readonly<Record<string, string>> = {
  weekly: '0 9 * * 1',
  monthly: '0 9 1 * *',
};

/** The five cron fields a stored schedule stands for. */
export const cronExpressionOf = (schedule: string): string => PRESET_EXPRESSIONS[schedule] ?? schedule;

export type ScheduleOccurrences = {
  /** The latest occurrence at or before the instant asked about. */
  readonly occurrence: Date;
  /** The one before it: the start of the window the occurrence reports on. */
  readonly previous: Date;
};

/**
 * The latest occurrence at or before `at`, with its predecessor; undefined when the schedule has no two past
 * occurrences (e.g. `0 9 30 2 *`). Throws on an expression or time zone cron-parser refuses.
 */
export function latestOccurrences(
  schedule: string,
  timeZone: string,
  at: Date,
): ScheduleOccurrences | undefined {
  // cron-parser's prev() is strictly before currentDate; one millisecond later makes an occurrence at `at` count.
  const expression = CronExpressionParser.parse(cronExpressionOf(schedule), {
    tz: timeZone,
    currentDate: new Date(at.getTime() + 1),
  });
  try {
    const occurrence = expression.prev().toDate();
    const previous = expression.prev().toDate();
    return { occurrence, previous };
  } catch (error) {
    // An expression that never matches a real date runs out of search rather than returning nothing.
    if (error instanceof Error && /loop limit|time span/i.test(error.message)) return undefined;
    throw error;
  }
}

export type ReportCoverage = { readonly from: IsoDate; readonly through: IsoDate };

/** The days whose end falls in (previous, occurrence], as dates in the time zone; undefined when there are none. */
export function coverageBetween(
  previous: Date,
  occurrence: Date,
  timeZone: string,
): ReportCoverage | undefined {
  const from = todayIn(previous.getTime(), timeZone);
  const through = addDays(todayIn(occurrence.getTime(), timeZone), -1);
  return compareDates(through, from) < 0 ? undefined : { from, through };
}

export type ScheduleTarget = {
  readonly schedule: string;
  readonly timeZone: string;
  readonly createdAt: Date;
};

export type DueReport =
  | { readonly due: true; readonly occurrence: Date; readonly from: IsoDate; readonly through: IsoDate }
  | { readonly due: false; readonly reason: 'never-fires' | 'before-binding' | 'nothing-to-cover' };

/**
 * The one report a binding owes at `at`: its latest occurrence and what it covers. Only the latest, so after
 * downtime the missed periods before it are skipped rather than sent in a burst; whether it was sent already is
 * the job-run ledger's to say.
 */
export function dueReport(target: ScheduleTarget, at: Date): DueReport {
  const occurrences = latestOccurrences(target.schedule, target.timeZone, at);
  if (!occurrences) return { due: false, reason: 'never-fires' };
  if (occurrences.occurrence.getTime() < target.createdAt.getTime()) {
    return { due: false, reason: 'before-binding' };
  }
  const coverage = coverageBetween(occurrences.previous, occurrences.occurrence, target.timeZone);
  if (!coverage) return { due: false, reason: 'nothing-to-cover' };
  return { due: true, occurrence: occurrences.occurrence, ...coverage };
}
