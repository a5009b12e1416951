import { describe, expect, it } from 'vitest';
import {
  asCurrencyCode,
  CURRENCY_CODES,
  currencyExponent,
  isCurrencyCode,
  parseCurrencyCode,
} from '../../../../src/domain/money/index.js';

describe('currency table', () => {
  it.each([
    ['JPY', 0],
    ['KRW', 0],
    ['VND', 0],
    ['ISK', 0],
    ['CLP', 0],
    ['CNY', 2],
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['HKD', 2],
    ['IDR', 2],
    ['KWD', 3],
    ['BHD', 3],
    ['OMR', 3],
    ['JOD', 3],
    ['TND', 3],
    ['LYD', 3],
    ['IQD', 3],
    ['CLF', 4],
    ['UYW', 4],
  ])('%s has %i decimals', (code, exponent) => {
    expect(currencyExponent(asCurrencyCode(code))).toBe(exponent);
  });

  it('lists well over a hundred upper-case three-letter codes, sorted and unique', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    expect(CURRENCY_CODES.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
    expect([...CURRENCY_CODES].sort()).toEqual(CURRENCY_CODES);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
  });

  it('leaves out codes without a minor unit and withdrawn codes', () => {
    for (const code of ['XAU', 'XDR', 'XTS', 'HRK']) expect(isCurrencyCode(code)).toBe(false);
  });

  it('throws for an unknown code, which can only be a bug', () => {
    expect(() => currencyExponent('ABC' as never)).toThrow(RangeError);
    expect(() => asCurrencyCode('usd')).toThrow(RangeError);
  });
});

describe('isCurrencyCode', () => {
  it('accepts only exact upper-case known codes', () => {
    expect(isCurrencyCode('CNY')).toBe(true);
    expect(isCurrencyCode('cny')).toBe(false);
    expect(isCurrencyCode('RMB')).toBe(false);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(isCurrencyCode('toString')).toBe(false);
  });
});

describe('parseCurrencyCode', () => {
  it.each([
    ['usd', 'USD'],
    ['Eur', 'EUR'],
    [' jpy ', 'JPY'],
    ['ＵＳＤ', 'USD'],
    ['rmb', 'CNY'],
    ['RMB', 'CNY'],
    ['kwd', 'KWD'],
  ])('%j → %s', (text, code) => {
    expect(parseCurrencyCode(text)).toBe(code);
  });

  it.each(['XYZ', 'US', 'USDX', '', '12', 'U$D', 'constructor', '¥'])('%j is not a currency', (text) => {
    expect(parseCurrencyCode(text)).toBeUndefined();
  });

  it('in word-safe mode accepts codes that are English words only in capitals', () => {
    expect(parseCurrencyCode('all')).toBe('ALL');
    expect(parseCurrencyCode('all', 'word-safe')).toBeUndefined();
    expect(parseCurrencyCode('Top', 'word-safe')).toBeUndefined();
    expect(parseCurrencyCode('ALL', 'word-safe')).toBe('ALL');
    expect(parseCurrencyCode('usd', 'word-safe')).toBe('USD');
  });
});
