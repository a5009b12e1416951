// Who may decide the current stage of a pending expense, from the client's lists, finance and admins, after
// separation of duties and today's delegations. Used when a stage opens and again when someone clicks.
import type { PendingExpense } from '../expenses/expense.js';
import { todayIn } from '../periods/calendar-date.js';
import type { Clock } from '../ports/clock.port.js';
import type { ClientRecord, Directory } from '../ports/directory.port.js';
import type { ExpenseRepository } from '../ports/expense-repository.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import type { Result } from '../shared/result.js';
import { stageOfShape } from './approval-stage.js';
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

/** Everything `resolveStageApprovers` weighs for the expense's current stage, read in the caller's transaction. */
export async function stageApproversRequest(
  deps: StageApproverDeps,
  tx: Tx,
  organisationId: string,
  expense: PendingExpense,
  client: ClientRecord,
  steps: readonly ApprovalStep[],
): Promise<StageApproversRequest> {
  const stage = stageOfShape(
    { stageCount: expense.stageCount, financeStage: expense.financeStage },
    expense.stage,
  );
  const [approverLists, finance, admins, delegations, opened] = await Promise.all([
    deps.directory.approverLists(tx, organisationId, client.id),
    deps.directory.membersWithRole(tx, organisationId, 'finance'),
    deps.directory.membersWithRole(tx, organisationId, 'admin'),
    deps.directory.delegations(tx, organisationId),
    deps.expenses.openStepOf(tx, organisationId, expense.id, expense.approvalRound, expense.stage),
  ]);
  // A step recorded as gone to finance or admin stays open to them, whether it fell there or was escalated.
  const escalatedTo = opened?.fellTo === 'approvers' ? undefined : opened?.fellTo;
  return {
    stage,
    approverLists,
    submitterId: expense.submitterId,
    decidedBy: membersWhoDecided(steps, expense.approvalRound),
    delegations,
    today: todayIn(deps.clock.now().getTime(), client.timeZone),
    finance,
    admins,
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
