import { Temporal } from 'temporal-polyfill';
import { type InstantLike, toInstant } from './calendar-date.js';

/** Reminders count office time only: Monday to Friday, 09:00–18:00 in the client's time zone. */
export type WorkingSchedule = {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly weekdays: readonly number[];
  readonly startsAt: string;
  readonly endsAt: string;
};

export const DEFAULT_WORKING_SCHEDULE: WorkingSchedule = {
  weekdays: [1, 2, 3, 4, 5],
  startsAt: '09:00',
  endsAt: '18:00',
};

const MS_PER_HOUR = 3_600_000;

type Window = { readonly start: number; readonly end: number };

/**
 * The working window of one local date as epoch milliseconds. Wall-clock times that a DST change skips or
 * repeats resolve the way Temporal's 'compatible' mode does, so a changeover day is simply shorter or longer.
 */
const windowOn = (
  date: Temporal.PlainDate,
  timeZone: string,
  schedule: WorkingSchedule,
): Window | undefined => {
  if (!schedule.weekdays.includes(date.dayOfWeek)) return undefined;
  const at = (time: string): number =>
    date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds;
  return { start: at(schedule.startsAt), end: at(schedule.endsAt) };
};

const assertUsable = (schedule: WorkingSchedule): void => {
  const opens = Temporal.PlainTime.from(schedule.startsAt);
  const closes = Temporal.PlainTime.from(schedule.endsAt);
  if (schedule.weekdays.length === 0 || Temporal.PlainTime.compare(opens, closes) >= 0) {
    throw new RangeError('A working schedule needs at least one weekday and a start before its end');
  }
};

/** Exact working milliseconds between two instants (0 when `to` is not after `from`). */
export const workingMillisecondsBetween = (
  from: InstantLike,
  to: InstantLike,
  timeZone: string,
  schedule: WorkingSchedule = DEFAULT_WORKING_SCHEDULE,
): number => {
  assertUsable(schedule);
  const start = toInstant(from);
  const end = toInstant(to);
  if (Temporal.Instant.compare(end, start) <= 0) return 0;
  const startMs = start.epochMilliseconds;
  const endMs = end.epochMilliseconds;
  const lastDate = end.toZonedDateTimeISO(timeZone).toPlainDate();
  let total = 0;
  for (
    let date = start.toZonedDateTimeISO(timeZone).toPlainDate();
    Temporal.PlainDate.compare(date, lastDate) <= 0;
    date = date.add({ days: 1 })
  ) {
    const window = windowOn(date, timeZone, schedule);
    if (window === undefined) continue;
    total += Math.max(0, Math.min(window.end, endMs) - Math.max(window.start, startMs));
  }
  return total;
};

/** Working hours between two instants; fractional when the span ends mid-hour. */
export const workingHoursBetween = (
  from: InstantLike,
  to: InstantLike,
  timeZone: string,
  schedule: WorkingSchedule = DEFAULT_WORKING_SCHEDULE,
): number => workingMillisecondsBetween(from, to, timeZone, schedule) / MS_PER_HOUR;

/** Whether at least `hours` working hours lie between `from` and `now` (compared in exact milliseconds). */
export const hasWorkingHoursElapsed = (
  from: InstantLike,
  now: InstantLike,
  hours: number,
  timeZone: string,
  schedule: WorkingSchedule = DEFAULT_WORKING_SCHEDULE,
): boolean => workingMillisecondsBetween(from, now, timeZone, schedule) >= hours * MS_PER_HOUR;

/**
 * The instant at which `hours` working hours will have passed since `from`: when a pending step becomes due for
 * a reminder or an escalation.
 */
export const addWorkingHours = (
  from: InstantLike,
  hours: number,
  timeZone: string,
  schedule: WorkingSchedule = DEFAULT_WORKING_SCHEDULE,
): Temporal.Instant => {
  assertUsable(schedule);
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Working hours must be ≥ 0, got ${hours}`);
  const start = toInstant(from);
  let remaining = Math.round(hours * MS_PER_HOUR);
  if (remaining === 0) return start;
  let cursor = start.epochMilliseconds;
  for (let date = start.toZonedDateTimeISO(timeZone).toPlainDate(); ; date = date.add({ days: 1 })) {
    const window = windowOn(date, timeZone, schedule);
    if (window === undefined) continue;
    const counting = Math.max(window.start, cursor);
    const available = window.end - counting;
    if (available <= 0) continue;
    if (remaining <= available) return Temporal.Instant.fromEpochMilliseconds(counting + remaining);
    remaining -= available;
    cursor = window.end;
  }
};

/** Whether `at` falls inside a working window: reminders go out only then, so nobody is nudged at night. */
export const isWorkingTime = (
  at: InstantLike,
  timeZone: string,
  schedule: WorkingSchedule = DEFAULT_WORKING_SCHEDULE,
): boolean => {
  assertUsable(schedule);
  const instant = toInstant(at);
  const window = windowOn(instant.toZonedDateTimeISO(timeZone).toPlainDate(), timeZone, schedule);
  const ms = instant.epochMilliseconds;
  return window !== undefined && ms >= window.start && ms < window.end;
};
