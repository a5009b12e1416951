// Readers for the positional arguments several commands share: an expense id, a client, a member, a period.
import { parseExpenseId } from '../../../domain/expenses/expense-id.js';
import type { Result } from '../../../domain/shared/result.js';
import { ok } from '../../../domain/shared/result.js';
import type { ClientRef, CommandKind, MemberRef, PeriodSpec } from './command.js';
import { type GrammarFailure, refuse } from './grammar-failure.js';
import { joinPeriodWords, readClientRef, readMention, readPeriod } from './read-values.js';
import type { Token } from './tokenize.js';

export type Taken<T> = { readonly value: T; readonly rest: readonly Token[] };

/** Refuses the words a command has no place for. */
export const refuseExtra = (tokens: readonly Token[], command: CommandKind): Result<void, GrammarFailure> =>
  tokens.length === 0
    ? ok(undefined)
    : refuse('UNEXPECTED_WORDS', { words: tokens.map((t) => t.text).join(' '), command });

/** The expense id that starts the arguments (`ACME-7K3Q`, typed in any case, Crockford look-alikes read as digits). */
export const takeExpenseId = (
  tokens: readonly Token[],
  command: CommandKind,
): Result<Taken<string>, GrammarFailure> => {
  const [first, ...rest] = tokens;
  if (first === undefined) return refuse('EXPENSE_ID_MISSING', { command });
  const parsed = parseExpenseId(first.text);
  if (parsed === undefined) return refuse('EXPENSE_ID_INVALID', { text: first.text, command });
  return ok({ value: parsed.id, rest });
};

const DISPUTE_ID = /^[A-Z0-9][A-Z0-9-]{0,47}$/;

/** A dispute's reference: an expense id (normalised as one) or another short code, upper-cased. */
export const takeDisputeId = (
  tokens: readonly Token[],
  command: CommandKind,
): Result<Taken<string>, GrammarFailure> => {
  const [first, ...rest] = tokens;
  if (first === undefined) return refuse('DISPUTE_ID_MISSING', { command });
  const asExpense = parseExpenseId(first.text)?.id;
  const upper = first.text.normalize('NFKC').toUpperCase();
  const id = asExpense ?? (DISPUTE_ID.test(upper) ? upper : undefined);
  if (id === undefined) return refuse('DISPUTE_ID_INVALID', { text: first.text, command });
  return ok({ value: id, rest });
};

/** The first `@client[/project]` anywhere in the tokens, and the others. */
export const takeClient = (
  tokens: readonly Token[],
  command: CommandKind,
  project: 'project-allowed' | 'client-only',
): Result<Taken<ClientRef>, GrammarFailure> => {
  const at = tokens.findIndex((token) => token.bare && readClientRef(token.text) !== undefined);
  const token = tokens[at];
  const reading = token === undefined ? undefined : readClientRef(token.text);
  if (token === undefined || reading === undefined) return refuse('CLIENT_MISSING', { command });
  if (!reading.ok) {
    const code = reading.problem === 'client' ? 'CLIENT_CODE_INVALID' : 'PROJECT_CODE_INVALID';
    return refuse(code, { text: reading.text, command });
  }
  if (project === 'client-only' && reading.ref.project !== undefined) {
    return refuse('PROJECT_NOT_ALLOWED', { text: token.text, command });
  }
  const rest = tokens.filter((_, i) => i !== at);
  const second = rest.find((t) => t.bare && readClientRef(t.text) !== undefined);
  if (second !== undefined) return refuse('TWO_CLIENTS', { first: token.text, second: second.text, command });
  return ok({ value: reading.ref, rest });
};

/** A member mention at the start of the arguments. */
export const takeMember = (
  tokens: readonly Token[],
  command: CommandKind,
): Result<Taken<MemberRef>, GrammarFailure> => {
  const [first, ...rest] = tokens;
  if (first === undefined) return refuse('MEMBER_MISSING', { command });
  const member = first.bare ? readMention(first.text) : undefined;
  if (member === undefined) return refuse('MEMBER_INVALID', { text: first.text, command });
  return ok({ value: member, rest });
};

/**
 * The report period in what is left of a command (`last-month`, `last month`, `上月`, `2026-Q1`), or undefined
 * when nothing is left.
 */
export const readPeriodWords = (
  tokens: readonly Token[],
  command: CommandKind,
): Result<PeriodSpec | undefined, GrammarFailure> => {
  const [first, second, ...more] = tokens;
  if (first === undefined) return ok(undefined);
  const joined = second === undefined ? undefined : joinPeriodWords(first.text, second.text);
  if (joined !== undefined) {
    const extra = refuseExtra(more, command);
    return extra.ok ? ok({ key: joined }) : extra;
  }
  const period = readPeriod(first.text);
  if (period === undefined) return refuse('PERIOD_INVALID', { text: first.text, command });
  const extra = refuseExtra(tokens.slice(1), command);
  return extra.ok ? ok(period) : extra;
};
