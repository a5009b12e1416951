import { chainOfShape } from '../../approvals/approval-stage.js';
import { findStageApprovers } from '../../approvals/find-stage-approvers.js';
import type { EligibleApprover, NoEligibleApprover } from '../../approvals/stage-approvers.js';
import type { ClientRecord } from '../../ports/directory.port.js';
import type { OpenRound } from '../../ports/expense-repository.port.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import { ok, type Result } from '../../shared/result.js';
import { announceApprovalRequest } from '../announce.js';
import type { PendingExpense } from '../expense.js';
import type { ExpenseDeps } from '../expense-deps.js';

/** The chain a pending expense's round was planned with, as the round stores it when it opens. */
export const roundOf = (expense: PendingExpense): OpenRound => ({
  expenseId: expense.id,
  round: expense.approvalRound,
  stageKinds: chainOfShape(expense).map((stage) => stage.kind),
});

/**
 * Opens the expense's current stage: stage 1 of a new round (whose chain is stored first) or the next stage of this
 * one. Who is asked now — earlier rounds do not count for separation of duties — is recorded on the step, and the
 * approval card sent to them and the client's internal channels.
 */
export async function openApprovalRound(
  deps: Pick<ExpenseDeps, 'directory' | 'clock' | 'expenses' | 'outbox' | 'bindings'>,
  tx: Tx,
  organisationId: string,
  expense: PendingExpense,
  client: ClientRecord,
): Promise<Result<readonly EligibleApprover[], NoEligibleApprover>> {
  if (expense.stage === 1) await deps.expenses.openRound(tx, organisationId, roundOf(expense));
  const steps = await deps.expenses.steps(tx, organisationId, expense.id);
  const approvers = await findStageApprovers(deps, tx, organisationId, expense, client, steps);
  if (!approvers.ok) return approvers;
  await deps.expenses.openStep(tx, organisationId, {
    expenseId: expense.id,
    round: expense.approvalRound,
    stage: expense.stage,
    stageKind: approvers.value.fellTo,
    fellTo: approvers.value.fellTo,
    eligibleMemberIds: approvers.value.eligible.map((a) => a.memberId),
    // Reminders count working hours from here, on the use case's clock.
    requestedAt: deps.clock.now().toISOString(),
  });
  await announceApprovalRequest(deps, tx, {
    organisationId,
    expense,
    client,
    approvers: approvers.value.eligible,
  });
  return ok(approvers.value.eligible);
}
