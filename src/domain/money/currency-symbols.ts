import { asCurrencyCode } from './currency.js';
import type { CurrencyCode } from './money.js';

export type MoneyLocale = 'en' | 'zh-CN';

// Display symbols: unambiguous in the reader's locale. A bare "¥" means CNY to a Chinese reader but JPY to most
// English readers, and "$" means USD to both; everything else is qualified. Currencies not listed are written
// with their ISO code ("KWD 1.234").
// biome-ignore format: a dense table reads better
const DISPLAY_SYMBOLS: Readonly<Record<MoneyLocale, Readonly<Record<string, string>>>> = {
  en: {
    USD: '$', EUR: '€', GBP: '£', CNY: 'CN¥', JPY: 'JP¥', HKD: 'HK$', TWD: 'NT$', AUD: 'A$', CAD: 'CA$',
    NZD: 'NZ$', SGD: 'S$', MXN: 'MX$', BRL: 'R$', INR: '₹', KRW: '₩', ILS: '₪', VND: '₫', PHP: '₱',
  },
  'zh-CN': {
    CNY: '¥', USD: 'US$', EUR: '€', GBP: '£', JPY: 'JP¥', HKD: 'HK$', TWD: 'NT$', AUD: 'AU$', CAD: 'CA$',
    NZD: 'NZ$', SGD: 'S$', MXN: 'MX$', BRL: 'R$', INR: '₹', KRW: '₩', ILS: '₪', VND: '₫', PHP: '₱',
  },
};

/** The symbol to print before an amount, or undefined when the ISO code should be printed instead. */
export const displaySymbol = (currency: CurrencyCode, locale: MoneyLocale): string | undefined =>
  DISPLAY_SYMBOLS[locale][currency];

// What a symbol means when someone types it. Product rule: ¥/￥/元/块 mean CNY, $ USD, € EUR, £ GBP; yen must be
// written explicitly (JPY, 円, 日元, JP¥). Every display symbol above reads back to its own currency.
const PRODUCT_SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['CNY', '¥'],
  ['USD', '$'],
  ['EUR', '€'],
  ['GBP', '£'],
];

const TYPED_SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ...PRODUCT_SYMBOLS,
  ...Object.entries(DISPLAY_SYMBOLS.en),
  ...Object.entries(DISPLAY_SYMBOLS['zh-CN']),
].map(([code, symbol]) => [symbol, code] as const);

// After an amount, Chinese speakers name the currency: "12元", "30美元", "1.2万日元".
// biome-ignore format: a dense table reads better
const CHINESE_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['元', 'CNY'], ['块', 'CNY'], ['块钱', 'CNY'], ['圆', 'CNY'], ['人民币', 'CNY'],
  ['美元', 'USD'], ['美金', 'USD'], ['欧元', 'EUR'], ['英镑', 'GBP'], ['円', 'JPY'], ['日元', 'JPY'],
  ['港币', 'HKD'], ['港元', 'HKD'], ['韩元', 'KRW'], ['新台币', 'TWD'], ['澳元', 'AUD'], ['加元', 'CAD'],
  ['新加坡元', 'SGD'], ['新元', 'SGD'],
];

const byLengthDescending = (a: readonly [string, unknown], b: readonly [string, unknown]): number =>
  b[0].length - a[0].length;

const toTable = (
  entries: ReadonlyArray<readonly [string, string]>,
): ReadonlyArray<readonly [string, CurrencyCode]> => {
  const unique = new Map<string, CurrencyCode>();
  for (const [symbol, code] of entries) {
    const known = unique.get(symbol);
    const currency = asCurrencyCode(code);
    if (known !== undefined && known !== currency) throw new Error(`Symbol ${symbol} is ambiguous`);
    unique.set(symbol, currency);
  }
  // Longest first, so "US$" is tried before "$" and "美元" before "元".
  return [...unique.entries()].sort(byLengthDescending);
};

/** Symbols accepted before an amount (longest first). */
export const PREFIX_SYMBOLS = toTable(TYPED_SYMBOLS);

/** Symbols and words accepted after an amount (longest first): "12元", "12€", "30美元". */
export const SUFFIX_SYMBOLS = toTable([...TYPED_SYMBOLS, ...CHINESE_SUFFIXES]);
