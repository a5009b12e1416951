// `adjust @client <±amount> [currency] #category <reason>`: finance or an admin corrects a client's spend
// once its period is closed (docs/product-rules.md §3, §7). The correction is an expense of kind `adjustment`,
// positive or negative, dated today in the client's time zone (which must be open), approved at once, with the reason
// as its description. It counts as actual spend, so it may cross a budget threshold like any approval.
import { measureBudgets } from '../../budgets/gate-budgets.js';
import type { CurrencyCode, ParsedAmount } from '../../money/index.js';
import { toMinorUnits } from '../../money/index.js';
import { authorise, type Forbidden } from '../../people/permissions.js';
import { todayIn } from '../../periods/calendar-date.js';
import type { Category } from '../../policy/categories.js';
import type { ClientRecord } from '../../ports/directory.port.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import type { RequestContext } from '../../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../../shared/result.js';
import { announceBudgetCrossings } from '../announce.js';
import { checkPeriodOpen, type PeriodClosed } from '../closed-period.js';
import type { ApprovedExpense } from '../expense.js';
import type { ReasonRequired } from '../expense-transitions.js';
import {
  convertToClientCurrency,
  type FactsFailure,
  resolveClient,
  resolveExpenseCategory,
  resolveProject,
} from '../resolve-expense-facts.js';
import { insertWithFreshId } from './insert-with-fresh-id.js';
import type { LifecycleDeps } from './lifecycle-deps.js';
import { type ReplayedExpenseRequest, transactOnce } from './transact-once.js';

export type AdjustClientSpendInput = {
  readonly clientCode: string;
  readonly projectCode?: string | undefined;
  /** Signed: a negative amount lowers the client's spend. */
  readonly amount: ParsedAmount;
  readonly currency?: CurrencyCode | undefined;
  readonly categoryText: string;
  readonly reason: string;
  /** Absent: the category's default. */
  readonly billable?: boolean | undefined;
};

export type AdjustedClientSpend = {
  readonly replayed: false;
  readonly expense: ApprovedExpense;
  readonly client: ClientRecord;
  readonly category: Category;
};

export type AdjustClientSpendFailure =
  | Forbidden
  | FactsFailure
  | ReasonRequired
  | PeriodClosed
  | Failure<'ID_SPACE_EXHAUSTED'>;

const OPERATION = 'adjust-client-spend';

export const adjustClientSpend =
  (deps: LifecycleDeps) =>
  (
    ctx: RequestContext,
    input: AdjustClientSpendInput,
  ): Promise<Result<AdjustedClientSpend | ReplayedExpenseRequest, AdjustClientSpendFailure>> =>
    transactOnce(
      deps,
      ctx,
      OPERATION,
      (value: AdjustedClientSpend) => ({ expenseId: value.expense.id }),
      (tx) => adjustInTransaction(deps, tx, ctx, input),
    );

async function adjustInTransaction(
  deps: LifecycleDeps,
  tx: Tx,
  ctx: RequestContext,
  input: AdjustClientSpendInput,
): Promise<Result<AdjustedClientSpend, AdjustClientSpendFailure>> {
  const org = ctx.organisationId;
  const allowed = authorise(ctx.actor, 'adjust');
  if (!allowed.ok) return allowed;
  const reason = input.reason.trim();
  if (reason === '') return fail('REASON_REQUIRED', { action: 'adjust' });

  const client = await resolveClient(deps, tx, org, input.clientCode);
  if (!client.ok) return client;
  const project = await resolveProject(deps, tx, org, client.value, input.projectCode);
  if (!project.ok) return project;
  const category = await resolveExpenseCategory(deps, tx, org, input.categoryText);
  if (!category.ok) return category;

  const currency = input.currency ?? input.amount.currencyHint ?? client.value.currency;
  const minor = toMinorUnits(input.amount, currency);
  if (!minor.ok) return minor;
  if (minor.value === 0) return fail('AMOUNT_ZERO');
  const original = { amountMinor: minor.value, currency };

  const today = todayIn(deps.clock.now().getTime(), client.value.timeZone);
  const closedThrough = await deps.periods.closedThrough(tx, org, client.value.id, { lock: 'share' });
  const open = checkPeriodOpen(today, closedThrough);
  if (!open.ok) return open;
  const converted = await convertToClientCurrency(deps, tx, org, original, client.value, today);
  if (!converted.ok) return converted;
  const { clientAmount, rate, rateDate } = converted.value;
  // A tiny correction in a currency with finer units can round to nothing in the client's.
  if (clientAmount.amountMinor === 0) return fail('AMOUNT_ZERO', { currency: clientAmount.currency });

  // Measured before the adjustment exists, so the consumption does not count it twice. Only measured, not put
  // through assessItem like a claim: a book correction is neither risk-assessed nor gated, it only announces the
  // thresholds it crosses.
  const measures = await measureBudgets(deps, tx, {
    organisationId: org,
    clientId: client.value.id,
    project: project.value,
    categoryCode: category.value.code,
    incurredOn: today,
    today,
    newAmountMinor: clientAmount.amountMinor,
    // Finance is correcting the record, not asking for money: a blocking budget does not refuse it.
    override: true,
    actorCanOverride: true,
  });

  const expense = await insertWithFreshId(
    deps,
    tx,
    org,
    client.value.code,
    (id): ApprovedExpense => ({
      id,
      clientId: client.value.id,
      ...(project.value === undefined ? {} : { projectId: project.value.id }),
      categoryCode: category.value.code,
      original,
      clientAmount,
      ...(rate === undefined ? {} : { rate }),
      ...(rateDate === undefined ? {} : { rateDate }),
      incurredOn: today,
      description: reason,
      // A book entry moves no cash itself; `transfer` is the closest of the payment methods.
      paymentMethod: 'transfer',
      billable: input.billable ?? category.value.billableDefault,
      submitterId: ctx.actor.memberId,
      ...(ctx.sourceAddress === undefined ? {} : { sourceAddress: ctx.sourceAddress }),
      version: 1,
      approvalRound: 1,
      status: 'approved',
      approvedAmountMinor: clientAmount.amountMinor,
    }),
    { kind: 'adjustment', findings: [] },
  );
  if (!expense) return fail('ID_SPACE_EXHAUSTED', { client: client.value.code });

  await deps.audit.append(tx, {
    organisationId: org,
    actorId: ctx.actor.memberId,
    platform: ctx.platform,
    action: 'expense.adjusted',
    entityType: 'expense',
    entityId: expense.id,
    after: { ...expense, kind: 'adjustment' },
    ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  });
  await announceBudgetCrossings(deps, tx, { organisationId: org, client: client.value, measures });
  return ok({ replayed: false as const, expense, client: client.value, category: category.value });
}
