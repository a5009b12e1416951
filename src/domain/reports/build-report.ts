// Building a report (docs/product-rules.md §6) from the report query's aggregates: a handful of grouped queries in
// one read transaction, then pure composition (compose-report.ts). Used by `report @client [period]` and by the
// scheduled report (enqueue-scheduled-report.ts). Reading changes nothing, so nothing is audited.
import { clientFacingConsumption, internalConsumption } from '../budgets/consumption.js';
import { forecastPeriodEnd } from '../budgets/forecast.js';
import { periodContaining } from '../periods/budget-period.js';
import { compareDates, type IsoDate } from '../periods/calendar-date.js';
import type { PeriodRange } from '../periods/period-range.js';
import { DEFAULT_CATEGORIES, type LocalisedName } from '../policy/categories.js';
import type { AdminRepository } from '../ports/admin-repository.port.js';
import type { BudgetRepository } from '../ports/budget-repository.port.js';
import type { ClientRecord, Directory, ProjectRecord } from '../ports/directory.port.js';
import type { ReportQuery, ReportScope } from '../ports/report-query.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import {
  categoryShares,
  forecastSnapshot,
  internalLineOf,
  pendingTotals,
  periodAndPrevious,
  projectShares,
  reportLineOf,
  totalOf,
} from './compose-report.js';
import type {
  ClientReport,
  InternalReport,
  ReportAudience,
  ReportBudget,
  ReportClient,
  ReportModel,
} from './report-model.js';

/** How many items each list section keeps; the exports carry every line. */
export const REPORT_LIMITS = { topItems: 5, pendingItems: 5, flaggedItems: 5, clientLines: 50 } as const;

export type ReportReadDeps = {
  readonly directory: Directory;
  readonly admin: Pick<AdminRepository, 'projects'>;
  readonly budgets: BudgetRepository;
  readonly reportQuery: ReportQuery;
};

export type ReportRequest = {
  readonly organisationId: string;
  readonly client: ClientRecord;
  readonly project?: ProjectRecord | undefined;
  readonly period: PeriodRange;
  readonly audience: ReportAudience;
  /** Client-facing only: include budget consumption (approved billable spend), because the binding opts in. */
  readonly budgetWarnings?: boolean | undefined;
  /** Today in the client's time zone. */
  readonly today: IsoDate;
};

const clientOf = (client: ClientRecord): ReportClient => ({
  id: client.id,
  code: client.code,
  name: client.name,
  currency: client.currency,
  timeZone: client.timeZone,
});

const earlier = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) <= 0 ? a : b);

/** The report model of one client (or one of its projects) over one period, for one audience. */
export async function buildReportModel(
  deps: ReportReadDeps,
  tx: Tx,
  request: ReportRequest,
): Promise<ReportModel> {
  const org = request.organisationId;
  const { period, previous } = periodAndPrevious(request.period);
  const scope: ReportScope = { clientId: request.client.id, projectId: request.project?.id };
  const current = { from: period.start, through: period.end };

  const [categories, projectList, groups] = [
    await deps.directory.categories(tx, org),
    await deps.admin.projects(tx, org, request.client.id),
    await deps.reportQuery.spendGroups(tx, org, scope, current, {
      from: previous.start,
      through: previous.end,
    }),
  ];
  const projects = new Map(projectList.map((p) => [p.id, p]));
  const nameOf = (code: string): LocalisedName =>
    (categories.find((c) => c.code === code) ?? DEFAULT_CATEGORIES.find((c) => c.code === code))?.names ?? {
      en: code,
      'zh-CN': code,
    };
  const measure = request.audience === 'internal' ? 'approved' : 'billable';
  const base = {
    version: 1 as const,
    client: clientOf(request.client),
    ...(request.project === undefined ? {} : { projectName: request.project.name }),
    period: { key: period.key, start: period.start, end: period.end },
    previous: { key: previous.key, start: previous.start, end: previous.end },
    asOf: request.today,
    total: totalOf(groups, measure),
    byCategory: categoryShares(groups, measure, nameOf),
    byProject: projectShares(groups, measure, projects),
  };

  const wantsBudgets = request.audience === 'internal' || request.budgetWarnings === true;
  const budgets = wantsBudgets ? await budgetsOf(deps, tx, request, projects) : [];

  if (request.audience === 'client') {
    const lines = await deps.reportQuery.billableLines(tx, org, scope, current, REPORT_LIMITS.clientLines);
    const report: ClientReport = {
      ...base,
      audience: 'client',
      lines: {
        count: base.byCategory.reduce((n, c) => n + c.count, 0),
        items: lines.map((row) => reportLineOf(row, projects, nameOf)),
      },
      ...(request.budgetWarnings === true ? { budgets } : {}),
    };
    return report;
  }

  const top = await deps.reportQuery.largestApproved(tx, org, scope, current, REPORT_LIMITS.topItems);
  const pendingItems = await deps.reportQuery.oldestPending(
    tx,
    org,
    scope,
    current,
    REPORT_LIMITS.pendingItems,
  );
  const counts = await deps.reportQuery.findingCounts(tx, org, scope, current);
  const flagged = await deps.reportQuery.flaggedItems(tx, org, scope, current, REPORT_LIMITS.flaggedItems);
  const pending = pendingTotals(groups);
  const running =
    compareDates(period.start, request.today) <= 0 && compareDates(request.today, period.end) < 0;
  const forecast = running
    ? forecastPeriodEnd({
        actualMinor: base.total.currentMinor,
        committedMinor: pending.totalMinor,
        periodStart: period.start,
        periodEnd: period.end,
        today: request.today,
      })
    : undefined;
  const report: InternalReport = {
    ...base,
    audience: 'internal',
    billableMinor: totalOf(groups, 'billable').currentMinor,
    budgets,
    topItems: top.map((row) => internalLineOf(row, projects, nameOf)),
    pending: { ...pending, items: pendingItems.map((row) => internalLineOf(row, projects, nameOf)) },
    risk: {
      counts,
      top: flagged.map((row) => ({
        ...internalLineOf(row, projects, nameOf),
        code: row.code,
        severity: row.severity,
      })),
    },
    ...(forecast === undefined
      ? {}
      : {
          forecast: {
            projectedMinor: forecast.projectedMinor,
            paceMinorPerDay: forecast.paceMinorPerDay,
            elapsedDays: forecast.elapsedDays,
            totalDays: forecast.totalDays,
            committedMinor: forecast.committedMinor,
          },
        }),
  };
  return report;
}

/**
 * Each budget of the client (of the project, for a project report) over its own period holding the report's last
 * day — or today, while the report's period is still running. Internal: actual + committed with the pace
 * forecast; client-facing: approved billable spend only.
 */
async function budgetsOf(
  deps: ReportReadDeps,
  tx: Tx,
  request: ReportRequest,
  projects: ReadonlyMap<string, ProjectRecord>,
): Promise<ReportBudget[]> {
  const all = await deps.budgets.forClient(tx, request.organisationId, request.client.id);
  const relevant = all.filter(
    (b) => request.project === undefined || b.projectId === undefined || b.projectId === request.project.id,
  );
  const reference = earlier(request.period.end, request.today);
  const windows = relevant.map((budget) => {
    const own = budget.projectId === undefined ? undefined : projects.get(budget.projectId);
    const engagement = own === undefined ? undefined : { start: own.startOn, end: own.endOn };
    return { budget, period: periodContaining(budget.period, reference, engagement) };
  });
  const spend = await deps.reportQuery.budgetSpend(
    tx,
    request.organisationId,
    request.client.id,
    windows.map(({ budget, period }) => ({
      budgetId: budget.id,
      projectId: budget.projectId,
      categoryCode: budget.categoryCode,
      from: period.start,
      through: period.end,
    })),
  );
  return windows.map(({ budget, period }): ReportBudget => {
    const s = spend.get(budget.id) ?? { actualMinor: 0, billableMinor: 0, committedMinor: 0 };
    const projectName = budget.projectId === undefined ? undefined : projects.get(budget.projectId)?.name;
    const scope = {
      ...(projectName === undefined ? {} : { projectName }),
      ...(budget.categoryCode === undefined ? {} : { categoryCode: budget.categoryCode }),
    };
    if (request.audience === 'client') {
      const standing = clientFacingConsumption(budget, { actualMinor: s.billableMinor, committedMinor: 0 });
      return {
        budgetId: budget.id,
        scope,
        periodKey: period.key,
        budgetMinor: budget.amount.amountMinor,
        actualMinor: s.billableMinor,
        committedMinor: 0,
        percentBp: standing.percentBp,
      };
    }
    const consumption = { actualMinor: s.actualMinor, committedMinor: s.committedMinor };
    const standing = internalConsumption(budget, consumption);
    const forecast = forecastPeriodEnd({
      ...consumption,
      periodStart: period.start,
      periodEnd: period.end,
      today: request.today,
    });
    const ongoing = compareDates(request.today, period.end) < 0;
    return {
      budgetId: budget.id,
      scope,
      periodKey: period.key,
      budgetMinor: budget.amount.amountMinor,
      actualMinor: s.actualMinor,
      committedMinor: s.committedMinor,
      percentBp: standing.percentBp,
      ...(ongoing ? { forecast: forecastSnapshot(forecast) } : {}),
    };
  });
}
