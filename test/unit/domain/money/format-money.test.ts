import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Money, MoneyLocale } from '../../../../src/domain/money/index.js';
import {
  asCurrencyCode,
  CURRENCY_CODES,
  currencyExponent,
  displaySymbol,
  formatAmountPlain,
  formatMoney,
  MAX_MINOR,
  parseAmountToken,
  parseMoney,
  toMinorUnits,
} from '../../../../src/domain/money/index.js';

const SEED = 20_260_304;
const money = (amountMinor: number, currency: string): Money => ({
  amountMinor,
  currency: asCurrencyCode(currency),
});

describe('formatAmountPlain', () => {
  it.each([
    [money(123450, 'CNY'), '1234.50'],
    [money(5, 'CNY'), '0.05'],
    [money(-5, 'CNY'), '-0.05'],
    [money(0, 'USD'), '0.00'],
    [money(1200, 'JPY'), '1200'],
    [money(1234, 'KWD'), '1.234'],
    [money(-1, 'BHD'), '-0.001'],
    [money(1, 'CLF'), '0.0001'],
    [money(MAX_MINOR, 'CNY'), '22517998136852.47'],
  ])('%o → %s', (m, text) => {
    expect(formatAmountPlain(m)).toBe(text);
  });

  it('throws for a non-integer amount', () => {
    expect(() => formatAmountPlain(money(1.5, 'CNY'))).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each([
    [money(123450, 'CNY'), 'CN¥1,234.50', '¥1,234.50'],
    [money(123450, 'USD'), '$1,234.50', 'US$1,234.50'],
    [money(400, 'EUR'), '€4.00', '€4.00'],
    [money(500, 'GBP'), '£5.00', '£5.00'],
    [money(1200, 'JPY'), 'JP¥1,200', 'JP¥1,200'],
    [money(1234, 'KWD'), 'KWD 1.234', 'KWD 1.234'],
    [money(-1234, 'KWD'), '-KWD 1.234', '-KWD 1.234'],
    [money(-123450, 'USD'), '-$1,234.50', '-US$1,234.50'],
    [money(5, 'CNY'), 'CN¥0.05', '¥0.05'],
    [money(0, 'JPY'), 'JP¥0', 'JP¥0'],
    [money(123456789, 'AUD'), 'A$1,234,567.89', 'AU$1,234,567.89'],
    [money(100000, 'CHF'), 'CHF 1,000.00', 'CHF 1,000.00'],
    [money(MAX_MINOR, 'CNY'), 'CN¥22,517,998,136,852.47', '¥22,517,998,136,852.47'],
  ])('%o → en %s, zh-CN %s', (m, en, zh) => {
    expect(formatMoney(m, 'en')).toBe(en);
    expect(formatMoney(m, 'zh-CN')).toBe(zh);
  });

  it('groups exactly like Intl does for the same exact decimal string, even for the largest amounts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCY_CODES),
        fc
          .bigInt({ min: -BigInt(Number.MAX_SAFE_INTEGER), max: BigInt(Number.MAX_SAFE_INTEGER) })
          .map(Number),
        (currency, amountMinor) => {
          const exponent = currencyExponent(currency);
          const intl = new Intl.NumberFormat('en', {
            minimumFractionDigits: exponent,
            maximumFractionDigits: exponent,
          });
          const m = { amountMinor, currency };
          const plain = formatAmountPlain(m) as `${number}`;
          const formatted = formatMoney({ amountMinor: Math.abs(amountMinor), currency }, 'en');
          const symbol = displaySymbol(currency, 'en') ?? `${currency} `;
          expect(formatted.slice(symbol.length)).toBe(intl.format(plain).replace(/^-/, ''));
        },
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('round trips', () => {
  const currencies = fc.constantFrom(...CURRENCY_CODES);
  const amounts = fc.oneof(
    fc.integer({ min: -10_000, max: 10_000 }),
    fc.bigInt({ min: -BigInt(MAX_MINOR), max: BigInt(MAX_MINOR) }).map(Number),
    fc.constantFrom(MAX_MINOR, -MAX_MINOR, 0),
  );
  const locales = fc.constantFrom<MoneyLocale>('en', 'zh-CN');

  it('formatAmountPlain → parseAmountToken → toMinorUnits gives back the exact amount', () => {
    fc.assert(
      fc.property(currencies, amounts, (currency, amountMinor) => {
        const parsed = parseAmountToken(formatAmountPlain({ amountMinor, currency }));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(toMinorUnits(parsed.value, currency)).toEqual({ ok: true, value: amountMinor });
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('parseMoney reads every formatted amount back to the same Money, with no fallback currency', () => {
    fc.assert(
      fc.property(currencies, amounts, locales, (currency, amountMinor, locale) => {
        const m = { amountMinor, currency };
        expect(parseMoney(formatMoney(m, locale))).toEqual({ ok: true, value: m });
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('the en string without its symbol parses back exactly in its currency', () => {
    fc.assert(
      fc.property(currencies, amounts, (currency, amountMinor) => {
        const formatted = formatMoney({ amountMinor, currency }, 'en');
        const symbol = displaySymbol(currency, 'en') ?? `${currency} `;
        const stripped = formatted.replace(symbol, '');
        expect(stripped).toMatch(/^-?\d{1,3}(,\d{3})*(\.\d+)?$/);
        const parsed = parseAmountToken(stripped);
        expect(parsed.ok && toMinorUnits(parsed.value, currency)).toEqual({ ok: true, value: amountMinor });
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('every display symbol reads back as its own currency', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const currency of CURRENCY_CODES) {
        if (displaySymbol(currency, locale) === undefined) continue;
        const parsed = parseAmountToken(formatMoney({ amountMinor: 100, currency }, locale));
        expect(parsed.ok && parsed.value.currencyHint).toBe(currency);
      }
    }
  });
});
