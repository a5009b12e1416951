import { describe, expect, it } from 'vitest';
import { shouldAutoApprove } from '../../../../src/domain/policy/auto-approve.js';
import { defaultPolicy, type Policy } from '../../../../src/domain/policy/policy.js';
import type { Finding } from '../../../../src/domain/risk/finding.js';

const policy: Policy = { ...defaultPolicy(2), autoApproveLimitMinor: 20_000 };
const weekend: Finding = {
  code: 'WEEKEND',
  severity: 'info',
  evidence: { date: '2026-03-07', isoWeekday: 6 },
};
const missing: Finding = { code: 'MISSING_RECEIPT', severity: 'warn', evidence: { amountMinor: 15_000 } };

/** A seeded generator (mulberry32) drawing integers 0..9999. */
const seededSample = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % 10_000) as number;
  };
};

const never = (): number => {
  throw new Error('the sample must not be drawn');
};

describe('shouldAutoApprove', () => {
  it('Given no auto-approve limit, Then everything follows the chain and no sample is drawn', () => {
    expect(
      shouldAutoApprove({ amountMinor: 100, findings: [], policy: defaultPolicy(2), sample: never }),
    ).toBe('normal');
  });

  it('Given an amount above the limit, Then it follows the chain', () => {
    expect(shouldAutoApprove({ amountMinor: 20_001, findings: [], policy, sample: never })).toBe('normal');
  });

  it('Given an amount at the limit with only info findings and an unlucky draw, Then it is approved at once', () => {
    expect(shouldAutoApprove({ amountMinor: 20_000, findings: [weekend], policy, sample: () => 500 })).toBe(
      'auto-approve',
    );
  });

  it('Given a warn finding, Then it follows the chain', () => {
    expect(shouldAutoApprove({ amountMinor: 1_000, findings: [missing], policy, sample: never })).toBe(
      'normal',
    );
  });

  it('Given a draw inside the 5 % audit sample, Then it is sent through the chain as an audit sample', () => {
    expect(shouldAutoApprove({ amountMinor: 1_000, findings: [], policy, sample: () => 499 })).toBe(
      'audit-sample',
    );
    expect(shouldAutoApprove({ amountMinor: 1_000, findings: [], policy, sample: () => 0 })).toBe(
      'audit-sample',
    );
  });

  it('Given a zero sample rate, Then nothing is sampled', () => {
    const noAudit = { ...policy, auditSampleBasisPoints: 0 };
    expect(shouldAutoApprove({ amountMinor: 1_000, findings: [], policy: noAudit, sample: () => 0 })).toBe(
      'auto-approve',
    );
  });

  it('Given a seeded sample over 10 000 items, Then about 5 % are audited', () => {
    const sample = seededSample(42);
    let audited = 0;
    for (let i = 0; i < 10_000; i++) {
      if (shouldAutoApprove({ amountMinor: 1_000, findings: [], policy, sample }) === 'audit-sample')
        audited++;
    }
    expect(audited).toBeGreaterThan(430);
    expect(audited).toBeLessThan(570);
  });

  it('Given a sample outside 0..9999, Then it throws (a broken injected source)', () => {
    expect(() =>
      shouldAutoApprove({ amountMinor: 1_000, findings: [], policy, sample: () => 10_000 }),
    ).toThrow(RangeError);
    expect(() => shouldAutoApprove({ amountMinor: 1_000, findings: [], policy, sample: () => 0.5 })).toThrow(
      RangeError,
    );
  });

  it('Given a non-positive amount, Then it is not auto-approved', () => {
    expect(shouldAutoApprove({ amountMinor: 0, findings: [], policy, sample: never })).toBe('normal');
  });
});
