// `budget @client` (docs/product-rules.md §5): each budget of the client with approved (actual) and pending
// (committed) spend in its current period, and where the period is heading at the current pace. Internal view; reads
// only.
import type { Budget } from '../budgets/budget.js';
import { type BudgetStanding, type Consumption, internalConsumption } from '../budgets/consumption.js';
import {
  type Forecast,
  type ForecastWarning,
  forecastPeriodEnd,
  forecastWarning,
} from '../budgets/forecast.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import { periodContaining } from '../periods/budget-period.js';
import { todayIn } from '../periods/calendar-date.js';
import type { PeriodRange } from '../periods/period-range.js';
import type { ClientRecord } from '../ports/directory.port.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import type { AdminDeps } from './admin-deps.js';
import { type ClientNotFound, findClient } from './target-client.js';

export type ShowBudgetsInput = {
  readonly clientCode: string;
  /** Only that project's budgets. */
  readonly projectCode?: string | undefined;
};

export type BudgetOverview = {
  readonly budget: Budget;
  readonly period: PeriodRange;
  readonly consumption: Consumption;
  readonly standing: BudgetStanding;
  readonly forecast: Forecast;
  /** Present when the projection passes 100 %. */
  readonly forecastWarning?: ForecastWarning;
};

export type BudgetsShown = {
  readonly client: ClientRecord;
  readonly today: string;
  readonly budgets: readonly BudgetOverview[];
};

export type ShowBudgetsFailure = Forbidden | ClientNotFound | Failure<'PROJECT_UNKNOWN'>;

export const showBudgets =
  (deps: AdminDeps) =>
  (ctx: RequestContext, input: ShowBudgetsInput): Promise<Result<BudgetsShown, ShowBudgetsFailure>> =>
    deps.uow.run(async (tx): Promise<Result<BudgetsShown, ShowBudgetsFailure>> => {
      const org = ctx.organisationId;
      const client = await findClient(deps, tx, org, input.clientCode, { allowArchived: true });
      if (!client.ok) return client;
      const allowed = authorise(ctx.actor, 'view-client', { clientId: client.value.id, view: 'internal' });
      if (!allowed.ok) return allowed;
      const projects = await deps.admin.projects(tx, org, client.value.id);
      const project =
        input.projectCode === undefined
          ? undefined
          : projects.find((p) => p.code === input.projectCode?.toLowerCase());
      if (input.projectCode !== undefined && project === undefined) {
        return fail('PROJECT_UNKNOWN', { client: client.value.code, code: input.projectCode });
      }

      const today = todayIn(deps.clock.now().getTime(), client.value.timeZone);
      const all = await deps.budgets.forClient(tx, org, client.value.id);
      const budgets: BudgetOverview[] = [];
      for (const budget of all) {
        if (project !== undefined && budget.projectId !== project.id) continue;
        const own = projects.find((p) => p.id === budget.projectId);
        const engagement = own === undefined ? undefined : { start: own.startOn, end: own.endOn };
        const period = periodContaining(budget.period, today, engagement);
        const consumption = await deps.expenses.consumption(tx, org, {
          clientId: budget.clientId,
          projectId: budget.projectId,
          categoryCode: budget.categoryCode,
          from: period.start,
          through: period.end,
        });
        const forecast = forecastPeriodEnd({
          actualMinor: consumption.actualMinor,
          committedMinor: consumption.committedMinor,
          periodStart: period.start,
          periodEnd: period.end,
          today,
        });
        const warning = forecastWarning(forecast, budget.amount.amountMinor);
        budgets.push({
          budget,
          period,
          consumption,
          standing: internalConsumption(budget, consumption),
          forecast,
          ...(warning === undefined ? {} : { forecastWarning: warning }),
        });
      }
      return ok({ client: client.value, today, budgets });
    });
