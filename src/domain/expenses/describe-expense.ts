// Everything a card about one expense shows, read in one transaction: the expense and its steps, who submitted it,
// the client, project and category names, findings, receipts and where it leaves each budget it counts against.
// Not built on `showExpense`, nor it on this: this reads for rendering, with no actor to authorise (its callers
// have already decided who sees the card: a delivery channel, or a member `show` let in) and budget impacts
// measured at render time; `show` is the member's request, checked against who may see the expense before anything
// else is read. What they both read is a handful of single port calls.
import type { RecordedStep } from '../approvals/approval-step.js';
import { measureBudgets } from '../budgets/gate-budgets.js';
import type { ScopedBudgetImpact } from '../messaging/budget-text.js';
import { todayIn } from '../periods/calendar-date.js';
import type { Category } from '../policy/categories.js';
import type { ClientRecord, ProjectRecord } from '../ports/directory.port.js';
import type { ReceiptRepository } from '../ports/receipt-repository.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import type { Finding } from '../risk/finding.js';
import type { Expense } from './expense.js';
import type { ExpenseDeps } from './expense-deps.js';

export type ExpenseCardData = {
  readonly expense: Expense;
  readonly steps: readonly RecordedStep[];
  readonly client: ClientRecord;
  readonly project: ProjectRecord | undefined;
  readonly category: Category | undefined;
  readonly submitterName: string;
  readonly findings: readonly Finding[];
  readonly receiptCount: number;
  readonly budgetImpacts: readonly ScopedBudgetImpact[];
  /** Display names of everyone the steps mention (deciders and those they acted for). */
  readonly names: ReadonlyMap<string, string>;
};

export type DescribeExpenseDeps = Pick<
  ExpenseDeps,
  'uow' | 'clock' | 'directory' | 'expenses' | 'budgets'
> & {
  readonly receipts: ReceiptRepository;
};

export const describeExpense =
  (deps: DescribeExpenseDeps) =>
  (organisationId: string, expenseId: string): Promise<ExpenseCardData | undefined> =>
    deps.uow.run((tx) => describeExpenseIn(deps, tx, organisationId, expenseId));

export async function describeExpenseIn(
  deps: DescribeExpenseDeps,
  tx: Tx,
  organisationId: string,
  expenseId: string,
): Promise<ExpenseCardData | undefined> {
  const stored = await deps.expenses.get(tx, organisationId, expenseId);
  if (!stored) return undefined;
  const { expense } = stored;
  const client = await deps.directory.clientById(tx, organisationId, expense.clientId);
  if (!client) return undefined;
  const [steps, categories, receipts] = await Promise.all([
    deps.expenses.steps(tx, organisationId, expense.id),
    deps.directory.categories(tx, organisationId),
    deps.receipts.forExpense(tx, organisationId, expense.id),
  ]);
  const project = expense.projectId
    ? await projectOf(deps, tx, organisationId, client, expense.projectId)
    : undefined;
  const peopleIds = new Set<string>([expense.submitterId]);
  for (const step of steps) {
    peopleIds.add(step.deciderId);
    if (step.onBehalfOf) peopleIds.add(step.onBehalfOf);
  }
  const people = await deps.directory.members(tx, organisationId, [...peopleIds]);
  const names = new Map([...people].map(([id, member]) => [id, member.displayName]));

  // Pending spend already counts as committed, so the item itself adds nothing on top.
  const measures =
    expense.status === 'pending'
      ? await measureBudgets(deps, tx, {
          organisationId,
          clientId: client.id,
          project,
          categoryCode: expense.categoryCode,
          incurredOn: expense.incurredOn,
          today: todayIn(deps.clock.now().getTime(), client.timeZone),
          newAmountMinor: 0,
          override: false,
          actorCanOverride: false,
        })
      : [];
  return {
    expense,
    steps,
    client,
    project,
    category: categories.find((c) => c.code === expense.categoryCode),
    submitterName: names.get(expense.submitterId) ?? expense.submitterId,
    findings: stored.extras.findings,
    receiptCount: receipts.length,
    budgetImpacts: measures.map((m) => ({
      scopeName: m.budget.projectId && project ? `${client.name} / ${project.name}` : client.name,
      impact: m.impact,
    })),
    names,
  };
}

async function projectOf(
  deps: Pick<ExpenseDeps, 'directory'>,
  tx: Tx,
  organisationId: string,
  client: ClientRecord,
  projectId: string,
): Promise<ProjectRecord | undefined> {
  return deps.directory.projectById(tx, organisationId, client.id, projectId);
}
