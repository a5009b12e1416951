// The checks `client add` and `project add` make on what was typed, before anything is looked up.
import { Temporal } from 'temporal-polyfill';
import { type Failure, fail, ok, type Result } from '../shared/result.js';

/** docs/product-rules.md §1: `[a-z0-9-]{2,32}`, written `@acme`. Projects follow the same rule (`@acme/website`). */
const CODE = /^[a-z0-9-]{2,32}$/;

/** Codes are stored lower-case; full-width input and a leading `@` are forgiven. */
export const normaliseCode = (text: string): string =>
  text.normalize('NFKC').trim().replace(/^@/, '').toLowerCase();

export const checkCode = <C extends string>(text: string, code: C): Result<string, Failure<C>> => {
  const normalised = normaliseCode(text);
  return CODE.test(normalised) ? ok(normalised) : fail(code, { text, expected: '[a-z0-9-]{2,32}' });
};

export const MAX_NAME_LENGTH = 200;

export type NameInvalid = Failure<'NAME_INVALID'>;

export const checkName = (text: string): Result<string, NameInvalid> => {
  const name = text.trim();
  return name.length > 0 && name.length <= MAX_NAME_LENGTH
    ? ok(name)
    : fail('NAME_INVALID', { length: name.length, maxLength: MAX_NAME_LENGTH });
};

export type TimeZoneInvalid = Failure<'TIMEZONE_INVALID'>;

/**
 * An IANA zone name in its canonical spelling (`asia/shanghai` → `Asia/Shanghai`). Offsets such as `+08:00` are
 * refused: they know nothing of daylight saving, and reports are scheduled in the client's local time.
 */
export const checkTimeZone = (text: string): Result<string, TimeZoneInvalid> => {
  const written = text.trim();
  const refused = fail('TIMEZONE_INVALID', { text: written, example: 'Asia/Shanghai' });
  if (!/^[A-Za-z]/.test(written)) return refused;
  try {
    const canonical = new Intl.DateTimeFormat('en', { timeZone: written }).resolvedOptions().timeZone;
    // Calendar arithmetic goes through Temporal, so the zone must work there as well.
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(canonical);
    return ok(canonical);
  } catch {
    return refused;
  }
};

export type Locale = 'en' | 'zh-CN';
