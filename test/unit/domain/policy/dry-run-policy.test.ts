import { describe, expect, it } from 'vitest';
import type { Budget } from '../../../../src/domain/budgets/budget.js';
import type { CurrencyCode } from '../../../../src/domain/money/money.js';
import { periodContaining } from '../../../../src/domain/periods/budget-period.js';
import { type DryRunInput, dryRunPolicy } from '../../../../src/domain/policy/dry-run-policy.js';
import { defaultPolicy, type Policy } from '../../../../src/domain/policy/policy.js';

const CNY = 'CNY' as CurrencyCode;
const policy: Policy = {
  ...defaultPolicy(2),
  autoApproveLimitMinor: 20_000,
  categoryLimits: new Map([['meals', 30_000]]),
  prohibitedCategories: new Set(['entertainment']),
};
const base: DryRunInput = {
  amountMinor: 15_050,
  currency: CNY,
  currencyExponent: 2,
  categoryText: '#餐饮',
  policy,
  today: '2026-03-04',
};
const budget = (action: Budget['action']): Budget => ({
  id: 'acme-march',
  clientId: 'acme',
  period: 'monthly',
  amount: { amountMinor: 100_000, currency: CNY },
  thresholdsPercent: [50, 80, 100],
  action,
});
const nearlyFull = (action: Budget['action']) => ({
  budget: budget(action),
  consumption: { actualMinor: 60_000, committedMinor: 30_000 },
  period: periodContaining('monthly', '2026-03-04'),
});

describe('dryRunPolicy', () => {
  it('Given a small clean meal, Then it would be auto-approved unless sampled, with one stage otherwise', () => {
    const result = dryRunPolicy(base);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      verdict: 'auto-approve-unless-sampled',
      category: { code: 'meals' },
      prohibited: false,
      categoryLimitMinor: 30_000,
      overCategoryLimit: false,
      receiptThresholdMinor: 10_000,
      receiptRequired: true,
      tierStages: 1,
      tierLimitMinor: 50_000,
      financeStageAppended: false,
      totalStages: 1,
      autoApproval: { eligible: true },
      auditSampleBasisPoints: 500,
      findings: [],
    });
  });

  it('Given an amount over the category limit, Then it explains the limit and needs the chain', () => {
    const result = dryRunPolicy({ ...base, amountMinor: 60_000 });
    expect(result.ok && result.value).toMatchObject({
      verdict: 'approval-chain',
      overCategoryLimit: true,
      tierStages: 2,
      stages: [
        { index: 1, kind: 'approvers', label: 'initial' },
        { index: 2, kind: 'approvers', label: 'final' },
      ],
      autoApproval: { eligible: false, reason: 'ABOVE_AUTO_APPROVE_LIMIT' },
    });
    expect(result.ok && result.value.findings.map((f) => f.code)).toEqual([
      'OVER_CATEGORY_LIMIT',
      'ROUND_NUMBER',
    ]);
  });

  it('Given a prohibited category, Then the high finding rules out auto-approval', () => {
    const result = dryRunPolicy({ ...base, categoryText: '招待' });
    expect(result.ok && result.value).toMatchObject({
      verdict: 'approval-chain',
      prohibited: true,
      autoApproval: { eligible: false, reason: 'HAS_FINDINGS' },
    });
  });

  it('Given an escalate budget it would exceed, Then a finance stage is added to the chain', () => {
    const result = dryRunPolicy({ ...base, amountMinor: 15_000, budgets: [nearlyFull('escalate')] });
    expect(result.ok && result.value).toMatchObject({
      verdict: 'approval-chain',
      financeStageAppended: true,
      totalStages: 2,
      stages: [
        { index: 1, kind: 'approvers', label: 'approval' },
        { index: 2, kind: 'finance', label: 'finance' },
      ],
    });
    expect(result.ok && result.value.budgetEvaluations[0]).toMatchObject({
      outcome: 'escalate',
      willExceedByMinor: 5_000,
    });
  });

  it('Given a block budget it would exceed, Then it would be refused, naming who can raise the budget', () => {
    const result = dryRunPolicy({ ...base, amountMinor: 15_000, budgets: [nearlyFull('block')] });
    expect(result.ok && result.value.verdict).toBe('refused');
    expect(result.ok && result.value.refusal).toMatchObject({
      code: 'BUDGET_WOULD_BE_EXCEEDED',
      details: { exceedByMinor: 5_000, canRaise: 'finance,admin' },
    });
  });

  it('Given finance testing with override, Then it would pass with a finance stage', () => {
    const result = dryRunPolicy({
      ...base,
      amountMinor: 15_000,
      budgets: [nearlyFull('block')],
      override: true,
      actorCanOverride: true,
    });
    expect(result.ok && result.value).toMatchObject({
      verdict: 'approval-chain',
      financeStageAppended: true,
    });
  });

  it('Given an unknown category, Then it fails with UNKNOWN_CATEGORY', () => {
    const result = dryRunPolicy({ ...base, categoryText: '#yachts' });
    expect(!result.ok && result.error.code).toBe('UNKNOWN_CATEGORY');
  });
});
