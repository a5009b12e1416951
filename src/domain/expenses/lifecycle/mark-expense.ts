// `mark <id> billed|reimbursed`: finance or an admin records that the client was invoiced, or that the
// submitter was paid back — once each, independently. A reimbursement is news to the submitter.
import type { Forbidden } from '../../people/permissions.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import type { RequestContext } from '../../shared/request-context.js';
import { ok, type Result } from '../../shared/result.js';
import { memberAddress } from '../announce.js';
import type { ApprovedExpense } from '../expense.js';
import { type AlreadyMarked, markBilled, markReimbursed, type WrongStatus } from '../expense-transitions.js';
import type { LifecycleDeps } from './lifecycle-deps.js';
import { type ExpenseUnknown, lockExpense } from './lock-expense.js';
import { type ReplayedExpenseRequest, transactOnce } from './transact-once.js';

export type ExpenseMark = 'billed' | 'reimbursed';

export type MarkExpenseInput = { readonly expenseId: string; readonly mark: ExpenseMark };

export type MarkedExpense = {
  readonly replayed: false;
  readonly expense: ApprovedExpense;
  readonly mark: ExpenseMark;
  readonly at: string;
};

export type MarkExpenseFailure = ExpenseUnknown | Forbidden | WrongStatus | AlreadyMarked;

const OPERATION = 'mark-expense';

export const markExpense =
  (deps: LifecycleDeps) =>
  (
    ctx: RequestContext,
    input: MarkExpenseInput,
  ): Promise<Result<MarkedExpense | ReplayedExpenseRequest, MarkExpenseFailure>> =>
    transactOnce(
      deps,
      ctx,
      OPERATION,
      (value: MarkedExpense) => ({ expenseId: value.expense.id }),
      (tx) => markInTransaction(deps, tx, ctx, input),
    );

async function markInTransaction(
  deps: LifecycleDeps,
  tx: Tx,
  ctx: RequestContext,
  input: MarkExpenseInput,
): Promise<Result<MarkedExpense, MarkExpenseFailure>> {
  const org = ctx.organisationId;
  const locked = await lockExpense(deps, tx, org, input.expenseId);
  if (!locked.ok) return locked;
  const { expense, extras } = locked.value;
  const at = deps.clock.now().toISOString();
  const transition = input.mark === 'billed' ? markBilled : markReimbursed;
  const marked = transition(expense, { actor: ctx.actor, at });
  if (!marked.ok) return marked;
  const next = marked.value;
  const field = input.mark === 'billed' ? 'billedAt' : 'reimbursedAt';
  await deps.expenses.update(tx, org, next, extras);
  await deps.audit.append(tx, {
    organisationId: org,
    actorId: ctx.actor.memberId,
    platform: ctx.platform,
    action: `expense.marked-${input.mark}`,
    entityType: 'expense',
    entityId: expense.id,
    before: { [field]: null, version: expense.version },
    after: { [field]: at, version: next.version },
    ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  });
  if (input.mark === 'reimbursed' && next.submitterId !== ctx.actor.memberId) {
    await deps.outbox.enqueue(tx, {
      organisationId: org,
      dedupeKey: `expense-reimbursed:${next.id}`,
      address: memberAddress(next.submitterId),
      kind: 'expense-reimbursed',
      payload: {
        expenseId: next.id,
        approvedAmountMinor: next.approvedAmountMinor,
        currency: next.clientAmount.currency,
        at,
      },
    });
  }
  return ok({ replayed: false as const, expense: next, mark: input.mark, at });
}
