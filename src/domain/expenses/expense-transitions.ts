// Pure lifecycle transitions (docs/product-rules.md §3). Each checks who may act through the permission table, then
// the state, and returns the next state with its version bumped — or a failure with a literal code.
import type { PlannedStage } from '../approvals/approval-stage.js';
import { shapeOfChain } from '../approvals/approval-stage.js';
import type { Actor } from '../people/actor.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { checkPeriodOpen, type PeriodClosed } from './closed-period.js';
import {
  type ApprovedExpense,
  baseOf,
  type Expense,
  type ExpenseBase,
  type ExpenseDetails,
  type ExpenseId,
  type ExpenseStatus,
  type IsoDate,
  type IsoInstant,
  type PendingExpense,
  type VoidedExpense,
  type WithdrawnExpense,
} from './expense.js';
import { assertValidDetails } from './expense-details.js';

export type WrongStatus = Failure<'WRONG_STATUS'>;
export type ReasonRequired = Failure<'REASON_REQUIRED'>;
export type AlreadyMarked = Failure<'ALREADY_MARKED'>;

const wrongStatus = (action: string, status: ExpenseStatus, allowed: readonly ExpenseStatus[]) =>
  fail('WRONG_STATUS', { action, status, allowedStatuses: allowed.join(', ') });

/** The first pending state of a chain (a fresh log, a resubmission, or an edit that restarts approval). */
export const startApproval = (base: ExpenseBase, chain: readonly PlannedStage[]): PendingExpense => ({
  ...base,
  status: 'pending',
  stage: 1,
  ...shapeOfChain(chain),
});

export type NewExpense = ExpenseDetails & {
  readonly id: ExpenseId;
  readonly sourceAddress?: string;
};

/**
 * Logs an expense for the acting member. `chain` comes from `planApprovalChain`; `'auto-approve'` when it
 * is under the auto-approve limit with no warn/high finding and was not drawn for the audit sample.
 */
export const logExpense = (input: {
  readonly actor: Actor;
  readonly expense: NewExpense;
  readonly chain: readonly PlannedStage[] | 'auto-approve';
  readonly closedThrough: IsoDate | undefined;
}): Result<PendingExpense | ApprovedExpense, Forbidden | PeriodClosed> => {
  const { actor, expense } = input;
  // A client contact has no member id; the table refuses them before the submitter is looked at.
  const submitterId = actor.kind === 'member' ? actor.memberId : '';
  const allowed = authorise(actor, 'log', { submitterId, clientId: expense.clientId });
  if (!allowed.ok) return allowed;
  assertValidDetails(expense);
  const open = checkPeriodOpen(expense.incurredOn, input.closedThrough);
  if (!open.ok) return open;

  const base: ExpenseBase = { ...expense, submitterId, version: 1, approvalRound: 1 };
  if (input.chain === 'auto-approve') {
    return ok({ ...base, status: 'approved', approvedAmountMinor: expense.clientAmount.amountMinor });
  }
  return ok(startApproval(base, input.chain));
};

const WITHDRAWABLE: readonly ExpenseStatus[] = ['pending', 'returned'];

/** The submitter takes an expense back before a final decision. */
export const withdrawExpense = (
  expense: Expense,
  input: { readonly actor: Actor },
): Result<WithdrawnExpense, Forbidden | WrongStatus> => {
  const allowed = authorise(input.actor, 'withdraw', {
    submitterId: expense.submitterId,
    clientId: expense.clientId,
  });
  if (!allowed.ok) return allowed;
  if (!WITHDRAWABLE.includes(expense.status)) return wrongStatus('withdraw', expense.status, WITHDRAWABLE);
  return ok({ ...baseOf(expense), version: expense.version + 1, status: 'withdrawn' });
};

const RESUBMITTABLE: readonly ExpenseStatus[] = ['returned', 'withdrawn'];

/**
 * Sends a returned or withdrawn expense through approval again, from stage 1 of a new round. `chain` is
 * planned afresh because the amount may have changed. A closed period refuses it as it would a new log.
 */
export const resubmitExpense = (
  expense: Expense,
  input: {
    readonly actor: Actor;
    readonly chain: readonly PlannedStage[];
    readonly closedThrough: IsoDate | undefined;
  },
): Result<PendingExpense, Forbidden | WrongStatus | PeriodClosed> => {
  const allowed = authorise(input.actor, 'resubmit', {
    submitterId: expense.submitterId,
    clientId: expense.clientId,
  });
  if (!allowed.ok) return allowed;
  if (!RESUBMITTABLE.includes(expense.status)) return wrongStatus('resubmit', expense.status, RESUBMITTABLE);
  const open = checkPeriodOpen(expense.incurredOn, input.closedThrough);
  if (!open.ok) return open;
  const base = { ...baseOf(expense), version: expense.version + 1, approvalRound: expense.approvalRound + 1 };
  return ok(startApproval(base, input.chain));
};

const hasText = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

/** Finance or an admin voids an approved expense, with a reason, while its period is open. */
export const voidExpense = (
  expense: Expense,
  input: { readonly actor: Actor; readonly reason: string; readonly closedThrough: IsoDate | undefined },
): Result<VoidedExpense, Forbidden | WrongStatus | ReasonRequired | PeriodClosed> => {
  const allowed = authorise(input.actor, 'void', {
    submitterId: expense.submitterId,
    clientId: expense.clientId,
  });
  if (!allowed.ok) return allowed;
  if (expense.status !== 'approved') return wrongStatus('void', expense.status, ['approved']);
  if (!hasText(input.reason)) return fail('REASON_REQUIRED', { action: 'void' });
  const open = checkPeriodOpen(expense.incurredOn, input.closedThrough);
  if (!open.ok) return open;
  return ok({
    ...baseOf(expense),
    version: expense.version + 1,
    status: 'voided',
    reason: input.reason.trim(),
    approvedAmountMinor: expense.approvedAmountMinor,
    ...(expense.billedAt === undefined ? {} : { billedAt: expense.billedAt }),
    ...(expense.reimbursedAt === undefined ? {} : { reimbursedAt: expense.reimbursedAt }),
  });
};

type Mark = 'billed' | 'reimbursed';

const mark = (
  which: Mark,
  expense: Expense,
  input: { readonly actor: Actor; readonly at: IsoInstant },
): Result<ApprovedExpense, Forbidden | WrongStatus | AlreadyMarked> => {
  const allowed = authorise(input.actor, 'mark', {
    submitterId: expense.submitterId,
    clientId: expense.clientId,
  });
  if (!allowed.ok) return allowed;
  if (expense.status !== 'approved') return wrongStatus(`mark-${which}`, expense.status, ['approved']);
  const markedAt = which === 'billed' ? expense.billedAt : expense.reimbursedAt;
  if (markedAt !== undefined) return fail('ALREADY_MARKED', { mark: which, at: markedAt });
  const stamp = which === 'billed' ? { billedAt: input.at } : { reimbursedAt: input.at };
  return ok({ ...expense, ...stamp, version: expense.version + 1 });
};

/** Records that the client was invoiced for an approved expense; once only. */
export const markBilled = (expense: Expense, input: { readonly actor: Actor; readonly at: IsoInstant }) =>
  mark('billed', expense, input);

/** Records that the submitter was paid back for an approved expense; once only. */
export const markReimbursed = (expense: Expense, input: { readonly actor: Actor; readonly at: IsoInstant }) =>
  mark('reimbursed', expense, input);
