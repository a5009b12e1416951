import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Money } from '../../../../src/domain/money/index.js';
import {
  addMoney,
  asCurrencyCode,
  compareMoney,
  MAX_MINOR,
  negateMoney,
  percentOf,
  reachesBasisPoints,
  subtractMoney,
  sumMoney,
  zeroMoney,
} from '../../../../src/domain/money/index.js';

const SEED = 20_260_303;
const CNY = asCurrencyCode('CNY');
const cny = (amountMinor: number): Money => ({ amountMinor, currency: CNY });
const usd = (amountMinor: number): Money => ({ amountMinor, currency: asCurrencyCode('USD') });

describe('addMoney, subtractMoney, negateMoney', () => {
  it('adds and subtracts exactly', () => {
    expect(addMoney(cny(4580), cny(123450))).toEqual(cny(128030));
    expect(subtractMoney(cny(100), cny(250))).toEqual(cny(-150));
    expect(addMoney(cny(MAX_MINOR), cny(MAX_MINOR))).toEqual(cny(2 * MAX_MINOR));
  });

  it('negates without producing negative zero', () => {
    expect(negateMoney(cny(12))).toEqual(cny(-12));
    expect(Object.is(negateMoney(cny(0)).amountMinor, 0)).toBe(true);
    expect(Object.is(addMoney(cny(5), cny(-5)).amountMinor, 0)).toBe(true);
  });

  it('throws on mixed currencies: a bug upstream, not a user error', () => {
    expect(() => addMoney(cny(1), usd(1))).toThrow(/Currency mismatch/);
    expect(() => compareMoney(cny(1), usd(1))).toThrow(RangeError);
  });

  it('throws when a total leaves the exact integer range', () => {
    expect(() => addMoney(cny(Number.MAX_SAFE_INTEGER), cny(1))).toThrow(RangeError);
  });
});

describe('sumMoney', () => {
  it('sums to zero for an empty list, in the given currency', () => {
    expect(sumMoney([], CNY)).toEqual(zeroMoney(CNY));
  });

  it('throws on a line in another currency', () => {
    expect(() => sumMoney([cny(1), usd(2)], CNY)).toThrow(/USD in a CNY sum/);
  });

  it('throws beyond Number.MAX_SAFE_INTEGER instead of rounding', () => {
    expect(() =>
      sumMoney([cny(MAX_MINOR), cny(MAX_MINOR), cny(MAX_MINOR), cny(MAX_MINOR), cny(4)], CNY),
    ).toThrow(RangeError);
  });

  it('equals the BigInt sum of its lines', () => {
    const big = fc.bigInt({ min: -BigInt(MAX_MINOR), max: BigInt(MAX_MINOR) }).map(Number);
    const lists = fc.oneof(
      fc.array(big, { maxLength: 4 }), // 4 × MAX_MINOR still fits in 2^53
      fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { maxLength: 200 }),
    );
    fc.assert(
      fc.property(lists, (amounts) => {
        const expected = amounts.reduce((total, amount) => total + BigInt(amount), 0n);
        const total = sumMoney(amounts.map(cny), CNY);
        expect(BigInt(total.amountMinor)).toBe(expected);
        expect(total.currency).toBe('CNY');
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('compareMoney', () => {
  it('orders by amount', () => {
    expect(compareMoney(cny(1), cny(2))).toBe(-1);
    expect(compareMoney(cny(2), cny(2))).toBe(0);
    expect(compareMoney(cny(-1), cny(-2))).toBe(1);
  });
});

describe('percentOf (basis points)', () => {
  it.each([
    [8250, 10000, 8250],
    [1, 3, 3333],
    [2, 3, 6667],
    [1, 20000, 1], // 0.5 bp rounds up
    [-1, 20000, -1], // and away from zero
    [0, 500, 0],
    [15000, 10000, 15000],
    [MAX_MINOR, MAX_MINOR, 10000],
  ])('%i of %i is %i bp', (part, whole, bp) => {
    expect(percentOf(cny(part), cny(whole))).toBe(bp);
  });

  it('is undefined for a zero whole', () => {
    expect(percentOf(cny(5), cny(0))).toBeUndefined();
  });
});

describe('reachesBasisPoints', () => {
  it('decides thresholds exactly, without rounding', () => {
    expect(reachesBasisPoints(cny(7999), cny(10000), 8000)).toBe(false);
    expect(reachesBasisPoints(cny(8000), cny(10000), 8000)).toBe(true);
    // 79.996 % rounds to 80.00 % in basis points but has not reached it.
    expect(percentOf(cny(79_996), cny(100_000))).toBe(8000);
    expect(reachesBasisPoints(cny(79_996), cny(100_000), 8000)).toBe(false);
    expect(reachesBasisPoints(cny(MAX_MINOR), cny(MAX_MINOR), 10000)).toBe(true);
    expect(reachesBasisPoints(cny(MAX_MINOR - 1), cny(MAX_MINOR), 10000)).toBe(false);
  });

  it('with a zero budget, any spend has reached every threshold', () => {
    expect(reachesBasisPoints(cny(1), cny(0), 10000)).toBe(true);
  });

  it('refuses fractional basis points', () => {
    expect(() => reachesBasisPoints(cny(1), cny(2), 0.5)).toThrow(RangeError);
  });
});
