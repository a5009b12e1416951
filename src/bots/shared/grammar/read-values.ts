// Readers for the single words of the grammar: `@client/project`, `#category`, mentions, dates, periods, ids,
// amounts. Each says "not this kind of word" (undefined) apart from "this kind of word, but wrong" (a failure).
import type { CurrencyCode, ParsedAmount } from '../../../domain/money/index.js';
import { parseAmountToken, parseCurrencyCode } from '../../../domain/money/index.js';
import { isIsoDate } from '../../../domain/periods/calendar-date.js';
import { calendarPeriodFromKey } from '../../../domain/periods/calendar-periods.js';
import { RELATIVE_REPORT_PERIODS, reportPeriod } from '../../../domain/periods/report-period.js';
import type { ClientRef, DateSpec, MemberRef, PeriodSpec, Weekday } from './command.js';
import { ownValue } from './own-value.js';

const CODE = /^[a-z0-9-]{2,32}$/;

/** Client and project codes: `[a-z0-9-]{2,32}`, typed in any case or width. */
export const normaliseCode = (text: string): string | undefined => {
  const code = text.normalize('NFKC').toLowerCase();
  return CODE.test(code) ? code : undefined;
};

export type ClientReading =
  | { readonly ok: true; readonly ref: ClientRef }
  | { readonly ok: false; readonly problem: 'client' | 'project'; readonly text: string };

/** `@acme`, `@acme/website`; undefined for a word that does not start with `@` followed by something. */
export const readClientRef = (word: string): ClientReading | undefined => {
  if (!word.startsWith('@') || word.length < 2) return undefined;
  const [clientText = '', ...rest] = word.slice(1).split('/');
  const client = normaliseCode(clientText);
  if (client === undefined) return { ok: false, problem: 'client', text: word };
  if (rest.length === 0) return { ok: true, ref: { client } };
  const project = rest.length === 1 ? normaliseCode(rest[0] ?? '') : undefined;
  if (project === undefined) return { ok: false, problem: 'project', text: word };
  return { ok: true, ref: { client, project } };
};

/** `#travel`, `#差旅`: the word after `#`, lower-cased. A `#` before a digit ("room #4") is not a category. */
export const readCategory = (word: string): string | undefined => {
  if (!word.startsWith('#')) return undefined;
  const text = word.slice(1).toLowerCase();
  return /^\p{L}/u.test(text) ? text : undefined;
};

/** Slack `<@U123>` or `<@U123|alice>`, and the same form with any platform's user id. */
export const readMention = (word: string): MemberRef | undefined => {
  const match = /^<@([^\s<>|]+)(?:\|[^<>]*)?>$/u.exec(word);
  return match?.[1] === undefined ? undefined : { kind: 'mention', platformUserId: match[1] };
};

const WEEKDAYS: Readonly<Record<string, Weekday>> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};

const CHINESE_WEEKDAYS: Readonly<Record<string, Weekday>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
};

const RELATIVE_DAYS: Readonly<Record<string, 0 | 1 | 2>> = {
  today: 0,
  今天: 0,
  yesterday: 1,
  昨天: 1,
  前天: 2,
};

const pad2 = (n: string): string => n.padStart(2, '0');

// Feb 29 is a month-day; whether the year has one is for resolveDateSpec to say.
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isMonthDay = (month: number, day: number): boolean =>
  Number.isInteger(month) &&
  Number.isInteger(day) &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= (DAYS_IN_MONTH[month - 1] ?? 0);

const ABSOLUTE = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/u,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/u,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/u,
] as const;
const MONTH_DAY = [/^(\d{1,2})\/(\d{1,2})$/u, /^(\d{1,2})月(\d{1,2})[日号]?$/u] as const;

/** A date word, `'invalid'` for something shaped like a date that is none (`2/30`), or undefined. */
export const readDate = (word: string): DateSpec | 'invalid' | undefined => {
  const text = word.normalize('NFKC').toLowerCase();
  const relative = ownValue(RELATIVE_DAYS, text);
  if (relative !== undefined) return { kind: 'relative', daysAgo: relative };
  const weekday =
    ownValue(WEEKDAYS, text) ?? ownValue(CHINESE_WEEKDAYS, /^(?:周|星期|礼拜)(.)$/u.exec(text)?.[1] ?? '');
  if (weekday !== undefined) return { kind: 'weekday', weekday };
  for (const pattern of ABSOLUTE) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const date = `${match[1]}-${pad2(match[2] ?? '')}-${pad2(match[3] ?? '')}`;
    return isIsoDate(date) ? { kind: 'absolute', date } : 'invalid';
  }
  for (const pattern of MONTH_DAY) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const month = Number(match[1]);
    const day = Number(match[2]);
    return isMonthDay(month, day) ? { kind: 'month-day', month, day } : 'invalid';
  }
  return undefined;
};

// Any valid date works: only whether the text names a period is asked here.
const ANY_DAY = '2000-01-01';

/**
 * A report period, keyed as the periods module reads it: relative English keys in lower case, calendar keys
 * canonical (`2026-q1` → `2026-Q1`), Chinese words as typed. Undefined when it is not a period.
 */
export const readPeriod = (word: string): PeriodSpec | undefined => {
  const text = word.normalize('NFKC').trim();
  const lowered = text.toLowerCase();
  if ((RELATIVE_REPORT_PERIODS as readonly string[]).includes(lowered)) return { key: lowered };
  const calendar = calendarPeriodFromKey(text);
  if (calendar !== undefined) return { key: calendar.key };
  // Only Chinese words remain (上月, 本季度…); the pattern also keeps `__proto__` and friends away from the lookup.
  return /^\p{Script=Han}+$/u.test(text) && reportPeriod(text, ANY_DAY).ok ? { key: text } : undefined;
};

/** `this month`, `last week`… typed as two words. */
export const joinPeriodWords = (first: string, second: string): string | undefined => {
  const joined = `${first}-${second}`.toLowerCase();
  return (RELATIVE_REPORT_PERIODS as readonly string[]).includes(joined) ? joined : undefined;
};

/** Anything that starts like an amount: a sign, a digit, a currency symbol, or an attached code (`USD45`). */
export const looksLikeAmount = (word: string): boolean => {
  if (readDate(word) !== undefined) return false;
  if (parseAmountToken(word).ok) return true;
  const text = word.normalize('NFKC');
  return /^[+\-−]?(?:\.?\d|[¥$€£₩₹₫₱₪]|[A-Z]{1,2}[$¥]\d|[A-Za-z]{3}[+-]?\d)/u.test(text);
};

/** A currency symbol written as its own word (`¥`, `HK$`, `元`, `美元`), or undefined. */
export const symbolCurrency = (word: string, side: 'before' | 'after'): CurrencyCode | undefined => {
  // Letters after an amount are an ISO code, which is a currency of its own (it wins over symbols).
  if (/[\d０-９]/u.test(word) || (side === 'after' && /[A-Za-z]/u.test(word))) return undefined;
  const probe = parseAmountToken(side === 'before' ? `${word}1` : `1${word}`);
  return probe.ok && probe.value.hintSource === 'symbol' ? probe.value.currencyHint : undefined;
};

/** An ISO code written as a word. Codes that are also English words (ALL, TOP, TRY…) count only in capitals. */
export const readCurrencyWord = (word: string): CurrencyCode | undefined =>
  parseCurrencyCode(word, 'word-safe');

export type AmountReading =
  | { readonly ok: true; readonly amount: ParsedAmount; readonly used: number }
  | {
      readonly ok: false;
      readonly code: 'AMOUNT_INVALID' | 'AMOUNT_DECIMAL_COMMA';
      readonly input: string;
      readonly suggestion: string | null;
    };

/**
 * The amount at the start of `words`, taking a currency symbol written as a separate word before or after it
 * (`¥ 45`, `45 元`); `used` says how many words it took.
 */
export const readAmount = (words: readonly string[]): AmountReading => {
  const [first = '', second] = words;
  if (second !== undefined && symbolCurrency(first, 'before') !== undefined) {
    const joined = parseAmountToken(`${first}${second}`);
    if (joined.ok) return { ok: true, amount: joined.value, used: 2 };
  }
  const alone = parseAmountToken(first);
  if (!alone.ok) {
    const suggestion = alone.error.details?.suggestion;
    return alone.error.code === 'AMOUNT_DECIMAL_COMMA' && typeof suggestion === 'string'
      ? { ok: false, code: 'AMOUNT_DECIMAL_COMMA', input: first, suggestion }
      : {
          ok: false,
          code: 'AMOUNT_INVALID',
          input: first,
          suggestion: typeof suggestion === 'string' ? suggestion : null,
        };
  }
  if (second !== undefined && alone.value.currencyHint === undefined && symbolCurrency(second, 'after')) {
    const joined = parseAmountToken(`${first}${second}`);
    if (joined.ok) return { ok: true, amount: joined.value, used: 2 };
  }
  return { ok: true, amount: alone.value, used: 1 };
};
