// The commands about single expenses: log, edit, the decisions, finance's corrections, disputes, and listing.
import type { Result } from '../../../domain/shared/result.js';
import { ok } from '../../../domain/shared/result.js';
import {
  readPeriodWords,
  refuseExtra,
  takeClient,
  takeDisputeId,
  takeExpenseId,
} from './argument-readers.js';
import type { Command, CommandKind, ExpenseChanges, ListScope, StatedAmount } from './command.js';
import { type GrammarFailure, refuse } from './grammar-failure.js';
import { LIST_SCOPE_WORDS, lookupValue, MARK_WORDS } from './keywords.js';
import { readClientRef } from './read-values.js';
import {
  EXPENSE_SLOTS,
  freeText,
  scanWords,
  stateAmount,
  takeAmountAt,
  takeFirstAmount,
} from './scan-words.js';
import type { Token } from './tokenize.js';

type Parsed = Result<Command, GrammarFailure>;

export const parseLog = (args: readonly Token[]): Parsed => {
  const taken = takeAmountAt(args, 0, 'log', 'amount-only');
  if (taken === undefined) return refuse('AMOUNT_MISSING', { command: 'log' });
  if (!taken.ok) return taken;
  const scanned = scanWords(taken.value.rest, EXPENSE_SLOTS, 'log');
  if (!scanned.ok) return scanned;
  const { client, category, currency, date, fields, override, rest } = scanned.value;
  const stated = stateAmount(taken.value.amount, currency, 'log');
  if (!stated.ok) return stated;
  if (client === undefined) return refuse('CLIENT_MISSING', { command: 'log' });
  if (category === undefined) return refuse('CATEGORY_MISSING', { command: 'log' });
  const description = freeText(rest);
  return ok({
    kind: 'log',
    ...stated.value,
    client,
    category,
    ...(date === undefined ? {} : { date }),
    ...(description === undefined ? {} : { description }),
    fields,
    override,
  });
};

export const parseEdit = (args: readonly Token[]): Parsed => {
  const id = takeExpenseId(args, 'edit');
  if (!id.ok) return id;
  const taken = takeAmountAt(id.value.rest, 0, 'edit', 'amount-only');
  if (taken !== undefined && !taken.ok) return taken;
  const scanned = scanWords(taken?.value.rest ?? id.value.rest, EXPENSE_SLOTS, 'edit');
  if (!scanned.ok) return scanned;
  const { client, category, currency, date, fields, override, rest } = scanned.value;
  let money: Partial<StatedAmount> = currency === undefined ? {} : { currency };
  if (taken !== undefined) {
    const stated = stateAmount(taken.value.amount, currency, 'edit');
    if (!stated.ok) return stated;
    money = stated.value;
  }
  const description = freeText(rest);
  const changes: ExpenseChanges = {
    ...money,
    ...(client === undefined ? {} : { client }),
    ...(category === undefined ? {} : { category }),
    ...(date === undefined ? {} : { date }),
    ...(description === undefined ? {} : { description }),
    fields,
  };
  if (Object.keys(changes).length === 1 && Object.keys(fields).length === 0) {
    return refuse('EDIT_NOTHING', { expenseId: id.value.value });
  }
  return ok({ kind: 'edit', expenseId: id.value.value, changes, override });
};

const parseIdOnly =
  (kind: 'show' | 'withdraw' | 'resubmit' | 'receipt') =>
  (args: readonly Token[]): Parsed => {
    const id = takeExpenseId(args, kind);
    if (!id.ok) return id;
    const extra = refuseExtra(id.value.rest, kind);
    return extra.ok ? ok({ kind, expenseId: id.value.value }) : extra;
  };

export const parseShow = parseIdOnly('show');
export const parseWithdraw = parseIdOnly('withdraw');
export const parseResubmit = parseIdOnly('resubmit');
export const parseReceipt = parseIdOnly('receipt');

export const parseApprove = (args: readonly Token[]): Parsed => {
  const id = takeExpenseId(args, 'approve');
  if (!id.ok) return id;
  const taken = takeAmountAt(id.value.rest, 0, 'approve');
  if (taken === undefined) {
    const comment = freeText(id.value.rest);
    return ok({ kind: 'approve', expenseId: id.value.value, ...(comment === undefined ? {} : { comment }) });
  }
  if (!taken.ok) return taken;
  const stated = stateAmount(taken.value.amount, taken.value.currency, 'approve');
  if (!stated.ok) return stated;
  const comment = freeText(taken.value.rest);
  return ok({
    kind: 'approve',
    expenseId: id.value.value,
    approvedAmount: stated.value,
    ...(comment === undefined ? {} : { comment }),
  });
};

export const parseReject = (args: readonly Token[]): Parsed => {
  const id = takeExpenseId(args, 'reject');
  if (!id.ok) return id;
  const reason = freeText(id.value.rest);
  return ok({ kind: 'reject', expenseId: id.value.value, ...(reason === undefined ? {} : { reason }) });
};

export const parseReturn = (args: readonly Token[]): Parsed => {
  const id = takeExpenseId(args, 'return');
  if (!id.ok) return id;
  const whatIsNeeded = freeText(id.value.rest);
  return ok({
    kind: 'return',
    expenseId: id.value.value,
    ...(whatIsNeeded === undefined ? {} : { whatIsNeeded }),
  });
};

const parseIdAndText =
  (kind: 'void' | 'dispute') =>
  (args: readonly Token[]): Parsed => {
    const id = takeExpenseId(args, kind);
    if (!id.ok) return id;
    const text = freeText(id.value.rest);
    if (text === undefined) return refuse('REASON_MISSING', { command: kind });
    return kind === 'void'
      ? ok({ kind, expenseId: id.value.value, reason: text })
      : ok({ kind, expenseId: id.value.value, comment: text });
  };

export const parseVoid = parseIdAndText('void');
export const parseDispute = parseIdAndText('dispute');

export const parseMark = (args: readonly Token[]): Parsed => {
  const id = takeExpenseId(args, 'mark');
  if (!id.ok) return id;
  const [word, ...more] = id.value.rest;
  const mark = word?.bare === true ? lookupValue(MARK_WORDS, word.text) : undefined;
  if (mark === undefined) return refuse('MARK_INVALID', { text: word?.text ?? null });
  const extra = refuseExtra(more, 'mark');
  return extra.ok ? ok({ kind: 'mark', expenseId: id.value.value, mark }) : extra;
};

export const parseAnswer = (args: readonly Token[]): Parsed => {
  const id = takeDisputeId(args, 'answer');
  if (!id.ok) return id;
  const text = freeText(id.value.rest);
  if (text === undefined) return refuse('REASON_MISSING', { command: 'answer' });
  return ok({ kind: 'answer', disputeId: id.value.value, text });
};

export const parseAdjust = (args: readonly Token[]): Parsed => {
  const scanned = scanWords(args, new Set(['client', 'category']), 'adjust');
  if (!scanned.ok) return scanned;
  const taken = takeFirstAmount(scanned.value.rest, 'adjust');
  if (taken !== undefined && !taken.ok) return taken;
  const { client, category } = scanned.value;
  if (client === undefined) return refuse('CLIENT_MISSING', { command: 'adjust' });
  if (taken === undefined) return refuse('AMOUNT_MISSING', { command: 'adjust' });
  if (category === undefined) return refuse('CATEGORY_MISSING', { command: 'adjust' });
  const stated = stateAmount(taken.value.amount, taken.value.currency, 'adjust');
  if (!stated.ok) return stated;
  const reason = freeText(taken.value.rest);
  if (reason === undefined) return refuse('REASON_MISSING', { command: 'adjust' });
  return ok({ kind: 'adjust', ...stated.value, client, category, reason });
};

const readScope = (token: Token, command: CommandKind): Result<ListScope | undefined, GrammarFailure> => {
  if (!token.bare) return ok(undefined);
  const word = lookupValue(LIST_SCOPE_WORDS, token.text);
  if (word !== undefined) return ok({ kind: word });
  const reading = readClientRef(token.text);
  if (reading === undefined) return ok(undefined);
  if (!reading.ok) {
    const code = reading.problem === 'client' ? 'CLIENT_CODE_INVALID' : 'PROJECT_CODE_INVALID';
    return refuse(code, { text: reading.text, command });
  }
  return ok({ kind: 'client', client: reading.ref });
};

export const parseList = (args: readonly Token[]): Parsed => {
  let scope: ListScope | undefined;
  const rest: Token[] = [];
  for (const token of args) {
    const reading = readScope(token, 'list');
    if (!reading.ok) return reading;
    if (reading.value !== undefined && scope === undefined) scope = reading.value;
    else rest.push(token);
  }
  const period = readPeriodWords(rest, 'list');
  if (!period.ok) return period;
  return ok({
    kind: 'list',
    ...(scope === undefined ? {} : { scope }),
    ...(period.value === undefined ? {} : { period: period.value }),
  });
};

export const parseClose = (args: readonly Token[]): Parsed => {
  const client = takeClient(args, 'close', 'client-only');
  if (!client.ok) return client;
  const period = readPeriodWords(client.value.rest, 'close');
  if (!period.ok) return period;
  if (period.value === undefined) return refuse('PERIOD_MISSING', { command: 'close' });
  return ok({ kind: 'close', client: client.value.value.client, period: period.value });
};
