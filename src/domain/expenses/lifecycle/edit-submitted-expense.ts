// `edit <id> <tokens>` (docs/product-rules.md §3, §8): the submitter corrects a pending or returned expense. The
// typed changes are resolved like a new log (client, project, category, amount, date, conversion), held against
// budgets without the expense's own old amount and re-assessed for risk. A change of amount, client or category
// on a pending expense restarts approval: a new round at stage 1, new cards, and the old round's cards
// superseded. Any other change keeps the chain and refreshes the open cards with the new version.
import { planApprovalChain } from '../../approvals/approval-tiers.js';
import type { EligibleApprover, NoEligibleApprover } from '../../approvals/stage-approvers.js';
import {
  type BudgetEvaluation,
  type BudgetWouldBeExceeded,
  enforceBudgets,
} from '../../budgets/evaluate-new-expense.js';
import type { BudgetMeasure } from '../../budgets/gate-budgets.js';
import type { CurrencyCode, ParsedAmount } from '../../money/index.js';
import { mayOverrideBudgets } from '../../people/actor.js';
import { authorise, type Forbidden } from '../../people/permissions.js';
import { todayIn } from '../../periods/calendar-date.js';
import type { DateInput } from '../../periods/date-input.js';
import type { Category } from '../../policy/categories.js';
import type { ClientRecord, ProjectRecord } from '../../ports/directory.port.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import type { Finding } from '../../risk/finding.js';
import type { RequestContext } from '../../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../../shared/result.js';
import { announceBudgetCrossings } from '../announce.js';
import { assessItem, riskCandidateOf } from '../assess-item.js';
import { checkPeriodOpen, type PeriodClosed } from '../closed-period.js';
import type { Expense, PaymentMethod, PendingExpense, ReturnedExpense } from '../expense.js';
import {
  applyPatch,
  detailsOf,
  diffDetails,
  type EditableField,
  type ExpensePatch,
  editExpense,
  type FieldChange,
} from '../expense-edit.js';
import type { WrongStatus } from '../expense-transitions.js';
import {
  convertToClientCurrency,
  type FactsFailure,
  resolveAmount,
  resolveClient,
  resolveExpenseCategory,
  resolveIncurredOn,
  resolveProject,
} from '../resolve-expense-facts.js';
import { announceCardRefresh, announceSuperseded } from './approval-cards.js';
import type { LifecycleDeps } from './lifecycle-deps.js';
import { type ExpenseUnknown, type LockedExpense, lockExpense } from './lock-expense.js';
import { openApprovalRound } from './open-approval-round.js';
import { type ReplayedExpenseRequest, transactOnce } from './transact-once.js';

/** What `edit` may change; absent fields stay as they are, `null` clears an optional one. */
export type EditSubmittedExpenseInput = {
  readonly expenseId: string;
  /** Without an explicit currency or symbol, the amount is in the currency the expense was paid in. */
  readonly amount?: ParsedAmount | undefined;
  readonly currency?: CurrencyCode | undefined;
  /** Moving to another client; the project then comes from `projectCode` (none when absent). */
  readonly clientCode?: string | undefined;
  /** A project of the (new) client. */
  readonly projectCode?: string | undefined;
  readonly categoryText?: string | undefined;
  readonly date?: DateInput | undefined;
  readonly description?: string | undefined;
  readonly merchant?: string | null | undefined;
  readonly paymentMethod?: PaymentMethod | undefined;
  readonly billable?: boolean | undefined;
  readonly invoiceNumber?: string | null | undefined;
  readonly missingReceiptReason?: string | null | undefined;
  /** Finance/admin editing past a blocking budget. */
  readonly override?: boolean | undefined;
};

export type EditedExpense = {
  readonly replayed: false;
  readonly expense: PendingExpense | ReturnedExpense;
  readonly client: ClientRecord;
  /** Empty when the edit changed nothing (then nothing was written). */
  readonly changes: readonly FieldChange[];
  readonly restartsApproval: boolean;
  readonly findings: readonly Finding[];
  readonly budgets: readonly BudgetMeasure[];
  /** Who was asked to decide stage 1 of the new round; empty unless approval restarted. */
  readonly approvers: readonly EligibleApprover[];
};

export type EditSubmittedExpenseFailure =
  | ExpenseUnknown
  | FactsFailure
  | Forbidden
  | WrongStatus
  | PeriodClosed
  | BudgetWouldBeExceeded
  | NoEligibleApprover
  | Failure<'AMOUNT_MISSING'>;

const OPERATION = 'edit-expense';

/** Changing these moves the expense against its budgets (a new amount, scope or period). */
const BUDGET_FIELDS: readonly EditableField[] = [
  'clientId',
  'projectId',
  'categoryCode',
  'clientAmount',
  'incurredOn',
];

export const editSubmittedExpense =
  (deps: LifecycleDeps) =>
  (
    ctx: RequestContext,
    input: EditSubmittedExpenseInput,
  ): Promise<Result<EditedExpense | ReplayedExpenseRequest, EditSubmittedExpenseFailure>> =>
    transactOnce(
      deps,
      ctx,
      OPERATION,
      (value: EditedExpense) => ({ expenseId: value.expense.id }),
      (tx) => editInTransaction(deps, tx, ctx, input),
    );

async function editInTransaction(
  deps: LifecycleDeps,
  tx: Tx,
  ctx: RequestContext,
  input: EditSubmittedExpenseInput,
): Promise<Result<EditedExpense, EditSubmittedExpenseFailure>> {
  const org = ctx.organisationId;
  const locked = await lockExpense(deps, tx, org, input.expenseId);
  if (!locked.ok) return locked;
  const { expense, client: currentClient } = locked.value;
  // Refuse someone else's expense, or a decided one, before saying anything about the typed values.
  const allowed = authorise(ctx.actor, 'edit', {
    submitterId: expense.submitterId,
    clientId: expense.clientId,
  });
  if (!allowed.ok) return allowed;
  if (expense.status !== 'pending' && expense.status !== 'returned') {
    return fail('WRONG_STATUS', {
      action: 'edit',
      status: expense.status,
      allowedStatuses: 'pending, returned',
    });
  }

  const resolved = await resolvePatch(deps, tx, org, locked.value, input);
  if (!resolved.ok) return resolved;
  const { patch, client, project } = resolved.value;
  const before = detailsOf(expense);
  const after = applyPatch(before, patch);
  const changed = diffDetails(before, after).map((change) => change.field);
  if (changed.length === 0) {
    return ok({
      replayed: false as const,
      expense,
      client: currentClient,
      changes: [],
      restartsApproval: false,
      findings: locked.value.extras.findings,
      budgets: [],
      approvers: [],
    });
  }

  // Settled history is refused before anything is measured: neither the old day nor the new may be closed.
  const closedThrough = new Map<string, string | undefined>();
  for (const clientId of new Set([expense.clientId, client.id])) {
    closedThrough.set(clientId, await deps.periods.closedThrough(tx, org, clientId, { lock: 'share' }));
  }
  for (const [clientId, day] of [
    [expense.clientId, before.incurredOn],
    [client.id, after.incurredOn],
  ] as const) {
    const open = checkPeriodOpen(day, closedThrough.get(clientId));
    if (!open.ok) return open;
  }

  const today = todayIn(deps.clock.now().getTime(), client.timeZone);
  const receiptSha256 = (await deps.receipts.forExpense(tx, org, expense.id)).map((r) => r.sha256);
  const review = await assessItem(deps, tx, {
    organisationId: org,
    client,
    project,
    candidate: riskCandidateOf({ ...after, id: expense.id, submitterId: expense.submitterId }, receiptSha256),
    today,
    override: input.override === true,
    actorCanOverride: mayOverrideBudgets(ctx.actor),
  });
  // A returned expense consumes no budget until it is resubmitted, which checks again; a change of wording
  // alone does not move the expense against its budgets, so it is never refused for one.
  const movesBudgets = expense.status === 'pending' && changed.some((f) => BUDGET_FIELDS.includes(f));
  const evaluations: readonly BudgetEvaluation[] = review.measures.map((m) => m.evaluation);
  const gate = movesBudgets
    ? enforceBudgets(evaluations)
    : ok({ appendFinanceStage: false, overriddenBudgetIds: [] as readonly string[], evaluations });
  if (!gate.ok) return gate;

  const edited = editExpense(expense, {
    actor: ctx.actor,
    patch,
    closedThroughFor: (clientId) => closedThrough.get(clientId),
    chainFor: (details) =>
      planApprovalChain({
        amountInClientCurrency: details.clientAmount.amountMinor,
        tiers: review.policy.tiers,
        escalateToFinance: gate.value.appendFinanceStage,
        override: gate.value.overriddenBudgetIds.length > 0,
      }),
  });
  if (!edited.ok) return edited;
  const { expense: next, changes, restartsApproval } = edited.value;

  const extras = {
    ...locked.value.extras,
    findings: review.findings,
    ...(gate.value.overriddenBudgetIds.length > 0 ? { overrideReason: next.description } : {}),
  };
  await deps.expenses.update(tx, org, next, extras);

  let approvers: readonly EligibleApprover[] = [];
  if (restartsApproval && next.status === 'pending') {
    const opened = await openApprovalRound(deps, tx, org, next, client);
    if (!opened.ok) return opened;
    approvers = opened.value;
  }
  await deps.audit.append(tx, {
    organisationId: org,
    actorId: ctx.actor.memberId,
    platform: ctx.platform,
    action: 'expense.edited',
    entityType: 'expense',
    entityId: expense.id,
    before: { ...stateOf(expense), fields: fieldsOf(changes, 'old') },
    after: {
      ...stateOf(next),
      fields: fieldsOf(changes, 'new'),
      restartsApproval,
      findings: review.findings.map((f) => f.code),
    },
    ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  });

  if (expense.status === 'pending' && next.status === 'pending') {
    if (restartsApproval) {
      await announceSuperseded(deps, tx, {
        organisationId: org,
        before: expense,
        client: currentClient,
        because: 'edited',
        version: next.version,
        at: deps.clock.now().toISOString(),
      });
    } else {
      await announceCardRefresh(deps, tx, { organisationId: org, expense: next, client });
    }
  }
  if (movesBudgets) {
    await announceBudgetCrossings(deps, tx, { organisationId: org, client, measures: review.measures });
  }
  return ok({
    replayed: false as const,
    expense: next,
    client,
    changes,
    restartsApproval,
    findings: review.findings,
    budgets: review.measures,
    approvers,
  });
}

const stateOf = (expense: Expense) => ({
  status: expense.status,
  round: expense.approvalRound,
  stage: expense.status === 'pending' ? expense.stage : null,
  version: expense.version,
});

/** The changed fields with their old or new values: the expense's history as the audit trail keeps it. */
const fieldsOf = (changes: readonly FieldChange[], side: 'old' | 'new'): Record<string, unknown> =>
  Object.fromEntries(changes.map((change) => [change.field, change[side]]));

type ResolvedPatch = {
  readonly patch: ExpensePatch;
  readonly client: ClientRecord;
  readonly project: ProjectRecord | undefined;
};

type MutablePatch = { -readonly [K in keyof ExpensePatch]: ExpensePatch[K] };

/** The typed changes as new field values, resolved against the (possibly new) client and the expense's day. */
async function resolvePatch(
  deps: LifecycleDeps,
  tx: Tx,
  org: string,
  locked: LockedExpense,
  input: EditSubmittedExpenseInput,
): Promise<Result<ResolvedPatch, FactsFailure | Failure<'AMOUNT_MISSING'>>> {
  const { expense } = locked;
  const patch: MutablePatch = {};

  let client = locked.client;
  if (input.clientCode !== undefined) {
    const target = await resolveClient(deps, tx, org, input.clientCode);
    if (!target.ok) return target;
    client = target.value;
    if (client.id !== expense.clientId) patch.clientId = client.id;
  }
  const clientChanged = client.id !== expense.clientId;

  let project: ProjectRecord | undefined;
  if (input.clientCode !== undefined || input.projectCode !== undefined) {
    const named = await resolveProject(deps, tx, org, client, input.projectCode);
    if (!named.ok) return named;
    project = named.value;
    patch.projectId = project?.id ?? null;
  } else if (expense.projectId !== undefined) {
    project = await deps.expenseQuery.projectById(tx, org, expense.projectId);
  }

  if (input.categoryText !== undefined) {
    const category = await resolveExpenseCategory(deps, tx, org, input.categoryText);
    if (!category.ok) return category;
    patch.categoryCode = category.value.code;
    if (input.billable === undefined && category.value.code !== expense.categoryCode) {
      const billable = await billableAfterCategoryChange(deps, tx, org, expense, category.value);
      if (billable !== expense.billable) patch.billable = billable;
    }
  }

  let original = expense.original;
  if (input.amount !== undefined) {
    const currency =
      input.currency ??
      input.amount.currencyHint ??
      (clientChanged ? client.currency : expense.original.currency);
    const amount = resolveAmount({ amount: input.amount, currency }, client);
    if (!amount.ok) return amount;
    original = amount.value;
    patch.original = original;
  } else if (input.currency !== undefined) {
    // A currency alone cannot say how much: 12.50 USD and 12.50 CNY are different claims.
    return fail('AMOUNT_MISSING', { currency: input.currency });
  }

  let incurredOn = expense.incurredOn;
  if (input.date !== undefined) {
    const day = resolveIncurredOn(deps, input.date, client);
    if (!day.ok) return day;
    incurredOn = day.value.date;
    patch.incurredOn = incurredOn;
  }

  // The client-currency amount follows the claim, the client and the day (the rate is the one on that day).
  if (input.amount !== undefined || clientChanged || input.date !== undefined) {
    const converted = await convertToClientCurrency(deps, tx, org, original, client, incurredOn);
    if (!converted.ok) return converted;
    patch.clientAmount = converted.value.clientAmount;
    patch.rate = converted.value.rate ?? null;
    patch.rateDate = converted.value.rateDate ?? null;
  }

  if (input.description !== undefined) patch.description = input.description.trim();
  if (input.merchant !== undefined) patch.merchant = input.merchant;
  if (input.paymentMethod !== undefined) patch.paymentMethod = input.paymentMethod;
  if (input.billable !== undefined) patch.billable = input.billable;
  if (input.invoiceNumber !== undefined) patch.invoiceNumber = input.invoiceNumber;
  if (input.missingReceiptReason !== undefined) patch.missingReceiptReason = input.missingReceiptReason;
  return ok({ patch, client, project });
}

/**
 * A new category brings its own billable default, unless the submitter had chosen otherwise: the flag follows
 * the category only when it still held the old category's default.
 */
async function billableAfterCategoryChange(
  deps: LifecycleDeps,
  tx: Tx,
  org: string,
  expense: Expense,
  next: Category,
): Promise<boolean> {
  const categories = await deps.directory.categories(tx, org);
  const previous = categories.find((c) => c.code === expense.categoryCode);
  if (previous === undefined || expense.billable !== previous.billableDefault) return expense.billable;
  return next.billableDefault;
}
