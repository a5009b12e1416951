import { describe, expect, it } from 'vitest';
import type { Budget } from '../../../../src/domain/budgets/budget.js';
import { chooseChartBudget } from '../../../../src/domain/exports/chart-budget.js';
import { asCurrencyCode } from '../../../../src/domain/money/currency.js';

const budget = (id: string, period: Budget['period'], extra: Partial<Budget> = {}): Budget => ({
  id,
  clientId: 'c1',
  period,
  amount: { amountMinor: 100_000, currency: asCurrencyCode('CNY') },
  thresholdsPercent: [50, 80, 100],
  action: 'warn',
  ...extra,
});

describe('the budget a chart measures against', () => {
  const budgets = [
    budget('yearly', 'yearly'),
    budget('monthly', 'monthly'),
    budget('project', 'monthly', { projectId: 'p1' }),
    budget('meals', 'monthly', { categoryCode: 'meals' }),
  ];

  it('is the narrowest client-wide budget whose period holds the whole range', () => {
    expect(chooseChartBudget(budgets, '2030-03-09', '2030-03-15')).toMatchObject({
      budget: { id: 'monthly' },
      period: { start: '2030-03-01', end: '2030-03-31' },
    });
    // A range across two months fits no monthly period: the year holds it.
    expect(chooseChartBudget(budgets, '2030-03-30', '2030-04-05')?.budget.id).toBe('yearly');
  });

  it('is none when no client-wide budget holds the range', () => {
    expect(chooseChartBudget(budgets.slice(1), '2030-03-30', '2030-04-05')).toBeUndefined();
    expect(chooseChartBudget([], '2030-03-01', '2030-03-31')).toBeUndefined();
  });

  it("is the project's own budget for a project's chart, never the client's, else none", () => {
    expect(chooseChartBudget(budgets, '2030-03-09', '2030-03-15', 'p1')).toMatchObject({
      budget: { id: 'project' },
      period: { start: '2030-03-01', end: '2030-03-31' },
    });
    expect(
      chooseChartBudget(
        [...budgets, budget('p1-meals', 'monthly', { projectId: 'p1', categoryCode: 'meals' })],
        '2030-03-09',
        '2030-03-15',
        'p1',
      )?.budget.id,
    ).toBe('project');
    // Another project, or a range the project's monthly budget cannot hold: no line at all.
    expect(chooseChartBudget(budgets, '2030-03-09', '2030-03-15', 'p2')).toBeUndefined();
    expect(chooseChartBudget(budgets, '2030-03-30', '2030-04-05', 'p1')).toBeUndefined();
  });
});
