// `void <id> <reason>`: finance or an admin voids an approved expense while its period is open. The
// expense keeps what was approved, billed and reimbursed so the correction can be traced; the submitter is told.
import type { Forbidden } from '../../people/permissions.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import type { RequestContext } from '../../shared/request-context.js';
import { ok, type Result } from '../../shared/result.js';
import { memberAddress } from '../announce.js';
import type { PeriodClosed } from '../closed-period.js';
import type { VoidedExpense } from '../expense.js';
import { type ReasonRequired, voidExpense, type WrongStatus } from '../expense-transitions.js';
import type { LifecycleDeps } from './lifecycle-deps.js';
import { type ExpenseUnknown, lockExpense } from './lock-expense.js';
import { type ReplayedExpenseRequest, transactOnce } from './transact-once.js';

export type VoidApprovedExpenseInput = { readonly expenseId: string; readonly reason: string };

export type VoidedApprovedExpense = { readonly replayed: false; readonly expense: VoidedExpense };

export type VoidApprovedExpenseFailure =
  | ExpenseUnknown
  | Forbidden
  | WrongStatus
  | ReasonRequired
  | PeriodClosed;

const OPERATION = 'void-expense';

export const voidApprovedExpense =
  (deps: LifecycleDeps) =>
  (
    ctx: RequestContext,
    input: VoidApprovedExpenseInput,
  ): Promise<Result<VoidedApprovedExpense | ReplayedExpenseRequest, VoidApprovedExpenseFailure>> =>
    transactOnce(
      deps,
      ctx,
      OPERATION,
      (value: VoidedApprovedExpense) => ({ expenseId: value.expense.id }),
      (tx) => voidInTransaction(deps, tx, ctx, input),
    );

async function voidInTransaction(
  deps: LifecycleDeps,
  tx: Tx,
  ctx: RequestContext,
  input: VoidApprovedExpenseInput,
): Promise<Result<VoidedApprovedExpense, VoidApprovedExpenseFailure>> {
  const org = ctx.organisationId;
  const locked = await lockExpense(deps, tx, org, input.expenseId);
  if (!locked.ok) return locked;
  const { expense, extras } = locked.value;
  const closedThrough = await deps.periods.closedThrough(tx, org, expense.clientId, { lock: 'share' });
  const voided = voidExpense(expense, { actor: ctx.actor, reason: input.reason, closedThrough });
  if (!voided.ok) return voided;
  const next = voided.value;
  await deps.expenses.update(tx, org, next, extras);
  await deps.audit.append(tx, {
    organisationId: org,
    actorId: ctx.actor.memberId,
    platform: ctx.platform,
    action: 'expense.voided',
    entityType: 'expense',
    entityId: expense.id,
    before: {
      status: expense.status,
      approvedAmountMinor: next.approvedAmountMinor,
      version: expense.version,
    },
    after: { status: next.status, reason: next.reason, version: next.version },
    ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  });
  if (next.submitterId !== ctx.actor.memberId) {
    await deps.outbox.enqueue(tx, {
      organisationId: org,
      dedupeKey: `expense-voided:${next.id}`,
      address: memberAddress(next.submitterId),
      kind: 'expense-voided',
      payload: {
        expenseId: next.id,
        reason: next.reason,
        voidedBy: ctx.actor.memberId,
        approvedAmountMinor: next.approvedAmountMinor,
        currency: next.clientAmount.currency,
        version: next.version,
      },
    });
  }
  return ok({ replayed: false as const, expense: next });
}
