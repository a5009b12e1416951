// `outlay job <name> [--at <ISO time>] [--client <code>]` (docs/product-rules.md §11): one scheduler job, run as if
// the clock read that instant. On PostgreSQL it runs in this process beside any servers (the job-run ledger and the
// outbox keep them from doubling up). The embedded database belongs to one process, so when a server owns it the job
// is handed to that server over loopback; with no server up it runs here.
import { parseArgs } from 'node:util';
import { INTERNAL_JOBS_PREFIX } from '../bots/internal-jobs-route.js';
import type { Config } from '../config/config.js';
import { parseIsoInstant } from '../domain/periods/iso-instant.js';
import type { Logger } from '../domain/ports/logger.port.js';
import type { Failure } from '../domain/shared/result.js';
import { CLIENT_SCOPED_JOBS, isJobName, JOB_NAMES, type JobSummary } from '../scheduler/jobs/job-registry.js';
import { isProcessAlive, type JobHandover, readJobHandover } from '../storage/job-handover-file.js';
import { createOutlayApp, openConfiguredDatabase, platformsFromConfig } from './start-server.js';

export const JOB_USAGE = `Usage: outlay job <name> [--at <ISO time>] [--client <code>]

Runs one scheduler job once, as if the clock read --at (default: now), and prints its summary as JSON.
Jobs: ${JOB_NAMES.join(', ')}.
  --at       an instant with its UTC offset, e.g. 2026-03-02T09:00:00+08:00 or 2026-03-02T01:00:00Z
  --client   a client code (reports, budget-warnings and reminders only), e.g. acme
`;

export type JobCommandIo = {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
};

const EX_USAGE = 64;

type JobRequest = { readonly name: string; readonly at: Date; readonly clientCode?: string };

/** The arguments after `job`, checked before anything is opened; a message for the operator when they are wrong. */
export function parseJobArguments(
  args: readonly string[],
  now: Date,
): JobRequest | { readonly usage: string } {
  let parsed: { values: { at?: string | undefined; client?: string | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: [...args],
      options: { at: { type: 'string' }, client: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return { usage: error instanceof Error ? error.message : String(error) };
  }
  const [name, ...extra] = parsed.positionals;
  if (name === undefined) return { usage: 'name the job to run.' };
  if (extra.length > 0) return { usage: `unexpected argument "${extra[0]}".` };
  if (!isJobName(name)) return { usage: `"${name}" is not a job. Jobs: ${JOB_NAMES.join(', ')}.` };
  const { at: atText, client } = parsed.values;
  const at = atText === undefined ? now : parseIsoInstant(atText);
  if (at === undefined) {
    return {
      usage: `--at "${atText}" is not an ISO 8601 instant with a UTC offset, e.g. 2026-03-02T09:00:00+08:00.`,
    };
  }
  if (client !== undefined) {
    if (!CLIENT_SCOPED_JOBS.has(name)) {
      return {
        usage: `the ${name} job works on everything; --client is for ${[...CLIENT_SCOPED_JOBS].join(', ')}.`,
      };
    }
    if (client.trim().replace(/^@/, '') === '') return { usage: '--client needs a client code.' };
  }
  return { name, at, ...(client === undefined ? {} : { clientCode: client }) };
}

/** The operator's message for a job the registry refused; all of them are usage errors. */
export function describeJobFailure(failure: Failure): string {
  const details = failure.details ?? {};
  switch (failure.code) {
    case 'UNKNOWN_CLIENT':
      return `no client has the code "${String(details.client)}".`;
    case 'UNKNOWN_JOB':
      return `"${String(details.job)}" is not a job. Jobs: ${JOB_NAMES.join(', ')}.`;
    case 'CLIENT_NOT_APPLICABLE':
      return `the ${String(details.job)} job works on everything; --client is for ${String(details.jobs)}.`;
    default:
      return `the job was refused (${failure.code}).`;
  }
}

type Ran =
  | { readonly ok: true; readonly by: 'server' | 'this process'; readonly summary: JobSummary }
  | { readonly ok: false; readonly failure: Failure };

export async function runJobCommand(
  args: readonly string[],
  config: Config,
  logger: Logger,
  io: JobCommandIo,
  now: Date = new Date(),
): Promise<number> {
  const request = parseJobArguments(args, now);
  if ('usage' in request) {
    io.stderr(`outlay job: ${request.usage}\n\n${JOB_USAGE}`);
    return EX_USAGE;
  }
  let ran: Ran;
  try {
    const handedOver =
      config.database.kind === 'pglite' ? await handOver(config, request, logger) : undefined;
    ran = handedOver ?? (await runHere(config, request, logger));
  } catch (error) {
    // A fault, not a usage error: the operator gets one line here and the details in the log.
    logger.error({ err: error, job: request.name }, 'outlay job failed');
    io.stderr(
      `outlay job: the ${request.name} job failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  if (!ran.ok) {
    io.stderr(`outlay job: ${describeJobFailure(ran.failure)}\n`);
    return EX_USAGE;
  }
  io.stdout(
    `${JSON.stringify({ job: request.name, at: request.at.toISOString(), ranBy: ran.by, summary: ran.summary })}\n`,
  );
  return 0;
}

/** The running server's answer, or undefined when no live server holds the embedded database. */
async function handOver(config: Config, request: JobRequest, logger: Logger): Promise<Ran | undefined> {
  const handover = await readJobHandover(config.dataDir);
  if (!handover || !isProcessAlive(handover.pid)) return undefined;
  let response: Response;
  try {
    response = await postJob(handover, request);
  } catch (error) {
    // A pid can be reused by an unrelated process after a crash; nobody answering on the port settles it.
    logger.debug({ err: error, port: handover.port }, 'the hand-over file names no live server');
    return undefined;
  }
  const body = (await response.json().catch(() => ({}))) as {
    summary?: JobSummary;
    code?: string;
    details?: Failure['details'];
  };
  if (response.status === 200 && body.summary) return { ok: true, by: 'server', summary: body.summary };
  if (response.status === 422 && typeof body.code === 'string') {
    return { ok: false, failure: { code: body.code, ...(body.details ? { details: body.details } : {}) } };
  }
  throw new Error(`the running server refused the job: HTTP ${response.status} ${JSON.stringify(body)}`);
}

function postJob(handover: JobHandover, request: JobRequest): Promise<Response> {
  return fetch(
    `http://127.0.0.1:${handover.port}${INTERNAL_JOBS_PREFIX}/${encodeURIComponent(request.name)}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${handover.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        at: request.at.toISOString(),
        ...(request.clientCode === undefined ? {} : { client: request.clientCode }),
      }),
      signal: AbortSignal.timeout(10 * 60_000),
    },
  );
}

/** The whole app in this process, not listening and without background loops; the job runs as of the instant. */
async function runHere(config: Config, request: JobRequest, logger: Logger): Promise<Ran> {
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    const outlay = await createOutlayApp({
      config: {
        ...config,
        demo: false,
        outbox: { ...config.outbox, enabled: false },
        scheduler: { enabled: false },
      },
      database,
      logger,
      platforms: platformsFromConfig(config),
    });
    try {
      const result = await outlay.jobs.run(
        request.name,
        request.at,
        request.clientCode === undefined ? {} : { clientCode: request.clientCode },
      );
      return result.ok
        ? { ok: true, by: 'this process', summary: result.value }
        : { ok: false, failure: result.error };
    } finally {
      await outlay.close();
    }
  } finally {
    await database.close();
  }
}
