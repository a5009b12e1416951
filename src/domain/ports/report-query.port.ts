// The aggregates a report is built from (docs/product-rules.md §6), computed where the rows are: grouped sums in the
// database, never a client's rows loaded into memory. Every figure counts an expense at its approved amount once
// approved (partial approvals included) and at its claim while pending; rejected, returned, withdrawn and voided
// never count.
import type { IsoDate } from '../periods/calendar-date.js';
import type { FindingCode, Severity } from '../risk/finding.js';
import type { Tx } from './unit-of-work.port.js';

export type ReportScope = {
  readonly clientId: string;
  /** Only this project's expenses. */
  readonly projectId?: string | undefined;
};

export type DateRange = { readonly from: IsoDate; readonly through: IsoDate };

/** One (category, project) cell of a period and the period before it. */
export type SpendGroup = {
  readonly categoryCode: string;
  readonly projectId: string | undefined;
  readonly approvedMinor: number;
  readonly approvedCount: number;
  readonly billableMinor: number;
  readonly billableCount: number;
  readonly pendingMinor: number;
  readonly pendingCount: number;
  readonly previousApprovedMinor: number;
  readonly previousBillableMinor: number;
};

export type ReportItemRow = {
  readonly id: string;
  readonly kind: 'expense' | 'adjustment';
  readonly incurredOn: IsoDate;
  readonly categoryCode: string;
  readonly projectId: string | undefined;
  readonly description: string;
  readonly amountMinor: number;
  readonly status: 'approved' | 'pending';
  readonly billable: boolean;
  readonly submitterId: string;
};

export type FindingCountRow = {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly count: number;
};

export type FlaggedItemRow = ReportItemRow & { readonly code: FindingCode; readonly severity: Severity };

/** A budget's scope over one of its periods; the answer keeps the id. */
export type BudgetWindow = {
  readonly budgetId: string;
  readonly projectId?: string | undefined;
  readonly categoryCode?: string | undefined;
  readonly from: IsoDate;
  readonly through: IsoDate;
};

export type BudgetSpend = {
  readonly actualMinor: number;
  readonly billableMinor: number;
  readonly committedMinor: number;
};

export interface ReportQuery {
  /**
   * One pass over the client's expenses incurred from `previous.from` through `current.through`: the period's and
   * the previous period's sums per (category, project). The periods must not overlap.
   */
  spendGroups(
    tx: Tx,
    organisationId: string,
    scope: ReportScope,
    current: DateRange,
    previous: DateRange,
  ): Promise<readonly SpendGroup[]>;
  /** Approved expenses of the period, largest first (then newest, then id). */
  largestApproved(
    tx: Tx,
    organisationId: string,
    scope: ReportScope,
    range: DateRange,
    limit: number,
  ): Promise<readonly ReportItemRow[]>;
  /** Pending expenses incurred in the period, oldest first. */
  oldestPending(
    tx: Tx,
    organisationId: string,
    scope: ReportScope,
    range: DateRange,
    limit: number,
  ): Promise<readonly ReportItemRow[]>;
  /** Approved billable expenses of the period in date order (then id): a client-facing report's lines. */
  billableLines(
    tx: Tx,
    organisationId: string,
    scope: ReportScope,
    range: DateRange,
    limit: number,
  ): Promise<readonly ReportItemRow[]>;
  /** How many live (approved or pending) expenses of the period carry each finding code. */
  findingCounts(
    tx: Tx,
    organisationId: string,
    scope: ReportScope,
    range: DateRange,
  ): Promise<readonly FindingCountRow[]>;
  /** Live expenses with a `warn` or `high` finding: most severe first, then largest; one row per expense. */
  flaggedItems(
    tx: Tx,
    organisationId: string,
    scope: ReportScope,
    range: DateRange,
    limit: number,
  ): Promise<readonly FlaggedItemRow[]>;
  /** Spend inside each budget's scope and window, in one query; every window asked for has an answer. */
  budgetSpend(
    tx: Tx,
    organisationId: string,
    clientId: string,
    windows: readonly BudgetWindow[],
  ): Promise<ReadonlyMap<string, BudgetSpend>>;
}
