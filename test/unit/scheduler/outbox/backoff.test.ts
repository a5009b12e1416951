import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, computeBackoffMs } from '../../../../src/scheduler/outbox/backoff.js';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('backoffCeilingMs', () => {
  it('doubles from the base with each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffCeilingMs(attempt, policy))).toEqual([
      1000, 2000, 4000, 8000, 16_000,
    ]);
  });

  it('stops at the cap, even for absurd attempt counts', () => {
    expect(backoffCeilingMs(7, policy)).toBe(60_000);
    expect(backoffCeilingMs(10_000, policy)).toBe(60_000);
  });
});

describe('computeBackoffMs (full jitter)', () => {
  it('spans the whole range below the ceiling', () => {
    expect(computeBackoffMs(3, policy, () => 0)).toBe(0);
    expect(computeBackoffMs(3, policy, () => 0.5)).toBe(2000);
    expect(computeBackoffMs(3, policy, () => 0.999_999)).toBe(3999);
  });

  it('is a whole number of milliseconds in [0, ceiling) for any attempt and random draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 3_600_000 }),
        (attempt, draw, baseMs, maxMs) => {
          const delay = computeBackoffMs(attempt, { baseMs, maxMs }, () => draw);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(Math.min(maxMs, baseMs * 2 ** (attempt - 1)));
        },
      ),
    );
  });
});
