// `withdraw <id>`: the submitter takes a pending or returned expense back before a final decision. A pending
// one's open cards are superseded so nobody decides an expense that is no longer asking.
import type { Forbidden } from '../../people/permissions.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import type { RequestContext } from '../../shared/request-context.js';
import { ok, type Result } from '../../shared/result.js';
import type { WithdrawnExpense } from '../expense.js';
import { type WrongStatus, withdrawExpense } from '../expense-transitions.js';
import { announceSuperseded } from './approval-cards.js';
import type { LifecycleDeps } from './lifecycle-deps.js';
import { type ExpenseUnknown, lockExpense } from './lock-expense.js';
import { type ReplayedExpenseRequest, transactOnce } from './transact-once.js';

export type WithdrawSubmittedExpenseInput = { readonly expenseId: string };

export type WithdrawnSubmission = { readonly replayed: false; readonly expense: WithdrawnExpense };

export type WithdrawSubmittedExpenseFailure = ExpenseUnknown | Forbidden | WrongStatus;

const OPERATION = 'withdraw-expense';

export const withdrawSubmittedExpense =
  (deps: LifecycleDeps) =>
  (
    ctx: RequestContext,
    input: WithdrawSubmittedExpenseInput,
  ): Promise<Result<WithdrawnSubmission | ReplayedExpenseRequest, WithdrawSubmittedExpenseFailure>> =>
    transactOnce(
      deps,
      ctx,
      OPERATION,
      (value: WithdrawnSubmission) => ({ expenseId: value.expense.id }),
      (tx) => withdrawInTransaction(deps, tx, ctx, input),
    );

async function withdrawInTransaction(
  deps: LifecycleDeps,
  tx: Tx,
  ctx: RequestContext,
  input: WithdrawSubmittedExpenseInput,
): Promise<Result<WithdrawnSubmission, WithdrawSubmittedExpenseFailure>> {
  const org = ctx.organisationId;
  const locked = await lockExpense(deps, tx, org, input.expenseId);
  if (!locked.ok) return locked;
  const { expense, client, extras } = locked.value;
  const withdrawn = withdrawExpense(expense, { actor: ctx.actor });
  if (!withdrawn.ok) return withdrawn;
  const next = withdrawn.value;
  await deps.expenses.update(tx, org, next, extras);
  await deps.audit.append(tx, {
    organisationId: org,
    actorId: ctx.actor.memberId,
    platform: ctx.platform,
    action: 'expense.withdrawn',
    entityType: 'expense',
    entityId: expense.id,
    before: {
      status: expense.status,
      round: expense.approvalRound,
      stage: expense.status === 'pending' ? expense.stage : null,
      version: expense.version,
    },
    after: { status: next.status, round: next.approvalRound, version: next.version },
    ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  });
  if (expense.status === 'pending') {
    await announceSuperseded(deps, tx, {
      organisationId: org,
      before: expense,
      client,
      because: 'withdrawn',
      version: next.version,
      at: deps.clock.now().toISOString(),
    });
  }
  return ok({ replayed: false as const, expense: next });
}
