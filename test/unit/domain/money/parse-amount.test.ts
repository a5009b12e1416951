import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CurrencyCode, ParsedAmount } from '../../../../src/domain/money/index.js';
import {
  asCurrencyCode,
  CURRENCY_CODES,
  currencyExponent,
  MAX_MINOR,
  parseAmountToken,
  parseMoney,
  toMinorUnits,
} from '../../../../src/domain/money/index.js';

const SEED = 20_260_301;
const CNY = asCurrencyCode('CNY');
const USD = asCurrencyCode('USD');
const JPY = asCurrencyCode('JPY');
const KWD = asCurrencyCode('KWD');

const minorOf = (token: string, currency: CurrencyCode): unknown => {
  const parsed = parseAmountToken(token);
  if (!parsed.ok) return parsed.error;
  const minor = toMinorUnits(parsed.value, parsed.value.currencyHint ?? currency);
  return minor.ok ? minor.value : minor.error;
};

describe('parseAmountToken: accepted forms', () => {
  it.each([
    ['45.8', 4580],
    ['45', 4500],
    ['1,234.50', 123450],
    ['1,234,567', 123456700],
    ['+12', 1200],
    ['-12.5', -1250],
    ['1.2万', 1200000],
    ['3万', 3000000],
    ['1.23456万', 1234560],
    ['2亿', 20000000000],
    ['１２．５', 1250],
    ['１，２３４．５', 123450],
    ['0.5', 50],
    ['.5', 50],
    ['12.', 1200],
    ['007', 700],
    ['0', 0],
    ['-0', 0],
    ['12.50', 1250],
  ])('%j → %i minor units of CNY', (token, minor) => {
    expect(minorOf(token, CNY)).toBe(minor);
  });

  it.each([
    ['¥12', 'CNY', 1200],
    ['￥12', 'CNY', 1200],
    ['12元', 'CNY', 1200],
    ['45元', 'CNY', 4500],
    ['12块', 'CNY', 1200],
    ['12块钱', 'CNY', 1200],
    ['1.2万元', 'CNY', 1200000],
    ['¥1.2万', 'CNY', 1200000],
    ['$3.50', 'USD', 350],
    ['＄3.50', 'USD', 350],
    ['-$3.50', 'USD', -350],
    ['$-3.50', 'USD', -350],
    ['US$3.50', 'USD', 350],
    ['30美元', 'USD', 3000],
    ['€4', 'EUR', 400],
    ['4€', 'EUR', 400],
    ['£5', 'GBP', 500],
    ['12円', 'JPY', 12],
    ['12日元', 'JPY', 12],
    ['JP¥1,200', 'JPY', 1200],
    ['CN¥1,234.50', 'CNY', 123450],
    ['HK$10', 'HKD', 1000],
    ['45usd', 'USD', 4500],
    ['RMB100', 'CNY', 10000],
    ['KWD1.234', 'KWD', 1234],
  ])('%j → %s %i', (token, currency, minor) => {
    const parsed = parseAmountToken(token);
    expect(parsed.ok && parsed.value.currencyHint).toBe(currency);
    expect(minorOf(token, USD)).toBe(minor);
  });

  it('says whether the currency came from a symbol or an attached code', () => {
    const symbol = parseAmountToken('¥12');
    const code = parseAmountToken('12cny');
    expect(symbol.ok && symbol.value.hintSource).toBe('symbol');
    expect(code.ok && code.value.hintSource).toBe('code');
    const plain = parseAmountToken('12');
    expect(plain.ok && 'currencyHint' in plain.value).toBe(false);
  });

  it('keeps the exact decimal, including trailing zeros', () => {
    expect(parseAmountToken('1,234.50')).toEqual({
      ok: true,
      value: { sign: 1, integerDigits: '1234', fractionDigits: '50' },
    });
    expect(parseAmountToken('-0012.500')).toEqual({
      ok: true,
      value: { sign: -1, integerDigits: '12', fractionDigits: '500' },
    });
  });

  it('never treats ¥ as yen: JPY must be written', () => {
    const parsed = parseAmountToken('¥1200');
    expect(parsed.ok && parsed.value.currencyHint).toBe('CNY');
  });
});

describe('parseAmountToken: refused forms', () => {
  it.each([
    ['12,50', '12.50'],
    ['12,5', '12.5'],
    ['1,234,56', '1,234.56'],
    ['1.234,50', '1,234.50'],
    ['¥12,50', '¥12.50'],
    ['-€3,5', '-€3.5'],
    ['1,5万', '1.5万'],
  ])('%j is a decimal comma; suggests %j', (token, suggestion) => {
    expect(parseAmountToken(token)).toEqual({
      ok: false,
      error: { code: 'AMOUNT_DECIMAL_COMMA', details: { input: token, suggestion } },
    });
  });

  it.each([
    ['12,5O', '12.50'],
    ['12.5O', '12.50'],
    ['l2', '12'],
    ['1O0', '100'],
    ['12。5', '12.5'],
  ])('%j is invalid but the fix is obvious: %j', (token, suggestion) => {
    expect(parseAmountToken(token)).toEqual({
      ok: false,
      error: { code: 'AMOUNT_INVALID', details: { input: token, suggestion } },
    });
  });

  it.each([
    '',
    '   ',
    'abc',
    'taxi',
    '-',
    '.',
    '$',
    '元',
    '万',
    '12 5',
    '1,2345',
    '0,500',
    '12,345,6789',
    '1,,234',
    '12..5',
    '1.2.3',
    '--12',
    '-$-3',
    '$12元',
    '12usdeur',
    '1e5',
    '0x10',
    'Infinity',
    'NaN',
    '12²',
    '½',
  ])('%j is not an amount', (token) => {
    expect(parseAmountToken(token)).toEqual({
      ok: false,
      error: { code: 'AMOUNT_INVALID', details: { input: token.trim() } },
    });
  });

  it('does not refuse zero; the use case decides', () => {
    expect(minorOf('0.00', CNY)).toBe(0);
  });

  it('never throws, whatever the text', () => {
    const codes = new Set(['AMOUNT_INVALID', 'AMOUNT_DECIMAL_COMMA']);
    const money = fc.string({
      unit: fc.constantFrom(...'0123456789,.+-¥$€£元块万円 OolI１２．，usdUSDKWDjpy'.split('')),
      maxLength: 16,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), money), (text) => {
        const result = parseAmountToken(text);
        if (result.ok) {
          expect(result.value.integerDigits).toMatch(/^(0|[1-9]\d*)$/);
          expect(result.value.fractionDigits).toMatch(/^\d*$/);
          expect([1, -1]).toContain(result.value.sign);
        } else {
          expect(codes.has(result.error.code)).toBe(true);
        }
        expect(() => parseMoney(text, CNY)).not.toThrow();
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('toMinorUnits', () => {
  const parsed = (token: string): ParsedAmount => {
    const result = parseAmountToken(token);
    if (!result.ok) throw new Error(`fixture ${token} does not parse`);
    return result.value;
  };

  it('scales by the currency exponent', () => {
    expect(toMinorUnits(parsed('12.5'), CNY)).toEqual({ ok: true, value: 1250 });
    expect(toMinorUnits(parsed('1200'), JPY)).toEqual({ ok: true, value: 1200 });
    expect(toMinorUnits(parsed('1.234'), KWD)).toEqual({ ok: true, value: 1234 });
    expect(toMinorUnits(parsed('1.2'), KWD)).toEqual({ ok: true, value: 1200 });
  });

  it('ignores trailing zeros: 12.50 yen is 12 yen', () => {
    expect(toMinorUnits(parsed('12.00'), JPY)).toEqual({ ok: true, value: 12 });
  });

  it.each([
    ['12.345', 'CNY', 3, 2],
    ['12.5', 'JPY', 1, 0],
    ['1.2345', 'KWD', 4, 3],
    ['-0.001', 'USD', 3, 2],
  ])('%s %s is too precise (%i decimals, %i allowed)', (token, currency, decimals, maxDecimals) => {
    expect(toMinorUnits(parsed(token), asCurrencyCode(currency))).toEqual({
      ok: false,
      error: { code: 'AMOUNT_TOO_PRECISE', details: { input: token, currency, decimals, maxDecimals } },
    });
  });

  it('accepts exactly MAX_MINOR and refuses one more', () => {
    expect(toMinorUnits(parsed(String(MAX_MINOR)), JPY)).toEqual({ ok: true, value: MAX_MINOR });
    expect(toMinorUnits(parsed(`-${MAX_MINOR}`), JPY)).toEqual({ ok: true, value: -MAX_MINOR });
    expect(toMinorUnits(parsed(String(MAX_MINOR + 1)), JPY)).toEqual({
      ok: false,
      error: { code: 'AMOUNT_TOO_LARGE', details: { input: String(MAX_MINOR + 1), currency: 'JPY' } },
    });
  });

  it('refuses every magnitude above MAX_MINOR, in every currency', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCY_CODES),
        fc.bigInt({ min: BigInt(MAX_MINOR) + 1n, max: 10n ** 40n }),
        fc.boolean(),
        (currency, magnitude, negative) => {
          const exponent = currencyExponent(currency);
          const digits = magnitude.toString().padStart(exponent + 1, '0');
          const cut = digits.length - exponent;
          const text = `${negative ? '-' : ''}${digits.slice(0, cut)}${exponent > 0 ? `.${digits.slice(cut)}` : ''}`;
          const result = parseMoney(text, currency);
          expect(result.ok ? result.value : result.error.code).toBe('AMOUNT_TOO_LARGE');
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('parseMoney', () => {
  it.each([
    ['45.8', 'CNY', 4580],
    ['12.5 usd', 'USD', 1250],
    ['USD 12.5', 'USD', 1250],
    ['KWD 1.234', 'KWD', 1234],
    ['-KWD 1.234', 'KWD', -1234],
    ['¥1200 JPY', 'JPY', 1200],
    ['$12 CAD', 'CAD', 1200],
    ['$ 12', 'USD', 1200],
    ['12 元', 'CNY', 1200],
    ['12usd USD', 'USD', 1200],
    ['1.2万 JPY', 'JPY', 12000],
  ])('%j → %s %i (client currency CNY)', (text, currency, amountMinor) => {
    expect(parseMoney(text, CNY)).toEqual({ ok: true, value: { amountMinor, currency } });
  });

  it('falls back to the client currency only when nothing names one', () => {
    expect(parseMoney('12', USD)).toEqual({ ok: true, value: { amountMinor: 1200, currency: 'USD' } });
    expect(parseMoney('12')).toEqual({
      ok: false,
      error: { code: 'CURRENCY_MISSING', details: { input: '12' } },
    });
  });

  it.each([
    ['12 USD EUR', 'USD', 'EUR'],
    ['12usd EUR', 'USD', 'EUR'],
    ['$12 €', 'EUR', 'USD'],
  ])('%j names two currencies', (text, first, second) => {
    expect(parseMoney(text, CNY)).toEqual({
      ok: false,
      error: { code: 'CURRENCY_CONFLICT', details: { input: text, first, second } },
    });
  });

  it('passes on the amount failures', () => {
    expect(parseMoney('12,50', CNY)).toMatchObject({ ok: false, error: { code: 'AMOUNT_DECIMAL_COMMA' } });
    expect(parseMoney('12.5 JPY', CNY)).toMatchObject({ ok: false, error: { code: 'AMOUNT_TOO_PRECISE' } });
    expect(parseMoney('12 13', CNY)).toEqual({
      ok: false,
      error: { code: 'AMOUNT_INVALID', details: { input: '12 13' } },
    });
    expect(parseMoney('USD', CNY)).toEqual({
      ok: false,
      error: { code: 'AMOUNT_INVALID', details: { input: 'USD' } },
    });
  });
});
