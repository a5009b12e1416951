// Percentages of a budget are decided on integers: consumed × 100 against threshold × budget, in bigint,
// because both products can pass 2^53 for large budgets.

/** Whether `consumedMinor` has reached `percent` % of `budgetMinor`. */
export const hasReachedPercent = (consumedMinor: number, budgetMinor: number, percent: number): boolean =>
  BigInt(consumedMinor) * 100n >= BigInt(percent) * BigInt(budgetMinor);

/**
 * Consumption in basis points (10 000 = 100 %), rounded down so a displayed figure never claims a threshold
 * that has not been reached.
 */
export const percentBasisPoints = (consumedMinor: number, budgetMinor: number): number => {
  if (!Number.isSafeInteger(budgetMinor) || budgetMinor <= 0) {
    throw new RangeError(`A budget must be a positive integer, got ${budgetMinor}`);
  }
  const numerator = BigInt(consumedMinor) * 10_000n;
  const budget = BigInt(budgetMinor);
  const quotient = numerator / budget;
  // bigint division truncates toward zero; floor for negative consumption (refunds) too.
  const floored = numerator % budget !== 0n && numerator < 0n ? quotient - 1n : quotient;
  return Number(floored);
};
