// The read side of exports and charts: one client's (or one of its projects') lines over a period, filtered for an audience in SQL, and
// the totals a chart draws, aggregated in SQL. Client-facing lines carry no internal field at all (the type has
// nowhere to put one), so a renderer cannot leak what the query never returned.
import type { ExpenseStatus, IsoDate } from '../expenses/expense.js';
import type { Money } from '../money/money.js';
import type { ReceiptContentType } from './receipt-store.port.js';
import type { ReportAudience } from './report-links.port.js';
import type { Tx } from './unit-of-work.port.js';

export type ExportQueryInput = {
  readonly clientId: string;
  /** Only this project's lines (and spend); absent, the whole client. */
  readonly projectId?: string | undefined;
  /** Incurred dates, both ends included. */
  readonly from: IsoDate;
  readonly through: IsoDate;
  readonly audience: ReportAudience;
};

export type ExportReceipt = {
  /** The ReceiptStore key. */
  readonly storageKey: string;
  readonly sha256: string;
  readonly contentType: ReceiptContentType;
  readonly fileName?: string | undefined;
};

/** What only the team sees about a line. */
export type ExportLineInternals = {
  readonly status: ExpenseStatus;
  readonly billable: boolean;
  readonly submitterName: string;
  readonly paymentMethod?: string | undefined;
  readonly invoiceNumber?: string | undefined;
  readonly missingReceiptReason?: string | undefined;
  /** Risk finding codes, e.g. `MISSING_RECEIPT`. */
  readonly findingCodes: readonly string[];
};

export type ExportLine = {
  readonly id: string;
  readonly kind: 'expense' | 'adjustment';
  readonly incurredOn: IsoDate;
  readonly categoryCode: string;
  readonly projectCode?: string | undefined;
  readonly projectName?: string | undefined;
  readonly description: string;
  readonly merchant?: string | undefined;
  /** What was paid, in the currency it was paid in. */
  readonly original: Money;
  /** In the client's currency: the approved amount once approved (partial approvals included), else the claim. */
  readonly amount: Money;
  readonly receipts: readonly ExportReceipt[];
  /** Present only for the internal audience. */
  readonly internal?: ExportLineInternals | undefined;
};

export type ChartTotalsInput = ExportQueryInput & {
  /** Also sum what was spent from this day up to the day before `from` (the budget period's earlier days). */
  readonly carryFrom?: IsoDate | undefined;
};

/**
 * The spend a chart draws, in the client's currency: approved and pending for the team (what internal budget
 * thresholds measure), approved billable for the client.
 */
export type ChartTotals = {
  /** By category code, largest first. */
  readonly byCategory: readonly { readonly categoryCode: string; readonly amountMinor: number }[];
  /** Days with spend, in order. */
  readonly byDay: readonly { readonly date: IsoDate; readonly amountMinor: number }[];
  /** Spend from `carryFrom` through the day before `from`; 0 without `carryFrom`. */
  readonly carriedMinor: number;
};

export interface ExportQuery {
  /**
   * Oldest first (incurred day, when logged, id). Internal: everything but voided, rejected and withdrawn lines.
   * Client: approved billable lines of that client only.
   */
  lines(tx: Tx, organisationId: string, input: ExportQueryInput): Promise<readonly ExportLine[]>;
  chartTotals(tx: Tx, organisationId: string, input: ChartTotalsInput): Promise<ChartTotals>;
}
