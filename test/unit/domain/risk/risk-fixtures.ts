import type { CurrencyCode } from '../../../../src/domain/money/money.js';
import { defaultPolicy, type Policy } from '../../../../src/domain/policy/policy.js';
import type { NeighbourExpense, RiskCandidate } from '../../../../src/domain/risk/risk-inputs.js';

export const CNY = 'CNY' as CurrencyCode;
export const USD = 'USD' as CurrencyCode;
export const TODAY = '2026-03-04';

/** A clean candidate: ¥45.80 of meals on Monday 2 March 2026 with a receipt. */
export const aCandidate = (overrides: Partial<RiskCandidate> = {}): RiskCandidate => ({
  submitterId: 'alice',
  clientId: 'acme',
  categoryCode: 'meals',
  amount: { amountMinor: 4_580, currency: CNY },
  amountExponent: 2,
  clientAmountMinor: 4_580,
  clientCurrency: CNY,
  incurredOn: '2026-03-02',
  receiptSha256: ['aa11'],
  ...overrides,
});

export const aNeighbour = (id: string, overrides: Partial<NeighbourExpense> = {}): NeighbourExpense => ({
  id,
  submitterId: 'alice',
  clientId: 'acme',
  categoryCode: 'meals',
  amount: { amountMinor: 4_580, currency: CNY },
  clientAmountMinor: 4_580,
  incurredOn: '2026-03-02',
  receiptSha256: [],
  status: 'pending',
  ...overrides,
});

export const aPolicy = (overrides: Partial<Policy> = {}): Policy => ({ ...defaultPolicy(2), ...overrides });
