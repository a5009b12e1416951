/**
 * numerator / denominator rounded half away from zero: ties go to the larger magnitude and the sign is applied
 * afterwards. Why away from zero rather than towards +∞: the result is symmetric (f(−x) = −f(x)), so a reversal
 * or adjustment rounds to exactly the negative of the line it undoes and totals still cancel. It is also what
 * accountants mean by "half-up" (ROUND_HALF_UP in Java's BigDecimal, Excel's ROUND).
 */
export const divideRoundHalfUp = (numerator: bigint, denominator: bigint): bigint => {
  if (denominator === 0n) throw new RangeError('Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
};
