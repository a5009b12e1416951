import { describe, expect, it } from 'vitest';
import { reviseBudget } from '../../../../src/domain/budgets/revise-budget.js';
import type { CurrencyCode } from '../../../../src/domain/money/money.js';
import { aBudget, CNY } from './budget-fixtures.js';

const who = { by: 'member-fin-1', at: '2026-03-15T08:00:00Z', reason: 'Scope extended to phase 2' };

describe('reviseBudget', () => {
  it('Given a new amount, Then the budget changes and the revision records before, after, who, when and why', () => {
    const budget = aBudget(100_000, 'warn');
    const result = reviseBudget(budget, { ...who, amount: { amountMinor: 150_000, currency: CNY } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.budget).toEqual({ ...budget, amount: { amountMinor: 150_000, currency: CNY } });
    expect(result.value.revision).toEqual({
      budgetId: 'bud-acme-monthly',
      by: 'member-fin-1',
      at: '2026-03-15T08:00:00Z',
      reason: 'Scope extended to phase 2',
      changed: ['amount'],
      before: {
        amount: { amountMinor: 100_000, currency: CNY },
        thresholdsPercent: [50, 80, 100],
        action: 'warn',
      },
      after: {
        amount: { amountMinor: 150_000, currency: CNY },
        thresholdsPercent: [50, 80, 100],
        action: 'warn',
      },
    });
    expect(budget.amount.amountMinor).toBe(100_000);
  });

  it('Given thresholds and action, Then thresholds are normalised and both are recorded as changed', () => {
    const result = reviseBudget(aBudget(100_000), { ...who, thresholds: [90, 75], action: 'block' });
    expect(result.ok && result.value.revision.changed).toEqual(['thresholdsPercent', 'action']);
    expect(result.ok && result.value.budget).toMatchObject({ thresholdsPercent: [75, 90], action: 'block' });
  });

  it('Given no reason, Then it is refused', () => {
    const result = reviseBudget(aBudget(1), { ...who, reason: '  ', action: 'block' });
    expect(!result.ok && result.error.code).toBe('BUDGET_REVISION_REASON_REQUIRED');
  });

  it('Given values equal to the current ones, Then nothing is revised', () => {
    const result = reviseBudget(aBudget(1_000, 'warn'), {
      ...who,
      amount: { amountMinor: 1_000, currency: CNY },
      thresholds: [100, 80, 50],
      action: 'warn',
    });
    expect(!result.ok && result.error.code).toBe('BUDGET_REVISION_EMPTY');
  });

  it('Given an amount in another currency, Then it is refused rather than converted', () => {
    const result = reviseBudget(aBudget(1_000), {
      ...who,
      amount: { amountMinor: 1_000, currency: 'USD' as CurrencyCode },
    });
    expect(!result.ok && result.error).toEqual({
      code: 'BUDGET_CURRENCY_MISMATCH',
      details: { budgetId: 'bud-acme-monthly', budgetCurrency: 'CNY', given: 'USD' },
    });
  });

  it('Given an invalid amount or thresholds, Then the validation failure comes back', () => {
    const zero = reviseBudget(aBudget(1_000), { ...who, amount: { amountMinor: 0, currency: CNY } });
    expect(!zero.ok && zero.error.code).toBe('BUDGET_AMOUNT_INVALID');
    const bad = reviseBudget(aBudget(1_000), { ...who, thresholds: [0] });
    expect(!bad.ok && bad.error.code).toBe('BUDGET_THRESHOLDS_INVALID');
  });
});
