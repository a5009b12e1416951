// Part of the composition root: the scheduler's jobs over the real use cases. Each run's use cases get their own
// fixed clock at the instant it runs "as of", so `outlay job reports --at …` and a cron tick are the same code.
// Storage keeps the app's clock: a message a job writes is due when it is written, not at the instant the job
// pretends it is (a report re-run for last Monday goes out now, and one run for next Monday does not wait).
import type { Config } from '../config/config.js';
import { recordAuditHead } from '../domain/audit/record-audit-head.js';
import { sealAuditEvents } from '../domain/audit/seal-audit-events.js';
import type { Clock } from '../domain/ports/clock.port.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { Result } from '../domain/shared/result.js';
import {
  createJobRegistry,
  type JobFailure,
  type JobOptions,
  type JobRegistryDeps,
  type JobSummary,
  runJob,
} from '../scheduler/jobs/job-registry.js';
import type { OutboxWorker } from '../scheduler/outbox/outbox-worker.js';
import { createFileAuditAnchorSink } from '../storage/audit-anchor-file.js';
import { createDrizzleSchedulerDirectory } from '../storage/repositories/drizzle-scheduler-directory.js';
import { buildUseCases, type CoreDeps } from './build-conversation.js';

/** The use cases the jobs call that other parts of the product own (reports; budget sweep and reminders). */
export type SchedulerUseCases = Pick<
  JobRegistryDeps,
  'enqueueScheduledReport' | 'sweepBudgetWarnings' | 'sendReminders'
>;

export type JobRunner = {
  run(name: string, at: Date, options: JobOptions, logger?: Logger): Promise<Result<JobSummary, JobFailure>>;
};

export type JobRunnerDeps = {
  readonly config: Config;
  readonly core: CoreDeps;
  readonly logger: Logger;
  /** An outbox worker reading the given clock, with the server's notifiers. */
  readonly outboxWorker: (clock: Clock) => OutboxWorker;
  /** See JobRegistryDeps.reportsSettled: only for the long-running cron scheduler. */
  readonly reportsSettled?: Map<string, string>;
};

/** A drain stops when a run claims nothing; with the clock fixed, what it retries or defers is due only later. */
const MAX_DRAIN_ROUNDS = 100;

export const fixedClockAt = (at: Date): Clock => ({ now: () => new Date(at.getTime()) });

export function createJobRunner(deps: JobRunnerDeps): JobRunner {
  const directory = createDrizzleSchedulerDirectory();
  const anchors = createFileAuditAnchorSink(deps.config.dataDir);

  return {
    run(name, at, options, logger = deps.logger) {
      const clock = fixedClockAt(at);
      const core: CoreDeps = { ...deps.core, clock };
      const useCases = schedulerUseCasesOf(buildUseCases(core));
      const registry = createJobRegistry({
        uow: core.uow,
        directory,
        ...useCases,
        drainOutbox: () => drain(deps.outboxWorker(clock)),
        async sealAudit(organisationId) {
          const { sealed } = await sealAuditEvents(core)(organisationId);
          const { head, announced } = await recordAuditHead({ ...core, anchors })(organisationId);
          return { sealed, recorded: head !== null, announced };
        },
        logger,
        ...(deps.reportsSettled === undefined ? {} : { reportsSettled: deps.reportsSettled }),
      });
      return runJob(registry, name, at, options);
    },
  };
}

async function drain(worker: OutboxWorker): Promise<JobSummary> {
  const totals = { claimed: 0, delivered: 0, retried: 0, deferred: 0, dead: 0 };
  for (let round = 0; round < MAX_DRAIN_ROUNDS; round += 1) {
    const result = await worker.runOnce();
    for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result[key];
    if (result.claimed === 0) break;
  }
  return totals;
}

function schedulerUseCasesOf(useCases: ReturnType<typeof buildUseCases>): SchedulerUseCases {
  return {
    enqueueScheduledReport: useCases.enqueueScheduledReport,
    sweepBudgetWarnings: useCases.sweepBudgetWarnings,
    sendReminders: useCases.sendReminders,
  };
}
