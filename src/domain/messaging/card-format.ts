// Dates, times, percentages and period names as cards print them. Built by hand from Temporal's fields rather
// than through Intl, so the output is the same on every Node build whatever ICU data it ships.
import { Temporal } from 'temporal-polyfill';
import { type IsoDate, toPlainDate } from '../periods/calendar-date.js';

export type CardLocale = 'en' | 'zh-CN';
export const CARD_LOCALES: readonly CardLocale[] = ['en', 'zh-CN'];

/** How a builder prints instants: in whose language and on whose clock (the client's or the reader's zone). */
export type CardFormat = { readonly locale: CardLocale; readonly timeZone: string };

// biome-ignore format: a dense table reads better
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const ZH_WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const ZH_QUARTERS = ['一', '二', '三', '四'];

const monthName = (month: number): string => EN_MONTHS[month - 1] ?? String(month);
const shortMonth = (month: number): string => monthName(month).slice(0, 3);

/** `2 Mar` / `3月2日`: dates inside sentences, where the year is evident. */
export const formatShortDate = (date: IsoDate, locale: CardLocale): string => {
  const d = toPlainDate(date);
  return locale === 'en' ? `${d.day} ${shortMonth(d.month)}` : `${d.month}月${d.day}日`;
};

/** `Mon 2 Mar 2026` / `2026年3月2日 周一`: a date standing alone in a field. */
export const formatLongDate = (date: IsoDate, locale: CardLocale): string => {
  const d = toPlainDate(date);
  return locale === 'en'
    ? `${EN_WEEKDAYS[d.dayOfWeek - 1] ?? ''} ${d.day} ${shortMonth(d.month)} ${d.year}`
    : `${d.year}年${d.month}月${d.day}日 ${ZH_WEEKDAYS[d.dayOfWeek - 1] ?? ''}`;
};

/** `Sat` / `周六`. */
export const formatWeekday = (date: IsoDate, locale: CardLocale): string => {
  const index = toPlainDate(date).dayOfWeek - 1;
  return (locale === 'en' ? EN_WEEKDAYS[index] : ZH_WEEKDAYS[index]) ?? '';
};

const zoned = (instant: string, timeZone: string): Temporal.ZonedDateTime =>
  Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone);

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** `14:02` on the 24-hour clock in `timeZone`, for both languages. Throws on a malformed instant or zone. */
export const formatTime = (instant: string, timeZone: string): string => {
  const z = zoned(instant, timeZone);
  return `${twoDigits(z.hour)}:${twoDigits(z.minute)}`;
};

/** `2 Mar 14:02` / `3月2日 14:02` in `timeZone`. */
export const formatDateTime = (instant: string, format: CardFormat): string => {
  const z = zoned(instant, format.timeZone);
  return `${formatShortDate(z.toPlainDate().toString(), format.locale)} ${formatTime(instant, format.timeZone)}`;
};

/** Whole percent, rounded down like the basis points it comes from: `87 %` / `87%`. */
export const formatPercent = (basisPoints: number, locale: CardLocale): string => {
  const whole = Math.floor(basisPoints / 100);
  return locale === 'en' ? `${whole} %` : `${whole}%`;
};

const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;
const YEAR_KEY = /^(\d{4})$/;
const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/**
 * A period key as people say it. `short` leaves out the year where a sentence makes it evident ("Acme's March
 * budget"); `long` keeps it ("March 2026"). Keys: `2026-03`, `2026-Q1`, `2026`, `2026-W10`, `total`; anything
 * else is printed as it is.
 */
export const describePeriod = (key: string, locale: CardLocale, style: 'short' | 'long' = 'long'): string => {
  const en = locale === 'en';
  const month = MONTH_KEY.exec(key);
  if (month !== null) {
    const [, year = '', mm = ''] = month;
    const m = Number(mm);
    if (m >= 1 && m <= 12) {
      if (en) return style === 'short' ? monthName(m) : `${monthName(m)} ${year}`;
      return style === 'short' ? `${m}月` : `${year}年${m}月`;
    }
  }
  const quarter = QUARTER_KEY.exec(key);
  if (quarter !== null) {
    const [, year = '', q = ''] = quarter;
    if (en) return style === 'short' ? `Q${q}` : `Q${q} ${year}`;
    const name = `第${ZH_QUARTERS[Number(q) - 1] ?? q}季度`;
    return style === 'short' ? name : `${year}年${name}`;
  }
  const year = YEAR_KEY.exec(key);
  if (year !== null) return en ? key : `${key}年`;
  const week = WEEK_KEY.exec(key);
  if (week !== null) {
    const [, y = '', w = ''] = week;
    return en ? `week ${Number(w)} of ${y}` : `${y}年第${Number(w)}周`;
  }
  if (key === 'total') {
    if (style === 'short') return en ? 'total' : '总';
    return en ? 'whole engagement' : '整个项目期';
  }
  return key;
};
