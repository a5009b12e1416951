import type { Failure, Result } from '../shared/result.js';
import { fail, ok } from '../shared/result.js';
import { toHalfWidth } from './half-width.js';

/** A positive decimal rate, exactly: `units / 10^scale`. `text` is its canonical spelling ("7.1234"). */
export type ExchangeRate = {
  readonly units: bigint;
  readonly scale: number;
  readonly text: string;
};

/** `RATE_INVALID` `{ input }`, `RATE_NOT_POSITIVE` `{ input }`, `RATE_TOO_PRECISE` `{ input, decimals, maxDecimals }`. */
export type RateFailure = Failure<'RATE_INVALID' | 'RATE_NOT_POSITIVE' | 'RATE_TOO_PRECISE'>;

export const MAX_RATE_DECIMALS = 10;

// Plain decimals only: no exponent notation, no grouping, at most 12 integer digits (no real rate comes close,
// and it keeps a typo like a pasted account number from becoming a rate).
const RATE = /^([+-]?)(\d{0,12})(?:\.(\d*))?$/;

/** Validates a decimal rate string (`7.1234`, `0.00014`, up to 10 significant decimals). Never throws. */
export const parseRate = (text: string): Result<ExchangeRate, RateFailure> => {
  const input = text.trim();
  const written = toHalfWidth(input);
  const match = RATE.exec(written);
  if (match === null || !/\d/.test(written)) return fail('RATE_INVALID', { input });
  const [, sign = '', whole = '', fraction = ''] = match;
  const decimals = fraction.replace(/0+$/, '');
  const integerDigits = whole.replace(/^0+/, '') || '0';
  const units = BigInt(integerDigits + decimals);
  if (sign === '-' || units === 0n) return fail('RATE_NOT_POSITIVE', { input });
  if (decimals.length > MAX_RATE_DECIMALS) {
    return fail('RATE_TOO_PRECISE', { input, decimals: decimals.length, maxDecimals: MAX_RATE_DECIMALS });
  }
  return ok({
    units,
    scale: decimals.length,
    text: decimals === '' ? integerDigits : `${integerDigits}.${decimals}`,
  });
};
