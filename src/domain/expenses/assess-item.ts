// What an item of spend is checked against before it goes (back) into approval, the same whether it is being
// logged, edited or resubmitted: the client's policy, every budget it falls under and every risk check. What each
// use case then does with the measures — always block, block only when the budgets moved, or report a closed
// period first — stays with it, as does the approval chain it plans from them.
import { type BudgetMeasure, measureBudgets } from '../budgets/gate-budgets.js';
import { currencyExponent } from '../money/index.js';
import { addDays } from '../periods/calendar-date.js';
import type { Policy } from '../policy/policy.js';
import { policyForClient } from '../policy/policy-settings.js';
import type { ClientRecord, ProjectRecord } from '../ports/directory.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import { assessExpense } from '../risk/assess-expense.js';
import type { Finding } from '../risk/finding.js';
import type { RiskCandidate } from '../risk/risk-inputs.js';
import type { ExpenseDetails } from './expense.js';
import type { ExpenseDeps } from './expense-deps.js';

/** How far risk looks around an expense's day for look-alikes (the duplicate window is ±1 day). */
const NEIGHBOUR_DAYS = 1;

/** How many of the client's past items in the category the unusual-amount check compares with. */
const HISTORY_SIZE = 200;

/** The item as risk sees it; `id` is absent while logging, before the expense exists. */
export const riskCandidateOf = (
  expense: ExpenseDetails & { readonly id?: string | undefined; readonly submitterId: string },
  receiptSha256: readonly string[],
): RiskCandidate => ({
  id: expense.id,
  submitterId: expense.submitterId,
  clientId: expense.clientId,
  categoryCode: expense.categoryCode,
  amount: expense.original,
  amountExponent: currencyExponent(expense.original.currency),
  clientAmountMinor: expense.clientAmount.amountMinor,
  clientCurrency: expense.clientAmount.currency,
  incurredOn: expense.incurredOn,
  receiptSha256,
  invoiceNumber: expense.invoiceNumber,
  missingReceiptReason: expense.missingReceiptReason,
});

export type ItemAssessment = {
  readonly policy: Policy;
  readonly measures: readonly BudgetMeasure[];
  readonly findings: readonly Finding[];
};

export async function assessItem(
  deps: Pick<ExpenseDeps, 'policies' | 'budgets' | 'expenses'>,
  tx: Tx,
  input: {
    readonly organisationId: string;
    readonly client: ClientRecord;
    readonly project: ProjectRecord | undefined;
    /**
     * With an `id` when the expense is already stored: its own old amount is then left out of the budgets and
     * it is never compared with itself.
     */
    readonly candidate: RiskCandidate;
    /** Today in the client's time zone. */
    readonly today: string;
    readonly override: boolean;
    readonly actorCanOverride: boolean;
  },
): Promise<ItemAssessment> {
  const { organisationId: org, client, candidate } = input;
  const settings = await deps.policies.settings(tx, org, client.id);
  const policy = policyForClient(client.currency, settings.organisation, settings.client);
  const measures = await measureBudgets(deps, tx, {
    organisationId: org,
    clientId: client.id,
    project: input.project,
    categoryCode: candidate.categoryCode,
    incurredOn: candidate.incurredOn,
    today: input.today,
    newAmountMinor: candidate.clientAmountMinor,
    override: input.override,
    actorCanOverride: input.actorCanOverride,
    ...(candidate.id === undefined ? {} : { excludeExpenseId: candidate.id }),
  });
  const [neighbours, history] = await Promise.all([
    deps.expenses.neighbours(tx, org, {
      clientId: client.id,
      from: addDays(candidate.incurredOn, -NEIGHBOUR_DAYS),
      through: addDays(candidate.incurredOn, NEIGHBOUR_DAYS),
      receiptSha256: candidate.receiptSha256,
      invoiceNumber: candidate.invoiceNumber,
    }),
    deps.expenses.categoryHistory(tx, org, client.id, candidate.categoryCode, HISTORY_SIZE),
  ]);
  const findings = assessExpense({
    candidate,
    policy,
    budgetEvaluations: measures.map((m) => m.evaluation),
    recentSimilar: neighbours,
    history: history.filter((h) => candidate.id === undefined || h.id !== candidate.id),
    today: input.today,
  });
  return { policy, measures, findings };
}
