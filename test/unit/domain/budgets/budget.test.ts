import { describe, expect, it } from 'vitest';
import { budgetApplies, budgetsApplying, createBudget } from '../../../../src/domain/budgets/budget.js';
import { describeBudgetImpact } from '../../../../src/domain/budgets/budget-impact.js';
import { clientFacingConsumption, internalConsumption } from '../../../../src/domain/budgets/consumption.js';
import { periodContaining } from '../../../../src/domain/periods/budget-period.js';
import { aBudget, CNY } from './budget-fixtures.js';

describe('createBudget', () => {
  it('Given no thresholds or action, Then it defaults to 50 / 80 / 100 % and warn', () => {
    const result = createBudget({
      id: 'b1',
      clientId: 'acme',
      period: 'monthly',
      amount: { amountMinor: 100, currency: CNY },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        id: 'b1',
        clientId: 'acme',
        period: 'monthly',
        amount: { amountMinor: 100, currency: CNY },
        thresholdsPercent: [50, 80, 100],
        action: 'warn',
      },
    });
  });

  it('keeps project and category scope and sorts the thresholds', () => {
    const result = createBudget({
      id: 'b2',
      clientId: 'acme',
      projectId: 'website',
      categoryCode: 'travel',
      period: 'total',
      amount: { amountMinor: 100, currency: CNY },
      thresholdsPercent: [90, 75, 90],
      action: 'block',
    });
    expect(result.ok && result.value).toMatchObject({
      projectId: 'website',
      categoryCode: 'travel',
      thresholdsPercent: [75, 90],
    });
  });

  it.each([0, -5, 1.5, 2 ** 52])(
    'Given an amount of %d, Then it is refused as BUDGET_AMOUNT_INVALID',
    (amountMinor) => {
      const result = createBudget({
        id: 'b',
        clientId: 'acme',
        period: 'monthly',
        amount: { amountMinor, currency: CNY },
      });
      expect(!result.ok && result.error.code).toBe('BUDGET_AMOUNT_INVALID');
    },
  );

  it.each([[[]], [[0]], [[50.5]], [[1001]]])(
    'Given thresholds %o, Then they are refused',
    (thresholdsPercent) => {
      const result = createBudget({
        id: 'b',
        clientId: 'acme',
        period: 'monthly',
        amount: { amountMinor: 100, currency: CNY },
        thresholdsPercent,
      });
      expect(!result.ok && result.error.code).toBe('BUDGET_THRESHOLDS_INVALID');
    },
  );
});

describe('budgetApplies', () => {
  const clientWide = aBudget(1_000);
  const website = aBudget(1_000, 'warn', { id: 'web', projectId: 'website' });
  const travel = aBudget(1_000, 'warn', { id: 'travel', categoryCode: 'travel' });
  const websiteTravel = aBudget(1_000, 'warn', {
    id: 'web-travel',
    projectId: 'website',
    categoryCode: 'travel',
  });

  it('Given a client-wide budget, Then it covers every project and category of that client only', () => {
    expect(budgetApplies(clientWide, { clientId: 'acme', projectId: 'website', categoryCode: 'meals' })).toBe(
      true,
    );
    expect(budgetApplies(clientWide, { clientId: 'globex' })).toBe(false);
  });

  it('Given narrower budgets, Then each covers its own project and category', () => {
    const scope = { clientId: 'acme', projectId: 'website', categoryCode: 'travel' };
    expect(budgetsApplying([clientWide, website, travel, websiteTravel], scope).map((b) => b.id)).toEqual([
      'bud-acme-monthly',
      'web',
      'travel',
      'web-travel',
    ]);
    const otherProject = { clientId: 'acme', projectId: 'app', categoryCode: 'travel' };
    expect(
      budgetsApplying([clientWide, website, travel, websiteTravel], otherProject).map((b) => b.id),
    ).toEqual(['bud-acme-monthly', 'travel']);
    expect(budgetApplies(website, { clientId: 'acme' })).toBe(false);
  });
});

describe('consumption measures', () => {
  const budget = aBudget(10_000);
  const consumption = { actualMinor: 4_000, committedMinor: 5_000 };

  it('Given approved and pending spend, Then internal views count both', () => {
    expect(internalConsumption(budget, consumption)).toEqual({
      budgetId: 'bud-acme-monthly',
      measure: 'internal',
      consumedMinor: 9_000,
      budgetMinor: 10_000,
      currency: CNY,
      percentBp: 9_000,
      remainingMinor: 1_000,
      overByMinor: 0,
      reachedThresholds: [50, 80],
    });
  });

  it('Given the same spend, Then client-facing views count approved spend only', () => {
    expect(clientFacingConsumption(budget, consumption)).toMatchObject({
      measure: 'client-facing',
      consumedMinor: 4_000,
      percentBp: 4_000,
      reachedThresholds: [],
    });
  });
});

describe('describeBudgetImpact', () => {
  it('Given the card example, Then it brings the budget to 87 % and projects 104 % by 31 March', () => {
    const impact = describeBudgetImpact({
      budget: aBudget(100_000, 'warn'),
      consumption: { actualMinor: 35_700, committedMinor: 41_300 },
      newAmountMinor: 10_000,
      period: periodContaining('monthly', '2026-03-21'),
      today: '2026-03-21',
    });
    expect(impact).toMatchObject({
      periodKey: '2026-03',
      periodEnd: '2026-03-31',
      percentNowBp: 7_700,
      percentAfterBp: 8_700,
      forecastPercentBp: 10_400,
    });
    expect(impact.forecast).toMatchObject({
      projectedMinor: 104_000,
      committedMinor: 51_300,
      elapsedDays: 21,
    });
    expect(impact.willExceedByMinor).toBeUndefined();
  });

  it('Given an item that takes it over, Then it says by how much', () => {
    const impact = describeBudgetImpact({
      budget: aBudget(1_000),
      consumption: { actualMinor: 900, committedMinor: 0 },
      newAmountMinor: 250,
      period: periodContaining('monthly', '2026-03-21'),
      today: '2026-03-21',
    });
    expect(impact.willExceedByMinor).toBe(150);
  });
});
