// From the query's grouped rows to the report model (docs/product-rules.md §6), without I/O. Each audience reads its
// own columns of the same (category, project) groups: the internal report approved spend, the client-facing one
// approved billable spend; totals, categories and projects are all sums of those groups, so they agree to the
// minor unit. Percentages are integer basis points; no float ever touches money.
import type { Forecast } from '../budgets/forecast.js';
import type { IsoDate } from '../periods/calendar-date.js';
import {
  calendarPeriodFromKey,
  isoWeekContaining,
  monthContaining,
  previousPeriod,
  quarterContaining,
  yearContaining,
} from '../periods/calendar-periods.js';
import type { PeriodRange } from '../periods/period-range.js';
import type { LocalisedName } from '../policy/categories.js';
import type { ProjectRecord } from '../ports/directory.port.js';
import type { ReportItemRow, SpendGroup } from '../ports/report-query.port.js';
import type {
  CategoryShare,
  InternalLine,
  PeriodComparison,
  ProjectShare,
  ReportBudget,
  ReportLine,
} from './report-model.js';

/** `part` of `whole` in basis points, truncated toward zero (so a share never claims more than it has). */
export const shareBasisPoints = (part: number, whole: number): number => {
  if (whole === 0) return 0;
  return Number((BigInt(part) * 10_000n) / BigInt(whole));
};

export const comparePeriods = (currentMinor: number, previousMinor: number): PeriodComparison => ({
  currentMinor,
  previousMinor,
  deltaMinor: currentMinor - previousMinor,
  ...(previousMinor === 0
    ? {}
    : {
        // Against the size of the previous figure, so a swing from a negative (refunds) still reads the right way.
        deltaBp: Number((BigInt(currentMinor - previousMinor) * 10_000n) / BigInt(Math.abs(previousMinor))),
      }),
});

/**
 * The period a scheduled report covers, named as people say it when it is a calendar period (`2026-03`,
 * `2026-W10`), otherwise `from..through`; its previous period is then the same number of days just before.
 */
export const periodOfRange = (from: IsoDate, through: IsoDate): PeriodRange => {
  for (const containing of [monthContaining, isoWeekContaining, quarterContaining, yearContaining]) {
    const period = containing(from);
    if (period.start === from && period.end === through) return period;
  }
  return { key: `${from}..${through}`, start: from, end: through };
};

export const periodAndPrevious = (
  period: PeriodRange,
): { readonly period: PeriodRange; readonly previous: PeriodRange } => ({
  period,
  previous: previousPeriod(calendarPeriodFromKey(period.key) ?? period),
});

export type Measure = 'approved' | 'billable';

const amountOf = (group: SpendGroup, measure: Measure): number =>
  measure === 'approved' ? group.approvedMinor : group.billableMinor;
const countOf = (group: SpendGroup, measure: Measure): number =>
  measure === 'approved' ? group.approvedCount : group.billableCount;
const previousOf = (group: SpendGroup, measure: Measure): number =>
  measure === 'approved' ? group.previousApprovedMinor : group.previousBillableMinor;

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

export const totalOf = (groups: readonly SpendGroup[], measure: Measure): PeriodComparison =>
  comparePeriods(
    sum(groups.map((g) => amountOf(g, measure))),
    sum(groups.map((g) => previousOf(g, measure))),
  );

/** Largest first, then by name, so equal amounts keep a stable order. */
const byAmount = <T extends { readonly amountMinor: number }>(key: (item: T) => string) => {
  return (a: T, b: T): number =>
    b.amountMinor - a.amountMinor || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
};

export const categoryShares = (
  groups: readonly SpendGroup[],
  measure: Measure,
  nameOf: (code: string) => LocalisedName,
): CategoryShare[] => {
  const total = sum(groups.map((g) => amountOf(g, measure)));
  const byCode = new Map<string, { amountMinor: number; count: number }>();
  for (const group of groups) {
    if (countOf(group, measure) === 0) continue;
    const entry = byCode.get(group.categoryCode) ?? { amountMinor: 0, count: 0 };
    entry.amountMinor += amountOf(group, measure);
    entry.count += countOf(group, measure);
    byCode.set(group.categoryCode, entry);
  }
  return [...byCode.entries()]
    .map(
      ([code, entry]): CategoryShare => ({
        categoryCode: code,
        name: nameOf(code),
        amountMinor: entry.amountMinor,
        count: entry.count,
        shareBp: shareBasisPoints(entry.amountMinor, total),
      }),
    )
    .sort(byAmount((c) => c.categoryCode));
};

export const projectShares = (
  groups: readonly SpendGroup[],
  measure: Measure,
  projects: ReadonlyMap<string, ProjectRecord>,
): ProjectShare[] => {
  const total = sum(groups.map((g) => amountOf(g, measure)));
  const byProject = new Map<string, { projectId?: string; amountMinor: number; count: number }>();
  for (const group of groups) {
    if (countOf(group, measure) === 0) continue;
    const key = group.projectId ?? '';
    const entry = byProject.get(key) ?? {
      ...(group.projectId === undefined ? {} : { projectId: group.projectId }),
      amountMinor: 0,
      count: 0,
    };
    entry.amountMinor += amountOf(group, measure);
    entry.count += countOf(group, measure);
    byProject.set(key, entry);
  }
  return [...byProject.values()]
    .map((entry): ProjectShare => {
      const name = entry.projectId === undefined ? undefined : projects.get(entry.projectId)?.name;
      return {
        ...(entry.projectId === undefined ? {} : { projectId: entry.projectId }),
        ...(name === undefined ? {} : { projectName: name }),
        amountMinor: entry.amountMinor,
        count: entry.count,
        shareBp: shareBasisPoints(entry.amountMinor, total),
      };
    })
    .sort(byAmount((p) => p.projectId ?? ''));
};

export const pendingTotals = (
  groups: readonly SpendGroup[],
): { readonly count: number; readonly totalMinor: number } => ({
  count: sum(groups.map((g) => g.pendingCount)),
  totalMinor: sum(groups.map((g) => g.pendingMinor)),
});

export const reportLineOf = (
  row: ReportItemRow,
  projects: ReadonlyMap<string, ProjectRecord>,
  nameOf: (code: string) => LocalisedName,
): ReportLine => {
  const projectName = row.projectId === undefined ? undefined : projects.get(row.projectId)?.name;
  return {
    id: row.id,
    kind: row.kind,
    incurredOn: row.incurredOn,
    categoryCode: row.categoryCode,
    // Named here: a pending or flagged line's category need not appear among the period's approved categories.
    categoryName: nameOf(row.categoryCode),
    ...(projectName === undefined ? {} : { projectName }),
    // A correction's text is finance's own note; the client sees that it is an adjustment, not why.
    description: row.kind === 'adjustment' ? '' : row.description,
    amountMinor: row.amountMinor,
  };
};

export const internalLineOf = (
  row: ReportItemRow,
  projects: ReadonlyMap<string, ProjectRecord>,
  nameOf: (code: string) => LocalisedName,
): InternalLine => ({
  ...reportLineOf(row, projects, nameOf),
  description: row.description,
  status: row.status,
  billable: row.billable,
  submitterId: row.submitterId,
});

/** The forecast as a report keeps it: the figures of its basis, without the budget it was computed for. */
export const forecastSnapshot = (forecast: Forecast): NonNullable<ReportBudget['forecast']> => ({
  method: forecast.method,
  projectedMinor: forecast.projectedMinor,
  paceMinorPerDay: forecast.paceMinorPerDay,
  elapsedDays: forecast.elapsedDays,
  totalDays: forecast.totalDays,
  periodEnd: forecast.periodEnd,
});
