// What a change tells people, written to the outbox in the change's own transaction, so a message goes out if and
// only if the change committed. Dedupe keys name exactly one announcement, so writing one twice — a retry, a
// second instance — is harmless.
import type { EligibleApprover } from '../approvals/stage-approvers.js';
import type { BudgetMeasure } from '../budgets/gate-budgets.js';
import type { CurrencyCode } from '../money/money.js';
import type { IsoDate } from '../periods/calendar-date.js';
import type { ClientRecord } from '../ports/directory.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import type { PendingExpense } from './expense.js';
import type { ExpenseDeps } from './expense-deps.js';

export const memberAddress = (memberId: string): string => `member:${memberId}`;

/** The approval card, to each eligible approver directly and to the client's internal channels. */
export async function announceApprovalRequest(
  deps: Pick<ExpenseDeps, 'outbox' | 'bindings'>,
  tx: Tx,
  input: {
    readonly organisationId: string;
    readonly expense: PendingExpense;
    readonly client: ClientRecord;
    readonly approvers: readonly EligibleApprover[];
  },
): Promise<void> {
  const { expense, organisationId } = input;
  const key = `approval-request:${expense.id}:r${expense.approvalRound}:s${expense.stage}`;
  const payload = {
    expenseId: expense.id,
    round: expense.approvalRound,
    stage: expense.stage,
    stageCount: expense.stageCount,
    version: expense.version,
  };
  for (const approver of input.approvers) {
    await deps.outbox.enqueue(tx, {
      organisationId,
      dedupeKey: `${key}:${approver.memberId}`,
      address: memberAddress(approver.memberId),
      kind: 'approval-request',
      payload: { ...payload, recipientId: approver.memberId, onBehalfOf: approver.onBehalfOf ?? null },
    });
  }
  for (const binding of await deps.bindings.forClient(tx, organisationId, input.client.id)) {
    if (binding.audience !== 'internal') continue;
    await deps.outbox.enqueue(tx, {
      organisationId,
      dedupeKey: `${key}:${binding.id}`,
      address: binding.address,
      kind: 'approval-request',
      payload: { ...payload, recipientId: null, onBehalfOf: null },
    });
  }
}

/**
 * One warning per threshold per budget period, ever: the crossing claims (budget, period, threshold) in the
 * job-run ledger first, the same key the periodic sweep claims, so whichever comes first announces it.
 */
export async function announceBudgetCrossings(
  deps: BudgetWarningDeps,
  tx: Tx,
  input: {
    readonly organisationId: string;
    readonly client: ClientRecord;
    readonly measures: readonly BudgetMeasure[];
  },
): Promise<void> {
  for (const measure of input.measures) {
    for (const threshold of measure.evaluation.crossed) {
      await announceThresholdWarning(deps, tx, input.organisationId, {
        budgetId: measure.budget.id,
        clientId: input.client.id,
        periodKey: measure.period.key,
        periodEnd: measure.period.end,
        threshold,
        budgetMinor: measure.evaluation.budgetMinor,
        actualMinor: measure.evaluation.actualMinor,
        committedMinor: measure.evaluation.committedMinor + measure.evaluation.newAmountMinor,
        currency: measure.evaluation.currency,
        willExceedByMinor: measure.evaluation.willExceedByMinor ?? null,
        forecastMinor: measure.impact.forecast.projectedMinor,
      });
    }
  }
}

export type BudgetWarningDeps = Pick<ExpenseDeps, 'outbox' | 'bindings' | 'ledger' | 'directory'>;

/** What an internal `budget-warning` carries: both measures, for the team. */
export type ThresholdWarning = {
  readonly budgetId: string;
  readonly clientId: string;
  readonly periodKey: string;
  readonly periodEnd: IsoDate;
  readonly threshold: number;
  readonly budgetMinor: number;
  readonly actualMinor: number;
  readonly committedMinor: number;
  readonly currency: CurrencyCode;
  readonly willExceedByMinor: number | null;
  readonly forecastMinor: number;
};

/**
 * Claims (budget, period, threshold) and, when this caller is first, writes the warning to the client's internal
 * channels (finance when none is bound). Shared by the crossing change and the periodic sweep. True when claimed.
 */
export async function announceThresholdWarning(
  deps: BudgetWarningDeps,
  tx: Tx,
  organisationId: string,
  warning: ThresholdWarning,
): Promise<boolean> {
  const claimed = await deps.ledger.claim(tx, {
    organisationId,
    job: 'budget-threshold',
    periodKey: warning.periodKey,
    target: `${warning.budgetId}:${warning.threshold}`,
  });
  if (!claimed) return false;
  for (const address of await budgetWarningAddresses(deps, tx, organisationId, warning.clientId)) {
    await deps.outbox.enqueue(tx, {
      organisationId,
      dedupeKey: `budget-warning:${warning.budgetId}:${warning.periodKey}:${warning.threshold}:${address}`,
      address,
      kind: 'budget-warning',
      payload: warning,
    });
  }
  return true;
}

/** The client's internal channels; with none bound, finance hears of it directly. */
export async function budgetWarningAddresses(
  deps: Pick<ExpenseDeps, 'bindings' | 'directory'>,
  tx: Tx,
  organisationId: string,
  clientId: string,
): Promise<readonly string[]> {
  const internal = (await deps.bindings.forClient(tx, organisationId, clientId))
    .filter((b) => b.audience === 'internal')
    .map((b) => b.address);
  if (internal.length > 0) return internal;
  return (await deps.directory.membersWithRole(tx, organisationId, 'finance')).map(memberAddress);
}
