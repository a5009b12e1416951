// A question Outlay asked a person and is waiting on (docs/product-rules.md §10): the reason for a rejection, what is
// missing, a receipt file. One open question per person; asking again replaces it.
import type { Tx } from './unit-of-work.port.js';

export type PendingPrompt = {
  readonly kind: 'reject-reason' | 'return-reason' | 'receipt';
  /** What the answer completes, e.g. `{ expenseId, version, stage }`. */
  readonly payload: Readonly<Record<string, string | number>>;
  readonly expiresAt: Date;
};

export interface PromptRepository {
  ask(tx: Tx, organisationId: string, memberId: string, prompt: PendingPrompt): Promise<void>;
  /** The open question, if it has not expired by `now`. */
  pending(tx: Tx, organisationId: string, memberId: string, now: Date): Promise<PendingPrompt | undefined>;
  clear(tx: Tx, organisationId: string, memberId: string): Promise<void>;
}
