// Platforms limit how fast one conversation may receive messages (Slack: about one a second per channel). Each
// worker spaces its own sends per address and holds back what would arrive too soon, instead of sending it and
// collecting a 429. Several instances each pace themselves; the platform's Retry-After covers the rest.

export type PacingDecision =
  | { readonly send: true }
  /** Not now: reschedule the message, untried, to this instant (epoch ms). */
  | { readonly send: false; readonly notBefore: number };

export type PacingInput = {
  readonly now: number;
  /** When the address may next receive a message; undefined if it is not cooling down. */
  readonly readyAt: number | undefined;
  /** Messages of this batch already queued for the address (held back or told to retry after), in order. */
  readonly queued: number;
  /** The platform's minimum spacing between two messages to one address. */
  readonly spacingMs: number;
};

/** Sends when the address is free and nobody is queued ahead; otherwise queues behind them, one slot each. */
export const decidePacing = ({ now, readyAt, queued, spacingMs }: PacingInput): PacingDecision => {
  const free = Math.max(now, readyAt ?? now);
  if (queued === 0 && free <= now) return { send: true };
  return { send: false, notBefore: free + queued * spacingMs };
};

/** A send at `now` keeps the address busy for one spacing; a Retry-After keeps it busy at least that long. */
export const nextReadyAt = (readyAt: number | undefined, until: number): number =>
  Math.max(readyAt ?? until, until);
