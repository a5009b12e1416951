// What the periodic sweeps read across an organisation: its active clients (budget warnings), the approval steps
// still waiting and the items returned to their submitters (reminders). Read side only.
import type { FellTo } from '../approvals/approval-stage.js';
import type { MemberId } from '../people/actor.js';
import type { ClientRecord } from './directory.port.js';
import type { Tx } from './unit-of-work.port.js';

/** The open step of a pending expense's current round and stage. */
export type WaitingStep = {
  readonly expenseId: string;
  readonly clientId: string;
  readonly submitterId: MemberId;
  readonly round: number;
  readonly stage: number;
  /** Whom the step went to: its own list, or finance/admin after a fall or an escalation. */
  readonly fellTo: FellTo;
  readonly eligibleMemberIds: readonly MemberId[];
  readonly requestedAt: Date;
};

/** An expense returned for details and not yet resubmitted or withdrawn. */
export type ReturnedItem = {
  readonly expenseId: string;
  readonly clientId: string;
  readonly submitterId: MemberId;
  readonly round: number;
  readonly returnedAt: Date;
};

export interface SweepQuery {
  /** Active clients, or only `clientId` when given (and active). */
  activeClients(tx: Tx, organisationId: string, clientId?: string): Promise<readonly ClientRecord[]>;
  /** Oldest first, then by expense id, so concurrent sweeps claim in the same order. */
  waitingSteps(tx: Tx, organisationId: string, clientId?: string): Promise<readonly WaitingStep[]>;
  returnedItems(tx: Tx, organisationId: string, clientId?: string): Promise<readonly ReturnedItem[]>;
}
