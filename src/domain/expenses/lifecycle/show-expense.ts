// `show <id>`: one expense with its approval history and how many receipts it has. Its submitter may look,
// as may whoever sees the client's expenses (its approvers, finance, admins) and whoever was asked to decide it.
// Kept apart from `describeExpense` (which the card itself is rendered from): this is the permission gate for a
// typed id, refusing with a Result before the rest is read, and it returns the stored facts a card does not carry
// (kind, override reason, who it waits on, when it was logged).
import type { ApprovalStep } from '../../approvals/approval-step.js';
import { authorise, type Forbidden } from '../../people/permissions.js';
import type { ClientRecord, ProjectRecord } from '../../ports/directory.port.js';
import type { OpenStep } from '../../ports/expense-repository.port.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import type { Finding } from '../../risk/finding.js';
import type { RequestContext } from '../../shared/request-context.js';
import { fail, ok, type Result } from '../../shared/result.js';
import { transact } from '../../shared/transact.js';
import type { Expense } from '../expense.js';
import { normaliseExpenseId } from '../expense-id.js';
import type { LifecycleDeps } from './lifecycle-deps.js';
import type { ExpenseUnknown } from './lock-expense.js';

export type ShowExpenseInput = { readonly expenseId: string };

export type ExpenseView = {
  readonly expense: Expense;
  readonly kind: 'expense' | 'adjustment';
  readonly findings: readonly Finding[];
  readonly overrideReason?: string | undefined;
  readonly client: ClientRecord;
  readonly project?: ProjectRecord | undefined;
  /** Every decision of every round, oldest first. */
  readonly steps: readonly ApprovalStep[];
  /** While pending: who the current stage asked. */
  readonly waitingOn?: OpenStep | undefined;
  readonly receiptCount: number;
  readonly loggedAt: Date;
};

export type ShowExpenseFailure = ExpenseUnknown | Forbidden;

export type ShowExpenseDeps = Pick<
  LifecycleDeps,
  'uow' | 'directory' | 'expenses' | 'receipts' | 'expenseQuery'
>;

export const showExpense =
  (deps: ShowExpenseDeps) =>
  (ctx: RequestContext, input: ShowExpenseInput): Promise<Result<ExpenseView, ShowExpenseFailure>> =>
    transact<ExpenseView, ShowExpenseFailure>(deps.uow, (tx) => showInTransaction(deps, tx, ctx, input));

async function showInTransaction(
  deps: ShowExpenseDeps,
  tx: Tx,
  ctx: RequestContext,
  input: ShowExpenseInput,
): Promise<Result<ExpenseView, ShowExpenseFailure>> {
  const org = ctx.organisationId;
  const id = normaliseExpenseId(input.expenseId);
  const stored = id === undefined ? undefined : await deps.expenses.get(tx, org, id);
  if (!stored) return fail('EXPENSE_UNKNOWN', { expenseId: input.expenseId });
  const { expense } = stored;
  const waitingOn =
    expense.status === 'pending'
      ? await deps.expenses.openStepOf(tx, org, expense.id, expense.approvalRound, expense.stage)
      : undefined;

  const context = { submitterId: expense.submitterId, clientId: expense.clientId };
  const own = authorise(ctx.actor, 'view-own', context);
  if (!own.ok) {
    const asked = waitingOn?.eligibleMemberIds.includes(ctx.actor.memberId) === true;
    const client = authorise(ctx.actor, 'view-client', { ...context, view: 'internal' });
    if (!asked && !client.ok) return client;
  }

  const [client, steps, receipts, project] = await Promise.all([
    deps.directory.clientById(tx, org, expense.clientId),
    deps.expenses.steps(tx, org, expense.id),
    deps.receipts.forExpense(tx, org, expense.id),
    expense.projectId === undefined
      ? Promise.resolve(undefined)
      : deps.expenseQuery.projectById(tx, org, expense.projectId),
  ]);
  if (!client)
    throw new Error(`Expense ${expense.id} names client ${expense.clientId}, which does not exist`);
  return ok({
    expense,
    kind: stored.extras.kind,
    findings: stored.extras.findings,
    ...(stored.extras.overrideReason === undefined ? {} : { overrideReason: stored.extras.overrideReason }),
    client,
    ...(project === undefined ? {} : { project }),
    steps,
    ...(waitingOn === undefined ? {} : { waitingOn }),
    receiptCount: receipts.length,
    loggedAt: stored.createdAt,
  });
}
