// The report of docs/product-rules.md §6 as data: what a card, an export or a scheduled message shows, computed once
// from SQL aggregates. Two audiences with two shapes, so a client-facing report cannot carry an internal section by
// accident: the type has no place for it. Money is integer minor units in the client's currency throughout, and
// every total is the sum of the groups it is shown with (both come from the same grouped rows).
import type { CurrencyCode } from '../money/money.js';
import type { IsoDate } from '../periods/calendar-date.js';
import type { FindingCode, Severity } from '../risk/finding.js';

export type ReportAudience = 'internal' | 'client';

export type ReportPeriod = { readonly key: string; readonly start: IsoDate; readonly end: IsoDate };

export type ReportClient = {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly currency: CurrencyCode;
  readonly timeZone: string;
};

/** A category's names travel with the report, so a stored report renders in either language later. */
export type ReportCategoryName = { readonly en: string; readonly 'zh-CN': string };

/** This period against the one before it. `deltaBp` is absent when there was nothing before to compare with. */
export type PeriodComparison = {
  readonly currentMinor: number;
  readonly previousMinor: number;
  readonly deltaMinor: number;
  /** (current − previous) ÷ previous in basis points, truncated toward zero; absent when previous is 0. */
  readonly deltaBp?: number;
};

export type CategoryShare = {
  readonly categoryCode: string;
  readonly name: ReportCategoryName;
  readonly amountMinor: number;
  readonly count: number;
  /** Of the period's total, in basis points, truncated toward zero; 0 when the total is 0. */
  readonly shareBp: number;
};

export type ProjectShare = {
  /** Absent for spend booked to the client without a project. */
  readonly projectId?: string;
  readonly projectName?: string;
  readonly amountMinor: number;
  readonly count: number;
  readonly shareBp: number;
};

/** One expense as a report line. `kind: 'adjustment'` is a finance correction (its text stays internal). */
export type ReportLine = {
  readonly id: string;
  readonly kind: 'expense' | 'adjustment';
  readonly incurredOn: IsoDate;
  readonly categoryCode: string;
  /** Absent in snapshots written before lines carried it; the renderer then falls back to the category list. */
  readonly categoryName?: ReportCategoryName;
  readonly projectName?: string;
  readonly description: string;
  /** What the line counts for: the approved amount once approved (partial approvals included), else the claim. */
  readonly amountMinor: number;
};

export type InternalLine = ReportLine & {
  readonly status: 'approved' | 'pending';
  readonly billable: boolean;
  readonly submitterId: string;
};

export type BudgetScope = {
  readonly projectName?: string;
  readonly categoryCode?: string;
};

export type ReportBudget = {
  readonly budgetId: string;
  readonly scope: BudgetScope;
  /** The budget's own period that holds the report's last day: `2026-03`, `2026-Q1`, `total`… */
  readonly periodKey: string;
  readonly budgetMinor: number;
  /** Approved spend; on a client-facing report approved billable spend only. */
  readonly actualMinor: number;
  /** Pending spend; always 0 on a client-facing report. */
  readonly committedMinor: number;
  /** Consumption in basis points, floored (internal: actual + committed; client-facing: actual). */
  readonly percentBp: number;
  /** Internal reports of a period still running: the budget period's pace forecast (budgets/forecast.ts). */
  readonly forecast?: {
    readonly method: 'linear-pace' | 'spent-so-far';
    readonly projectedMinor: number;
    readonly paceMinorPerDay: number;
    readonly elapsedDays: number;
    readonly totalDays: number;
    readonly periodEnd: IsoDate;
  };
};

export type FindingCount = {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** How many live expenses (approved or pending) of the period carry it. */
  readonly count: number;
};

export type FlaggedLine = InternalLine & {
  readonly code: FindingCode;
  readonly severity: Severity;
};

/** The whole period at the current pace: approved so far ÷ days elapsed × days, plus what is pending. */
export type PeriodForecast = {
  readonly projectedMinor: number;
  readonly paceMinorPerDay: number;
  readonly elapsedDays: number;
  readonly totalDays: number;
  readonly committedMinor: number;
};

type ReportBase = {
  /** Bumped when the shape changes, so a stored snapshot is read the way it was written. */
  readonly version: 1;
  readonly client: ReportClient;
  /** Set when the report covers one project only. */
  readonly projectName?: string;
  readonly period: ReportPeriod;
  readonly previous: ReportPeriod;
  /** Today in the client's time zone when the report was built. */
  readonly asOf: IsoDate;
  readonly total: PeriodComparison;
  readonly byCategory: readonly CategoryShare[];
  readonly byProject: readonly ProjectShare[];
};

/** The team's report: approved spend (billable or not) with everything that explains it. */
export type InternalReport = ReportBase & {
  readonly audience: 'internal';
  /** Of the total, what the client is billed for. */
  readonly billableMinor: number;
  readonly budgets: readonly ReportBudget[];
  readonly topItems: readonly InternalLine[];
  readonly pending: {
    readonly count: number;
    readonly totalMinor: number;
    /** The oldest first, at most a handful. */
    readonly items: readonly InternalLine[];
  };
  readonly risk: {
    readonly counts: readonly FindingCount[];
    /** The most serious findings first, at most a handful. */
    readonly top: readonly FlaggedLine[];
  };
  readonly forecast?: PeriodForecast;
};

/** What the client sees: approved billable spend only, with its lines. */
export type ClientReport = ReportBase & {
  readonly audience: 'client';
  readonly lines: {
    readonly count: number;
    /** In date order; the first `items.length` of `count` (the exports carry them all). */
    readonly items: readonly ReportLine[];
  };
  /** Present only when the channel's binding opts in to budget information. */
  readonly budgets?: readonly ReportBudget[];
};

export type ReportModel = InternalReport | ClientReport;
