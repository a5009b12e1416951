// Two real `outlay serve` processes on one PostgreSQL, scheduler and outbox on, delivering to a fake Slack that
// answers some calls 429 (Retry-After) and some 500. Every report and budget warning must arrive, none twice; then
// one process is SIGKILLed while Slack holds one of its messages, and the other must finish: nothing lost, and the
// only duplicate allowed is that one message, which Slack accepted after its sender died.
//
// How the scheduled instant is reached without a test clock in production code: the reports are enqueued by
// `outlay job reports --at <instant>`, run as two concurrent processes against the servers' database — exactly what
// the cron tick runs, with the instant given rather than read. Bindings are stamped by the database's clock, so the
// instants are in 2030 (later than any wall clock this runs on), and the job-run ledger lets one process of each
// pair enqueue. The servers' own cron triggers stay on; at the wall clock nothing they look at is due.
// Every binding posts to one Slack channel, so each process has at most one message in flight at a time (messages
// to one address go in order), which is what makes "at most one duplicate per kill" a fair claim to check.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/open-database.js';
import * as schema from '../../src/storage/schema/index.js';
import { seededRandom } from '../fakes/seeded-random.js';
import { createOutlayHarnessOn } from '../support/outlay-app.js';
import { type OutlayProcess, runOutlayCommand, startOutlayProcess } from '../support/outlay-process.js';
import { createTestDatabase, testEngines } from '../support/test-databases.js';

const CHANNEL = 'slack:T1:CALL';

type Accepted = { readonly token: string; readonly text: string };
type Held = { readonly text: string; readonly accept: () => void };

/** chat.postMessage that fails on purpose now and then, takes a moment to answer, and can hold one call for a kill. */
async function startFlakySlack(random: () => number) {
  const accepted: Accepted[] = [];
  const outcomes = { failed: 0, limited: 0 };
  let holdFor: { token: string; held: (hold: Held) => void } | undefined;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const args = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        if (response.destroyed) return;
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      };
      if (!request.url?.endsWith('/chat.postMessage')) {
        send(200, { ok: true });
        return;
      }
      const roll = random();
      if (roll < 0.12) {
        outcomes.failed += 1;
        send(500, { ok: false, error: 'internal_error' });
        return;
      }
      if (roll < 0.24) {
        outcomes.limited += 1;
        send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
        return;
      }
      const accept = () => {
        accepted.push({ token, text: String(args.text) });
        send(200, {
          ok: true,
          channel: args.channel,
          ts: `1900000000.${String(accepted.length).padStart(6, '0')}`,
        });
      };
      if (holdFor?.token === token) {
        const { held } = holdFor;
        holdFor = undefined;
        held({ text: String(args.text), accept });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      accept();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    accepted,
    outcomes,
    /** Resolves, with its text and the function that accepts it, when `token`'s next acceptable message arrives. */
    holdNext(token: string): Promise<Held> {
      return new Promise((resolve) => {
        holdFor = { token, held: resolve };
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function runOutlayJob(args: string[], env: Record<string, string>) {
  const { code, out, err } = await runOutlayCommand(['job', ...args], env);
  if (code !== 0) throw new Error(`outlay job ${args.join(' ')} exited ${code}: ${err}`);
  return JSON.parse(out) as { ranBy: string; summary: Record<string, number> };
}

describe.runIf(testEngines().includes('postgres'))(
  'two Outlay processes with the scheduler on PostgreSQL',
  () => {
    it('deliver every report and warning once through a flaky Slack, and finish after one is killed mid-delivery', async () => {
      const database = await createTestDatabase('postgres');
      const url = database.url ?? '';
      const slack = await startFlakySlack(seededRandom(8));
      const setup = await openDatabase({ kind: 'postgres', url });
      const servers: OutlayProcess[] = [];
      try {
        // People, clients, schedules and a budget, through the same use cases; the harness's clock is the wall clock
        // so the announcements it writes are due for the servers at once.
        const harness = await createOutlayHarnessOn(setup, { clock: { now: () => new Date() } });
        for (const name of ['alice', 'bob']) await harness.introduce(name);
        const clients = [
          ['acme', 'CNY Asia/Shanghai', 'weekly'],
          ['globex', 'USD America/New_York', 'weekly'],
          ['initech', 'GBP Europe/London', 'monthly'],
          ['umbrella', 'JPY Asia/Tokyo', '"0 9 * * 1-5"'],
        ] as const;
        for (const [code, currencyAndZone, schedule] of clients) {
          await harness.say('ada', `client add ${code} "${code}" ${currencyAndZone}`);
          await harness.say('ada', `approvers @${code} 1 <@bob>`);
          await harness.say('ada', `client channel @${code} internal ${schedule}`, `console:#${code}-team`);
        }
        // Every binding moves to the one Slack channel (the console can only bind console addresses).
        await setup.db.update(schema.channelBindings).set({ address: CHANNEL });
        await harness.say('ada', 'budget set @acme 1,000 monthly');
        // 50 % and 80 % of Acme's budget crossed: two warnings, and an approval request per expense to the channel.
        for (const amount of [300, 300, 300]) await harness.say('alice', `${amount} @acme #meals team lunch`);
        await harness.close();

        const env = (token: string) => ({
          DATABASE_URL: url,
          OUTLAY_DEMO: 'false',
          SLACK_SIGNING_SECRET: 'e2e-signing-secret',
          SLACK_BOT_TOKEN: token,
          SLACK_API_URL: slack.apiUrl,
          // A short lease, so the survivor takes over the killed process's message in seconds, not a minute.
          OUTBOX_LEASE_SECONDS: '5',
        });
        servers.push(await startOutlayProcess({ env: env('xoxb-first') }));
        servers.push(await startOutlayProcess({ env: env('xoxb-second') }));

        // Monday 1 April 2030: every client's report is due (weekly, monthly, weekdays), in its own time zone.
        const first = await Promise.all([
          runOutlayJob(['reports', '--at', '2030-04-01T14:00:00Z'], env('xoxb-job')),
          runOutlayJob(['reports', '--at', '2030-04-01T14:00:00Z'], env('xoxb-job')),
          runOutlayJob(['budget-warnings', '--at', new Date().toISOString()], env('xoxb-job')),
        ]);
        expect(first.map((run) => run.ranBy)).toEqual(['this process', 'this process', 'this process']);
        expect((first[0]?.summary.enqueued ?? 0) + (first[1]?.summary.enqueued ?? 0)).toBe(4);

        const slackRows = async () =>
          setup.db.select().from(schema.outbox).where(eq(schema.outbox.address, CHANNEL));
        const settled = async (deadlineMs: number) => {
          const until = Date.now() + deadlineMs;
          for (;;) {
            const [row] = await setup.db
              .select({
                pending: sql<number>`count(*) filter (where ${schema.outbox.status} = 'pending')::int`,
              })
              .from(schema.outbox);
            if (row?.pending === 0) return;
            if (Date.now() > until) throw new Error(`still ${row?.pending} pending`);
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        };
        await settled(90_000);

        const phaseOne = await slackRows();
        const kinds = phaseOne.map((r) => r.kind);
        expect(kinds.filter((k) => k === 'report')).toHaveLength(4);
        expect(kinds.filter((k) => k === 'budget-warning')).toHaveLength(2);
        expect(phaseOne.filter((r) => r.status !== 'delivered')).toEqual([]);
        const textsOne = slack.accepted.map((a) => a.text);
        expect(new Set(textsOne).size).toBe(phaseOne.length);
        expect(textsOne).toHaveLength(phaseOne.length);
        expect(new Set(slack.accepted.map((a) => a.token))).toEqual(new Set(['xoxb-first', 'xoxb-second']));
        expect(slack.outcomes.failed).toBeGreaterThan(0);
        expect(slack.outcomes.limited).toBeGreaterThan(0);

        // Two more weeks of reports, and the first process killed while Slack holds one of its messages.
        const held = slack.holdNext('xoxb-first');
        await runOutlayJob(['reports', '--at', '2030-04-08T14:00:00Z'], env('xoxb-job'));
        await runOutlayJob(['reports', '--at', '2030-04-15T14:00:00Z'], env('xoxb-job'));
        const inFlight = await held;
        await servers[0]?.kill();
        // Slack takes the message after its sender has died: the sender never learns, so it cannot record it.
        inFlight.accept();
        // The killed process's lease on the message in flight runs out (5 s); the survivor then sends it again.
        await settled(150_000);

        const all = await slackRows();
        expect(all.filter((r) => r.status !== 'delivered')).toEqual([]);
        expect(all.filter((r) => r.kind === 'report')).toHaveLength(4 + 3 + 3);
        const texts = slack.accepted.map((a) => a.text);
        expect(new Set(texts).size).toBe(all.length);
        // The one duplicate is the message in flight at the kill, sent again by the survivor once the lease ran out.
        expect(texts.length - new Set(texts).size).toBe(1);
        expect(slack.accepted.filter((a) => a.text === inFlight.text).map((a) => a.token)).toEqual([
          'xoxb-first',
          'xoxb-second',
        ]);
        expect(await servers[1]?.stop()).toBe(0);
      } finally {
        for (const server of servers) await server.kill();
        await slack.close();
        await setup.close();
        await database.destroy();
      }
    }, 300_000);
  },
);
