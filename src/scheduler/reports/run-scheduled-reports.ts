// The `reports` job: every binding with a schedule is checked against the instant the job runs at, and the one
// report it owes (if any) is handed to the enqueue use case, which claims `(report, occurrence, binding)` in the
// job-run ledger and writes the outbox row in one transaction. Ticking again, or on a second instance, finds the
// claim taken and sends nothing.
import type { IsoDate } from '../../domain/periods/calendar-date.js';
import type { Logger } from '../../domain/ports/logger.port.js';
import type { ScheduledBinding, SchedulerDirectory } from '../../domain/ports/scheduler-directory.port.js';
import type { UnitOfWork } from '../../domain/ports/unit-of-work.port.js';
import { dueReport } from './report-schedule-timing.js';

export type ScheduledReportRequest = {
  readonly organisationId: string;
  readonly bindingId: string;
  readonly from: IsoDate;
  readonly through: IsoDate;
  /** ISO instant of the schedule occurrence: the ledger's period key. */
  readonly occurrence: string;
};

export type EnqueueScheduledReport = (
  input: ScheduledReportRequest,
) => Promise<'enqueued' | 'already-claimed' | 'binding-gone'>;

export type ReportsRunSummary = {
  /** Scheduled bindings looked at. */
  readonly bindings: number;
  readonly enqueued: number;
  readonly alreadyClaimed: number;
  /** Owed nothing at this instant (created after the occurrence, or nothing to cover). */
  readonly notDue: number;
  /** Removed or changed between the listing and the enqueue. */
  readonly gone: number;
  /** The schedule could not be evaluated, or enqueueing threw; logged, and tried again next tick. */
  readonly failed: number;
};

export type ReportsJobDeps = {
  readonly uow: UnitOfWork;
  readonly directory: SchedulerDirectory;
  readonly enqueueScheduledReport: EnqueueScheduledReport;
  readonly logger: Logger;
  /**
   * Binding → the occurrence this process last saw settled (enqueued or claimed elsewhere). A long-running
   * scheduler passes one map for its lifetime so each minute's tick asks the ledger only about new occurrences;
   * the ledger stays the authority, the map only saves round trips.
   */
  readonly settled?: Map<string, string>;
};

export type ReportsScope = {
  readonly organisationId: string;
  /** One client only (`outlay job reports --client`). */
  readonly clientId?: string;
};

type Tally = { -readonly [K in keyof ReportsRunSummary]: number };

export const runScheduledReports =
  (deps: ReportsJobDeps) =>
  async (at: Date, scopes: readonly ReportsScope[]): Promise<ReportsRunSummary> => {
    const tally: Tally = { bindings: 0, enqueued: 0, alreadyClaimed: 0, notDue: 0, gone: 0, failed: 0 };
    for (const scope of scopes) {
      const bindings = await deps.uow.run((tx) =>
        deps.directory.scheduledBindings(tx, scope.organisationId, scope.clientId),
      );
      tally.bindings += bindings.length;
      for (const binding of bindings) await settleBinding(deps, binding, at, tally);
    }
    return tally;
  };

async function settleBinding(
  deps: ReportsJobDeps,
  binding: ScheduledBinding,
  at: Date,
  tally: Tally,
): Promise<void> {
  const log = { organisationId: binding.organisationId, bindingId: binding.bindingId };
  const memoKey = `${binding.organisationId}\u0000${binding.bindingId}`;
  let due: ReturnType<typeof dueReport>;
  try {
    due = dueReport(binding, at);
  } catch (error) {
    tally.failed += 1;
    // Checked every minute: say it once per schedule, not sixty times an hour.
    const noted = `invalid:${binding.timeZone}:${binding.schedule}`;
    if (deps.settled?.get(memoKey) === noted) return;
    deps.settled?.set(memoKey, noted);
    deps.logger.warn(
      { ...log, err: error, schedule: binding.schedule, timeZone: binding.timeZone },
      'report schedule cannot be evaluated',
    );
    return;
  }
  if (!due.due) {
    tally.notDue += 1;
    return;
  }
  const occurrence = due.occurrence.toISOString();
  if (deps.settled?.get(memoKey) === occurrence) {
    tally.alreadyClaimed += 1;
    return;
  }
  try {
    const outcome = await deps.enqueueScheduledReport({
      organisationId: binding.organisationId,
      bindingId: binding.bindingId,
      from: due.from,
      through: due.through,
      occurrence,
    });
    switch (outcome) {
      case 'enqueued':
        tally.enqueued += 1;
        deps.logger.info({ ...log, occurrence, from: due.from, through: due.through }, 'report enqueued');
        deps.settled?.set(memoKey, occurrence);
        return;
      case 'already-claimed':
        tally.alreadyClaimed += 1;
        deps.settled?.set(memoKey, occurrence);
        return;
      case 'binding-gone':
        tally.gone += 1;
        return;
    }
  } catch (error) {
    tally.failed += 1;
    deps.logger.error(
      { ...log, err: error, occurrence },
      'scheduled report failed; the next tick retries it',
    );
  }
}
