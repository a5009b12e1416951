// The read side of expenses for people: lists and look-ups that change nothing. Kept apart from the
// ExpenseRepository, which serves the use cases that write.
import type { ExpenseStatus, IsoDate, IsoInstant } from '../expenses/expense.js';
import type { Money } from '../money/money.js';
import type { MemberId } from '../people/actor.js';
import type { Finding } from '../risk/finding.js';
import type { ProjectRecord } from './directory.port.js';
import type { Tx } from './unit-of-work.port.js';

export type ExpenseListScope =
  /** What this member logged. */
  | { readonly kind: 'submitted-by'; readonly memberId: MemberId }
  /** Pending expenses whose current stage asked this member (their own list, a fall to finance, a delegation). */
  | { readonly kind: 'waiting-on'; readonly memberId: MemberId }
  | { readonly kind: 'client'; readonly clientId: string; readonly projectId?: string | undefined };

export type ExpenseListQuery = {
  readonly scope: ExpenseListScope;
  /** Incurred dates, both ends included; absent ends are open. */
  readonly from?: IsoDate | undefined;
  readonly through?: IsoDate | undefined;
  readonly offset: number;
  readonly limit: number;
};

/** One line of a list: enough to show and to pick an expense, not its whole history. */
export type ExpenseSummary = {
  readonly id: string;
  readonly kind: 'expense' | 'adjustment';
  readonly clientId: string;
  readonly projectId?: string | undefined;
  readonly categoryCode: string;
  readonly original: Money;
  readonly clientAmount: Money;
  readonly incurredOn: IsoDate;
  readonly description: string;
  readonly merchant?: string | undefined;
  readonly billable: boolean;
  readonly submitterId: MemberId;
  readonly status: ExpenseStatus;
  /** While pending: the stage waiting and the chain's length. */
  readonly stage?: number | undefined;
  readonly stageCount?: number | undefined;
  readonly approvedAmountMinor?: number | undefined;
  readonly billedAt?: string | undefined;
  readonly reimbursedAt?: string | undefined;
  readonly findings: readonly Finding[];
  readonly receiptCount: number;
  readonly version: number;
  readonly createdAt: Date;
};

export interface ExpenseQuery {
  /** Newest first (incurred day, then when logged, then id), `limit` lines from `offset`. */
  list(tx: Tx, organisationId: string, query: ExpenseListQuery): Promise<readonly ExpenseSummary[]>;
  /** The member's most recently logged expense still pending, if it was logged at or after `since`. */
  latestPendingBy(
    tx: Tx,
    organisationId: string,
    submitterId: MemberId,
    since: IsoInstant,
  ): Promise<string | undefined>;
  /** An expense names its project by id; views and budget checks need the record. */
  projectById(tx: Tx, organisationId: string, projectId: string): Promise<ProjectRecord | undefined>;
}
