// The transactional outbox: an announcement is written in the same transaction as the change it announces, so it
// exists if and only if the change committed, and is delivered later by the worker. The dedupe key makes writing
// it twice harmless.

/** A platform-prefixed chat address (`slack:T1:C2`, `console:#acme`) or a person (`member:<id>`). */
export type ChatAddress = string;

export type OutboxMessageInput = {
  readonly organisationId: string;
  readonly dedupeKey: string;
  readonly address: ChatAddress;
  /** What the payload is, e.g. `approval-request`, `decision-notice`, `budget-warning`. */
  readonly kind: string;
  readonly payload: unknown;
};

import type { Tx } from './unit-of-work.port.js';

export interface Outbox {
  /** Resolves to false when a message with the same dedupe key was already written. */
  enqueue(tx: Tx, message: OutboxMessageInput): Promise<boolean>;
}
