// Every benchmark runs at full scale (the figures the targets speak of) or, with `--smoke` or BENCH_SCALE=smoke, at
// a tiny one that only proves the script works end to end — what CI runs, in seconds, with no thresholds.
export type Scale = 'full' | 'smoke';

export const benchScale = (): Scale =>
  process.argv.includes('--smoke') || process.env.BENCH_SCALE === 'smoke' ? 'smoke' : 'full';

/** Round `i` of alternating rounds measures the targets in a rotated order, so none always goes first. */
export const rotated = <T>(items: readonly T[], round: number): T[] =>
  items.map((_, i) => items[(i + round) % items.length] as T);

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
