// An approver's decision — approve (possibly a lower amount), reject, or return for details — from a button or a
// typed command (docs/product-rules.md §4). The expense row is locked for the decision, so of two racing approvers
// exactly one decides and the other is told who did; a repeated request (retry, double click) changes nothing.
import { memberAddress } from '../expenses/announce.js';
import type { Expense, PendingExpense } from '../expenses/expense.js';
import type { ExpenseDeps } from '../expenses/expense-deps.js';
import { openApprovalRound } from '../expenses/lifecycle/open-approval-round.js';
import { transactOnce } from '../expenses/lifecycle/transact-once.js';
import type { ClientRecord } from '../ports/directory.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type ApprovalStep, alreadyDecidedFailure } from './approval-step.js';
import { type DecideFailure, type Decision, decideStep } from './decide-step.js';
import { findStageApprovers } from './find-stage-approvers.js';
import type { EligibleApprover } from './stage-approvers.js';

export type DecideExpenseInput = {
  readonly expenseId: string;
  readonly decision: Decision;
  /** The card that was clicked: the version and stage it showed. Absent for typed commands. */
  readonly card?: { readonly version: number; readonly stage: number } | undefined;
};

export type DecidedExpense = {
  readonly replayed: false;
  readonly expense: Expense;
  readonly step: ApprovalStep;
  readonly client: ClientRecord;
  /** Who was asked next, when a later stage opened. */
  readonly nextApprovers: readonly EligibleApprover[];
  /** How many stages the decided round had (the decided card says "stage 1 of 2"). */
  readonly stageCount: number;
};

export type ReplayedDecision = { readonly replayed: true; readonly expenseId: string };

export type DecideExpenseFailure = DecideFailure | Failure<'EXPENSE_UNKNOWN' | 'NO_ELIGIBLE_APPROVER'>;

const OPERATION = 'decide-expense';

export const decideExpense =
  (deps: ExpenseDeps) =>
  (
    ctx: RequestContext,
    input: DecideExpenseInput,
  ): Promise<Result<DecidedExpense | ReplayedDecision, DecideExpenseFailure>> =>
    transactOnce(
      deps,
      ctx,
      OPERATION,
      () => ({ expenseId: input.expenseId }),
      (tx) => decideInTransaction(deps, tx, ctx, input),
    );

async function decideInTransaction(
  deps: ExpenseDeps,
  tx: Tx,
  ctx: RequestContext,
  input: DecideExpenseInput,
): Promise<Result<DecidedExpense, DecideExpenseFailure>> {
  const org = ctx.organisationId;
  // The row lock serialises deciders of one expense; everyone else's expenses are untouched.
  const stored = await deps.expenses.get(tx, org, input.expenseId, { forUpdate: true });
  if (!stored) return fail('EXPENSE_UNKNOWN', { expenseId: input.expenseId });
  const { expense } = stored;
  const client = await deps.directory.clientById(tx, org, expense.clientId);
  if (!client) return fail('EXPENSE_UNKNOWN', { expenseId: input.expenseId });
  const steps = await deps.expenses.steps(tx, org, expense.id);

  let eligible: readonly EligibleApprover[] = [];
  if (expense.status === 'pending') {
    const approvers = await findStageApprovers(deps, tx, org, expense, client, steps);
    if (approvers.ok) eligible = approvers.value.eligible;
  }
  const decided = decideStep({
    expense,
    actorId: ctx.actor.memberId,
    decision: input.decision,
    eligible,
    steps,
    ...(input.card === undefined ? {} : { card: input.card }),
    at: deps.clock.now().toISOString(),
  });
  if (!decided.ok) {
    // A clicked card names its stage, and decideStep already names whoever decided that stage first; anyone else
    // refused there is refused for the real reason (not an approver of that stage, not pending, …).
    const lostRace =
      input.card === undefined
        ? await raceLostTo(deps, tx, org, expense, steps, ctx.actor.memberId, decided.error.code)
        : undefined;
    return lostRace ?? decided;
  }
  if (!(await deps.expenses.recordDecision(tx, org, decided.value.step))) {
    // Unreachable while the row lock is held; kept so a future lock-free path fails safe rather than twice.
    return fail('NO_ELIGIBLE_APPROVER', { stage: decided.value.step.stage });
  }
  const next = decided.value.expense;
  await deps.expenses.update(tx, org, next, stored.extras);

  let nextApprovers: readonly EligibleApprover[] = [];
  if (next.status === 'pending') {
    const opened = await openApprovalRound(deps, tx, org, next, client);
    if (!opened.ok) return opened;
    nextApprovers = opened.value;
  }
  await deps.audit.append(tx, {
    organisationId: org,
    actorId: ctx.actor.memberId,
    platform: ctx.platform,
    action: `expense.${decided.value.step.decision}`,
    entityType: 'expense',
    entityId: expense.id,
    before: {
      status: expense.status,
      stage: expense.status === 'pending' ? expense.stage : null,
      version: expense.version,
    },
    after: { status: next.status, step: decided.value.step, version: next.version },
    ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  });
  await announceDecision(deps, tx, org, expense as PendingExpense, next, decided.value.step, client);
  const stageCount = (expense as PendingExpense).stageCount;
  return ok({
    replayed: false as const,
    expense: next,
    step: decided.value.step,
    client,
    nextApprovers,
    stageCount,
  });
}

/**
 * A typed `approve` has no card to say which stage it meant. When it fails only because someone else just decided
 * the stage this person was asked to decide, say so and name them, as a clicked card would.
 */
async function raceLostTo(
  deps: ExpenseDeps,
  tx: Tx,
  org: string,
  expense: Expense,
  steps: readonly ApprovalStep[],
  actorId: string,
  code: DecideFailure['code'],
): Promise<Result<never, DecideFailure> | undefined> {
  if (code !== 'NOT_PENDING' && code !== 'NOT_AN_APPROVER') return undefined;
  const latest = steps.at(-1);
  if (!latest || latest.round !== expense.approvalRound || latest.deciderId === actorId) return undefined;
  const asked = await deps.expenses.openStepOf(tx, org, expense.id, latest.round, latest.stage);
  if (!asked?.eligibleMemberIds.includes(actorId)) return undefined;
  return alreadyDecidedFailure({
    memberId: latest.deciderId,
    decision: latest.decision,
    at: latest.at,
    stage: latest.stage,
    ...(latest.onBehalfOf === undefined ? {} : { onBehalfOf: latest.onBehalfOf }),
  });
}

/** Every copy of the stage's card is resolved in place, and the submitter hears the outcome. */
async function announceDecision(
  deps: ExpenseDeps,
  tx: Tx,
  org: string,
  before: PendingExpense,
  after: Expense,
  step: ApprovalStep,
  client: ClientRecord,
): Promise<void> {
  const requestKey = `approval-request:${before.id}:r${before.approvalRound}:s${before.stage}`;
  const asked = await deps.expenses.openStepOf(tx, org, before.id, before.approvalRound, before.stage);
  const recipients = [
    ...(asked?.eligibleMemberIds ?? []).map((id) => ({ key: id, address: memberAddress(id) })),
    ...(await deps.bindings.forClient(tx, org, client.id))
      .filter((b) => b.audience === 'internal')
      .map((b) => ({ key: b.id, address: b.address })),
  ];
  const resolution = {
    expenseId: before.id,
    round: before.approvalRound,
    stage: before.stage,
    stageCount: before.stageCount,
    decision: step.decision,
    deciderId: step.deciderId,
    onBehalfOf: step.onBehalfOf ?? null,
    approvedAmountMinor: step.approvedAmountMinor ?? null,
    reason: step.reason ?? null,
    at: step.at,
  };
  for (const recipient of recipients) {
    await deps.outbox.enqueue(tx, {
      organisationId: org,
      dedupeKey: `approval-resolved:${before.id}:r${before.approvalRound}:s${before.stage}:${recipient.key}`,
      address: recipient.address,
      kind: 'approval-resolved',
      payload: { ...resolution, replaces: `${requestKey}:${recipient.key}` },
    });
  }
  // The submitter hears of the final outcome, and of a rejection or a return at any stage.
  if (after.status !== 'pending') {
    await deps.outbox.enqueue(tx, {
      organisationId: org,
      dedupeKey: `decision-notice:${before.id}:r${before.approvalRound}:s${before.stage}`,
      address: memberAddress(before.submitterId),
      kind: 'decision-notice',
      payload: { ...resolution, status: after.status },
    });
  }
}
