// bench:reports — report models at scale, in this process over Outlay's own storage and domain code on PostgreSQL:
// 1 000 000 expenses over 2 000 clients and 24 months, plus a "whale" client with 200 000 in the current month.
// Measured: an ordinary client's monthly report (every section, p99 over 200 clients) at 100 000 and at 1 000 000
// rows; the whale's against the naive baseline (load the rows, add up in JavaScript) in alternating rounds; every
// client's weekly report built and enqueued by the real `reports` job; and EXPLAIN of the report's queries.
import { execFileSync } from 'node:child_process';
import { drizzle } from 'drizzle-orm/postgres-js';
import pino from 'pino';
import postgres from 'postgres';
import { createJobRunner } from '../src/composition/scheduler-jobs.js';
import { buildCoreDeps } from '../src/composition/start-server.js';
import { parseConfig } from '../src/config/parse-config.js';
import { buildReportModel } from '../src/domain/reports/build-report.js';
import { periodAndPrevious, periodOfRange } from '../src/domain/reports/compose-report.js';
import type { OutboxWorker } from '../src/scheduler/outbox/outbox-worker.js';
import type { Database, OpenDatabase } from '../src/storage/open-database.js';
import * as schema from '../src/storage/schema/index.js';
import { naiveMonthlyReport } from './baselines/naive-report.js';
import { createBenchDatabase, postgresVersion } from './support/bench-databases.js';
import { REPOSITORY_ROOT } from './support/processes.js';
import { clientIdOf, ORGANISATION, seedClients, seedExpenses, WHALE } from './support/report-data.js';
import { describeMachine, loadNow, report, round2, type Target, target } from './support/results.js';
import { benchScale, median, rotated } from './support/scale.js';

const scale = benchScale();
const smoke = scale === 'smoke';
const CLIENTS = smoke ? 20 : 2_000;
const MEASURED = smoke ? 5 : 200;
const ROWS = smoke ? 5_000 : 1_000_000;
const WHALE_ROWS = smoke ? 2_000 : 200_000;
const PASSES = smoke ? 1 : 3;
const WHALE_RUNS = smoke ? 3 : 40;
const DAYS = 730;

const startedAt = loadNow();
const now = new Date();
const today = now.toISOString().slice(0, 10);
const monthStart = `${today.slice(0, 8)}01`;
const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0))
  .toISOString()
  .slice(0, 10);
const month = periodOfRange(monthStart, monthEnd);
const { previous } = periodAndPrevious(month);

const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return round2(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);
};

const timed = async (work: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

/** Outlay's storage over postgres.js, as openDatabase builds it, with every statement it sends recorded. */
function openRecordingDatabase(url: string) {
  const statements: { query: string; params: unknown[] }[] = [];
  let recording = false;
  const client = postgres(url, {
    max: 10,
    onnotice: () => {},
    debug: (_connection, query, params) => {
      if (recording) statements.push({ query, params: [...params] });
    },
  });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database;
  const open: OpenDatabase = {
    db,
    engine: 'postgres',
    migrate: async () => {},
    ping: async () => {},
    close: () => client.end({ timeout: 5 }),
  };
  return {
    open,
    async record<T>(work: () => Promise<T>) {
      statements.length = 0;
      recording = true;
      try {
        await work();
      } finally {
        recording = false;
      }
      return [...statements];
    },
  };
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };
const scansOf = (node: PlanNode): string[] => [
  ...(node['Relation Name'] === undefined
    ? []
    : [
        `${node['Node Type']} on ${node['Relation Name']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}`,
      ]),
  ...(node.Plans ?? []).flatMap(scansOf),
];

async function main(): Promise<void> {
  const database = await createBenchDatabase('reports');
  try {
    execFileSync(process.execPath, ['dist/main.js', 'migrate'], {
      cwd: REPOSITORY_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: database.url,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const pg = await postgresVersion(database);
    const allClients = Array.from({ length: CLIENTS }, (_, i) => clientIdOf(i + 1));
    const measured = allClients.slice(0, MEASURED);
    const others = allClients.slice(MEASURED);
    const bindingsSince = new Date(now.getTime() - 40 * 86_400_000).toISOString();
    await seedClients(database.sql, [...allClients, WHALE], bindingsSince);

    // Phase one: only the measured clients' rows, ROWS / 10 of them: the "100 000 rows" point.
    const seedStart = performance.now();
    const perMeasured = ROWS / CLIENTS;
    await seedExpenses(database.sql, {
      clientIds: measured,
      count: perMeasured * MEASURED,
      days: DAYS,
      today,
      offset: 0,
    });
    await database.sql`analyze`;
    const recording = openRecordingDatabase(database.url);
    const config = parseConfig({ DATABASE_URL: database.url, NODE_ENV: 'production', LOG_LEVEL: 'warn' });
    const core = buildCoreDeps(config, recording.open);
    const clients = new Map(
      await core.uow.run(async (tx) =>
        Promise.all(
          [...measured, WHALE].map(
            async (id) => [id, await core.directory.clientById(tx, ORGANISATION, id)] as const,
          ),
        ),
      ),
    );
    const monthlyReport = (clientId: string) => {
      const client = clients.get(clientId);
      if (client === undefined) throw new Error(`no client ${clientId}`);
      return core.uow.run((tx) =>
        buildReportModel(core, tx, {
          organisationId: ORGANISATION,
          client,
          period: month,
          audience: 'internal',
          today,
        }),
      );
    };
    const ordinaryPasses = async () => {
      const samples: number[] = [];
      for (let pass = 0; pass < PASSES; pass += 1) {
        for (const clientId of measured) samples.push(await timed(() => monthlyReport(clientId)));
      }
      return samples;
    };
    await ordinaryPasses(); // warm-up: plans cached, pages in memory
    const atSmall = await ordinaryPasses();
    const smallRows = perMeasured * MEASURED;

    // Phase two: everyone else, and the whale's month.
    await seedExpenses(database.sql, {
      clientIds: others,
      count: ROWS - smallRows,
      days: DAYS,
      today,
      offset: smallRows,
    });
    const whaleDays = Number(today.slice(8, 10));
    await seedExpenses(database.sql, {
      clientIds: [WHALE],
      count: WHALE_ROWS,
      days: whaleDays,
      today,
      offset: ROWS,
    });
    await database.sql`analyze`;
    const seedSeconds = round2((performance.now() - seedStart) / 1000);
    const [{ n: totalRows } = { n: '0' }] = await database.sql<
      { n: string }[]
    >`select count(*)::text as n from expenses`;
    await ordinaryPasses();
    const atLarge = await ordinaryPasses();

    // The whale against the naive baseline, alternating.
    const naiveSql = postgres(database.url, { max: 10, onnotice: () => {} });
    const whale: number[] = [];
    const naive: number[] = [];
    const runs = {
      outlay: () => timed(() => monthlyReport(WHALE)),
      naive: () =>
        timed(() =>
          naiveMonthlyReport(naiveSql, ORGANISATION, WHALE, month, {
            start: previous.start,
            end: previous.end,
          }),
        ),
    };
    await runs.outlay();
    await runs.naive();
    const naiveRuns = smoke ? WHALE_RUNS : 10;
    for (let round = 0; round < WHALE_RUNS; round += 1) {
      for (const name of rotated(['outlay', 'naive'] as const, round)) {
        if (name === 'outlay') whale.push(await runs.outlay());
        else if (round < naiveRuns) naive.push(await runs.naive());
      }
    }
    await naiveSql.end({ timeout: 5 });

    // EXPLAIN every statement one ordinary report sends.
    const probeClient = measured[0] ?? '';
    const statements = await recording.record(() => monthlyReport(probeClient));
    const plans: { query: string; scans: string[] }[] = [];
    for (const statement of statements) {
      if (!/^\s*select/i.test(statement.query)) continue;
      const [row] = await database.sql.unsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
        `explain (format json) ${statement.query}`,
        statement.params as postgres.ParameterOrJSON<never>[],
      );
      const plan = row?.['QUERY PLAN'][0]?.Plan;
      plans.push({
        query: statement.query.replace(/\s+/g, ' ').slice(0, 160),
        scans: plan ? scansOf(plan) : [],
      });
    }
    const expenseSeqScans = plans.flatMap((p) => p.scans).filter((s) => /^Seq Scan on expense/.test(s));

    // Every client's weekly report, built and enqueued by the `reports` job as of last Monday 09:00 (UTC).
    const monday = new Date(now);
    monday.setUTCHours(9, 0, 0, 0);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    if (monday.getTime() > now.getTime()) monday.setUTCDate(monday.getUTCDate() - 7);
    const idleWorker: OutboxWorker = {
      runOnce: async () => ({ claimed: 0, delivered: 0, retried: 0, deferred: 0, dead: 0 }),
      start: () => {},
      stop: async () => {},
    };
    const jobs = createJobRunner({
      config,
      core,
      // The job's own logging is not what is measured: warnings and errors only, to stderr.
      logger: pino({ level: 'warn' }, pino.destination(2)),
      outboxWorker: () => idleWorker,
    });
    const weeklyStart = performance.now();
    const weekly = await jobs.run('reports', monday, {});
    const weeklySeconds = round2((performance.now() - weeklyStart) / 1000);
    const again = await jobs.run('reports', monday, {});
    const [{ n: queued } = { n: '0' }] = await database.sql<{ n: string }[]>`
      select count(*)::text as n from outbox where kind = 'report'`;
    await recording.open.close();

    const small = { p50: percentile(atSmall, 50), p99: percentile(atSmall, 99) };
    const large = { p50: percentile(atLarge, 50), p99: percentile(atLarge, 99) };
    const whaleP99 = percentile(whale, 99);
    const naiveMedian = round2(median(naive));
    const whaleMedian = round2(median(whale));
    const summaryOf = (result: typeof weekly) => (result.ok ? result.value : { error: result.error });
    const enqueued = weekly.ok ? Number((weekly.value as { enqueued?: number }).enqueued ?? 0) : 0;
    const targets: Target[] = [
      target({
        target: `ordinary monthly report p99 (${MEASURED} clients × ${PASSES}) at ${totalRows} rows`,
        value: large.p99,
        unit: 'ms',
        op: '<=',
        limit: 20,
        detail: { p50Ms: large.p50 },
      }),
      target({
        target: `whale monthly report p99 (${WHALE_ROWS} rows this month)`,
        value: whaleP99,
        unit: 'ms',
        op: '<=',
        limit: 100,
        detail: { medianMs: whaleMedian, runs: whale.length },
      }),
      target({
        target: 'whale report vs naive baseline',
        value: whaleMedian,
        unit: 'ms (median)',
        ratio: round2(naiveMedian / whaleMedian),
        against: `naive ${naiveMedian} ms (median of ${naive.length})`,
        op: '>=',
        limit: 10,
      }),
      target({
        target: `weekly reports of ${CLIENTS + 1} clients built and enqueued`,
        value: weeklySeconds,
        unit: 's',
        op: '<=',
        limit: 5,
        detail: {
          summary: summaryOf(weekly),
          rerun: summaryOf(again),
          reportsInOutbox: Number(queued),
          enqueued,
        },
      }),
      target({
        target: 'weekly reports enqueued exactly once (rerun adds none)',
        value: Number(queued),
        unit: 'reports',
        op: '==',
        limit: CLIENTS + 1,
      }),
      target({
        target: `ordinary report p99 at ${totalRows} vs ${smallRows} rows`,
        value: large.p99,
        unit: 'ms',
        ratio: round2(large.p99 / small.p99),
        against: `${small.p99} ms p99 at ${smallRows} rows`,
        op: '<=',
        limit: 2,
        detail: { p50AtSmall: small.p50, p50AtLarge: large.p50 },
      }),
      target({
        target: 'report queries use indexes (no sequential scan of expenses)',
        value: expenseSeqScans.length,
        unit: 'sequential scans',
        op: '==',
        limit: 0,
        detail: { plans },
      }),
    ];
    report({
      bench: 'reports',
      scale,
      startedAt,
      finishedAt: loadNow(),
      machine: { ...describeMachine(), postgres: pg },
      settings: { clients: CLIENTS, measured: MEASURED, rows: ROWS, whaleRows: WHALE_ROWS, month: month.key },
      seedSeconds,
      targets,
      samples: { atSmall, atLarge, whale, naive },
    });
  } finally {
    await database.drop();
  }
}

await main();
