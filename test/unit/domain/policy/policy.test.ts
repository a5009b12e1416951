import { describe, expect, it } from 'vitest';
import {
  type ApprovalTier,
  stagesForAmount,
  tierLimitFor,
} from '../../../../src/domain/approvals/approval-tiers.js';
import { effectivePolicy } from '../../../../src/domain/policy/effective-policy.js';
import {
  categoryRules,
  defaultPolicy,
  type Policy,
  validatePolicy,
} from '../../../../src/domain/policy/policy.js';

describe('defaultPolicy', () => {
  const cny = defaultPolicy(2);

  it('holds the documented defaults', () => {
    expect(cny).toMatchObject({
      receiptThresholdMinor: 10_000,
      maxAgeDays: 60,
      auditSampleBasisPoints: 500,
      reminderHours: 24,
      escalationHours: 72,
    });
    expect(cny.autoApproveLimitMinor).toBeUndefined();
    expect(validatePolicy(cny).ok).toBe(true);
  });

  it.each([
    [1, 1],
    [50_000, 1],
    [50_001, 2],
    [500_000, 2],
    [500_001, 3],
  ])('Given ¥%i minor in CNY, Then %i approval stages', (amount, stages) => {
    expect(stagesForAmount(amount, cny.tiers)).toBe(stages);
  });

  it('scales its major-unit limits to the currency: ¥500 is 500 minor units in JPY', () => {
    const jpy = defaultPolicy(0);
    expect(stagesForAmount(500, jpy.tiers)).toBe(1);
    expect(stagesForAmount(501, jpy.tiers)).toBe(2);
    expect(jpy.receiptThresholdMinor).toBe(100);
  });

  it('names the tier limit an amount falls under', () => {
    expect(tierLimitFor(48_000, cny.tiers)).toBe(50_000);
    expect(tierLimitFor(60_000, cny.tiers)).toBe(500_000);
    expect(tierLimitFor(600_000, cny.tiers)).toBeNull();
  });
});

describe('validatePolicy', () => {
  const base = defaultPolicy(2);
  // The tiers are judged by approval-tiers.ts's checkTiers, the one tier validator, under its own code.
  it.each<[string, Policy]>([
    ['no-unlimited-tier', { ...base, tiers: [{ upToMinor: 100, stages: 1 }] }],
    [
      'not-rising',
      {
        ...base,
        tiers: [
          { upToMinor: 100, stages: 1 },
          { upToMinor: 100, stages: 2 },
          { upToMinor: null, stages: 3 },
        ],
      },
    ],
    // Stored settings can hold what the type forbids.
    ['stages', { ...base, tiers: [{ upToMinor: null, stages: 4 } as unknown as ApprovalTier] }],
    [
      'stages-fall',
      {
        ...base,
        tiers: [
          { upToMinor: 100, stages: 2 },
          { upToMinor: null, stages: 1 },
        ],
      },
    ],
  ])('Given tiers with a problem, Then they are refused as INVALID_TIERS %s', (problem, policy) => {
    const result = validatePolicy(policy);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_TIERS', details: { problem } } });
  });

  it.each<[string, Policy]>([
    ['AUDIT_SAMPLE_OUT_OF_RANGE', { ...base, auditSampleBasisPoints: 10_001 }],
    ['AMOUNT_INVALID', { ...base, autoApproveLimitMinor: -1 }],
    ['MAX_AGE_INVALID', { ...base, maxAgeDays: 0 }],
    ['HOURS_INVALID', { ...base, reminderHours: 0 }],
  ])('Given a policy with a problem, Then it is refused as %s', (problem, policy) => {
    expect(validatePolicy(policy)).toEqual({
      ok: false,
      error: { code: 'POLICY_INVALID', details: { problem } },
    });
  });
});

describe('effectivePolicy', () => {
  const org: Policy = {
    ...defaultPolicy(2),
    autoApproveLimitMinor: 20_000,
    categoryLimits: new Map([
      ['meals', 30_000],
      ['lodging', 80_000],
    ]),
    prohibitedCategories: new Set(['entertainment']),
  };

  it('Given no overrides, Then the organisation policy applies', () => {
    expect(effectivePolicy(org)).toEqual(org);
  });

  it('Given client overrides, Then they win, null removes and false allows', () => {
    const policy = effectivePolicy(org, {
      receiptThresholdMinor: 5_000,
      autoApproveLimitMinor: null,
      categoryLimits: new Map<string, number | null>([
        ['meals', 40_000],
        ['lodging', null],
      ]),
      prohibitedCategories: new Map([
        ['entertainment', false],
        ['other', true],
      ]),
    });
    expect(policy.receiptThresholdMinor).toBe(5_000);
    expect(policy.autoApproveLimitMinor).toBeUndefined();
    expect([...policy.categoryLimits]).toEqual([['meals', 40_000]]);
    expect([...policy.prohibitedCategories]).toEqual(['other']);
    expect(policy.maxAgeDays).toBe(60);
    expect(org.categoryLimits.get('lodging')).toBe(80_000);
  });

  it('Given category settings, Then they win over the client layer', () => {
    const policy = effectivePolicy(
      org,
      { categoryLimits: new Map([['meals', 40_000]]) },
      new Map([['meals', { limitMinor: 25_000, receiptThresholdMinor: 0, prohibited: true }]]),
    );
    expect(categoryRules(policy, 'meals')).toEqual({
      categoryCode: 'meals',
      limitMinor: 25_000,
      receiptThresholdMinor: 0,
      prohibited: true,
    });
    expect(categoryRules(policy, 'travel')).toEqual({
      categoryCode: 'travel',
      receiptThresholdMinor: 10_000,
      prohibited: false,
    });
  });
});
