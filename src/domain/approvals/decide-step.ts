// One approver's decision on the current stage of a pending expense. Racing deciders are settled by the
// repository (the first to fill the stage's row wins → `alreadyDecidedFailure`); this function decides
// whether *this* decision is allowed and what it leads to.
import {
  type ApprovedExpense,
  amountUnderReview,
  baseOf,
  type Expense,
  type ExpenseBase,
  type IsoInstant,
  type PendingExpense,
  type RejectedExpense,
  type ReturnedExpense,
} from '../expenses/expense.js';
import type { MemberId } from '../people/actor.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type AlreadyDecided, type ApprovalStep, alreadyDecidedFailure } from './approval-step.js';
import type { EligibleApprover } from './stage-approvers.js';

export type Decision =
  /** `amountMinor` (client currency) below the amount under review is a partial approval and needs a comment. */
  | { readonly kind: 'approve'; readonly amountMinor?: number; readonly comment?: string }
  | { readonly kind: 'reject'; readonly reason: string }
  | { readonly kind: 'return'; readonly whatIsNeeded: string };

export type DecideFailure =
  | AlreadyDecided
  | Failure<
      | 'NOT_PENDING'
      | 'STALE_VERSION'
      | 'OWN_EXPENSE'
      | 'ALREADY_DECIDED_STAGE_BY_YOU'
      | 'NOT_AN_APPROVER'
      | 'REASON_REQUIRED'
      | 'PARTIAL_AMOUNT_INVALID'
    >;

export type DecideRequest = {
  readonly expense: Expense;
  readonly actorId: MemberId;
  readonly decision: Decision;
  /** From `resolveStageApprovers` for the current stage. */
  readonly eligible: readonly EligibleApprover[];
  /** The expense's recorded steps (any round; only the current round counts). */
  readonly steps: readonly ApprovalStep[];
  /** The card clicked, if any: the expense version and stage it showed. Typed commands have none. */
  readonly card?: { readonly version: number; readonly stage: number };
  readonly at: IsoInstant;
};

export type DecideOutcome = {
  readonly expense: PendingExpense | ApprovedExpense | RejectedExpense | ReturnedExpense;
  readonly step: ApprovalStep;
};

const textOf = (text: string | undefined): string | undefined => {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
};

export const decideStep = (request: DecideRequest): Result<DecideOutcome, DecideFailure> => {
  const { expense, actorId, decision, card } = request;
  const currentRound = request.steps.filter((step) => step.round === expense.approvalRound);

  if (card !== undefined) {
    const winner = currentRound.find((step) => step.stage === card.stage);
    if (winner !== undefined) {
      return alreadyDecidedFailure({
        memberId: winner.deciderId,
        decision: winner.decision,
        at: winner.at,
        stage: winner.stage,
        ...(winner.onBehalfOf === undefined ? {} : { onBehalfOf: winner.onBehalfOf }),
      });
    }
  }
  if (expense.status !== 'pending') return fail('NOT_PENDING', { status: expense.status });
  if (card !== undefined && (card.version !== expense.version || card.stage !== expense.stage)) {
    return fail('STALE_VERSION', { cardVersion: card.version, currentVersion: expense.version });
  }
  if (actorId === expense.submitterId) return fail('OWN_EXPENSE', { expenseId: expense.id });

  const earlier = currentRound.find((step) => step.deciderId === actorId || step.onBehalfOf === actorId);
  if (earlier !== undefined) return fail('ALREADY_DECIDED_STAGE_BY_YOU', { stage: earlier.stage });

  const entry = request.eligible.find((e) => e.memberId === actorId);
  if (entry === undefined) return fail('NOT_AN_APPROVER', { stage: expense.stage });

  const step = {
    expenseId: expense.id,
    round: expense.approvalRound,
    stage: expense.stage,
    deciderId: actorId,
    ...(entry.onBehalfOf === undefined ? {} : { onBehalfOf: entry.onBehalfOf }),
    at: request.at,
  };
  const next = { ...baseOf(expense), version: expense.version + 1 };

  switch (decision.kind) {
    case 'reject': {
      const reason = textOf(decision.reason);
      if (reason === undefined) return fail('REASON_REQUIRED', { decision: 'reject' });
      return ok({
        expense: { ...next, status: 'rejected', reason },
        step: { ...step, decision: 'rejected', reason },
      });
    }
    case 'return': {
      const whatIsNeeded = textOf(decision.whatIsNeeded);
      if (whatIsNeeded === undefined) return fail('REASON_REQUIRED', { decision: 'return' });
      return ok({
        expense: { ...next, status: 'returned', whatIsNeeded },
        step: { ...step, decision: 'returned', reason: whatIsNeeded },
      });
    }
    case 'approve':
      return approve(expense, next, step, decision);
  }
};

const approve = (
  expense: PendingExpense,
  next: ExpenseBase,
  step: Omit<ApprovalStep, 'decision'>,
  decision: Extract<Decision, { kind: 'approve' }>,
): Result<DecideOutcome, DecideFailure> => {
  const underReview = amountUnderReview(expense).amountMinor;
  const comment = textOf(decision.comment);
  const amount = decision.amountMinor ?? underReview;
  if (amount !== underReview) {
    const details = { amountMinor: amount, underReviewMinor: underReview };
    if (!Number.isSafeInteger(amount))
      return fail('PARTIAL_AMOUNT_INVALID', { ...details, problem: 'not-whole' });
    if (amount <= 0) return fail('PARTIAL_AMOUNT_INVALID', { ...details, problem: 'not-positive' });
    if (amount > underReview) return fail('PARTIAL_AMOUNT_INVALID', { ...details, problem: 'not-lower' });
    if (comment === undefined)
      return fail('PARTIAL_AMOUNT_INVALID', { ...details, problem: 'comment-required' });
  }
  const recorded: ApprovalStep = {
    ...step,
    decision: 'approved',
    approvedAmountMinor: amount,
    ...(comment === undefined ? {} : { reason: comment }),
  };
  if (expense.stage >= expense.stageCount) {
    return ok({ expense: { ...next, status: 'approved', approvedAmountMinor: amount }, step: recorded });
  }
  const carried = amount < expense.clientAmount.amountMinor ? { approvedAmountMinor: amount } : {};
  return ok({
    expense: {
      ...next,
      status: 'pending',
      stage: expense.stage + 1,
      stageCount: expense.stageCount,
      financeStage: expense.financeStage,
      ...carried,
    },
    step: recorded,
  });
};
