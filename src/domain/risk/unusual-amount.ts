import type { Finding } from './finding.js';
import type { HistoricalAmount, RiskCandidate } from './risk-inputs.js';
import type { RiskSettings } from './risk-settings.js';

// Medians of integers can end in .5 and the MAD in .25, so the statistics are carried scaled (2 × median,
// 4 × MAD) in bigint and every comparison that decides a finding is exact.

/** Twice the median of a sorted, non-empty list. */
const twiceMedian = (sorted: readonly bigint[]): bigint => {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0n;
  return sorted.length % 2 === 1 ? upper * 2n : (sorted[middle - 1] ?? 0n) + upper;
};

const byValue = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

export type RobustSummary = {
  readonly sampleSize: number;
  readonly medianTimes2: bigint;
  /** Median absolute deviation from the median, times 4. */
  readonly madTimes4: bigint;
};

export const summariseAmounts = (amountsMinor: readonly number[]): RobustSummary | undefined => {
  if (amountsMinor.length === 0) return undefined;
  const sorted = amountsMinor.map(BigInt).sort(byValue);
  const medianTimes2 = twiceMedian(sorted);
  // |2x − 2·median| is 2 × each absolute deviation, so twice its median is 4 × MAD.
  const deviationsTimes2 = sorted.map((x) =>
    x * 2n - medianTimes2 < 0n ? medianTimes2 - x * 2n : x * 2n - medianTimes2,
  );
  return {
    sampleSize: sorted.length,
    medianTimes2,
    madTimes4: twiceMedian(deviationsTimes2.sort(byValue)),
  };
};

const ceilDiv = (n: bigint, d: bigint): bigint => (n % d === 0n ? n / d : n / d + 1n);
const roundHalfUp = (n: bigint, d: bigint): number => Number((n * 2n + d) / (d * 2n));

/**
 * The smallest amount the check flags: above median + k·MAD, and at least the given share of the median.
 */
export const unusualThresholdMinor = (summary: RobustSummary, settings: RiskSettings): number => {
  const k = BigInt(settings.unusualMadMultiplier);
  // x > (2·(2·median) + k·(4·MAD)) / 4
  const aboveSpread = (summary.medianTimes2 * 2n + k * summary.madTimes4) / 4n + 1n;
  // 100·x ≥ p·median  ⇔  x ≥ p·(2·median) / 200
  const aboveShare = ceilDiv(BigInt(settings.unusualMinPercentOfMedian) * summary.medianTimes2, 200n);
  return Number(aboveSpread > aboveShare ? aboveSpread : aboveShare);
};

/** Far above what this client usually spends in this category, judged on robust statistics. */
export const checkUnusualAmount = (
  candidate: RiskCandidate,
  history: readonly HistoricalAmount[],
  settings: RiskSettings,
): Finding | undefined => {
  const amounts = history
    .filter(
      (item) =>
        (candidate.id === undefined || item.id !== candidate.id) &&
        item.clientId === candidate.clientId &&
        item.categoryCode === candidate.categoryCode &&
        item.clientAmountMinor > 0,
    )
    .map((item) => item.clientAmountMinor);
  if (amounts.length < settings.unusualMinSample || candidate.clientAmountMinor <= 0) return undefined;
  const summary = summariseAmounts(amounts);
  if (summary === undefined) return undefined;
  const thresholdMinor = unusualThresholdMinor(summary, settings);
  if (candidate.clientAmountMinor < thresholdMinor) return undefined;
  const amount = BigInt(candidate.clientAmountMinor);
  return {
    code: 'UNUSUAL_AMOUNT',
    severity: 'warn',
    evidence: {
      category: candidate.categoryCode,
      amountMinor: candidate.clientAmountMinor,
      medianMinor: roundHalfUp(summary.medianTimes2, 2n),
      madMinor: roundHalfUp(summary.madTimes4, 4n),
      thresholdMinor,
      sampleSize: summary.sampleSize,
      madMultiplier: settings.unusualMadMultiplier,
      ...(summary.medianTimes2 > 0n
        ? { percentOfMedian: Number((amount * 200n) / summary.medianTimes2) }
        : {}),
      currency: candidate.clientCurrency,
    },
  };
};
