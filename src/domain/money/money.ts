// Money is an integer count of the currency's minor unit plus its ISO 4217 code. Never a float.
// `number` is exact for integers up to 2^53; amounts are refused long before that (see MAX_MINOR).

/** ISO 4217 alphabetic code, upper case, e.g. "CNY". */
export type CurrencyCode = string & { readonly __brand: 'CurrencyCode' };

export type Money = {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
};

/** The largest magnitude Outlay accepts in minor units: 2^51 − 1, leaving headroom for sums of many lines. */
export const MAX_MINOR = 2 ** 51 - 1;

export const isSafeMinor = (n: number): boolean => Number.isInteger(n) && Math.abs(n) <= MAX_MINOR;
