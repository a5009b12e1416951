// Edits are allowed while an expense is pending or returned. Every edit reports each changed field with
// its old and new value (for the audit trail), and a change of amount, client or category restarts approval:
// the approvers so far agreed to a different expense.
import type { PlannedStage } from '../approvals/approval-stage.js';
import type { Money } from '../money/money.js';
import type { Actor } from '../people/actor.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import { fail, ok, type Result } from '../shared/result.js';
import { checkPeriodOpen, type PeriodClosed } from './closed-period.js';
import type {
  ClientId,
  Expense,
  ExpenseBase,
  ExpenseDetails,
  ExpenseStatus,
  IsoDate,
  PendingExpense,
  ReturnedExpense,
} from './expense.js';
import { assertValidDetails } from './expense-details.js';
import { startApproval, type WrongStatus } from './expense-transitions.js';

export type EditableField = keyof ExpenseDetails;

type OptionalField =
  | 'projectId'
  | 'rate'
  | 'rateDate'
  | 'merchant'
  | 'invoiceNumber'
  | 'missingReceiptReason';

/** The fields to change; `null` clears an optional field. */
export type ExpensePatch = {
  readonly [K in EditableField]?: K extends OptionalField
    ? NonNullable<ExpenseDetails[K]> | null
    : NonNullable<ExpenseDetails[K]>;
};

/** One audited change; `null` stands for "not set". */
export type FieldChange = {
  [K in EditableField]: {
    readonly field: K;
    readonly old: NonNullable<ExpenseDetails[K]> | null;
    readonly new: NonNullable<ExpenseDetails[K]> | null;
  };
}[EditableField];

// A record so the compiler insists every detail field is listed; the order is the order changes are reported in.
const DETAIL_FIELDS = {
  clientId: true,
  projectId: true,
  categoryCode: true,
  original: true,
  clientAmount: true,
  rate: true,
  rateDate: true,
  incurredOn: true,
  description: true,
  merchant: true,
  paymentMethod: true,
  billable: true,
  invoiceNumber: true,
  missingReceiptReason: true,
} as const satisfies Record<EditableField, true>;

const EDITABLE_FIELDS = Object.keys(DETAIL_FIELDS) as EditableField[];

/** Changing any of these sends the expense back to stage 1 of a new approval round. */
export const RESTARTING_FIELDS: readonly EditableField[] = [
  'clientId',
  'categoryCode',
  'original',
  'clientAmount',
];

const isMoney = (value: unknown): value is Money =>
  typeof value === 'object' && value !== null && 'amountMinor' in value && 'currency' in value;

const sameValue = (a: unknown, b: unknown): boolean =>
  isMoney(a) && isMoney(b) ? a.amountMinor === b.amountMinor && a.currency === b.currency : a === b;

export const detailsOf = (expense: Expense): ExpenseDetails => {
  const details: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS) {
    const value = expense[field];
    if (value !== undefined) details[field] = value;
  }
  return details as ExpenseDetails;
};

export const applyPatch = (details: ExpenseDetails, patch: ExpensePatch): ExpenseDetails => {
  const next: Record<string, unknown> = { ...details };
  for (const field of EDITABLE_FIELDS) {
    const value = patch[field];
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as ExpenseDetails;
};

export const diffDetails = (before: ExpenseDetails, after: ExpenseDetails): readonly FieldChange[] =>
  EDITABLE_FIELDS.filter((field) => !sameValue(before[field], after[field])).map(
    (field) => ({ field, old: before[field] ?? null, new: after[field] ?? null }) as FieldChange,
  );

export type EditOutcome = {
  readonly expense: PendingExpense | ReturnedExpense;
  readonly changes: readonly FieldChange[];
  /** True when this edit sent a pending expense back to stage 1 of a new round. */
  readonly restartsApproval: boolean;
};

const EDITABLE: readonly ExpenseStatus[] = ['pending', 'returned'];

/**
 * Applies the submitter's edit. `closedThroughFor` gives a client's last closed day (both the old and a new
 * client are checked, for the old and the new date); `chainFor` plans the chain for the edited details and
 * is called only when approval restarts. An edit that changes nothing returns the expense as it was.
 */
export const editExpense = (
  expense: Expense,
  input: {
    readonly actor: Actor;
    readonly patch: ExpensePatch;
    readonly closedThroughFor: (clientId: ClientId) => IsoDate | undefined;
    readonly chainFor: (edited: ExpenseDetails) => readonly PlannedStage[];
  },
): Result<EditOutcome, Forbidden | WrongStatus | PeriodClosed> => {
  const allowed = authorise(input.actor, 'edit', {
    submitterId: expense.submitterId,
    clientId: expense.clientId,
  });
  if (!allowed.ok) return allowed;
  if (expense.status !== 'pending' && expense.status !== 'returned') {
    return fail('WRONG_STATUS', {
      action: 'edit',
      status: expense.status,
      allowedStatuses: EDITABLE.join(', '),
    });
  }

  const before = detailsOf(expense);
  const after = applyPatch(before, input.patch);
  const changes = diffDetails(before, after);
  if (changes.length === 0) return ok({ expense, changes, restartsApproval: false });
  assertValidDetails(after);

  const closedBefore = checkPeriodOpen(before.incurredOn, input.closedThroughFor(before.clientId));
  if (!closedBefore.ok) return closedBefore;
  const closedAfter = checkPeriodOpen(after.incurredOn, input.closedThroughFor(after.clientId));
  if (!closedAfter.ok) return closedAfter;

  const { id, submitterId, sourceAddress, approvalRound } = expense;
  const base: ExpenseBase = {
    ...after,
    id,
    submitterId,
    ...(sourceAddress === undefined ? {} : { sourceAddress }),
    version: expense.version + 1,
    approvalRound,
  };

  if (expense.status === 'returned') {
    return ok({
      expense: { ...base, status: 'returned', whatIsNeeded: expense.whatIsNeeded },
      changes,
      restartsApproval: false,
    });
  }
  if (changes.some((change) => RESTARTING_FIELDS.includes(change.field))) {
    const restarted = startApproval({ ...base, approvalRound: approvalRound + 1 }, input.chainFor(after));
    return ok({ expense: restarted, changes, restartsApproval: true });
  }
  const { stage, stageCount, financeStage, approvedAmountMinor } = expense;
  return ok({
    expense: {
      ...base,
      status: 'pending',
      stage,
      stageCount,
      financeStage,
      ...(approvedAmountMinor === undefined ? {} : { approvedAmountMinor }),
    },
    changes,
    restartsApproval: false,
  });
};
