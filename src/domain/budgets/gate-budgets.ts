// Measures an item against every budget it falls under, in the budget's own period around the item's date:
// the evaluations decide warn / escalate / block, the impacts are what approval cards show.
import { periodContaining } from '../periods/budget-period.js';
import type { PeriodRange } from '../periods/period-range.js';
import type { BudgetRepository } from '../ports/budget-repository.port.js';
import type { ProjectRecord } from '../ports/directory.port.js';
import type { ExpenseRepository } from '../ports/expense-repository.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import { type Budget, budgetsApplying } from './budget.js';
import { type BudgetImpact, describeBudgetImpact } from './budget-impact.js';
import { type BudgetEvaluation, evaluateNewExpense } from './evaluate-new-expense.js';

export type BudgetGateInput = {
  readonly organisationId: string;
  readonly clientId: string;
  readonly project: ProjectRecord | undefined;
  readonly categoryCode: string;
  readonly incurredOn: string;
  readonly today: string;
  readonly newAmountMinor: number;
  readonly override: boolean;
  readonly actorCanOverride: boolean;
  readonly excludeExpenseId?: string;
};

export type BudgetMeasure = {
  readonly budget: Budget;
  readonly period: PeriodRange;
  readonly evaluation: BudgetEvaluation;
  readonly impact: BudgetImpact;
};

export async function measureBudgets(
  deps: { readonly budgets: BudgetRepository; readonly expenses: ExpenseRepository },
  tx: Tx,
  input: BudgetGateInput,
): Promise<readonly BudgetMeasure[]> {
  const all = await deps.budgets.forClient(tx, input.organisationId, input.clientId);
  const applying = budgetsApplying(all, {
    clientId: input.clientId,
    projectId: input.project?.id,
    categoryCode: input.categoryCode,
  });
  const measures: BudgetMeasure[] = [];
  for (const budget of applying) {
    const engagement = budget.projectId && input.project ? engagementOf(input.project) : undefined;
    const period = periodContaining(budget.period, input.incurredOn, engagement);
    const consumption = await deps.expenses.consumption(tx, input.organisationId, {
      clientId: budget.clientId,
      projectId: budget.projectId,
      categoryCode: budget.categoryCode,
      from: period.start,
      through: period.end,
      excludeExpenseId: input.excludeExpenseId,
    });
    const evaluation = evaluateNewExpense({
      budget,
      consumption,
      newAmountMinor: input.newAmountMinor,
      override: input.override,
      actorCanOverride: input.actorCanOverride,
      period,
    });
    const impact = describeBudgetImpact({
      budget,
      consumption,
      newAmountMinor: input.newAmountMinor,
      period,
      today: input.today,
    });
    measures.push({ budget, period, evaluation, impact });
  }
  return measures;
}

function engagementOf(project: ProjectRecord) {
  return {
    ...(project.startOn === undefined ? {} : { start: project.startOn }),
    ...(project.endOn === undefined ? {} : { end: project.endOn }),
  };
}
