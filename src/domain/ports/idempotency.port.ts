// A repeated request (a platform retry, a double click, a resent command) returns the first answer and
// changes nothing. The key is claimed first in the transaction that does the work, so concurrent repeats wait
// for the first to commit and then read its result.
export type IdempotencyClaim<T> = { readonly fresh: true } | { readonly fresh: false; readonly result: T };

import type { Tx } from './unit-of-work.port.js';

export interface IdempotencyStore {
  claim<T>(tx: Tx, organisationId: string, key: string, operation: string): Promise<IdempotencyClaim<T>>;
  /** Stores the result for a key claimed fresh in this transaction. */
  complete(tx: Tx, organisationId: string, key: string, result: unknown): Promise<void>;
}
