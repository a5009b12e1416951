import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentBasisPoints } from '../../../../src/domain/budgets/budget-percent.js';
import { crossedThresholds, reachedThresholds } from '../../../../src/domain/budgets/crossed-thresholds.js';
import { MAX_MINOR } from '../../../../src/domain/money/money.js';

const DEFAULT = [50, 80, 100];

describe('crossedThresholds at exact integer edges (budget of 333)', () => {
  // 50 % of 333 is 166.5, 80 % is 266.4, 100 % is 333.
  it.each([
    [0, 166, []],
    [0, 167, [50]],
    [166, 167, [50]],
    [167, 266, []],
    [266, 267, [80]],
    [267, 332, []],
    [332, 333, [100]],
    [0, 333, [50, 80, 100]],
    [200, 400, [80, 100]],
    [333, 1000, []],
  ])('Given %i consumed, When it becomes %i, Then %o are newly crossed', (before, after, expected) => {
    expect(crossedThresholds(before, after, 333, DEFAULT)).toEqual(expected);
  });

  it('Given consumption falls (a correction), Then nothing is crossed', () => {
    expect(crossedThresholds(400, 100, 333, DEFAULT)).toEqual([]);
  });

  it('sorts and de-duplicates the thresholds it is given', () => {
    expect(crossedThresholds(0, 333, 333, [100, 50, 80, 50])).toEqual([50, 80, 100]);
  });

  it('stays exact where floating point would not: 50 % of 2^51 − 1 is reached at 2^50', () => {
    const budget = MAX_MINOR;
    expect(crossedThresholds(2 ** 50 - 2, 2 ** 50 - 1, budget, [50])).toEqual([]);
    expect(crossedThresholds(2 ** 50 - 1, 2 ** 50, budget, [50])).toEqual([50]);
  });

  it('reachedThresholds lists every threshold at or below the consumption', () => {
    expect(reachedThresholds(266, 333, DEFAULT)).toEqual([50]);
    expect(reachedThresholds(333, 333, DEFAULT)).toEqual([50, 80, 100]);
  });
});

describe('percentBasisPoints', () => {
  it('rounds down so a displayed percentage never claims a threshold early', () => {
    expect(percentBasisPoints(166, 333)).toBe(4984);
    expect(percentBasisPoints(167, 333)).toBe(5015);
    expect(percentBasisPoints(332, 333)).toBe(9969);
    expect(percentBasisPoints(333, 333)).toBe(10_000);
    // −30.03 bp floors to −31
    expect(percentBasisPoints(-1, 333)).toBe(-31);
  });

  it('refuses a budget that is not a positive integer', () => {
    expect(() => percentBasisPoints(1, 0)).toThrow(RangeError);
  });
});

describe('crossedThresholds, property', () => {
  it('Given additions applied one by one, Then each reached threshold is reported exactly once overall', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 30 }),
        (budget, thresholds, additions) => {
          let consumed = 0;
          const reported: number[] = [];
          for (const addition of additions) {
            const next = consumed + addition;
            reported.push(...crossedThresholds(consumed, next, budget, thresholds));
            consumed = next;
          }
          expect(new Set(reported).size).toBe(reported.length);
          expect([...reported].sort((a, b) => a - b)).toEqual(
            reachedThresholds(consumed, budget, thresholds),
          );
        },
      ),
      { seed: 20_260_302, numRuns: 500 },
    );
  });
});
