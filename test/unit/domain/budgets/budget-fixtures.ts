import type { Budget, BudgetAction } from '../../../../src/domain/budgets/budget.js';
import type { CurrencyCode } from '../../../../src/domain/money/money.js';

export const CNY = 'CNY' as CurrencyCode;

export const aBudget = (
  amountMinor: number,
  action: BudgetAction = 'warn',
  overrides: Partial<Budget> = {},
): Budget => ({
  id: 'bud-acme-monthly',
  clientId: 'acme',
  period: 'monthly',
  amount: { amountMinor, currency: CNY },
  thresholdsPercent: [50, 80, 100],
  action,
  ...overrides,
});
