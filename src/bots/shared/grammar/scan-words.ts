// docs/product-rules.md §10: after the amount, `@client`, `#category`, a currency, a date, `key:value` fields and
// `override` are recognised anywhere, and the remaining words are the description. Each command says which of these
// it recognises; the words it does not are handed back in order (a description, a reason, or words the command did
// not expect).
import type { CurrencyCode, ParsedAmount } from '../../../domain/money/index.js';
import type { Result } from '../../../domain/shared/result.js';
import { ok } from '../../../domain/shared/result.js';
import { closestWord } from './closest-word.js';
import type { ClientRef, CommandKind, DateSpec, ExpenseFields, PayMethod, StatedAmount } from './command.js';
import { type GrammarFailure, refuse } from './grammar-failure.js';
import {
  BILLABLE_WORDS,
  FIELD_HINTS,
  FIELD_WORDS,
  type FieldKey,
  lookupValue,
  OVERRIDE_WORDS,
  PAY_WORDS,
  wordIn,
} from './keywords.js';
import { ownValue } from './own-value.js';
import {
  looksLikeAmount,
  readAmount,
  readCategory,
  readClientRef,
  readCurrencyWord,
  readDate,
  symbolCurrency,
} from './read-values.js';
import type { Token } from './tokenize.js';

export type Slot = 'client' | 'category' | 'currency' | 'date' | 'fields' | 'override';

export const EXPENSE_SLOTS: ReadonlySet<Slot> = new Set([
  'client',
  'category',
  'currency',
  'date',
  'fields',
  'override',
]);

export type Scanned = {
  readonly client?: ClientRef;
  readonly category?: string;
  readonly currency?: CurrencyCode;
  readonly date?: DateSpec;
  readonly fields: ExpenseFields;
  readonly override: boolean;
  /** The tokens no slot took, in order. */
  readonly rest: readonly Token[];
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const FIELD_KEY = /^(?:[a-z][a-z_-]*|\p{Script=Han}+)$/u;
const KNOWN_KEYS = Object.values(FIELD_WORDS).flatMap((words) => [...words.en, ...words.zh]);

/** The text of a run of tokens as one free text, or undefined when there is none. */
export const freeText = (tokens: readonly Token[]): string | undefined => {
  const text = tokens.map((token) => token.text).join(' ');
  return text.trim() === '' ? undefined : text;
};

const clientText = (ref: ClientRef): string =>
  `@${ref.client}${ref.project === undefined ? '' : `/${ref.project}`}`;

const sameClient = (a: ClientRef, b: ClientRef): boolean => a.client === b.client && a.project === b.project;

type FieldReading =
  | {
      readonly kind: 'field';
      readonly key: FieldKey;
      readonly written: string;
      readonly value: string;
      readonly used: number;
    }
  | { readonly kind: 'not-a-field' };

// `merchant:Blue`, `merchant:"Blue Bottle"`, and `merchant: Blue` (the value in the next word).
const readField = (tokens: readonly Token[], at: number): Result<FieldReading, GrammarFailure> => {
  const token = tokens[at];
  const colon = token?.head.indexOf(':') ?? -1;
  if (token === undefined || colon <= 0) return ok({ kind: 'not-a-field' });
  const written = token.head.slice(0, colon).normalize('NFKC').toLowerCase();
  const key = lookupValue(FIELD_WORDS, written);
  if (key === undefined) {
    if (!FIELD_KEY.test(written)) return ok({ kind: 'not-a-field' });
    const hint = ownValue(FIELD_HINTS, written);
    const near = written.length >= 4 ? closestWord(written, KNOWN_KEYS) : undefined;
    if (hint === undefined && near === undefined) return ok({ kind: 'not-a-field' });
    return refuse('FIELD_UNKNOWN', { field: `${written}:`, suggestion: hint ?? `${near}:` });
  }
  let value = token.text.slice(colon + 1);
  let used = 1;
  const next = tokens[at + 1];
  if (value === '' && token.bare && next !== undefined) {
    value = next.text;
    used = 2;
  }
  if (value.trim() === '') return refuse('FIELD_VALUE_MISSING', { field: `${written}:` });
  return ok({ kind: 'field', key, written: `${written}:`, value, used });
};

const setField = (
  fields: Mutable<ExpenseFields>,
  reading: Extract<FieldReading, { kind: 'field' }>,
): Result<void, GrammarFailure> => {
  const name = reading.key === 'no-receipt' ? 'noReceipt' : reading.key;
  if (fields[name] !== undefined) return refuse('FIELD_REPEATED', { field: reading.written });
  if (reading.key === 'pay') {
    const method: PayMethod | undefined = lookupValue(PAY_WORDS, reading.value);
    if (method === undefined) return refuse('PAY_METHOD_INVALID', { text: reading.value });
    fields.pay = method;
  } else if (reading.key === 'no-receipt') {
    fields.noReceipt = reading.value;
  } else {
    fields[reading.key] = reading.value;
  }
  return ok(undefined);
};

/** Sorts tokens into the slots a command recognises; refuses contradictions (two clients, two dates…). */
export const scanWords = (
  tokens: readonly Token[],
  slots: ReadonlySet<Slot>,
  command: CommandKind,
): Result<Scanned, GrammarFailure> => {
  const scanned: Mutable<Omit<Scanned, 'fields' | 'rest'>> = { override: false };
  const fields: Mutable<ExpenseFields> = {};
  const rest: Token[] = [];
  let dateText = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) continue;
    if (slots.has('fields')) {
      const field = readField(tokens, i);
      if (!field.ok) return field;
      if (field.value.kind === 'field') {
        const set = setField(fields, field.value);
        if (!set.ok) return set;
        i += field.value.used - 1;
        continue;
      }
    }
    if (!token.bare) {
      rest.push(token);
      continue;
    }
    const word = token.text;
    if (slots.has('client')) {
      const reading = readClientRef(word);
      if (reading !== undefined) {
        if (!reading.ok) {
          const code = reading.problem === 'client' ? 'CLIENT_CODE_INVALID' : 'PROJECT_CODE_INVALID';
          return refuse(code, { text: reading.text, command });
        }
        if (scanned.client !== undefined && !sameClient(scanned.client, reading.ref)) {
          return refuse('TWO_CLIENTS', { first: clientText(scanned.client), second: word, command });
        }
        scanned.client = reading.ref;
        continue;
      }
    }
    if (slots.has('category')) {
      const category = readCategory(word);
      if (category !== undefined) {
        if (scanned.category !== undefined && scanned.category !== category) {
          return refuse('TWO_CATEGORIES', { first: `#${scanned.category}`, second: word, command });
        }
        scanned.category = category;
        continue;
      }
    }
    if (slots.has('currency')) {
      const currency = readCurrencyWord(word);
      if (currency !== undefined) {
        if (scanned.currency !== undefined && scanned.currency !== currency) {
          return refuse('TWO_CURRENCIES', { first: scanned.currency, second: currency, command });
        }
        scanned.currency = currency;
        continue;
      }
    }
    if (slots.has('date')) {
      const date = readDate(word);
      if (date === 'invalid') return refuse('DATE_INVALID', { text: word, command });
      if (date !== undefined) {
        if (scanned.date !== undefined)
          return refuse('TWO_DATES', { first: dateText, second: word, command });
        scanned.date = date;
        dateText = word;
        continue;
      }
    }
    if (slots.has('fields')) {
      const billable = lookupValue(BILLABLE_WORDS, word);
      if (billable !== undefined) {
        const wanted = billable === 'billable';
        if (fields.billable !== undefined && fields.billable !== wanted)
          return refuse('BILLABLE_CONFLICT', {});
        fields.billable = wanted;
        continue;
      }
    }
    if (slots.has('override') && wordIn(OVERRIDE_WORDS, word)) {
      scanned.override = true;
      continue;
    }
    rest.push(token);
  }
  return ok({ ...scanned, fields, rest });
};

/** An amount and the ISO code of the whole command: a code attached to the amount must agree with it. */
export const stateAmount = (
  amount: ParsedAmount,
  currency: CurrencyCode | undefined,
  command: CommandKind,
): Result<StatedAmount, GrammarFailure> => {
  if (currency === undefined) return ok({ amount });
  if (amount.hintSource === 'code' && amount.currencyHint !== undefined && amount.currencyHint !== currency) {
    return refuse('TWO_CURRENCIES', { first: amount.currencyHint, second: currency, command });
  }
  return ok({ amount, currency });
};

export type TakenAmount = {
  readonly amount: ParsedAmount;
  /** An ISO code written right after the amount. */
  readonly currency?: CurrencyCode;
  readonly rest: readonly Token[];
};

/**
 * Reads the amount at `tokens[at]` (with a currency symbol written beside it, `45 元`) and, for commands that do
 * not look for a currency anywhere (`codeAfter`), an ISO code right after it. Undefined when that token does not
 * look like an amount.
 */
export const takeAmountAt = (
  tokens: readonly Token[],
  at: number,
  command: CommandKind,
  codeAfter: 'code-after' | 'amount-only' = 'code-after',
): Result<TakenAmount, GrammarFailure> | undefined => {
  const first = tokens[at];
  const second = tokens[at + 1];
  if (first === undefined || !first.bare) return undefined;
  const secondWord = second?.bare === true ? second.text : undefined;
  const symbolFirst =
    secondWord !== undefined &&
    symbolCurrency(first.text, 'before') !== undefined &&
    looksLikeAmount(secondWord);
  if (!looksLikeAmount(first.text) && !symbolFirst) return undefined;
  const reading = readAmount(secondWord === undefined ? [first.text] : [first.text, secondWord]);
  if (!reading.ok) {
    return reading.code === 'AMOUNT_DECIMAL_COMMA'
      ? refuse('AMOUNT_DECIMAL_COMMA', {
          input: reading.input,
          suggestion: reading.suggestion ?? '',
          command,
        })
      : refuse('AMOUNT_INVALID', { input: reading.input, suggestion: reading.suggestion, command });
  }
  let end = at + reading.used;
  const after = tokens[end];
  const currency =
    codeAfter === 'code-after' && after?.bare === true ? readCurrencyWord(after.text) : undefined;
  if (currency !== undefined) end++;
  const rest = [...tokens.slice(0, at), ...tokens.slice(end)];
  return ok(
    currency === undefined ? { amount: reading.amount, rest } : { amount: reading.amount, currency, rest },
  );
};

/** The first token that looks like an amount, read as takeAmountAt reads it; undefined if none does. */
export const takeFirstAmount = (
  tokens: readonly Token[],
  command: CommandKind,
): Result<TakenAmount, GrammarFailure> | undefined => {
  for (let i = 0; i < tokens.length; i++) {
    const taken = takeAmountAt(tokens, i, command);
    if (taken !== undefined) return taken;
  }
  return undefined;
};
