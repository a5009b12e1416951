import type { Failure, Result } from '../shared/result.js';
import { fail, ok } from '../shared/result.js';
import { currencyExponent } from './currency.js';
import type { ExchangeRate, RateFailure } from './exchange-rate.js';
import { parseRate } from './exchange-rate.js';
import type { CurrencyCode, Money } from './money.js';
import { isSafeMinor, MAX_MINOR } from './money.js';
import { divideRoundHalfUp } from './round-half-up.js';

/** `CONVERSION_TOO_LARGE` `{ from, to, amountMinor, rate }` when the converted amount exceeds MAX_MINOR. */
export type ConversionFailure = RateFailure | Failure<'CONVERSION_TOO_LARGE'>;

const TEN = 10n;

/**
 * Converts `money` into `to` at `rate` (units of `to` per one unit of `money.currency`): the exact product
 * amount × rate × 10^(exp(to) − exp(from)) in bigint, rounded half away from zero to a minor unit of `to`
 * (see divideRoundHalfUp for why away from zero).
 * Refuses a malformed or non-positive rate and results beyond MAX_MINOR. An unsafe input amount is a bug
 * (Money is always safe) and throws.
 */
export const convertMoney = (
  money: Money,
  rate: string | ExchangeRate,
  to: CurrencyCode,
): Result<Money, ConversionFailure> => {
  if (!isSafeMinor(money.amountMinor)) throw new RangeError(`Unsafe amount: ${money.amountMinor}`);
  const parsed = typeof rate === 'string' ? parseRate(rate) : ok(rate);
  if (!parsed.ok) return parsed;
  const { units, scale, text } = parsed.value;
  if (units <= 0n) return fail('RATE_NOT_POSITIVE', { input: text });
  const shift = currencyExponent(to) - currencyExponent(money.currency) - scale;
  const product = BigInt(money.amountMinor) * units;
  const converted =
    shift >= 0 ? product * TEN ** BigInt(shift) : divideRoundHalfUp(product, TEN ** BigInt(-shift));
  if (converted > BigInt(MAX_MINOR) || converted < -BigInt(MAX_MINOR)) {
    return fail('CONVERSION_TOO_LARGE', {
      from: money.currency,
      to,
      amountMinor: money.amountMinor,
      rate: text,
    });
  }
  return ok({ amountMinor: converted === 0n ? 0 : Number(converted), currency: to });
};
