// An expense is a discriminated union on `status`, so each state carries exactly what it means:
// only a pending expense has a stage, only an approved (or later voided) one has an approved amount.
import type { ChainShape, StageCount } from '../approvals/approval-stage.js';
import type { Money } from '../money/money.js';
import type { MemberId } from '../people/actor.js';

export type ExpenseId = string;
export type ClientId = string;
export type ProjectId = string;
/** A calendar date `YYYY-MM-DD` in the client's time zone. */
export type IsoDate = string;
/** An instant as ISO 8601 text with an offset, e.g. `2026-03-02T14:02:00Z`. */
export type IsoInstant = string;

export type PaymentMethod = 'card' | 'personal' | 'cash' | 'transfer';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['card', 'personal', 'cash', 'transfer'];

/** What the submitter says about the spend; everything an edit may change. */
export type ExpenseDetails = {
  readonly clientId: ClientId;
  readonly projectId?: ProjectId;
  readonly categoryCode: string;
  /** What was paid, in the currency it was paid in. */
  readonly original: Money;
  /** The same spend in the client's currency: what tiers, budgets and reports count. */
  readonly clientAmount: Money;
  /** Exact decimal rate from `original` to `clientAmount` and the day it was quoted for; absent when no conversion. */
  readonly rate?: string;
  readonly rateDate?: IsoDate;
  readonly incurredOn: IsoDate;
  readonly description: string;
  readonly merchant?: string;
  readonly paymentMethod: PaymentMethod;
  readonly billable: boolean;
  /** The Chinese invoice number (发票号码), used for duplicate detection. */
  readonly invoiceNumber?: string;
  /** Set instead of a receipt: why there is none. */
  readonly missingReceiptReason?: string;
};

export type ExpenseBase = ExpenseDetails & {
  readonly id: ExpenseId;
  readonly submitterId: MemberId;
  /** The chat address of the message that logged it. */
  readonly sourceAddress?: string;
  /** Bumped by every change; cards carry it so that a click on an out-of-date card is refused. */
  readonly version: number;
  /** Counts approval restarts (resubmission, or an edit of amount, client or category), starting at 1. */
  readonly approvalRound: number;
};

export type PendingExpense = ExpenseBase & {
  readonly status: 'pending';
  /** The stage waiting for a decision, 1-based. */
  readonly stage: number;
  readonly stageCount: StageCount;
  /** Whether the last stage is a finance stage (budget escalation or an override). */
  readonly financeStage: boolean;
  /** Client-currency minor units an earlier stage approved, when lower than claimed; later stages start from it. */
  readonly approvedAmountMinor?: number;
};

/** Billing and reimbursement happen independently, once each. */
type Settlement = {
  /** In the client's currency; lower than `clientAmount` after a partial approval. */
  readonly approvedAmountMinor: number;
  readonly billedAt?: IsoInstant;
  readonly reimbursedAt?: IsoInstant;
};

export type ApprovedExpense = ExpenseBase & Settlement & { readonly status: 'approved' };
export type RejectedExpense = ExpenseBase & { readonly status: 'rejected'; readonly reason: string };
export type ReturnedExpense = ExpenseBase & { readonly status: 'returned'; readonly whatIsNeeded: string };
export type WithdrawnExpense = ExpenseBase & { readonly status: 'withdrawn' };
/** Voided after approval; keeps what was approved, billed and reimbursed so the correction can be traced. */
export type VoidedExpense = ExpenseBase & Settlement & { readonly status: 'voided'; readonly reason: string };

export type Expense =
  | PendingExpense
  | ApprovedExpense
  | RejectedExpense
  | ReturnedExpense
  | WithdrawnExpense
  | VoidedExpense;

export type ExpenseStatus = Expense['status'];

// A record (not a list) so the compiler insists every base field is named here.
const BASE_FIELDS = {
  id: true,
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
  submitterId: true,
  sourceAddress: true,
  version: true,
  approvalRound: true,
} as const satisfies Record<keyof ExpenseBase, true>;

/**
 * The fields every state shares, without the previous state's own (a stage, a reason…), so that building
 * the next state never drags stale fields along.
 */
export const baseOf = (expense: Expense): ExpenseBase => {
  const base: Record<string, unknown> = {};
  for (const key of Object.keys(BASE_FIELDS) as (keyof ExpenseBase)[]) {
    const value = expense[key];
    if (value !== undefined) base[key] = value;
  }
  return base as ExpenseBase;
};

export const isPending = (expense: Expense): expense is PendingExpense => expense.status === 'pending';
export const isApproved = (expense: Expense): expense is ApprovedExpense => expense.status === 'approved';

/** The amount the current stage decides on: what an earlier stage approved, else the claim. */
export const amountUnderReview = (expense: PendingExpense): Money => ({
  amountMinor: expense.approvedAmountMinor ?? expense.clientAmount.amountMinor,
  currency: expense.clientAmount.currency,
});

export const approvedAmountOf = (expense: ApprovedExpense | VoidedExpense): Money => ({
  amountMinor: expense.approvedAmountMinor,
  currency: expense.clientAmount.currency,
});

export const isPartiallyApproved = (expense: ApprovedExpense | VoidedExpense): boolean =>
  expense.approvedAmountMinor < expense.clientAmount.amountMinor;

export const chainShapeOf = (expense: PendingExpense): ChainShape => ({
  stageCount: expense.stageCount,
  financeStage: expense.financeStage,
});
