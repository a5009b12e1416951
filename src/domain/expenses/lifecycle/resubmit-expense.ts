// `resubmit <id>`: a returned or withdrawn expense goes through approval again, from stage 1 of a new round.
// The chain is planned from today's policy and budgets, as for a new log, and the expense is re-assessed.
import { planApprovalChain } from '../../approvals/approval-tiers.js';
import type { EligibleApprover, NoEligibleApprover } from '../../approvals/stage-approvers.js';
import { type BudgetWouldBeExceeded, enforceBudgets } from '../../budgets/evaluate-new-expense.js';
import type { BudgetMeasure } from '../../budgets/gate-budgets.js';
import { mayOverrideBudgets } from '../../people/actor.js';
import { authorise, type Forbidden } from '../../people/permissions.js';
import { todayIn } from '../../periods/calendar-date.js';
import type { ClientRecord } from '../../ports/directory.port.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import type { Finding } from '../../risk/finding.js';
import type { RequestContext } from '../../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../../shared/result.js';
import { announceBudgetCrossings } from '../announce.js';
import { assessItem, riskCandidateOf } from '../assess-item.js';
import type { PeriodClosed } from '../closed-period.js';
import type { PendingExpense } from '../expense.js';
import { resubmitExpense as resubmitTransition, type WrongStatus } from '../expense-transitions.js';
import type { LifecycleDeps } from './lifecycle-deps.js';
import { type ExpenseUnknown, lockExpense } from './lock-expense.js';
import { openApprovalRound } from './open-approval-round.js';
import { type ReplayedExpenseRequest, transactOnce } from './transact-once.js';

export type ResubmitExpenseInput = {
  readonly expenseId: string;
  /** Finance/admin resubmitting past a blocking budget. */
  readonly override?: boolean | undefined;
};

export type ResubmittedExpense = {
  readonly replayed: false;
  readonly expense: PendingExpense;
  readonly client: ClientRecord;
  readonly findings: readonly Finding[];
  readonly budgets: readonly BudgetMeasure[];
  readonly approvers: readonly EligibleApprover[];
};

export type ResubmitExpenseFailure =
  | ExpenseUnknown
  | Forbidden
  | WrongStatus
  | PeriodClosed
  | BudgetWouldBeExceeded
  | NoEligibleApprover
  | Failure<'CLIENT_ARCHIVED'>;

const OPERATION = 'resubmit-expense';

export const resubmitExpense =
  (deps: LifecycleDeps) =>
  (
    ctx: RequestContext,
    input: ResubmitExpenseInput,
  ): Promise<Result<ResubmittedExpense | ReplayedExpenseRequest, ResubmitExpenseFailure>> =>
    transactOnce(
      deps,
      ctx,
      OPERATION,
      (value: ResubmittedExpense) => ({ expenseId: value.expense.id }),
      (tx) => resubmitInTransaction(deps, tx, ctx, input),
    );

async function resubmitInTransaction(
  deps: LifecycleDeps,
  tx: Tx,
  ctx: RequestContext,
  input: ResubmitExpenseInput,
): Promise<Result<ResubmittedExpense, ResubmitExpenseFailure>> {
  const org = ctx.organisationId;
  const locked = await lockExpense(deps, tx, org, input.expenseId);
  if (!locked.ok) return locked;
  const { expense, client, extras } = locked.value;
  const allowed = authorise(ctx.actor, 'resubmit', {
    submitterId: expense.submitterId,
    clientId: expense.clientId,
  });
  if (!allowed.ok) return allowed;
  if (expense.status !== 'returned' && expense.status !== 'withdrawn') {
    return fail('WRONG_STATUS', {
      action: 'resubmit',
      status: expense.status,
      allowedStatuses: 'returned, withdrawn',
    });
  }
  if (client.status === 'archived') return fail('CLIENT_ARCHIVED', { code: client.code });
  const closedThrough = await deps.periods.closedThrough(tx, org, client.id, { lock: 'share' });

  const project =
    expense.projectId === undefined
      ? undefined
      : await deps.expenseQuery.projectById(tx, org, expense.projectId);
  const receiptSha256 = (await deps.receipts.forExpense(tx, org, expense.id)).map((r) => r.sha256);
  const review = await assessItem(deps, tx, {
    organisationId: org,
    client,
    project,
    candidate: riskCandidateOf(expense, receiptSha256),
    today: todayIn(deps.clock.now().getTime(), client.timeZone),
    override: input.override === true,
    actorCanOverride: mayOverrideBudgets(ctx.actor),
  });
  const gate = enforceBudgets(review.measures.map((m) => m.evaluation));
  // The closed period outranks the budget: say first what cannot be fixed by raising a budget.
  const resubmitted = resubmitTransition(expense, {
    actor: ctx.actor,
    chain: planApprovalChain({
      amountInClientCurrency: expense.clientAmount.amountMinor,
      tiers: review.policy.tiers,
      escalateToFinance: gate.ok && gate.value.appendFinanceStage,
      override: gate.ok && gate.value.overriddenBudgetIds.length > 0,
    }),
    closedThrough,
  });
  if (!resubmitted.ok) return resubmitted;
  if (!gate.ok) return gate;
  const next = resubmitted.value;

  await deps.expenses.update(tx, org, next, {
    ...extras,
    findings: review.findings,
    ...(gate.value.overriddenBudgetIds.length > 0 ? { overrideReason: next.description } : {}),
  });
  const opened = await openApprovalRound(deps, tx, org, next, client);
  if (!opened.ok) return opened;
  await deps.audit.append(tx, {
    organisationId: org,
    actorId: ctx.actor.memberId,
    platform: ctx.platform,
    action: 'expense.resubmitted',
    entityType: 'expense',
    entityId: expense.id,
    before: { status: expense.status, round: expense.approvalRound, version: expense.version },
    after: {
      status: next.status,
      round: next.approvalRound,
      stage: next.stage,
      stageCount: next.stageCount,
      financeStage: next.financeStage,
      version: next.version,
      findings: review.findings.map((f) => f.code),
    },
    ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  });
  await announceBudgetCrossings(deps, tx, { organisationId: org, client, measures: review.measures });
  return ok({
    replayed: false as const,
    expense: next,
    client,
    findings: review.findings,
    budgets: review.measures,
    approvers: opened.value,
  });
}
