// The jobs of docs/product-rules.md §11 by name, each `(at, options) → summary`: what the cron triggers run on the
// clock and what `outlay job <name> --at …` runs by hand. A job is given the instant it runs at rather than reading a
// clock, so a run "as if it were Monday 09:00" is the same code as the real one.
import type { Logger } from '../../domain/ports/logger.port.js';
import type { SchedulerDirectory } from '../../domain/ports/scheduler-directory.port.js';
import type { UnitOfWork } from '../../domain/ports/unit-of-work.port.js';
import { type Failure, fail, ok, type Result } from '../../domain/shared/result.js';
import {
  type EnqueueScheduledReport,
  type ReportsScope,
  runScheduledReports,
} from '../reports/run-scheduled-reports.js';

export const JOB_NAMES = ['reports', 'budget-warnings', 'reminders', 'outbox', 'audit-seal'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const isJobName = (name: string): name is JobName => (JOB_NAMES as readonly string[]).includes(name);

/** Jobs that work per client and so accept `--client`. */
export const CLIENT_SCOPED_JOBS: ReadonlySet<JobName> = new Set(['reports', 'budget-warnings', 'reminders']);

export type JobOptions = {
  /** A client code as typed (`acme`, `@ACME`); only for the client-scoped jobs. */
  readonly clientCode?: string;
};

export type JobSummary = Readonly<Record<string, number>>;

export type Job = (at: Date, options: JobOptions) => Promise<JobSummary>;

export type JobRegistry = Readonly<Record<JobName, Job>>;

export type OrganisationSweep = {
  readonly organisationId: string;
  readonly at: Date;
  readonly clientId?: string;
};

export type JobRegistryDeps = {
  readonly uow: UnitOfWork;
  readonly directory: SchedulerDirectory;
  readonly enqueueScheduledReport: EnqueueScheduledReport;
  readonly sweepBudgetWarnings: (
    input: OrganisationSweep,
  ) => Promise<{ readonly warnings: number; readonly forecasts: number }>;
  readonly sendReminders: (
    input: OrganisationSweep,
  ) => Promise<{ readonly reminders: number; readonly escalations: number }>;
  /** Delivers what is due at `at` until nothing more is (one drain of the outbox worker). */
  readonly drainOutbox: (at: Date) => Promise<JobSummary>;
  /** Seals the organisation's audit chain and records its head (anchor file, admin channel) as of `at`. */
  readonly sealAudit: (
    organisationId: string,
    at: Date,
  ) => Promise<{ readonly sealed: number; readonly recorded: boolean; readonly announced: boolean }>;
  readonly logger: Logger;
  /** Kept by a long-running scheduler between ticks; see ReportsJobDeps.settled. */
  readonly reportsSettled?: Map<string, string>;
};

export type JobFailure = Failure<'UNKNOWN_JOB' | 'UNKNOWN_CLIENT' | 'CLIENT_NOT_APPLICABLE'>;

/** Thrown by a client-scoped job whose client code matches no client in any organisation. */
export class UnknownClientError extends Error {
  constructor(readonly clientCode: string) {
    super(`no client with code "${clientCode}"`);
    this.name = 'UnknownClientError';
  }
}

/** The code as stored: `@ACME` and `acme` name the same client. */
export const normaliseClientCode = (typed: string): string =>
  typed.trim().replace(/^@/, '').normalize('NFKC').toLowerCase();

export function createJobRegistry(deps: JobRegistryDeps): JobRegistry {
  const reports = runScheduledReports({
    uow: deps.uow,
    directory: deps.directory,
    enqueueScheduledReport: deps.enqueueScheduledReport,
    logger: deps.logger,
    ...(deps.reportsSettled === undefined ? {} : { settled: deps.reportsSettled }),
  });

  /** Every organisation, or those with a client of that code (at least one, else UnknownClientError). */
  async function scopes(options: JobOptions): Promise<readonly ReportsScope[]> {
    return deps.uow.run(async (tx) => {
      const organisations = await deps.directory.organisations(tx);
      if (options.clientCode === undefined)
        return organisations.map((organisationId) => ({ organisationId }));
      const code = normaliseClientCode(options.clientCode);
      const found: ReportsScope[] = [];
      for (const organisationId of organisations) {
        const clientId = await deps.directory.clientIdByCode(tx, organisationId, code);
        if (clientId !== undefined) found.push({ organisationId, clientId });
      }
      if (found.length === 0) throw new UnknownClientError(options.clientCode);
      return found;
    });
  }

  /** One organisation's failure is logged and counted; the others still run. */
  async function perOrganisation<K extends string>(
    job: JobName,
    list: readonly ReportsScope[],
    keys: readonly K[],
    work: (scope: ReportsScope) => Promise<Readonly<Record<K, number>>>,
  ): Promise<JobSummary> {
    const totals: Record<string, number> = { organisations: list.length, failed: 0 };
    for (const key of keys) totals[key] = 0;
    for (const scope of list) {
      try {
        const result = await work(scope);
        for (const key of keys) totals[key] = (totals[key] ?? 0) + result[key];
      } catch (error) {
        totals.failed = (totals.failed ?? 0) + 1;
        deps.logger.error(
          { err: error, job, organisationId: scope.organisationId },
          'job failed for an organisation',
        );
      }
    }
    return totals;
  }

  const sweep = (scope: ReportsScope, at: Date): OrganisationSweep => ({
    organisationId: scope.organisationId,
    at,
    ...(scope.clientId === undefined ? {} : { clientId: scope.clientId }),
  });

  return {
    reports: async (at, options) => reports(at, await scopes(options)),
    'budget-warnings': async (at, options) =>
      perOrganisation('budget-warnings', await scopes(options), ['warnings', 'forecasts'], (scope) =>
        deps.sweepBudgetWarnings(sweep(scope, at)),
      ),
    reminders: async (at, options) =>
      perOrganisation('reminders', await scopes(options), ['reminders', 'escalations'], (scope) =>
        deps.sendReminders(sweep(scope, at)),
      ),
    outbox: (at) => deps.drainOutbox(at),
    'audit-seal': async (at) =>
      perOrganisation('audit-seal', await scopes({}), ['sealed', 'recorded', 'announced'], async (scope) => {
        const result = await deps.sealAudit(scope.organisationId, at);
        return {
          sealed: result.sealed,
          recorded: result.recorded ? 1 : 0,
          announced: result.announced ? 1 : 0,
        };
      }),
  };
}

/**
 * Runs a job by the name someone typed. A name that is no job, a client option on a job that works on everything,
 * or a client code nobody has comes back as a failure for the caller to explain; anything else thrown is a fault.
 */
export async function runJob(
  registry: JobRegistry,
  name: string,
  at: Date,
  options: JobOptions,
): Promise<Result<JobSummary, JobFailure>> {
  if (!isJobName(name)) return fail('UNKNOWN_JOB', { job: name, jobs: JOB_NAMES.join(', ') });
  if (options.clientCode !== undefined && !CLIENT_SCOPED_JOBS.has(name)) {
    return fail('CLIENT_NOT_APPLICABLE', { job: name, jobs: [...CLIENT_SCOPED_JOBS].join(', ') });
  }
  try {
    return ok(await registry[name](at, options));
  } catch (error) {
    if (error instanceof UnknownClientError) return fail('UNKNOWN_CLIENT', { client: error.clientCode });
    throw error;
  }
}
