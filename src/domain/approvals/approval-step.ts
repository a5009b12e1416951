// A recorded decision on one stage of one approval round. Steps are history: an edit that restarts
// approval opens a new round, and separation of duties counts only the current round.
import type { MemberId } from '../people/actor.js';
import { type Failure, fail, type Result } from '../shared/result.js';

export type StepDecision = 'approved' | 'rejected' | 'returned';

export type ApprovalStep = {
  readonly expenseId: string;
  readonly round: number;
  readonly stage: number;
  readonly decision: StepDecision;
  readonly deciderId: MemberId;
  /** Set when the decider acted as a delegate: "B on behalf of A". */
  readonly onBehalfOf?: MemberId;
  /** Client-currency minor units approved at this stage (approvals only). */
  readonly approvedAmountMinor?: number;
  /** Why it was rejected, what is needed, or the approver's comment. */
  readonly reason?: string;
  readonly at: string;
};

/** A decision as read back from storage, with the stage count its round was planned with when it opened. */
export type RecordedStep = ApprovalStep & { readonly stageCount: number };

/** Everyone who has decided a stage of `round`, including those a delegate acted for. */
export const membersWhoDecided = (steps: readonly ApprovalStep[], round: number): readonly MemberId[] => {
  const members = new Set<MemberId>();
  for (const step of steps) {
    if (step.round !== round) continue;
    members.add(step.deciderId);
    if (step.onBehalfOf !== undefined) members.add(step.onBehalfOf);
  }
  return [...members];
};

export type AlreadyDecided = Failure<'ALREADY_DECIDED'>;

/**
 * The refusal for whoever lost a race (or clicked a card someone else already settled), naming the winner
 * so the message can say "Alice approved this at 14:02".
 */
export const alreadyDecidedFailure = (winner: {
  readonly memberId: MemberId;
  readonly decision: StepDecision;
  readonly at: string;
  readonly onBehalfOf?: MemberId;
  readonly stage?: number;
}): Result<never, AlreadyDecided> =>
  fail('ALREADY_DECIDED', {
    winnerId: winner.memberId,
    decision: winner.decision,
    at: winner.at,
    onBehalfOf: winner.onBehalfOf ?? null,
    stage: winner.stage ?? null,
  });
