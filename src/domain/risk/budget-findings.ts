import type { BudgetEvaluation } from '../budgets/evaluate-new-expense.js';
import type { Finding } from './finding.js';

/**
 * One finding per budget the item takes past 100 %. Severity is high when approved spend alone plus the item
 * exceeds it (the overspend is certain), warn when it is pending spend that pushes it over.
 */
export const checkBudgets = (evaluations: readonly BudgetEvaluation[]): Finding[] =>
  evaluations.flatMap((evaluation): Finding[] => {
    if (evaluation.willExceedByMinor === undefined || evaluation.newAmountMinor <= 0) return [];
    const certain = evaluation.actualMinor + evaluation.newAmountMinor > evaluation.budgetMinor;
    return [
      {
        code: 'OVER_BUDGET',
        severity: certain ? 'high' : 'warn',
        evidence: {
          budgetId: evaluation.budgetId,
          ...(evaluation.periodKey === undefined ? {} : { periodKey: evaluation.periodKey }),
          basis: certain ? 'actual' : 'committed',
          budgetMinor: evaluation.budgetMinor,
          actualMinor: evaluation.actualMinor,
          committedMinor: evaluation.committedMinor,
          amountMinor: evaluation.newAmountMinor,
          exceedByMinor: evaluation.willExceedByMinor,
          percentAfterBp: evaluation.percentAfterBp,
          outcome: evaluation.outcome,
          currency: evaluation.currency,
        },
      },
    ];
  });
