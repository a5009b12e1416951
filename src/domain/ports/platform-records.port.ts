// What a platform adapter remembers between requests — an installation, a conversation reference, a callback already
// handled — and where an earlier outbox message landed on its platform (to update that card in place).
import type { Tx } from './unit-of-work.port.js';

export type PlatformRecordKey = {
  readonly organisationId: string;
  readonly platform: string;
  readonly kind: string;
  readonly key: string;
};

export interface PlatformRecords {
  get<T>(tx: Tx, key: PlatformRecordKey): Promise<T | undefined>;
  put(tx: Tx, key: PlatformRecordKey, value: unknown): Promise<void>;
  /** Writes only if absent; true when this call wrote it (a first sighting of a callback, say). */
  putIfAbsent(tx: Tx, key: PlatformRecordKey, value: unknown): Promise<boolean>;
  remove(tx: Tx, key: PlatformRecordKey): Promise<void>;
  /**
   * Forgets the records of one kind whose value's `at` (an ISO instant the writer took from its clock) is before
   * `cutoff`; returns how many went. For short-lived records such as callbacks already handled.
   */
  removeOlderThan(tx: Tx, scope: Omit<PlatformRecordKey, 'key'>, cutoff: Date): Promise<number>;
}

export interface DeliveryRefs {
  /** What the platform answered when the outbox message with this dedupe key was delivered, if it was. */
  refOf(tx: Tx, organisationId: string, dedupeKey: string): Promise<unknown>;
}
