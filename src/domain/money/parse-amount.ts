import type { Failure, Result } from '../shared/result.js';
import { fail, ok } from '../shared/result.js';
import { currencyExponent, parseCurrencyCode } from './currency.js';
import { PREFIX_SYMBOLS, SUFFIX_SYMBOLS } from './currency-symbols.js';
import { toHalfWidth } from './half-width.js';
import type { CurrencyCode, Money } from './money.js';
import { MAX_MINOR } from './money.js';

/**
 * An amount exactly as written, as a decimal: sign, digits before and after the point (after applying 万/亿),
 * and the currency a symbol or attached code suggested. `integerDigits` has no leading zeros (at least "0");
 * `fractionDigits` keeps trailing zeros as written.
 */
export type ParsedAmount = {
  readonly sign: 1 | -1;
  readonly integerDigits: string;
  readonly fractionDigits: string;
  readonly currencyHint?: CurrencyCode;
  /** `symbol` for ¥ $ € 元 美元…, `code` for an attached ISO code (`45usd`, `RMB100`): a separate code wins over a symbol, but not over another code. */
  readonly hintSource?: 'symbol' | 'code';
};

/**
 * Failure codes of this module:
 * - `AMOUNT_INVALID` `{ input, suggestion? }` — not an amount (`suggestion` when a look-alike fix is obvious: `12,5O` → `12.50`);
 * - `AMOUNT_DECIMAL_COMMA` `{ input, suggestion }` — a comma used as the decimal point (`12,50` → `12.50`);
 * - `AMOUNT_TOO_PRECISE` `{ input, currency, decimals, maxDecimals }` — more decimals than the currency has;
 * - `AMOUNT_TOO_LARGE` `{ input, currency }` — more than MAX_MINOR minor units;
 * - `CURRENCY_MISSING` `{ input }` — no code, no symbol and no fallback;
 * - `CURRENCY_CONFLICT` `{ input, first, second }` — two different explicit currencies.
 */
export type AmountTokenFailure = Failure<'AMOUNT_INVALID' | 'AMOUNT_DECIMAL_COMMA'>;
export type MinorUnitsFailure = Failure<'AMOUNT_TOO_PRECISE' | 'AMOUNT_TOO_LARGE'>;
export type MoneyTextFailure =
  | AmountTokenFailure
  | MinorUnitsFailure
  | Failure<'CURRENCY_MISSING' | 'CURRENCY_CONFLICT'>;

type Hint = { readonly currency: CurrencyCode; readonly source: 'symbol' | 'code' };

// Thousands groups only after a non-zero lead group ("0,500" is not five hundred); otherwise plain digits.
const DECIMAL = /^(?:([1-9]\d{0,2}(?:,\d{3})+)|(\d+))?(?:\.(\d*))?$/;
const DECIMAL_COMMA = /^([1-9]\d{0,2}(?:,\d{3})*|\d+),(\d{1,2})$/;
const EUROPEAN = /^([1-9]\d{0,2}(?:\.\d{3})+),(\d{1,2})$/;
const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ['万', 4],
  ['亿', 8],
];

const takePrefix = (text: string): { hint: Hint; rest: string; written: string } | undefined => {
  for (const [symbol, currency] of PREFIX_SYMBOLS) {
    if (text.startsWith(symbol))
      return { hint: { currency, source: 'symbol' }, rest: text.slice(symbol.length), written: symbol };
  }
  const letters = /^([A-Za-z]{3})(?![A-Za-z])/.exec(text)?.[1];
  const currency = letters === undefined ? undefined : parseCurrencyCode(letters);
  if (letters === undefined || currency === undefined) return undefined;
  return { hint: { currency, source: 'code' }, rest: text.slice(3), written: letters };
};

const takeSuffix = (text: string): { hint: Hint; rest: string; written: string } | undefined => {
  for (const [symbol, currency] of SUFFIX_SYMBOLS) {
    if (text.endsWith(symbol) && text.length > symbol.length) {
      return { hint: { currency, source: 'symbol' }, rest: text.slice(0, -symbol.length), written: symbol };
    }
  }
  const letters = /(?<![A-Za-z])([A-Za-z]{3})$/.exec(text)?.[1];
  const currency = letters === undefined ? undefined : parseCurrencyCode(letters);
  if (letters === undefined || currency === undefined) return undefined;
  return { hint: { currency, source: 'code' }, rest: text.slice(0, -3), written: letters };
};

const mergeHints = (a: Hint | undefined, b: Hint | undefined): Hint | 'conflict' | undefined => {
  if (a === undefined || b === undefined) return a ?? b;
  if (a.currency !== b.currency) return 'conflict';
  return a.source === 'code' ? a : b;
};

// What to suggest for a core that is not a decimal, if the fix is obvious.
const suggestFor = (
  core: string,
): { code: 'AMOUNT_INVALID' | 'AMOUNT_DECIMAL_COMMA'; suggestion?: string } => {
  const comma = DECIMAL_COMMA.exec(core) ?? EUROPEAN.exec(core);
  if (comma !== null) {
    const whole = (comma[1] ?? '').replace(/\./g, ',');
    return { code: 'AMOUNT_DECIMAL_COMMA', suggestion: `${whole}.${comma[2] ?? ''}` };
  }
  // Letters that look like digits, and the ideographic full stop used as a decimal point.
  const fixed = core.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1').replace(/。/g, '.');
  if (fixed !== core) {
    if (DECIMAL.test(fixed) && /\d/.test(fixed)) return { code: 'AMOUNT_INVALID', suggestion: fixed };
    const inner = suggestFor(fixed);
    if (inner.suggestion !== undefined) return { code: 'AMOUNT_INVALID', suggestion: inner.suggestion };
  }
  return { code: 'AMOUNT_INVALID' };
};

const stripLeadingZeros = (digits: string): string => digits.replace(/^0+(?=\d)/, '') || '0';

/**
 * Parses one amount token (`45.8`, `1,234.50`, `-12.5`, `1.2万`, `¥12`, `12元`, `$3.50`, `12円`, `45usd`, `１２．５`)
 * into an exact decimal, never through a float. Zero is accepted; the caller decides whether it makes sense.
 * Never throws.
 */
export const parseAmountToken = (token: string): Result<ParsedAmount, AmountTokenFailure> => {
  const input = token.trim();
  const invalid = fail('AMOUNT_INVALID', { input });
  let rest = toHalfWidth(input);
  if (rest === '' || /\s/.test(rest)) return invalid;

  let signText = '';
  const takeSign = (): void => {
    if (signText === '' && (rest.startsWith('-') || rest.startsWith('+'))) {
      signText = rest.slice(0, 1);
      rest = rest.slice(1);
    }
  };
  takeSign();
  const prefix = takePrefix(rest);
  if (prefix !== undefined) rest = prefix.rest;
  const signBeforeSymbol = signText;
  takeSign();
  const suffix = takeSuffix(rest);
  if (suffix !== undefined) rest = suffix.rest;
  let shift = 0;
  let multiplierText = '';
  for (const [word, power] of MULTIPLIERS) {
    if (rest.endsWith(word)) {
      shift = power;
      multiplierText = word;
      rest = rest.slice(0, -word.length);
      break;
    }
  }
  const hint = mergeHints(prefix?.hint, suffix?.hint);
  if (hint === 'conflict') return invalid;

  const match = DECIMAL.exec(rest);
  if (match === null || !/\d/.test(rest)) {
    const { code, suggestion } = suggestFor(rest);
    if (suggestion === undefined) return invalid;
    const rebuilt =
      signBeforeSymbol +
      (prefix?.written ?? '') +
      signText.slice(signBeforeSymbol.length) +
      suggestion +
      multiplierText +
      (suffix?.written ?? '');
    return fail(code, { input, suggestion: rebuilt });
  }

  const written = (match[1] ?? match[2] ?? '').replace(/,/g, '');
  const fraction = match[3] ?? '';
  // 万 and 亿 move the decimal point; the value stays exact.
  const integerDigits = stripLeadingZeros(written + fraction.slice(0, shift).padEnd(shift, '0'));
  const fractionDigits = fraction.slice(shift);
  const sign = signText === '-' ? -1 : 1;
  const parsed: ParsedAmount =
    hint === undefined
      ? { sign, integerDigits, fractionDigits }
      : { sign, integerDigits, fractionDigits, currencyHint: hint.currency, hintSource: hint.source };
  return ok(parsed);
};

/** The parsed amount as a plain decimal (`-12.345`), for messages. */
export const formatParsedAmount = (parsed: ParsedAmount): string =>
  `${parsed.sign < 0 ? '-' : ''}${parsed.integerDigits}${parsed.fractionDigits === '' ? '' : `.${parsed.fractionDigits}`}`;

/** Scales an exact decimal to integer minor units of `currency`; refuses extra decimals and unsafe magnitudes. */
export const toMinorUnits = (
  parsed: ParsedAmount,
  currency: CurrencyCode,
): Result<number, MinorUnitsFailure> => {
  const exponent = currencyExponent(currency);
  // Trailing zeros carry no value: "12.50 JPY" is 12 yen, not too precise.
  const significant = parsed.fractionDigits.replace(/0+$/, '');
  if (significant.length > exponent) {
    return fail('AMOUNT_TOO_PRECISE', {
      input: formatParsedAmount(parsed),
      currency,
      decimals: significant.length,
      maxDecimals: exponent,
    });
  }
  const magnitude = BigInt(parsed.integerDigits + significant.padEnd(exponent, '0'));
  if (magnitude > BigInt(MAX_MINOR))
    return fail('AMOUNT_TOO_LARGE', { input: formatParsedAmount(parsed), currency });
  // `0 * -1` would be -0; keep zero unsigned.
  return ok(magnitude === 0n ? 0 : parsed.sign * Number(magnitude));
};

const isSymbolOnly = (token: string): Hint | undefined => {
  const written = toHalfWidth(token);
  const entry =
    SUFFIX_SYMBOLS.find(([symbol]) => symbol === written) ??
    PREFIX_SYMBOLS.find(([symbol]) => symbol === written);
  return entry === undefined ? undefined : { currency: entry[1], source: 'symbol' };
};

/**
 * Reads money from a short text: one amount token plus, optionally, an ISO code or symbol as its own word
 * (`12.5 usd`, `KWD 1.234`, `-KWD 1.234`, `¥ 1200 JPY`). An ISO code wins over a symbol (product rule: `¥1200 JPY`
 * is yen); two different codes conflict; with neither, `fallbackCurrency` (the client's currency) applies.
 */
export const parseMoney = (
  text: string,
  fallbackCurrency?: CurrencyCode,
): Result<Money, MoneyTextFailure> => {
  const input = text.trim();
  // A sign written before a code ("-KWD 1.234", how negatives of code-only currencies are formatted) belongs to
  // the amount.
  const normalised = toHalfWidth(input).replace(
    /^([+-])\s*([A-Za-z]{3})\s+(?=\S)/,
    (whole, sign: string, letters: string) =>
      parseCurrencyCode(letters) === undefined ? whole : `${letters} ${sign}`,
  );
  const codes: CurrencyCode[] = [];
  const symbols: Hint[] = [];
  const amountTokens: string[] = [];
  for (const token of normalised.split(/\s+/).filter((t) => t !== '')) {
    const code = parseCurrencyCode(token);
    const symbol = code === undefined ? isSymbolOnly(token) : undefined;
    if (code !== undefined) codes.push(code);
    else if (symbol !== undefined) symbols.push(symbol);
    else amountTokens.push(token);
  }
  const [amountToken, ...extra] = amountTokens;
  if (amountToken === undefined || extra.length > 0) return fail('AMOUNT_INVALID', { input });
  const parsed = parseAmountToken(amountToken);
  if (!parsed.ok) return parsed;

  const explicit = [...new Set(codes)];
  const [first, second] = explicit;
  if (first !== undefined && second !== undefined) return fail('CURRENCY_CONFLICT', { input, first, second });
  const { currencyHint, hintSource } = parsed.value;
  if (first !== undefined && hintSource === 'code' && currencyHint !== first) {
    return fail('CURRENCY_CONFLICT', { input, first: currencyHint ?? null, second: first });
  }
  let currency: CurrencyCode | undefined = first;
  if (currency === undefined) {
    const hints = [
      ...new Set([...symbols.map((s) => s.currency), ...(currencyHint === undefined ? [] : [currencyHint])]),
    ];
    const [hinted, otherHint] = hints;
    if (hinted !== undefined && otherHint !== undefined) {
      return fail('CURRENCY_CONFLICT', { input, first: hinted, second: otherHint });
    }
    currency = hinted ?? fallbackCurrency;
  }
  if (currency === undefined) return fail('CURRENCY_MISSING', { input });
  const minor = toMinorUnits(parsed.value, currency);
  if (!minor.ok) return minor;
  return ok({ amountMinor: minor.value, currency });
};
