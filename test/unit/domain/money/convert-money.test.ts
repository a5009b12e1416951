import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Money } from '../../../../src/domain/money/index.js';
import {
  asCurrencyCode,
  CURRENCY_CODES,
  convertMoney,
  currencyExponent,
  divideRoundHalfUp,
  MAX_MINOR,
  parseRate,
} from '../../../../src/domain/money/index.js';

const SEED = 20_260_302;
const money = (amountMinor: number, currency: string): Money => ({
  amountMinor,
  currency: asCurrencyCode(currency),
});
const CNY = asCurrencyCode('CNY');
const JPY = asCurrencyCode('JPY');

const rateText = (units: bigint, scale: number): string => {
  const digits = units.toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  return scale === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
};

describe('parseRate', () => {
  it.each([
    ['7.1234', 71234n, 4, '7.1234'],
    ['0.00014', 14n, 5, '0.00014'],
    ['1', 1n, 0, '1'],
    ['007.50', 75n, 1, '7.5'],
    ['+2', 2n, 0, '2'],
    ['.5', 5n, 1, '0.5'],
    ['0.0000000001', 1n, 10, '0.0000000001'],
    ['1.12345678900000', 1123456789n, 9, '1.123456789'],
    ['７．１', 71n, 1, '7.1'],
  ])('%j is %s / 10^%i', (text, units, scale, canonical) => {
    expect(parseRate(text)).toEqual({ ok: true, value: { units, scale, text: canonical } });
  });

  it.each(['', 'abc', '1e5', '1,5', '7.1.2', '.', '1 2', 'NaN', '0x10', '1234567890123'])(
    '%j is malformed',
    (text) => {
      expect(parseRate(text)).toMatchObject({ ok: false, error: { code: 'RATE_INVALID' } });
    },
  );

  it.each(['0', '0.000', '-1', '-0.5'])('%j is not positive', (text) => {
    expect(parseRate(text)).toEqual({
      ok: false,
      error: { code: 'RATE_NOT_POSITIVE', details: { input: text } },
    });
  });

  it('allows up to 10 decimals', () => {
    expect(parseRate('0.00000000001')).toEqual({
      ok: false,
      error: { code: 'RATE_TOO_PRECISE', details: { input: '0.00000000001', decimals: 11, maxDecimals: 10 } },
    });
  });
});

describe('divideRoundHalfUp', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [4n, 3n, 1n],
    [5n, 3n, 2n],
    [-4n, 3n, -1n],
    [-5n, 3n, -2n],
    [0n, 7n, 0n],
    [1n, 2n, 1n],
    [-1n, 2n, -1n],
    [1n, 3n, 0n],
  ])('%s / %s → %s', (n, d, q) => {
    expect(divideRoundHalfUp(n, d)).toBe(q);
  });

  it('throws on division by zero', () => {
    expect(() => divideRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });
});

describe('convertMoney', () => {
  it.each([
    [money(10_000, 'USD'), '7.1234', 'CNY', 71_234], // $100 → ¥712.34
    [money(1, 'USD'), '7.1234', 'CNY', 7], // $0.01 → ¥0.071234 → 7 fen
    [money(10_000, 'JPY'), '0.0476', 'CNY', 47_600], // ¥10,000 → ¥476.00
    [money(12_345, 'CNY'), '20.9', 'JPY', 2_580], // ¥123.45 → 2,580.105 yen
    [money(100, 'CNY'), '0.0425', 'KWD', 43], // ¥1.00 → 0.0425 KWD → 0.043 (tie, up)
    [money(1_000_000, 'VND'), '0.00028', 'CNY', 28_000],
    [money(-5, 'CNY'), '0.1', 'CNY', -1], // −0.5 fen → −1: away from zero
    [money(5, 'CNY'), '0.1', 'CNY', 1],
    [money(-4, 'CNY'), '0.1', 'CNY', 0],
    [money(0, 'EUR'), '1.1', 'USD', 0],
    [money(1234, 'KWD'), '1', 'KWD', 1234],
  ])('%o at %s into %s → %i', (from, rate, to, amountMinor) => {
    expect(convertMoney(from, rate, asCurrencyCode(to))).toEqual({
      ok: true,
      value: { amountMinor, currency: to },
    });
  });

  it('never returns negative zero', () => {
    const result = convertMoney(money(-1, 'CNY'), '0.1', CNY);
    expect(result.ok && Object.is(result.value.amountMinor, 0)).toBe(true);
  });

  it('accepts an already parsed rate', () => {
    const rate = parseRate('7.1234');
    if (!rate.ok) throw new Error('fixture');
    expect(convertMoney(money(10_000, 'USD'), rate.value, CNY)).toEqual({
      ok: true,
      value: { amountMinor: 71_234, currency: 'CNY' },
    });
  });

  it('refuses malformed and non-positive rates', () => {
    expect(convertMoney(money(100, 'USD'), 'seven', CNY)).toMatchObject({
      ok: false,
      error: { code: 'RATE_INVALID' },
    });
    expect(convertMoney(money(100, 'USD'), '0', CNY)).toMatchObject({
      ok: false,
      error: { code: 'RATE_NOT_POSITIVE' },
    });
    expect(convertMoney(money(100, 'USD'), '-7', CNY)).toMatchObject({
      ok: false,
      error: { code: 'RATE_NOT_POSITIVE' },
    });
    expect(convertMoney(money(100, 'USD'), { units: 0n, scale: 0, text: '0' }, CNY)).toMatchObject({
      ok: false,
      error: { code: 'RATE_NOT_POSITIVE' },
    });
  });

  it('refuses a result beyond MAX_MINOR', () => {
    // MAX_MINOR fen is MAX_MINOR / 100 yuan; at 1000 yen per yuan that is 10 × MAX_MINOR yen.
    expect(convertMoney(money(MAX_MINOR, 'CNY'), '1000', JPY)).toEqual({
      ok: false,
      error: {
        code: 'CONVERSION_TOO_LARGE',
        details: { from: 'CNY', to: 'JPY', amountMinor: MAX_MINOR, rate: '1000' },
      },
    });
    expect(convertMoney(money(-MAX_MINOR, 'JPY'), '1', CNY)).toMatchObject({
      ok: false,
      error: { code: 'CONVERSION_TOO_LARGE' },
    });
  });

  it('throws for an amount that is not a safe Money (a bug upstream)', () => {
    expect(() => convertMoney(money(MAX_MINOR + 1, 'CNY'), '1', CNY)).toThrow(RangeError);
    expect(() => convertMoney(money(0.5, 'CNY'), '1', CNY)).toThrow(RangeError);
  });

  const amounts = fc.oneof(
    fc.integer({ min: -100_000, max: 100_000 }),
    fc.bigInt({ min: -BigInt(MAX_MINOR), max: BigInt(MAX_MINOR) }).map(Number),
  );
  // Any rate parseRate accepts: up to 10 decimals and 12 integer digits.
  const rates = fc.integer({ min: 0, max: 10 }).chain((scale) =>
    fc.record({
      units: fc.oneof(
        fc.bigInt({ min: 1n, max: 100_000n }),
        fc.bigInt({ min: 1n, max: 10n ** BigInt(12 + scale) - 1n }),
      ),
      scale: fc.constant(scale),
    }),
  );
  const currencies = fc.constantFrom(...CURRENCY_CODES);

  it('is within half a minor unit of the exact product, half away from zero on ties, or refuses only when unsafe', () => {
    fc.assert(
      fc.property(amounts, rates, currencies, currencies, (amountMinor, { units, scale }, from, to) => {
        const text = rateText(units, scale);
        const result = convertMoney({ amountMinor, currency: from }, text, to);
        // Exact value in minor units of `to`: numerator / denominator.
        const numerator = BigInt(amountMinor) * units * 10n ** BigInt(currencyExponent(to));
        const denominator = 10n ** BigInt(currencyExponent(from) + scale);
        if (!result.ok) {
          expect(result.error.code).toBe('CONVERSION_TOO_LARGE');
          const magnitude = numerator < 0n ? -numerator : numerator;
          // The rounded magnitude is at least MAX_MINOR + 1, i.e. |exact| ≥ MAX_MINOR + ½.
          expect(2n * magnitude >= (2n * BigInt(MAX_MINOR) + 1n) * denominator).toBe(true);
          return;
        }
        expect(result.value.currency).toBe(to);
        expect(Number.isSafeInteger(result.value.amountMinor)).toBe(true);
        expect(Math.abs(result.value.amountMinor)).toBeLessThanOrEqual(MAX_MINOR);
        const error = BigInt(result.value.amountMinor) * denominator - numerator; // result − exact, scaled
        const twiceError = 2n * (error < 0n ? -error : error);
        expect(twiceError <= denominator).toBe(true);
        if (twiceError === denominator) {
          // A tie: the result is the one further from zero.
          expect(numerator > 0n ? error > 0n : error < 0n).toBe(true);
        }
        // Symmetric: the negative converts to exactly the negative.
        const negated = convertMoney({ amountMinor: -amountMinor, currency: from }, text, to);
        expect(negated.ok && negated.value.amountMinor).toBe(
          result.value.amountMinor === 0 ? 0 : -result.value.amountMinor,
        );
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('rounds exact ties away from zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => 2 * n + 1),
        fc.integer({ min: 0, max: 1000 }),
        (oddAmount, whole) => {
          // oddAmount × (whole + 0.5) = oddAmount × (2·whole + 1) / 2, always an exact half.
          const result = convertMoney(money(oddAmount, 'CNY'), `${whole}.5`, CNY);
          const magnitude = (Math.abs(oddAmount) * (2 * whole + 1) + 1) / 2;
          expect(result).toEqual({
            ok: true,
            value: { amountMinor: Math.sign(oddAmount) * magnitude, currency: 'CNY' },
          });
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});
