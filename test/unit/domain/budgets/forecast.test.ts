import { describe, expect, it } from 'vitest';
import { forecastPeriodEnd, forecastWarning } from '../../../../src/domain/budgets/forecast.js';
import { OPEN_END } from '../../../../src/domain/periods/period-range.js';

const march = { periodStart: '2026-03-01', periodEnd: '2026-03-31' };

describe('forecastPeriodEnd', () => {
  it('Given ¥100 approved over 10 days of March and ¥50 pending, Then it projects ¥310 + ¥50', () => {
    expect(
      forecastPeriodEnd({ ...march, actualMinor: 10_000, committedMinor: 5_000, today: '2026-03-10' }),
    ).toEqual({
      method: 'linear-pace',
      projectedMinor: 36_000,
      paceMinorPerDay: 1_000,
      elapsedDays: 10,
      totalDays: 31,
      actualMinor: 10_000,
      committedMinor: 5_000,
      periodEnd: '2026-03-31',
    });
  });

  it('Given day 1 of the period and no spend, Then the projection is what is pending', () => {
    const forecast = forecastPeriodEnd({
      ...march,
      actualMinor: 0,
      committedMinor: 2_000,
      today: '2026-03-01',
    });
    expect(forecast).toMatchObject({
      projectedMinor: 2_000,
      paceMinorPerDay: 0,
      elapsedDays: 1,
      totalDays: 31,
    });
  });

  it('Given day 1 with spend, Then the first day sets the pace for the whole month', () => {
    const forecast = forecastPeriodEnd({
      ...march,
      actualMinor: 1_000,
      committedMinor: 0,
      today: '2026-03-01',
    });
    expect(forecast.projectedMinor).toBe(31_000);
  });

  it('rounds half-up in integers: 1 minor unit over 2 days of 31 projects 15.5 → 16', () => {
    const forecast = forecastPeriodEnd({ ...march, actualMinor: 1, committedMinor: 0, today: '2026-03-02' });
    expect(forecast).toMatchObject({ projectedMinor: 16, paceMinorPerDay: 1 });
    const third = forecastPeriodEnd({ ...march, actualMinor: 100, committedMinor: 0, today: '2026-03-03' });
    expect(third.projectedMinor).toBe(1_033);
  });

  it('Given today before the period, Then nothing is extrapolated', () => {
    const forecast = forecastPeriodEnd({
      ...march,
      actualMinor: 500,
      committedMinor: 300,
      today: '2026-02-27',
    });
    expect(forecast).toMatchObject({ projectedMinor: 800, elapsedDays: 0 });
  });

  it('Given the period is over, Then the projection is the spend itself', () => {
    const forecast = forecastPeriodEnd({
      ...march,
      actualMinor: 9_999,
      committedMinor: 1,
      today: '2026-04-15',
    });
    expect(forecast).toMatchObject({ projectedMinor: 10_000, elapsedDays: 31 });
  });

  it('Given an engagement without an end, Then it reports spend so far rather than inventing a pace', () => {
    const forecast = forecastPeriodEnd({
      periodStart: '2026-01-01',
      periodEnd: OPEN_END,
      actualMinor: 700,
      committedMinor: 300,
      today: '2026-03-01',
    });
    expect(forecast).toMatchObject({ method: 'spent-so-far', projectedMinor: 1_000 });
  });

  it('stays exact for large amounts', () => {
    const forecast = forecastPeriodEnd({
      ...march,
      actualMinor: 2 ** 50,
      committedMinor: 0,
      today: '2026-03-31',
    });
    expect(forecast.projectedMinor).toBe(2 ** 50);
  });
});

describe('forecastWarning', () => {
  it('Given a projection past 100 %, Then it warns with the overrun and the percentage', () => {
    const forecast = forecastPeriodEnd({
      ...march,
      actualMinor: 10_000,
      committedMinor: 5_000,
      today: '2026-03-10',
    });
    expect(forecastWarning(forecast, 35_000)).toEqual({
      projectedMinor: 36_000,
      budgetMinor: 35_000,
      overByMinor: 1_000,
      forecastPercentBp: 10_285,
      periodEnd: '2026-03-31',
    });
  });

  it('Given a projection of exactly 100 %, Then there is no warning', () => {
    const forecast = forecastPeriodEnd({
      ...march,
      actualMinor: 10_000,
      committedMinor: 5_000,
      today: '2026-03-10',
    });
    expect(forecastWarning(forecast, 36_000)).toBeUndefined();
  });
});
