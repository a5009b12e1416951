import { hasReachedPercent } from './budget-percent.js';

/**
 * Thresholds (whole percentages) that a change in consumption from `beforeMinor` to `afterMinor` newly reaches.
 * A threshold counts as reached when consumption is at least that share of the budget, decided exactly:
 * 50 % of a budget of 333 is reached at 167, not at 166. Falling consumption crosses nothing.
 */
export const crossedThresholds = (
  beforeMinor: number,
  afterMinor: number,
  budgetMinor: number,
  thresholdsPercent: readonly number[],
): number[] =>
  [...new Set(thresholdsPercent)]
    .sort((a, b) => a - b)
    .filter(
      (t) => !hasReachedPercent(beforeMinor, budgetMinor, t) && hasReachedPercent(afterMinor, budgetMinor, t),
    );

/** Thresholds already reached at a level of consumption (what a periodic sweep claims). */
export const reachedThresholds = (
  consumedMinor: number,
  budgetMinor: number,
  thresholdsPercent: readonly number[],
): number[] =>
  [...new Set(thresholdsPercent)]
    .sort((a, b) => a - b)
    .filter((t) => hasReachedPercent(consumedMinor, budgetMinor, t));
