// Dates and times as people read them: `2 Mar 2026` / `2026年3月2日`, built from Temporal fields rather than Intl so
// the text is the same on every Node build whatever ICU data it ships.
import { Temporal } from 'temporal-polyfill';
import { type IsoDate, toPlainDate } from '../../../domain/periods/calendar-date.js';
import type { Locale } from './locale.js';
import { translate } from './translate.js';

/** `2 Mar 2026` / `2026年3月2日`. Throws on a malformed date (a bug upstream). */
export const formatDate = (date: IsoDate, locale: Locale): string => {
  const d = toPlainDate(date);
  return translate(locale).formats.date({ year: d.year, month: d.month, day: d.day });
};

/** `2 Mar 2026 14:02` / `2026年3月2日 14:02` on the 24-hour clock in `timeZone`. Throws on a malformed instant. */
export const formatDateTime = (instant: string, locale: Locale, timeZone: string): string => {
  const z = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone);
  const time = `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
  return translate(locale).formats.dateTime({ year: z.year, month: z.month, day: z.day, time });
};
