// Which budget a chart's "cumulative spend against budget" line measures: the client-wide budget (no project, no
// category) whose period holding the first day also holds the last, the narrowest such one. A project's chart
// measures against that project's own budget (no category) or draws no budget line: the client's whole budget
// against one project's spend would read as far more headroom than there is. A weekly chart under a
// monthly budget therefore starts from what the month had already spent, which is what "against budget" means.
import type { Budget } from '../budgets/budget.js';
import { periodContaining } from '../periods/budget-period.js';
import type { IsoDate } from '../periods/calendar-date.js';
import type { PeriodRange } from '../periods/period-range.js';

export type ChartBudget = {
  readonly budget: Budget;
  readonly period: PeriodRange;
};

export const chooseChartBudget = (
  budgets: readonly Budget[],
  from: IsoDate,
  through: IsoDate,
  projectId?: string | undefined,
): ChartBudget | undefined => {
  let chosen: ChartBudget | undefined;
  for (const budget of budgets) {
    if (budget.projectId !== projectId || budget.categoryCode !== undefined) continue;
    const period = periodContaining(budget.period, from);
    if (period.start > from || period.end < through) continue;
    if (chosen === undefined || period.start > chosen.period.start || period.end < chosen.period.end) {
      chosen = { budget, period };
    }
  }
  return chosen;
};
