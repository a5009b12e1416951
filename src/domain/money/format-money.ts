import { currencyExponent } from './currency.js';
import type { MoneyLocale } from './currency-symbols.js';
import { displaySymbol } from './currency-symbols.js';
import type { Money } from './money.js';

// Built from the integer's digits, never through a float or Intl: the output is exact for every safe integer
// and does not change with the ICU data a Node build ships.

const splitDigits = (money: Money): { negative: boolean; whole: string; fraction: string } => {
  if (!Number.isSafeInteger(money.amountMinor))
    throw new RangeError(`Not an exact amount: ${money.amountMinor}`);
  const exponent = currencyExponent(money.currency);
  const digits = Math.abs(money.amountMinor)
    .toString()
    .padStart(exponent + 1, '0');
  const cut = digits.length - exponent;
  return { negative: money.amountMinor < 0, whole: digits.slice(0, cut), fraction: digits.slice(cut) };
};

const groupThousands = (whole: string): string => whole.replace(/\B(?=(\d{3})+$)/g, ',');

/** Canonical text for storage, CSV and round-trips: `1234.50`, `-12.345`, `1200`. `parseAmountToken` reads it back exactly. */
export const formatAmountPlain = (money: Money): string => {
  const { negative, whole, fraction } = splitDigits(money);
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
};

/**
 * For people: grouped, with exactly the currency's decimals and a symbol that is unambiguous in `locale`
 * (en `CN¥1,234.50`, `$1,234.50`, `JP¥1,200`, `KWD 1.234`; zh-CN `¥1,234.50`, `US$1,234.50`). Negative amounts
 * lead with `-` (`-$12.00`, `-KWD 1.234`). `parseMoney` reads every output back to the same Money.
 */
export const formatMoney = (money: Money, locale: MoneyLocale): string => {
  const { negative, whole, fraction } = splitDigits(money);
  const number = `${groupThousands(whole)}${fraction === '' ? '' : `.${fraction}`}`;
  const symbol = displaySymbol(money.currency, locale);
  return `${negative ? '-' : ''}${symbol ?? `${money.currency} `}${number}`;
};
