// Retries spread out exponentially with full jitter (a uniform delay below the exponential cap), so messages that
// failed together, say during a platform outage, do not come back together.

export type BackoffPolicy = {
  /** The cap for the first retry. */
  readonly baseMs: number;
  /** No retry waits longer than this. */
  readonly maxMs: number;
};

/** The cap before jitter for the retry after `attempt` failed tries (1-based): base · 2^(attempt−1), at most max. */
export const backoffCeilingMs = (attempt: number, policy: BackoffPolicy): number => {
  const doublings = Math.max(0, attempt - 1);
  // 2^31 already dwarfs any sensible cap; stopping there keeps the arithmetic finite.
  const ceiling = policy.baseMs * 2 ** Math.min(doublings, 31);
  return Math.min(policy.maxMs, ceiling);
};

/** A delay in [0, ceiling); `random` answers in [0, 1), like Math.random. */
export const computeBackoffMs = (attempt: number, policy: BackoffPolicy, random: () => number): number =>
  Math.floor(random() * backoffCeilingMs(attempt, policy));
