import type { CurrencyCode, Money } from './money.js';
import { divideRoundHalfUp } from './round-half-up.js';

// Arithmetic throws instead of returning failures: adding two currencies, or a total beyond 2^53, can only
// come from a bug upstream (lines are converted to the client's currency before they are summed, and MAX_MINOR
// leaves 4× headroom for totals), so there is nothing a user could be told to do differently.

const assertSameCurrency = (a: Money, b: Money): void => {
  if (a.currency !== b.currency) throw new RangeError(`Currency mismatch: ${a.currency} and ${b.currency}`);
};

const toSafeNumber = (value: bigint, currency: CurrencyCode): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`Total out of exact range: ${value} ${currency}`);
  }
  return value === 0n ? 0 : Number(value);
};

export const zeroMoney = (currency: CurrencyCode): Money => ({ amountMinor: 0, currency });

/** a + b, exact. Throws on different currencies or a result beyond Number.MAX_SAFE_INTEGER. */
export const addMoney = (a: Money, b: Money): Money => {
  assertSameCurrency(a, b);
  return {
    amountMinor: toSafeNumber(BigInt(a.amountMinor) + BigInt(b.amountMinor), a.currency),
    currency: a.currency,
  };
};

/** a − b, exact. Throws like addMoney. */
export const subtractMoney = (a: Money, b: Money): Money => addMoney(a, negateMoney(b));

/** The exact total of `list` in `currency` (zero for an empty list). Throws if any line is in another currency. */
export const sumMoney = (list: readonly Money[], currency: CurrencyCode): Money => {
  let total = 0n;
  for (const money of list) {
    if (money.currency !== currency)
      throw new RangeError(`Currency mismatch: ${money.currency} in a ${currency} sum`);
    total += BigInt(money.amountMinor);
  }
  return { amountMinor: toSafeNumber(total, currency), currency };
};

export const negateMoney = (money: Money): Money => ({
  amountMinor: money.amountMinor === 0 ? 0 : -money.amountMinor,
  currency: money.currency,
});

/** −1, 0 or 1. Throws on different currencies. */
export const compareMoney = (a: Money, b: Money): -1 | 0 | 1 => {
  assertSameCurrency(a, b);
  if (a.amountMinor === b.amountMinor) return 0;
  return a.amountMinor < b.amountMinor ? -1 : 1;
};

/** Basis points: 10 000 = 100 %. */
export type BasisPoints = number;

/**
 * `part / whole` in whole basis points (8 250 = 82.5 %), rounded half away from zero; undefined when `whole` is
 * zero (no budget, no percentage). For display and reports; threshold decisions should use `reachesBasisPoints`,
 * which does not round. Exact up to 2^53 basis points (a part 900 billion times its whole).
 */
export const percentOf = (part: Money, whole: Money): BasisPoints | undefined => {
  assertSameCurrency(part, whole);
  if (whole.amountMinor === 0) return undefined;
  const basisPoints = divideRoundHalfUp(BigInt(part.amountMinor) * 10_000n, BigInt(whole.amountMinor));
  return basisPoints === 0n ? 0 : Number(basisPoints);
};

/**
 * Exactly `part ≥ whole × basisPoints / 10 000` (e.g. spend has reached 80 % of the budget: 8 000). No rounding,
 * so 79.996 % never counts as 80 %. With a zero `whole`, any non-negative part has reached every threshold.
 */
export const reachesBasisPoints = (part: Money, whole: Money, basisPoints: BasisPoints): boolean => {
  assertSameCurrency(part, whole);
  if (!Number.isSafeInteger(basisPoints))
    throw new RangeError(`Basis points must be an integer: ${basisPoints}`);
  return BigInt(part.amountMinor) * 10_000n >= BigInt(whole.amountMinor) * BigInt(basisPoints);
};
