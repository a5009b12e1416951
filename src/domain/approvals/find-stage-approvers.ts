// Who may decide a stage, from the client's lists, finance and admins, after separation of duties and today's
// delegations. Used when a stage opens, again when someone clicks, and by `policy test` for the first stage.
import { chainShapeOf, type PendingExpense } from '../expenses/expense.js';
import type { MemberId } from '../people/actor.js';
import { todayIn } from '../periods/calendar-date.js';
import type { Clock } from '../ports/clock.port.js';
import type { ClientRecord, Directory } from '../ports/directory.port.js';
import type { ExpenseRepository } from '../ports/expense-repository.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import type { Result } from '../shared/result.js';
import { type PlannedStage, stageOfShape } from './approval-stage.js';
import { type ApprovalStep, membersWhoDecided } from './approval-step.js';
import {
  type NoEligibleApprover,
  resolveStageApprovers,
  type StageApprovers,
  type StageApproversRequest,
} from './stage-approvers.js';

export type StageApproverDeps = {
  readonly directory: Directory;
  readonly clock: Clock;
  readonly expenses: Pick<ExpenseRepository, 'openStepOf'>;
};

/** The people any stage of the client's chains may go to today, before anyone is excluded. */
async function stagePeople(
  deps: Pick<StageApproverDeps, 'directory' | 'clock'>,
  tx: Tx,
  organisationId: string,
  client: ClientRecord,
) {
  const [approverLists, finance, admins, delegations] = await Promise.all([
    deps.directory.approverLists(tx, organisationId, client.id),
    deps.directory.membersWithRole(tx, organisationId, 'finance'),
    deps.directory.membersWithRole(tx, organisationId, 'admin'),
    deps.directory.delegations(tx, organisationId),
  ]);
  const today = todayIn(deps.clock.now().getTime(), client.timeZone);
  return { approverLists, finance, admins, delegations, today };
}

/** Everything `resolveStageApprovers` weighs for the expense's current stage, read in the caller's transaction. */
export async function stageApproversRequest(
  deps: StageApproverDeps,
  tx: Tx,
  organisationId: string,
  expense: PendingExpense,
  client: ClientRecord,
  steps: readonly ApprovalStep[],
): Promise<StageApproversRequest> {
  const stage = stageOfShape(chainShapeOf(expense), expense.stage);
  const [people, opened] = await Promise.all([
    stagePeople(deps, tx, organisationId, client),
    deps.expenses.openStepOf(tx, organisationId, expense.id, expense.approvalRound, expense.stage),
  ]);
  // A step recorded as gone to finance or admin stays open to them, whether it fell there or was escalated.
  const escalatedTo = opened?.fellTo === 'approvers' ? undefined : opened?.fellTo;
  return {
    stage,
    ...people,
    submitterId: expense.submitterId,
    decidedBy: membersWhoDecided(steps, expense.approvalRound),
    ...(escalatedTo === undefined ? {} : { escalatedTo }),
  };
}

export async function findStageApprovers(
  deps: StageApproverDeps,
  tx: Tx,
  organisationId: string,
  expense: PendingExpense,
  client: ClientRecord,
  steps: readonly ApprovalStep[],
): Promise<Result<StageApprovers, NoEligibleApprover>> {
  return resolveStageApprovers(await stageApproversRequest(deps, tx, organisationId, expense, client, steps));
}

/**
 * Who stage 1 of a round that opens now asks: nobody has decided anything in it yet and nothing was escalated, so
 * only the submitter is left out. Logging records this on the step; `policy test` shows it for the asker.
 */
export async function firstStageApprovers(
  deps: Pick<StageApproverDeps, 'directory' | 'clock'>,
  tx: Tx,
  organisationId: string,
  client: ClientRecord,
  submitterId: MemberId,
  chain: readonly PlannedStage[],
): Promise<Result<StageApprovers, NoEligibleApprover>> {
  const stage = chain[0];
  if (stage === undefined) throw new RangeError('An approval chain has at least one stage');
  return resolveStageApprovers({
    stage,
    ...(await stagePeople(deps, tx, organisationId, client)),
    submitterId,
    decidedBy: [],
  });
}
