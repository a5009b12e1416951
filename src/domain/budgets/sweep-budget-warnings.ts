// The periodic budget sweep (docs/product-rules.md §5): every budget of every active client, in the period holding
// today in the client's time zone. Thresholds claim the same ledger keys as the change that crosses them
// (expenses/announce.ts), so whichever comes first announces and the other does nothing; a forecast past 100 % warns
// once per period; client channels that opted in hear of thresholds reached by approved spend only.
import {
  announceThresholdWarning,
  type BudgetWarningDeps,
  budgetWarningAddresses,
} from '../expenses/announce.js';
import { periodContaining } from '../periods/budget-period.js';
import { todayIn } from '../periods/calendar-date.js';
import type { PeriodRange } from '../periods/period-range.js';
import type { BudgetRepository } from '../ports/budget-repository.port.js';
import type { ClientRecord } from '../ports/directory.port.js';
import type { ExpenseRepository } from '../ports/expense-repository.port.js';
import type { SweepQuery } from '../ports/sweep-query.port.js';
import type { Tx, UnitOfWork } from '../ports/unit-of-work.port.js';
import type { Budget } from './budget.js';
import { type Consumption, clientFacingConsumption, internalConsumption } from './consumption.js';
import { forecastPeriodEnd, forecastWarning } from './forecast.js';

export type SweepBudgetWarningsDeps = BudgetWarningDeps & {
  readonly uow: UnitOfWork;
  readonly budgets: BudgetRepository;
  readonly expenses: Pick<ExpenseRepository, 'consumption'>;
  readonly sweepQuery: Pick<SweepQuery, 'activeClients'>;
};

export type SweepBudgetWarningsInput = {
  readonly organisationId: string;
  /** The instant the sweep runs for: "today" is its date in each client's time zone. */
  readonly at: Date;
  readonly clientId?: string | undefined;
};

/** Announcements written: threshold warnings (internal and client-facing) and forecast warnings. */
export type BudgetSweepSummary = { readonly warnings: number; readonly forecasts: number };

type BudgetState = {
  readonly budget: Budget;
  readonly period: PeriodRange;
  readonly consumption: Consumption;
  readonly today: string;
};

export const sweepBudgetWarnings =
  (deps: SweepBudgetWarningsDeps) =>
  async (input: SweepBudgetWarningsInput): Promise<BudgetSweepSummary> => {
    const { organisationId } = input;
    const clients = await deps.uow.run((tx) =>
      deps.sweepQuery.activeClients(tx, organisationId, input.clientId),
    );
    let warnings = 0;
    let forecasts = 0;
    for (const client of clients) {
      const today = todayIn(input.at.getTime(), client.timeZone);
      const budgets = await deps.uow.run((tx) => deps.budgets.forClient(tx, organisationId, client.id));
      for (const budget of budgets) {
        // One transaction per budget: its claims and its messages commit together or not at all.
        const written = await deps.uow.run(async (tx) => {
          const state = await measure(deps, tx, organisationId, client, budget, today);
          return {
            warnings:
              (await announceInternal(deps, tx, organisationId, client, state)) +
              (await announceClientFacing(deps, tx, organisationId, client, state)),
            forecasts: await announceForecast(deps, tx, organisationId, client, state),
          };
        });
        warnings += written.warnings;
        forecasts += written.forecasts;
      }
    }
    return { warnings, forecasts };
  };

async function measure(
  deps: SweepBudgetWarningsDeps,
  tx: Tx,
  organisationId: string,
  client: ClientRecord,
  budget: Budget,
  today: string,
): Promise<BudgetState> {
  const project =
    budget.projectId === undefined
      ? undefined
      : await deps.directory.projectById(tx, organisationId, client.id, budget.projectId);
  const period = periodContaining(budget.period, today, {
    start: project?.startOn,
    end: project?.endOn,
  });
  const consumption = await deps.expenses.consumption(tx, organisationId, {
    clientId: client.id,
    projectId: budget.projectId,
    categoryCode: budget.categoryCode,
    from: period.start,
    through: period.end,
  });
  return { budget, period, consumption, today };
}

async function announceInternal(
  deps: SweepBudgetWarningsDeps,
  tx: Tx,
  organisationId: string,
  client: ClientRecord,
  { budget, period, consumption, today }: BudgetState,
): Promise<number> {
  const standing = internalConsumption(budget, consumption);
  let announced = 0;
  for (const threshold of standing.reachedThresholds) {
    const claimed = await announceThresholdWarning(deps, tx, organisationId, {
      budgetId: budget.id,
      clientId: client.id,
      periodKey: period.key,
      periodEnd: period.end,
      threshold,
      budgetMinor: standing.budgetMinor,
      actualMinor: consumption.actualMinor,
      committedMinor: consumption.committedMinor,
      currency: standing.currency,
      willExceedByMinor: standing.overByMinor > 0 ? standing.overByMinor : null,
      forecastMinor: forecastOf(period, consumption, today).projectedMinor,
    });
    if (claimed) announced += 1;
  }
  return announced;
}

/**
 * Client channels see thresholds measured on approved spend, under their own ledger key, and a payload that holds
 * nothing else: no pending figures, no forecast, so nothing internal can reach the client's channel.
 */
async function announceClientFacing(
  deps: SweepBudgetWarningsDeps,
  tx: Tx,
  organisationId: string,
  client: ClientRecord,
  { budget, period, consumption }: BudgetState,
): Promise<number> {
  const bindings = (await deps.bindings.forClient(tx, organisationId, client.id)).filter(
    (b) => b.audience === 'client' && b.budgetWarnings,
  );
  if (bindings.length === 0) return 0;
  const standing = clientFacingConsumption(budget, consumption);
  let announced = 0;
  for (const threshold of standing.reachedThresholds) {
    const claimed = await deps.ledger.claim(tx, {
      organisationId,
      job: 'budget-threshold',
      periodKey: period.key,
      target: `${budget.id}:${threshold}:client`,
    });
    if (!claimed) continue;
    announced += 1;
    for (const binding of bindings) {
      await deps.outbox.enqueue(tx, {
        organisationId,
        dedupeKey: `budget-warning:${budget.id}:${period.key}:${threshold}:client:${binding.address}`,
        address: binding.address,
        kind: 'budget-warning',
        payload: {
          audience: 'client',
          budgetId: budget.id,
          clientId: client.id,
          periodKey: period.key,
          periodEnd: period.end,
          threshold,
          budgetMinor: standing.budgetMinor,
          actualMinor: consumption.actualMinor,
          currency: standing.currency,
          locale: binding.reportLocale ?? null,
        },
      });
    }
  }
  return announced;
}

async function announceForecast(
  deps: SweepBudgetWarningsDeps,
  tx: Tx,
  organisationId: string,
  client: ClientRecord,
  { budget, period, consumption, today }: BudgetState,
): Promise<number> {
  const forecast = forecastOf(period, consumption, today);
  // Without an end date there is no pace to project; the 100 % threshold already says when it is spent.
  if (forecast.method !== 'linear-pace') return 0;
  const warning = forecastWarning(forecast, budget.amount.amountMinor);
  if (warning === undefined) return 0;
  const claimed = await deps.ledger.claim(tx, {
    organisationId,
    job: 'budget-forecast',
    periodKey: period.key,
    target: budget.id,
  });
  if (!claimed) return 0;
  for (const address of await budgetWarningAddresses(deps, tx, organisationId, client.id)) {
    await deps.outbox.enqueue(tx, {
      organisationId,
      dedupeKey: `budget-forecast:${budget.id}:${period.key}:${address}`,
      address,
      kind: 'budget-forecast',
      payload: {
        budgetId: budget.id,
        clientId: client.id,
        periodKey: period.key,
        periodEnd: period.end,
        budgetMinor: warning.budgetMinor,
        actualMinor: consumption.actualMinor,
        committedMinor: consumption.committedMinor,
        currency: budget.amount.currency,
        projectedMinor: warning.projectedMinor,
        overByMinor: warning.overByMinor,
        forecastPercentBp: warning.forecastPercentBp,
        forecast,
      },
    });
  }
  return 1;
}

const forecastOf = (period: PeriodRange, consumption: Consumption, today: string) =>
  forecastPeriodEnd({
    actualMinor: consumption.actualMinor,
    committedMinor: consumption.committedMinor,
    periodStart: period.start,
    periodEnd: period.end,
    today,
  });
