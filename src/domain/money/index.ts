export type { ConversionFailure } from './convert-money.js';
export { convertMoney } from './convert-money.js';
export type { CurrencyCaseRule } from './currency.js';
export {
  asCurrencyCode,
  CURRENCY_CODES,
  currencyExponent,
  isCurrencyCode,
  parseCurrencyCode,
} from './currency.js';
export type { MoneyLocale } from './currency-symbols.js';
export { displaySymbol } from './currency-symbols.js';
export type { ExchangeRate, RateFailure } from './exchange-rate.js';
export { MAX_RATE_DECIMALS, parseRate } from './exchange-rate.js';
export { formatAmountPlain, formatMoney } from './format-money.js';
export type { CurrencyCode, Money } from './money.js';
export { isSafeMinor, MAX_MINOR } from './money.js';
export type { BasisPoints } from './money-arithmetic.js';
export {
  addMoney,
  compareMoney,
  negateMoney,
  percentOf,
  reachesBasisPoints,
  subtractMoney,
  sumMoney,
  zeroMoney,
} from './money-arithmetic.js';
export type {
  AmountTokenFailure,
  MinorUnitsFailure,
  MoneyTextFailure,
  ParsedAmount,
} from './parse-amount.js';
export { formatParsedAmount, parseAmountToken, parseMoney, toMinorUnits } from './parse-amount.js';
export { divideRoundHalfUp } from './round-half-up.js';
