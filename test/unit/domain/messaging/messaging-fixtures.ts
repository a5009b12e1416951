import { type BudgetImpact, describeBudgetImpact } from '../../../../src/domain/budgets/budget-impact.js';
import type { PendingExpense } from '../../../../src/domain/expenses/expense.js';
import type { ApprovalCardInput } from '../../../../src/domain/messaging/render-approval-card.js';
import type { CurrencyCode, Money } from '../../../../src/domain/money/money.js';
import { monthContaining } from '../../../../src/domain/periods/calendar-periods.js';
import type { Finding } from '../../../../src/domain/risk/finding.js';

export const CNY = 'CNY' as CurrencyCode;
export const USD = 'USD' as CurrencyCode;
export const cny = (amountMinor: number): Money => ({ amountMinor, currency: CNY });
export const usd = (amountMinor: number): Money => ({ amountMinor, currency: USD });

export const SHANGHAI = 'Asia/Shanghai';

/** $66.44 paid for a team lunch, CN¥480.00 at 7.2245, waiting on stage 1 of 2 at version 3. */
export const pendingLunch = (overrides: Partial<PendingExpense> = {}): PendingExpense => ({
  id: 'ACME-7K3Q',
  clientId: 'c-acme',
  categoryCode: 'meals',
  original: usd(6_644),
  clientAmount: cny(48_000),
  rate: '7.2245',
  rateDate: '2026-03-02',
  incurredOn: '2026-03-02',
  description: 'Team lunch with the client',
  paymentMethod: 'personal',
  billable: true,
  submitterId: 'm-wei',
  version: 3,
  approvalRound: 1,
  status: 'pending',
  stage: 1,
  stageCount: 2,
  financeStage: false,
  ...overrides,
});

/** Three CN¥480.00 lunches on 2 March where one approval tier stops at CN¥500.00. */
export const splitFinding: Finding = {
  code: 'SPLIT_SUSPECTED',
  severity: 'warn',
  evidence: {
    count: 3,
    date: '2026-03-02',
    category: 'meals',
    minItemMinor: 48_000,
    maxItemMinor: 48_000,
    tierLimitMinor: 50_000,
    totalMinor: 144_000,
    currency: 'CNY',
    otherIds: 'ACME-AB12,ACME-CD34',
  },
};

export const roundFinding: Finding = {
  code: 'ROUND_NUMBER',
  severity: 'info',
  evidence: { amountMinor: 48_000, currency: 'CNY', multipleOfMajor: 10 },
};

/**
 * Acme's March budget of CN¥30,000.00 on 25 March: CN¥20,241.94 approved, CN¥5,620.00 pending; the lunch brings
 * it to 87 % and the pace to 104 % by 31 March.
 */
export const marchImpact = (newAmountMinor = 48_000): BudgetImpact =>
  describeBudgetImpact({
    budget: {
      id: 'bud-acme-monthly',
      clientId: 'c-acme',
      period: 'monthly',
      amount: cny(3_000_000),
      thresholdsPercent: [50, 80, 100],
      action: 'warn',
    },
    consumption: { actualMinor: 2_024_194, committedMinor: 562_000 },
    newAmountMinor,
    period: monthContaining('2026-03-25'),
    today: '2026-03-25',
  });

export const approvalInput = (overrides: Partial<ApprovalCardInput> = {}): ApprovalCardInput => ({
  expense: pendingLunch(),
  submitterName: 'Wei Zhang',
  client: { name: 'Acme', code: 'acme' },
  categoryName: 'Meals',
  findings: [roundFinding, splitFinding],
  budgetImpacts: [{ scopeName: 'Acme', impact: marchImpact() }],
  receiptCount: 1,
  locale: 'en',
  timeZone: SHANGHAI,
  ...overrides,
});
