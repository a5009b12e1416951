// bench:approve — signed `block_actions` clicks on the Approve button of distinct pending expenses, against the
// production build on PostgreSQL. First at full load (autocannon, 50 connections, one click per expense): the
// throughput and p99 of the answer. Then at a steady 20 clicks per second: how long until the resolved card
// reaches the fake Slack API (chat.update of the approver's card, through the outbox; the fake has no rate limit).
// Each client has its own approver, so the clicks spread over their DMs as real approvers' would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBenchDatabase, postgresVersion } from './support/bench-databases.js';
import { startBenchSlackApi } from './support/bench-slack-api.js';
import { runLoad } from './support/load.js';
import { BENCH_ADMIN, runSetup, startOutlayServer } from './support/outlay-server.js';
import { describeMachine, loadNow, report, round2, target } from './support/results.js';
import { benchScale, pause } from './support/scale.js';
import { buttonClickBody, signedRequest, slashCommandBody } from './support/slack-requests.js';

const scale = benchScale();
const smoke = scale === 'smoke';
const CLIENTS = smoke ? 4 : 40;
const FULL_LOAD_CLICKS = smoke ? 20 : 1_000;
const STEADY_CLICKS = smoke ? 20 : 200;
const STEADY_RATE = 20;
const CONNECTIONS = smoke ? 4 : 50;

const codeOf = (i: number) => `k${String(i).padStart(2, '0')}`;
const approverOf = (i: number) => `UAPP${String(i).padStart(2, '0')}`;

const percentile = (samples: readonly number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return round2(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);
};

const startedAt = loadNow();
const slack = await startBenchSlackApi();
const database = await createBenchDatabase('approve');
const logDir = mkdtempSync(join(tmpdir(), 'outlay-bench-approve-'));
const outlay = await startOutlayServer({
  name: 'outlay-approve',
  databaseUrl: database.url,
  slackApiUrl: slack.apiUrl,
  logDir,
});

/** Waits until the outbox has nothing left to send (the cards are in the approvers' DMs). */
const drained = async (limitMs: number) => {
  const until = performance.now() + limitMs;
  for (;;) {
    const [row] = await database.sql<{ n: string }[]>`
      select count(*)::text as n from outbox where status not in ('delivered', 'dead')`;
    if (Number(row?.n ?? 0) === 0 || performance.now() > until) return;
    await pause(250);
  }
};

try {
  const clients = Array.from({ length: CLIENTS }, (_, i) => i + 1);
  for (const i of clients) {
    await runSetup(outlay, [
      {
        user: BENCH_ADMIN,
        channel: 'DADMIN',
        text: `client add ${codeOf(i)} "Client ${codeOf(i)}" USD UTC`,
        expect: new RegExp(codeOf(i), 'i'),
      },
      { user: approverOf(i), channel: `D${approverOf(i)}`, text: 'help', expect: /expense/i },
      {
        user: BENCH_ADMIN,
        channel: 'DADMIN',
        text: `approvers @${codeOf(i)} 1 <@${approverOf(i)}>`,
        expect: /approver/i,
      },
    ]);
  }
  // The pending expenses, logged through Slack like any other.
  let logged = 0;
  await runLoad({
    url: outlay.url,
    path: '/slack/events',
    connections: smoke ? 4 : 20,
    seconds: 600,
    maxRequests: FULL_LOAD_CLICKS + STEADY_CLICKS,
    next: () => {
      logged += 1;
      return signedRequest(
        slashCommandBody({
          userId: `USUB${logged % 10}`,
          channelId: 'CSUBMIT',
          text: `${20 + (logged % 400)} @${codeOf(1 + (logged % CLIENTS))} #meals lunch ${logged}`,
          triggerId: `log.${logged}`,
          responseUrl: slack.responseUrl(`log-${logged}`),
        }),
      );
    },
  });
  await drained(smoke ? 30_000 : 300_000);
  const pending = await database.sql<{ id: string; version: number; stage: number; code: string }[]>`
    select e.id, e.version, e.stage, c.code from expenses e join clients c on c.id = e.client_id
    where e.status = 'pending' order by e.id`;
  const click = (expense: (typeof pending)[number], n: number) => {
    const actionId = `exp:approve:${expense.id}:v${expense.version}:s${expense.stage}`;
    const approver = approverOf(Number(expense.code.slice(1)));
    return signedRequest(
      buttonClickBody({
        userId: approver,
        channelId: `D${approver}`,
        messageTs: '1900000000.000001',
        actionId,
        value: JSON.stringify({ id: actionId }),
        triggerId: `click.${n}`,
        responseUrl: slack.responseUrl(`click-${n}`),
      }),
    );
  };

  // Full load: one click per expense, as fast as answers come.
  const full = pending.slice(0, FULL_LOAD_CLICKS);
  let clicked = 0;
  const fullLoad = await runLoad({
    url: outlay.url,
    path: '/slack/events',
    connections: CONNECTIONS,
    seconds: 600,
    maxRequests: full.length,
    next: () => {
      const expense = full[clicked % full.length];
      clicked += 1;
      return click(expense as (typeof full)[number], clicked);
    },
  });
  await drained(smoke ? 30_000 : 300_000);
  const [approvedRow] = await database.sql<{ n: string }[]>`
    select count(*)::text as n from expenses where status = 'approved' and id = any(${full.map((e) => e.id)}::text[])`;

  // Steady: 20 clicks a second, each timed to its resolved card at the fake.
  const steady = pending.slice(FULL_LOAD_CLICKS, FULL_LOAD_CLICKS + STEADY_CLICKS);
  const sentAt = new Map<string, number>();
  const answers: Promise<unknown>[] = [];
  for (const [i, expense] of steady.entries()) {
    const due = i * (1000 / STEADY_RATE);
    if (i === 0) sentAt.set('origin', performance.now());
    const wait = (sentAt.get('origin') ?? 0) + due - performance.now();
    if (wait > 0) await pause(wait);
    const request = click(expense, 100_000 + i);
    sentAt.set(expense.id, performance.now());
    answers.push(
      fetch(`${outlay.url}/slack/events`, { method: 'POST', headers: request.headers, body: request.body }),
    );
  }
  await Promise.all(answers);
  await drained(smoke ? 30_000 : 120_000);
  const updates = slack.messages.filter((m) => m.method === 'chat.update');
  const cardLatencies: number[] = [];
  let missing = 0;
  for (const expense of steady) {
    const at = sentAt.get(expense.id) ?? 0;
    const resolved = updates.find((u) => u.atMs >= at && u.text.includes(expense.id));
    if (resolved === undefined) missing += 1;
    else cardLatencies.push(resolved.atMs - at);
  }
  report({
    bench: 'approve',
    scale,
    startedAt,
    finishedAt: loadNow(),
    machine: { ...describeMachine(), postgres: await postgresVersion(database) },
    settings: {
      clients: CLIENTS,
      fullLoadClicks: full.length,
      connections: CONNECTIONS,
      steadyClicks: steady.length,
      steadyRate: STEADY_RATE,
    },
    targets: [
      target({
        target: `click answer p99 at full load (${CONNECTIONS} connections)`,
        value: fullLoad.p99Ms,
        unit: 'ms',
        op: '<=',
        limit: 60,
        detail: {
          rps: fullLoad.rps,
          p50Ms: fullLoad.p50Ms,
          non2xx: fullLoad.non2xx + fullLoad.errors,
          approved: Number(approvedRow?.n ?? 0),
          clicks: full.length,
        },
      }),
      target({
        target: `resolved card at the fake within p99 at ${STEADY_RATE} clicks/s`,
        value: percentile(cardLatencies, 99),
        unit: 'ms',
        op: '<=',
        limit: 1000,
        detail: { p50Ms: percentile(cardLatencies, 50), missing },
      }),
      target({ target: 'resolved cards missing', value: missing, unit: 'cards', op: '==', limit: 0 }),
    ],
  });
} finally {
  await outlay.stop();
  await database.drop();
  await slack.close();
}
