// A client's closed periods are one date: everything dated on or before `closed_through` is settled
// (docs/product-rules.md §3). Reading it with a lock orders a change against a concurrent close: a change holds the
// client row shared while it commits, and a close holds it exclusively, so neither can slip past the other.
import type { IsoDate } from '../periods/calendar-date.js';
import type { Tx } from './unit-of-work.port.js';

export type ClosedThroughLock =
  /** For changes to expenses of the client: a concurrent close waits for them, and they for it. */
  | 'share'
  /** For moving `closed_through` itself. */
  | 'update';

export interface PeriodRepository {
  /** The client's last closed day, or undefined when nothing is closed (or no such client). */
  closedThrough(
    tx: Tx,
    organisationId: string,
    clientId: string,
    options?: { readonly lock?: ClosedThroughLock },
  ): Promise<IsoDate | undefined>;
  /** The caller holds the client row from `closedThrough(…, { lock: 'update' })` and never moves it back. */
  setClosedThrough(tx: Tx, organisationId: string, clientId: string, through: IsoDate): Promise<void>;
}
