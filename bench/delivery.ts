// bench:delivery — 1 000 reports to 1 000 channels plus 30 to one shared channel, enqueued by the real `reports`
// job (`dist/main.js job reports`) and delivered by the running production server's outbox worker through a fake
// Slack that accepts one message per second per channel (429 with Retry-After beyond it) and fails 5 % of calls
// with 500. Counted at the fake: every report exactly once. Timed: from the enqueue to the last delivery, against
// the bound the rate limit allows (the shared channel's 30 messages need 29 s after the first).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase, postgresVersion } from './support/bench-databases.js';
import { startBenchSlackApi } from './support/bench-slack-api.js';
import { startOutlayServer } from './support/outlay-server.js';
import { REPOSITORY_ROOT } from './support/processes.js';
import { clientIdOf, seedClients, seedExpenses } from './support/report-data.js';
import { describeMachine, loadNow, report, round2, target } from './support/results.js';
import { benchScale, pause } from './support/scale.js';

const scale = benchScale();
const smoke = scale === 'smoke';
const SOLO = smoke ? 20 : 1_000;
const SHARED = smoke ? 5 : 30;
const SHARED_ADDRESS = 'slack:TBENCH:CSHARED';
const DEADLINE_MS = smoke ? 120_000 : 600_000;

/** A seeded random source, so the 5 % of failures fall the same way in every run. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const startedAt = loadNow();
const slack = await startBenchSlackApi({ perChannelPerSecond: 1, failureRate: 0.05, random: seeded(7) });
const database = await createBenchDatabase('delivery');
const logDir = mkdtempSync(join(tmpdir(), 'outlay-bench-delivery-'));
let outlay: Awaited<ReturnType<typeof startOutlayServer>> | undefined;
try {
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const clients = Array.from({ length: SOLO + SHARED }, (_, i) => clientIdOf(i + 1));
  outlay = await startOutlayServer({
    name: 'outlay-delivery',
    databaseUrl: database.url,
    slackApiUrl: slack.apiUrl,
    logDir,
  });
  await seedClients(database.sql, clients, new Date(now.getTime() - 40 * 86_400_000).toISOString());
  const shared = clients.slice(SOLO);
  await database.sql`update channel_bindings set address = ${SHARED_ADDRESS} where client_id = any(${shared}::text[])`;
  await seedExpenses(database.sql, {
    clientIds: clients,
    count: clients.length * 10,
    days: 14,
    today,
    offset: 0,
  });

  const monday = new Date(now);
  monday.setUTCHours(9, 0, 0, 0);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  if (monday.getTime() > now.getTime()) monday.setUTCDate(monday.getUTCDate() - 7);
  const start = performance.now();
  const job = execFileSync(
    process.execPath,
    ['dist/main.js', 'job', 'reports', '--at', monday.toISOString()],
    {
      cwd: REPOSITORY_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: database.url,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
      },
      encoding: 'utf8',
    },
  );
  const enqueuedMs = performance.now() - start;
  const expected = new Set(clients.map((id) => id.replace(/^c-/, 'k')));
  for (;;) {
    const [row] = await database.sql<{ open: string }[]>`
      select count(*)::text as open from outbox where kind = 'report' and status not in ('delivered', 'dead')`;
    if (Number(row?.open ?? 1) === 0) break;
    if (performance.now() - start > DEADLINE_MS) break;
    await pause(200);
  }
  const doneMs = performance.now() - start;
  await pause(smoke ? 500 : 2_000); // anything sent twice after the last delivery would arrive now
  const reports = slack.messages.filter((m) => m.method === 'chat.postMessage');
  const seen = new Map<string, number>();
  for (const message of reports) {
    const code = /Client (k\d{4})/.exec(message.text)?.[1];
    if (code !== undefined)
      seen.set(`${message.channel}:${code}`, (seen.get(`${message.channel}:${code}`) ?? 0) + 1);
  }
  const delivered = new Set([...seen.keys()].map((key) => key.split(':')[1]));
  const lost = [...expected].filter((code) => !delivered.has(code)).length;
  const duplicated = [...seen.values()].reduce((n, count) => n + (count - 1), 0);
  const [dead] = await database.sql<
    { n: string }[]
  >`select count(*)::text as n from outbox where status = 'dead'`;
  const firstAt = Math.min(...reports.map((m) => m.atMs));
  const sharedTimes = reports.filter((m) => m.channel === 'CSHARED').map((m) => m.atMs);
  const boundSeconds = SHARED - 1;
  // From the moment every report is in the outbox (the job's process has exited) to the last one at the fake.
  const lastAt = Math.max(...reports.map((m) => m.atMs));
  const totalSeconds = round2((lastAt - (start + enqueuedMs)) / 1000);
  report({
    bench: 'delivery',
    scale,
    startedAt,
    finishedAt: loadNow(),
    machine: { ...describeMachine(), postgres: await postgresVersion(database) },
    settings: { soloChannels: SOLO, sharedChannelReports: SHARED, perChannelPerSecond: 1, failureRate: 0.05 },
    targets: [
      target({
        target: 'reports lost',
        value: lost,
        unit: 'reports',
        op: '==',
        limit: 0,
        detail: { dead: Number(dead?.n ?? 0) },
      }),
      target({ target: 'reports sent twice', value: duplicated, unit: 'reports', op: '==', limit: 0 }),
      target({
        target: `total time for ${SOLO + SHARED} reports vs the rate-limit bound`,
        value: totalSeconds,
        unit: 's',
        ratio: round2(totalSeconds / boundSeconds),
        against: `${boundSeconds} s: ${SHARED} messages to one channel at 1/s`,
        op: '<=',
        limit: 1.2,
        detail: {
          enqueueSeconds: round2(enqueuedMs / 1000),
          drainedAfterSeconds: round2(doneMs / 1000),
          sharedChannelSpanSeconds: round2((Math.max(...sharedTimes) - Math.min(...sharedTimes)) / 1000),
          firstDeliveryAfterSeconds: round2((firstAt - start) / 1000),
          fakeAnswers: Object.fromEntries(slack.answered),
          job: job.trim(),
        },
      }),
    ],
  });
} finally {
  await outlay?.stop();
  await database.drop();
  await slack.close();
}
