// The worker's side of the transactional outbox (see outbox.port.ts). Several instances share the work:
// `claimDue` leases rows with FOR UPDATE SKIP LOCKED, so each due message goes to one worker at a time, and a
// message whose worker died comes due again when its lease runs out — the one duplicate the design allows.
import type { ChatAddress } from './outbox.port.js';

export type OutboxStatus = 'pending' | 'delivered' | 'dead';

/**
 * A message leased to one worker. `leaseUntil` doubles as the fencing token: a worker that outlived its lease
 * cannot reschedule or bury a message another worker has claimed since.
 */
export type ClaimedMessage = {
  readonly organisationId: string;
  readonly id: string;
  readonly dedupeKey: string;
  readonly address: ChatAddress;
  readonly kind: string;
  readonly payload: unknown;
  /** Including this claim: 1 on the first try. */
  readonly attempts: number;
  readonly leaseUntil: Date;
  readonly createdAt: Date;
};

/** What the organisation's admin is told about a message given up on; written only if an admin channel is bound. */
export type DeadLetterNotice = {
  readonly dedupeKey: string;
  readonly kind: string;
  readonly payload: unknown;
};

export type DeadLetter = {
  readonly id: string;
  readonly dedupeKey: string;
  readonly address: ChatAddress;
  readonly kind: string;
  readonly payload: unknown;
  readonly attempts: number;
  readonly error: string | null;
  /** When the worker gave up on it. */
  readonly diedAt: Date;
  readonly createdAt: Date;
};

export interface OutboxDeliveryStore {
  /**
   * Leases up to `limit` pending messages due at `now`, oldest due first, across every organisation: each gets
   * `attempts + 1` and is hidden from other claims until `now + leaseMs`.
   */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<readonly ClaimedMessage[]>;
  /** Unfenced: a delivery that happened is a fact even if the lease ran out. False if no longer pending. */
  markDelivered(message: ClaimedMessage, at: Date, ref: unknown): Promise<boolean>;
  /**
   * Back to pending, due at `at`, recording `error` if given. `refundAttempt` gives back the claim's attempt, for
   * a message that was not really tried (its address was cooling down) or that the platform asked to hold
   * (Retry-After). False if the lease was lost: someone else owns the message now.
   */
  reschedule(
    message: ClaimedMessage,
    at: Date,
    options?: { readonly error?: string; readonly refundAttempt?: boolean },
  ): Promise<boolean>;
  /**
   * Gives up on the message and, in the same transaction, writes `notice` to the organisation's admin channel if
   * one is bound. `noticeQueued` is false when there is none or the notice was already written.
   */
  markDead(
    message: ClaimedMessage,
    at: Date,
    error: string,
    notice?: DeadLetterNotice,
  ): Promise<{ readonly buried: boolean; readonly noticeQueued: boolean }>;
  /** For metrics and the admin view; every organisation unless one is named. */
  countByStatus(organisationId?: string): Promise<Readonly<Record<OutboxStatus, number>>>;
  /** Most recently buried first. */
  deadLetters(organisationId: string, limit: number): Promise<readonly DeadLetter[]>;
}
