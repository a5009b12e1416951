// From what a person typed to the facts an expense is made of: which client, project and category, how much in
// which currency, on which day, and the same amount in the client's currency. Shared by logging and editing.
import {
  type CurrencyCode,
  convertMoney,
  type Money,
  type ParsedAmount,
  toMinorUnits,
} from '../money/index.js';
import { todayIn } from '../periods/calendar-date.js';
import { type DateInput, resolveDateInput } from '../periods/date-input.js';
import { type Category, resolveCategory } from '../policy/categories.js';
import type { ClientRecord, ProjectRecord } from '../ports/directory.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import type { ExpenseDeps } from './expense-deps.js';

export type AmountInput = {
  readonly amount: ParsedAmount;
  /** An ISO code written anywhere in the command; it wins over a symbol on the amount. */
  readonly currency?: CurrencyCode | undefined;
};

export type FactsFailure = Failure<
  | 'CLIENT_UNKNOWN'
  | 'CLIENT_ARCHIVED'
  | 'PROJECT_UNKNOWN'
  | 'UNKNOWN_CATEGORY'
  | 'AMOUNT_ZERO'
  | 'AMOUNT_NEGATIVE'
  | 'AMOUNT_TOO_PRECISE'
  | 'AMOUNT_TOO_LARGE'
  | 'DATE_INVALID'
  | 'DATE_IN_FUTURE'
  | 'RATE_MISSING'
  | 'CONVERSION_TOO_LARGE'
>;

export async function resolveClient(
  deps: ExpenseDeps,
  tx: Tx,
  organisationId: string,
  code: string,
): Promise<Result<ClientRecord, FactsFailure>> {
  const client = await deps.directory.clientByCode(tx, organisationId, code.toLowerCase());
  if (!client) return fail('CLIENT_UNKNOWN', { code });
  if (client.status === 'archived') return fail('CLIENT_ARCHIVED', { code });
  return ok(client);
}

export async function resolveProject(
  deps: ExpenseDeps,
  tx: Tx,
  organisationId: string,
  client: ClientRecord,
  code: string | undefined,
): Promise<Result<ProjectRecord | undefined, FactsFailure>> {
  if (code === undefined) return ok(undefined);
  const project = await deps.directory.projectByCode(tx, organisationId, client.id, code.toLowerCase());
  return project ? ok(project) : fail('PROJECT_UNKNOWN', { client: client.code, code });
}

export async function resolveExpenseCategory(
  deps: ExpenseDeps,
  tx: Tx,
  organisationId: string,
  text: string,
): Promise<Result<Category, FactsFailure>> {
  return resolveCategory(text, await deps.directory.categories(tx, organisationId));
}

/** A positive amount in the written (or the client's) currency. */
export function resolveAmount(input: AmountInput, client: ClientRecord): Result<Money, FactsFailure> {
  const currency = input.currency ?? input.amount.currencyHint ?? client.currency;
  const minor = toMinorUnits(input.amount, currency);
  if (!minor.ok) return minor;
  if (minor.value === 0) return fail('AMOUNT_ZERO');
  if (minor.value < 0) return fail('AMOUNT_NEGATIVE', { hint: 'adjust' });
  return ok({ amountMinor: minor.value, currency });
}

/** The incurred day in the client's time zone; today when not given, never in the future. */
export function resolveIncurredOn(
  deps: Pick<ExpenseDeps, 'clock'>,
  input: DateInput | undefined,
  client: ClientRecord,
): Result<{ readonly date: string; readonly today: string }, FactsFailure> {
  const today = todayIn(deps.clock.now().getTime(), client.timeZone);
  const date = input === undefined ? ok(today) : resolveDateInput(input, today);
  if (!date.ok) return date;
  if (date.value > today) return fail('DATE_IN_FUTURE', { date: date.value, today });
  return ok({ date: date.value, today });
}

export type Converted = { readonly clientAmount: Money; readonly rate?: string; readonly rateDate?: string };

/** The amount in the client's currency with the latest rate on or before the incurred day. */
export async function convertToClientCurrency(
  deps: ExpenseDeps,
  tx: Tx,
  organisationId: string,
  original: Money,
  client: ClientRecord,
  incurredOn: string,
): Promise<Result<Converted, FactsFailure>> {
  if (original.currency === client.currency) return ok({ clientAmount: original });
  const rate = await deps.rates.latest(tx, organisationId, original.currency, client.currency, incurredOn);
  if (!rate) {
    return fail('RATE_MISSING', {
      from: original.currency,
      to: client.currency,
      date: incurredOn,
      canAdd: 'finance,admin',
    });
  }
  const converted = convertMoney(original, rate.rate, client.currency);
  // Stored rates were validated when written, so only the magnitude can fail here.
  if (!converted.ok) return fail('CONVERSION_TOO_LARGE', { from: original.currency, to: client.currency });
  return ok({ clientAmount: converted.value, rate: rate.rate, rateDate: rate.effectiveOn });
}
