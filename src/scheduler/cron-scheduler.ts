// node-cron drives the jobs on the wall clock. The triggers only say when to look; what is due is decided by the
// job from the instant the injected clock reads, so tests call `tick` with a frozen clock instead of waiting, and a
// trigger that fires late or twice changes nothing (the job-run ledger holds every claim).
import { randomUUID } from 'node:crypto';
import { createTask, type ScheduledTask } from 'node-cron';
import type { Clock } from '../domain/ports/clock.port.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { JobName, JobSummary } from './jobs/job-registry.js';

export type CronTrigger = { readonly job: JobName; readonly cron: string };

/**
 * In UTC. Reports are checked every minute, since each binding's schedule is in its own client's time zone; the
 * budget sweep backs up the in-transaction warnings every quarter hour; reminders look hourly (they keep working
 * hours themselves); the audit head is anchored once a day, after the UTC day its admin message is keyed on begins.
 * The outbox has its own polling loop and needs no trigger.
 */
export const DEFAULT_TRIGGERS: readonly CronTrigger[] = [
  { job: 'reports', cron: '* * * * *' },
  { job: 'budget-warnings', cron: '*/15 * * * *' },
  { job: 'reminders', cron: '7 * * * *' },
  { job: 'audit-seal', cron: '5 0 * * *' },
];

export type CronSchedulerOptions = {
  /** Runs one job as of `at` with the run's own logger. */
  readonly run: (job: JobName, at: Date, logger: Logger) => Promise<JobSummary>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly triggers?: readonly CronTrigger[];
};

export type TickOutcome =
  | { readonly ran: true; readonly summary: JobSummary }
  | { readonly ran: false; readonly reason: 'busy' | 'failed' };

export interface CronScheduler {
  /** One run of a job now (as the clock reads); what each trigger calls. Skipped while the same job still runs. */
  tick(job: JobName): Promise<TickOutcome>;
  start(): void;
  /** Stops the triggers and waits for runs in flight. */
  stop(): Promise<void>;
}

export function createCronScheduler(options: CronSchedulerOptions): CronScheduler {
  const log = options.logger.child({ component: 'scheduler' });
  const triggers = options.triggers ?? DEFAULT_TRIGGERS;
  const running = new Map<JobName, Promise<TickOutcome>>();
  let tasks: ScheduledTask[] = [];

  async function runLogged(job: JobName): Promise<TickOutcome> {
    const at = options.clock.now();
    const runLog = log.child({ job, run: randomUUID(), at: at.toISOString() });
    const started = Date.now();
    try {
      const summary = await options.run(job, at, runLog);
      runLog.debug({ summary, ms: Date.now() - started }, 'job run finished');
      return { ran: true, summary };
    } catch (error) {
      runLog.error({ err: error }, 'job run failed');
      return { ran: false, reason: 'failed' };
    }
  }

  function tick(job: JobName): Promise<TickOutcome> {
    // A slow run (a large sweep, a database under load) must not pile up copies of itself.
    if (running.has(job)) {
      log.debug({ job }, 'job still running; this trigger is skipped');
      return Promise.resolve({ ran: false, reason: 'busy' });
    }
    const run = runLogged(job).finally(() => running.delete(job));
    running.set(job, run);
    return run;
  }

  const cronLogger = {
    info: (message: string) => log.debug({ source: 'node-cron' }, message),
    warn: (message: string) => log.warn({ source: 'node-cron' }, message),
    error: (message: string | Error, err?: Error) =>
      log.error({ source: 'node-cron', err: err ?? message }, String(message)),
    debug: (message: string | Error) => log.debug({ source: 'node-cron' }, String(message)),
  };

  return {
    tick,
    start() {
      if (tasks.length > 0) return;
      tasks = triggers.map((trigger) => {
        const task = createTask(
          trigger.cron,
          async () => {
            await tick(trigger.job);
          },
          { name: `outlay-${trigger.job}`, timezone: 'UTC', noOverlap: true, logger: cronLogger },
        );
        void task.start();
        return task;
      });
      log.info({ triggers: triggers.map((t) => `${t.job} ${t.cron}`) }, 'scheduler started');
    },
    async stop() {
      const stopping = tasks;
      tasks = [];
      await Promise.all(
        stopping.map(async (task) => {
          await task.destroy();
        }),
      );
      await Promise.all(running.values());
    },
  };
}
