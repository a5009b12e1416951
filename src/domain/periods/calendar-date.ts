import { Temporal } from 'temporal-polyfill';

/** A calendar date `YYYY-MM-DD`, already expressed in the client's time zone. */
export type IsoDate = string;

/** An instant as Temporal or as epoch milliseconds (what an injected clock hands out). */
export type InstantLike = Temporal.Instant | number;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isIsoDate = (text: string): boolean => {
  if (!ISO_DATE.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
};

/** Dates reaching the domain were validated at the edge, so a bad one here is a programming error. */
export const toPlainDate = (date: IsoDate): Temporal.PlainDate => {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(date)}`);
  return Temporal.PlainDate.from(date, { overflow: 'reject' });
};

export const toInstant = (instant: InstantLike): Temporal.Instant =>
  typeof instant === 'number' ? Temporal.Instant.fromEpochMilliseconds(instant) : instant;

/** The calendar date an instant falls on in an IANA time zone. */
export const todayIn = (instant: InstantLike, timeZone: string): IsoDate =>
  toInstant(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();

export const addDays = (date: IsoDate, days: number): IsoDate => toPlainDate(date).add({ days }).toString();

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  toPlainDate(from).until(toPlainDate(to), { largestUnit: 'day' }).days;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekdayOf = (date: IsoDate): number => toPlainDate(date).dayOfWeek;

export const isWeekend = (date: IsoDate): boolean => isoWeekdayOf(date) >= 6;

export const compareDates = (a: IsoDate, b: IsoDate): number =>
  Temporal.PlainDate.compare(toPlainDate(a), toPlainDate(b));
