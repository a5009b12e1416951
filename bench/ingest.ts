// bench:ingest — signed `/expense` slash commands that log an expense, against Outlay's production build, side by
// side with the baselines started by this script: "bare" (fastify + signature check + one INSERT) and the Bolt
// "toy" on PostgreSQL, then Outlay and "bare" on the embedded PGlite. Rounds alternate between the servers so
// that a burst of load from elsewhere on the machine falls on all of them; each figure is the median of its rounds.
// Also measured: Outlay's resident memory idle after start and after the load.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchDatabase, createBenchDatabase, postgresVersion } from './support/bench-databases.js';
import { startBenchSlackApi } from './support/bench-slack-api.js';
import { type LoadFigures, runLoad } from './support/load.js';
import { BENCH_ADMIN, BENCH_BOT_TOKEN, runSetup, startOutlayServer } from './support/outlay-server.js';
import { type ServerProcess, startServerProcess } from './support/processes.js';
import { describeMachine, loadNow, report, round2, type Target, target } from './support/results.js';
import { benchScale, median, pause, rotated } from './support/scale.js';
import { BENCH_SIGNING_SECRET, signedRequest, slashCommandBody } from './support/slack-requests.js';

const scale = benchScale();
const smoke = scale === 'smoke';
const CONNECTIONS = smoke ? 4 : 50;
const SECONDS = smoke ? 1 : 8;
const WARMUP_SECONDS = smoke ? 1 : 3;
const ROUNDS = smoke ? 1 : 3;
const USERS = smoke ? 4 : 50;
const CHANNEL = 'CBENCH';
const APPROVER = 'UAPPROVER';
const IDLE_SETTLE_MS = smoke ? 500 : 5_000;

const logDir = mkdtempSync(join(tmpdir(), 'outlay-bench-ingest-'));
const startedAt = loadNow();
const slack = await startBenchSlackApi();
const cleanups: (() => Promise<void>)[] = [() => slack.close()];

/** A fresh, distinct slash command per request, from one of the bench's people, in the bound channel. */
let sent = 0;
const nextCommand = () => {
  sent += 1;
  const amount = 20 + ((sent * 37) % 460);
  const category = ['meals', 'transport', 'supplies'][sent % 3];
  return signedRequest(
    slashCommandBody({
      userId: `U${String(sent % USERS).padStart(4, '0')}`,
      channelId: CHANNEL,
      text: `${amount} @acme #${category} bench item ${sent}`,
      triggerId: `${process.pid}.${sent}`,
      responseUrl: slack.responseUrl(`r${sent}`),
    }),
  );
};

type Measured = { readonly name: string; readonly server: ServerProcess; readonly database?: BenchDatabase };

const load = (server: ServerProcess, seconds: number): Promise<LoadFigures> =>
  runLoad({
    url: server.url,
    path: '/slack/events',
    connections: CONNECTIONS,
    seconds,
    next: nextCommand,
  });

type Runs = { readonly warmup: LoadFigures[]; readonly rounds: LoadFigures[] };

/** Warms every server up, then measures them in alternating rounds; returns every run of each. */
async function alternate(servers: readonly Measured[]): Promise<Map<string, Runs>> {
  const runs = new Map<string, Runs>(servers.map((s) => [s.name, { warmup: [], rounds: [] }]));
  for (const { name, server } of servers) runs.get(name)?.warmup.push(await load(server, WARMUP_SECONDS));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const { name, server } of rotated(servers, round)) {
      const figures = await load(server, SECONDS);
      runs.get(name)?.rounds.push(figures);
      console.error(
        `round ${round + 1} ${name}: ${figures.rps} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, non-2xx ${figures.non2xx}, errors ${figures.errors}`,
      );
    }
  }
  return runs;
}

const summary = (rounds: readonly LoadFigures[]) => ({
  rps: median(rounds.map((r) => r.rps)),
  p50Ms: median(rounds.map((r) => r.p50Ms)),
  p99Ms: median(rounds.map((r) => r.p99Ms)),
  non2xx: rounds.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
});

const countRows = async (database: BenchDatabase, table: string): Promise<number> => {
  const [row] = await database.sql.unsafe<{ n: string }[]>(`select count(*)::text as n from ${table}`);
  return Number(row?.n ?? 0);
};

/** Every 2xx answer the load got, warm-up included, must be a logged row. */
const answeredOf = (runs: Runs | undefined): number =>
  [...(runs?.warmup ?? []), ...(runs?.rounds ?? [])].reduce((n, r) => n + r.ok2xx, 0);

/**
 * Each request carries its own trigger id, which Outlay keeps as the submission's idempotency key: one row per
 * request means as many expenses as distinct keys, no expense without its key, and none missing for an answer.
 * (autocannon stops the clock with a few requests still in flight; they are not answered but are logged.)
 */
const rowsPerRequest = async (database: BenchDatabase) => {
  const [row] = await database.sql<{ expenses: string; keys: string }[]>`
    select (select count(*) from expenses where kind = 'expense')::text as expenses,
           (select count(*) from idempotency_keys where operation = 'submit-expense')::text as keys`;
  return { expenses: Number(row?.expenses ?? 0), keys: Number(row?.keys ?? 0) };
};

async function main(): Promise<void> {
  const databases = {
    outlay: await createBenchDatabase('ingest_outlay'),
    bare: await createBenchDatabase('ingest_bare'),
    toy: await createBenchDatabase('ingest_toy'),
  };
  for (const database of Object.values(databases)) cleanups.push(() => database.drop());
  const pg = await postgresVersion(databases.outlay);

  const outlay = await startOutlayServer({
    name: 'outlay-postgres',
    databaseUrl: databases.outlay.url,
    slackApiUrl: slack.apiUrl,
    logDir,
  });
  cleanups.push(() => outlay.stop());
  await pause(IDLE_SETTLE_MS);
  const idleRssMb = outlay.rssMb();

  const setup = [
    {
      user: BENCH_ADMIN,
      channel: 'DADMIN',
      text: 'client add acme "Acme Ltd" CNY Asia/Shanghai',
      expect: /acme/i,
    },
    { user: APPROVER, channel: 'DAPPROVER', text: 'help', expect: /expense/i },
    { user: BENCH_ADMIN, channel: 'DADMIN', text: `approvers @acme 1 <@${APPROVER}>`, expect: /approver/i },
    { user: BENCH_ADMIN, channel: CHANNEL, text: 'client channel @acme internal', expect: /bound/i },
  ];
  await runSetup(outlay, setup);
  // One command end to end, read back: the load below is this same request, many times over.
  const probe = await outlay.command('U0000', CHANNEL, '48 @acme #meals probe');
  if (!/ACME-[0-9A-Z]{4}/.test(probe)) throw new Error(`the probe was not logged: ${probe}`);

  const baseEnv = { SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET };
  const bare = await startServerProcess({
    name: 'bare-postgres',
    args: ['bench/baselines/bare-server.js'],
    env: { ...baseEnv, BASELINE_ENGINE: 'postgres', DATABASE_URL: databases.bare.url },
    logFile: join(logDir, 'bare-postgres.log'),
  });
  cleanups.push(() => bare.stop());
  const toy = await startServerProcess({
    name: 'bolt-toy',
    args: ['bench/baselines/bolt-toy-server.js'],
    env: {
      ...baseEnv,
      DATABASE_URL: databases.toy.url,
      SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    },
    logFile: join(logDir, 'bolt-toy.log'),
  });
  cleanups.push(() => toy.stop());

  const onPostgres = await alternate([
    { name: 'bare', server: bare, database: databases.bare },
    { name: 'toy', server: toy, database: databases.toy },
    { name: 'outlay', server: outlay, database: databases.outlay },
  ]);
  // Commands past Slack's deadline are answered "working on it" and finish after: let them land before counting.
  await pause(smoke ? 500 : 3_000);
  const afterLoadRssMb = outlay.rssMb();
  const outlayOk = answeredOf(onPostgres.get('outlay'));
  const rows = {
    outlay: await rowsPerRequest(databases.outlay),
    bare: await countRows(databases.bare, 'bench_commands'),
    toy: await countRows(databases.toy, 'bench_commands'),
  };
  await bare.stop();
  await toy.stop();
  await outlay.stop();

  // The embedded engine: Outlay on PGlite against "bare" on PGlite.
  const outlayLite = await startOutlayServer({ name: 'outlay-pglite', slackApiUrl: slack.apiUrl, logDir });
  cleanups.push(() => outlayLite.stop());
  await runSetup(outlayLite, setup);
  const bareLite = await startServerProcess({
    name: 'bare-pglite',
    args: ['bench/baselines/bare-server.js'],
    env: {
      ...baseEnv,
      BASELINE_ENGINE: 'pglite',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-bare-pglite-')),
    },
    logFile: join(logDir, 'bare-pglite.log'),
  });
  cleanups.push(() => bareLite.stop());
  const onPglite = await alternate([
    { name: 'bare-pglite', server: bareLite },
    { name: 'outlay-pglite', server: outlayLite },
  ]);

  const o = summary(onPostgres.get('outlay')?.rounds ?? []);
  const b = summary(onPostgres.get('bare')?.rounds ?? []);
  const t = summary(onPostgres.get('toy')?.rounds ?? []);
  const ol = summary(onPglite.get('outlay-pglite')?.rounds ?? []);
  const bl = summary(onPglite.get('bare-pglite')?.rounds ?? []);
  const throughput = { unit: 'req/s', value: o.rps };
  const targets: Target[] = [
    target({
      target: 'throughput vs Bolt toy',
      ...throughput,
      ratio: round2(o.rps / t.rps),
      against: `toy ${t.rps} req/s`,
      op: '>=',
      limit: 1.2,
    }),
    target({
      target: 'throughput vs bare',
      ...throughput,
      ratio: round2(o.rps / b.rps),
      against: `bare ${b.rps} req/s`,
      op: '>=',
      limit: 0.5,
    }),
    target({
      target: `p99 at ${CONNECTIONS} connections`,
      value: o.p99Ms,
      unit: 'ms',
      op: '<=',
      limit: 60,
      detail: { p50Ms: o.p50Ms, bareP99Ms: b.p99Ms, toyP99Ms: t.p99Ms },
    }),
    target({ target: 'non-2xx answers', value: o.non2xx, unit: 'answers', op: '==', limit: 0 }),
    target({
      target: 'one expense row per request',
      // Extra rows (two for one request) or missing ones (an answered request with no row) both count.
      value:
        Math.abs(rows.outlay.expenses - rows.outlay.keys) + Math.max(0, outlayOk + 1 - rows.outlay.expenses),
      unit: 'rows off',
      op: '==',
      limit: 0,
      detail: {
        expenses: rows.outlay.expenses,
        requestKeys: rows.outlay.keys,
        answered2xx: outlayOk,
        bareRows: rows.bare,
        toyRows: rows.toy,
      },
    }),
    target({
      target: 'PGlite throughput vs bare on PGlite',
      value: ol.rps,
      unit: 'req/s',
      ratio: round2(ol.rps / bl.rps),
      against: `bare-pglite ${bl.rps} req/s`,
      op: '>=',
      limit: 0.4,
      detail: { p50Ms: ol.p50Ms, p99Ms: ol.p99Ms, bareP99Ms: bl.p99Ms, non2xx: ol.non2xx },
    }),
    target({ target: 'RSS idle after start', value: idleRssMb, unit: 'MB', op: '<=', limit: 150 }),
    target({ target: 'RSS after bench:ingest', value: afterLoadRssMb, unit: 'MB', op: '<=', limit: 250 }),
  ];
  report({
    bench: 'ingest',
    scale,
    startedAt,
    finishedAt: loadNow(),
    machine: { ...describeMachine(), postgres: pg },
    settings: { connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, users: USERS },
    targets,
    runs: Object.fromEntries([...onPostgres, ...onPglite]),
    logs: logDir,
  });
}

try {
  await main();
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}
