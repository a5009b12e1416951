// What the periodic sweep decides for one budget: thresholds reached under each measure, and whether the pace
// projects past the budget.
import { describe, expect, it } from 'vitest';
import { createBudget } from '../../../../src/domain/budgets/budget.js';
import { clientFacingConsumption, internalConsumption } from '../../../../src/domain/budgets/consumption.js';
import { forecastPeriodEnd, forecastWarning } from '../../../../src/domain/budgets/forecast.js';
import { asCurrencyCode } from '../../../../src/domain/money/currency.js';

const budget = (() => {
  const created = createBudget({
    id: 'b1',
    clientId: 'c1',
    period: 'monthly',
    amount: { amountMinor: 200_000, currency: asCurrencyCode('CNY') },
    thresholdsPercent: [20, 50, 80],
  });
  if (!created.ok) throw new Error('bad budget');
  return created.value;
})();

describe('the thresholds a sweep claims', () => {
  it('Given approved 480 and pending 1 234 of 2 000, Then internal reaches 20/50/80 and client-facing only 20', () => {
    const consumption = { actualMinor: 48_000, committedMinor: 123_400 };
    expect(internalConsumption(budget, consumption).reachedThresholds).toEqual([20, 50, 80]);
    expect(clientFacingConsumption(budget, consumption).reachedThresholds).toEqual([20]);
  });

  it('Given pending spend only, Then a client channel hears of nothing', () => {
    expect(
      clientFacingConsumption(budget, { actualMinor: 0, committedMinor: 190_000 }).reachedThresholds,
    ).toEqual([]);
  });
});

describe('the forecast a sweep warns about', () => {
  const project = (actualMinor: number, committedMinor: number, today: string) =>
    forecastPeriodEnd({
      actualMinor,
      committedMinor,
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      today,
    });

  it('Given 480 approved by the 10th of a 31-day month, Then the pace projects 1 488 and a 1 000 budget warns', () => {
    const forecast = project(48_000, 0, '2026-03-10');
    expect(forecast.projectedMinor).toBe(148_800);
    expect(forecastWarning(forecast, 100_000)).toMatchObject({
      overByMinor: 48_800,
      forecastPercentBp: 14_880,
    });
  });

  it('Given a projection of exactly the budget, Then there is no warning (on budget is not over it)', () => {
    expect(forecastWarning(project(31_000, 0, '2026-03-31'), 31_000)).toBeUndefined();
  });
});
