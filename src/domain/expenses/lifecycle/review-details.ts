// The checks an expense goes through when its details change or it goes back into approval: every budget it
// falls under (without its own old amount) and every risk check, with its receipts and its own id so it is
// never compared with itself.
import { type BudgetMeasure, measureBudgets } from '../../budgets/gate-budgets.js';
import { currencyExponent } from '../../money/index.js';
import { addDays } from '../../periods/calendar-date.js';
import type { Policy } from '../../policy/policy.js';
import { policyForClient } from '../../policy/policy-settings.js';
import type { ClientRecord, ProjectRecord } from '../../ports/directory.port.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import { assessExpense } from '../../risk/assess-expense.js';
import type { Finding } from '../../risk/finding.js';
import type { RiskCandidate } from '../../risk/risk-inputs.js';
import type { ExpenseDetails } from '../expense.js';
import type { LifecycleDeps } from './lifecycle-deps.js';

/** How far risk looks around an expense's day for look-alikes (the duplicate window is ±1 day). */
const NEIGHBOUR_DAYS = 1;

export const riskCandidateOf = (
  expense: ExpenseDetails & { readonly id: string; readonly submitterId: string },
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

export type DetailsReview = {
  readonly policy: Policy;
  readonly measures: readonly BudgetMeasure[];
  readonly findings: readonly Finding[];
};

export async function reviewDetails(
  deps: LifecycleDeps,
  tx: Tx,
  input: {
    readonly organisationId: string;
    readonly expenseId: string;
    readonly submitterId: string;
    readonly details: ExpenseDetails;
    readonly client: ClientRecord;
    readonly project: ProjectRecord | undefined;
    /** Today in the client's time zone. */
    readonly today: string;
    readonly override: boolean;
    readonly actorCanOverride: boolean;
  },
): Promise<DetailsReview> {
  const { organisationId: org, details, client } = input;
  const settings = await deps.policies.settings(tx, org, client.id);
  const policy = policyForClient(client.currency, settings.organisation, settings.client);
  const measures = await measureBudgets(deps, tx, {
    organisationId: org,
    clientId: client.id,
    project: input.project,
    categoryCode: details.categoryCode,
    incurredOn: details.incurredOn,
    today: input.today,
    newAmountMinor: details.clientAmount.amountMinor,
    override: input.override,
    actorCanOverride: input.actorCanOverride,
    excludeExpenseId: input.expenseId,
  });
  const receiptSha256 = (await deps.receipts.forExpense(tx, org, input.expenseId)).map((r) => r.sha256);
  const [neighbours, history] = await Promise.all([
    deps.expenses.neighbours(tx, org, {
      clientId: client.id,
      from: addDays(details.incurredOn, -NEIGHBOUR_DAYS),
      through: addDays(details.incurredOn, NEIGHBOUR_DAYS),
      receiptSha256,
      invoiceNumber: details.invoiceNumber,
    }),
    deps.expenses.categoryHistory(tx, org, client.id, details.categoryCode, 200),
  ]);
  const findings = assessExpense({
    candidate: riskCandidateOf(
      { ...details, id: input.expenseId, submitterId: input.submitterId },
      receiptSha256,
    ),
    policy,
    budgetEvaluations: measures.map((m) => m.evaluation),
    recentSimilar: neighbours,
    history: history.filter((h) => h.id !== input.expenseId),
    today: input.today,
  });
  return { policy, measures, findings };
}
