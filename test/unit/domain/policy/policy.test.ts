import { describe, expect, it } from 'vitest';
import { effectivePolicy } from '../../../../src/domain/policy/effective-policy.js';
import {
  type ApprovalTier,
  categoryRules,
  defaultPolicy,
  type Policy,
  stagesForAmount,
  tierLimitFor,
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
    expect(stagesForAmount(amount, cny)).toBe(stages);
  });

  it('scales its major-unit limits to the currency: ¥500 is 500 minor units in JPY', () => {
    const jpy = defaultPolicy(0);
    expect(stagesForAmount(500, jpy)).toBe(1);
    expect(stagesForAmount(501, jpy)).toBe(2);
    expect(jpy.receiptThresholdMinor).toBe(100);
  });

  it('names the tier limit an amount falls under', () => {
    expect(tierLimitFor(48_000, cny)).toBe(50_000);
    expect(tierLimitFor(60_000, cny)).toBe(500_000);
    expect(tierLimitFor(600_000, cny)).toBeNull();
  });
});

describe('validatePolicy', () => {
  const base = defaultPolicy(2);
  it.each<[string, Policy]>([
    ['TIERS_MUST_END_UNBOUNDED', { ...base, tiers: [{ upToMinor: 100, stages: 1 }] }],
    [
      'TIER_LIMITS_MUST_RISE',
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
    ['STAGES_OUT_OF_RANGE', { ...base, tiers: [{ upToMinor: null, stages: 4 } as unknown as ApprovalTier] }],
    [
      'STAGES_MUST_NOT_FALL',
      {
        ...base,
        tiers: [
          { upToMinor: 100, stages: 2 },
          { upToMinor: null, stages: 1 },
        ],
      },
    ],
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
