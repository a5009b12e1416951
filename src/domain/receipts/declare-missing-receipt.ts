// `no-receipt:"reason"` after the fact: the submitter (or finance chasing receipts) says why there is no
// receipt. It answers the missing-receipt check, so that finding goes; the claim itself is unchanged.

import type { Expense } from '../expenses/expense.js';
import type { ReasonRequired, WrongStatus } from '../expenses/expense-transitions.js';
import { type ExpenseUnknown, lockExpense } from '../expenses/lifecycle/lock-expense.js';
import { type ReplayedExpenseRequest, transactOnce } from '../expenses/lifecycle/transact-once.js';
import type { Forbidden } from '../people/permissions.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import type { Finding } from '../risk/finding.js';
import type { RequestContext } from '../shared/request-context.js';
import { fail, ok, type Result } from '../shared/result.js';
import { authoriseReceiptWork, type ReceiptAlreadyAttached, withReceiptFindings } from './receipt-access.js';
import type { ReceiptDeps } from './receipt-deps.js';

export type DeclareMissingReceiptInput = { readonly expenseId: string; readonly reason: string };

export type DeclaredMissingReceipt = {
  readonly replayed: false;
  readonly expense: Expense;
  readonly findings: readonly Finding[];
};

export type DeclareMissingReceiptFailure =
  | ExpenseUnknown
  | Forbidden
  | WrongStatus
  | ReasonRequired
  | ReceiptAlreadyAttached;

const OPERATION = 'declare-missing-receipt';

export const declareMissingReceipt =
  (deps: Omit<ReceiptDeps, 'receiptStore'>) =>
  (
    ctx: RequestContext,
    input: DeclareMissingReceiptInput,
  ): Promise<Result<DeclaredMissingReceipt | ReplayedExpenseRequest, DeclareMissingReceiptFailure>> =>
    transactOnce(
      deps,
      ctx,
      OPERATION,
      (value: DeclaredMissingReceipt) => ({ expenseId: value.expense.id }),
      (tx) => declareInTransaction(deps, tx, ctx, input),
    );

async function declareInTransaction(
  deps: Omit<ReceiptDeps, 'receiptStore'>,
  tx: Tx,
  ctx: RequestContext,
  input: DeclareMissingReceiptInput,
): Promise<Result<DeclaredMissingReceipt, DeclareMissingReceiptFailure>> {
  const org = ctx.organisationId;
  const locked = await lockExpense(deps, tx, org, input.expenseId);
  if (!locked.ok) return locked;
  const { expense, extras } = locked.value;
  const allowed = authoriseReceiptWork(ctx.actor, expense, 'declare-missing-receipt');
  if (!allowed.ok) return allowed;
  const reason = input.reason.trim();
  if (reason === '') return fail('REASON_REQUIRED', { action: 'declare-missing-receipt' });
  const receipts = await deps.receipts.forExpense(tx, org, expense.id);
  if (receipts.length > 0) {
    return fail('RECEIPT_ALREADY_ATTACHED', { expenseId: expense.id, count: receipts.length });
  }

  const next: Expense = { ...expense, missingReceiptReason: reason };
  // With no receipt attached there is no duplicate to keep; the declared reason answers the missing one.
  const findings = withReceiptFindings(extras.findings, []);
  await deps.expenses.update(tx, org, next, { ...extras, findings });
  await deps.audit.append(tx, {
    organisationId: org,
    actorId: ctx.actor.memberId,
    platform: ctx.platform,
    action: 'receipt.missing-declared',
    entityType: 'expense',
    entityId: expense.id,
    before: { missingReceiptReason: expense.missingReceiptReason ?? null },
    after: { missingReceiptReason: reason, findings: findings.map((f) => f.code) },
    ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  });
  return ok({ replayed: false as const, expense: next, findings });
}
