// Scheduled reports over the real enqueue use case and the job-run ledger, on both engines: however many ticks at
// one instant, and however many apps tick at once, each binding's report for an occurrence is written once.
// The app's clock is frozen; the scheduler is ticked by hand, never by node-cron.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../../src/storage/schema/index.js';
import {
  createOutlayHarness,
  createOutlayHarnessOn,
  type OutlayHarness,
  replyText,
} from '../../support/outlay-app.js';
import { type TestDatabase, testEngines } from '../../support/test-databases.js';

/** Monday 11 March 2030, 09:00 in Shanghai. Later than the wall clock, as bindings are stamped by the database. */
const MONDAY_0900_SHANGHAI = '2030-03-11T01:00:00.000Z';

describe.each(testEngines())('scheduled reports on %s', (engine) => {
  let harness: OutlayHarness & { readonly testDatabase: TestDatabase };

  beforeEach(async () => {
    harness = await createOutlayHarness(engine, { now: MONDAY_0900_SHANGHAI });
    await harness.introduce('bob');
    await harness.say('ada', 'client add acme "Acme" CNY Asia/Shanghai');
    await harness.say('ada', 'client add globex "Globex" USD America/New_York');
    await harness.say('ada', 'approvers @acme 1 <@bob>');
    expect(
      replyText(await harness.say('ada', 'client channel @acme internal weekly', 'console:#acme-team')),
    ).toBe('This channel is bound (internal, reports weekly).');
    await harness.say('ada', 'client channel @globex internal monthly', 'console:#globex-team');
  });

  afterEach(async () => {
    await harness.close();
  });

  const reportRows = async () =>
    harness.database.db.select().from(schema.outbox).where(eq(schema.outbox.kind, 'report'));
  const reportClaims = async () =>
    harness.database.db.select().from(schema.jobRuns).where(eq(schema.jobRuns.job, 'report'));

  it('writes one report per due binding however often it ticks at the same instant', async () => {
    const first = await harness.outlay.scheduler.tick('reports');
    const again = await harness.outlay.scheduler.tick('reports');
    const byHand = await harness.outlay.jobs.run('reports', new Date(MONDAY_0900_SHANGHAI), {});
    expect(first).toEqual({
      ran: true,
      summary: { bindings: 2, enqueued: 2, alreadyClaimed: 0, notDue: 0, gone: 0, failed: 0 },
    });
    expect(again).toMatchObject({ ran: true, summary: { enqueued: 0, alreadyClaimed: 2 } });
    expect(byHand).toMatchObject({ ok: true, value: { enqueued: 0, alreadyClaimed: 2 } });
    const rows = await reportRows();
    expect(rows.map((r) => [r.address, r.dedupeKey.split(':').slice(2).join(':')]).sort()).toEqual([
      // Acme's week closed this morning in Shanghai; Globex's month closed on 1 March in New York.
      ['console:#acme-team', MONDAY_0900_SHANGHAI],
      ['console:#globex-team', '2030-03-01T14:00:00.000Z'],
    ]);
    expect(await reportClaims()).toHaveLength(2);
  });

  it('covers the week before in the client time zone, and the report reaches the channel', async () => {
    await harness.outlay.scheduler.tick('reports');
    const [acme] = (await reportRows()).filter((r) => r.address === 'console:#acme-team');
    expect(JSON.stringify(acme?.payload)).toContain('2030-03-04');
    expect(JSON.stringify(acme?.payload)).toContain('2030-03-10');
    expect(await harness.deliver()).toBeGreaterThanOrEqual(2);
    const feed = await harness.feed('ada');
    expect(
      feed
        .filter((m) => m.kind === 'report')
        .map((m) => m.address)
        .sort(),
    ).toEqual(['console:#acme-team', 'console:#globex-team']);
  });

  it('lets only one of two apps ticking at once enqueue each report', async () => {
    const other = await createOutlayHarnessOn(harness.database, { now: MONDAY_0900_SHANGHAI });
    try {
      const ticks = await Promise.all([
        harness.outlay.scheduler.tick('reports'),
        other.outlay.scheduler.tick('reports'),
        harness.outlay.jobs.run('reports', new Date(MONDAY_0900_SHANGHAI), {}),
        other.outlay.jobs.run('reports', new Date(MONDAY_0900_SHANGHAI), {}),
      ]);
      const enqueued = ticks.reduce((sum, tick) => {
        const summary = 'ran' in tick ? (tick.ran ? tick.summary : {}) : tick.ok ? tick.value : {};
        return sum + (summary.enqueued ?? 0);
      }, 0);
      expect(enqueued).toBe(2);
      expect(await reportRows()).toHaveLength(2);
      expect(await reportClaims()).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('after a week of downtime sends only the latest missed week, and only once', async () => {
    // Down from before the 11th until Wednesday the 20th: the reports of the 11th and the 18th were both missed.
    harness.clock.set('2030-03-20T06:00:00Z');
    for (let minute = 0; minute < 3; minute += 1) {
      await harness.outlay.scheduler.tick('reports');
      harness.clock.advance(60_000);
    }
    const acme = (await reportRows()).filter((r) => r.address === 'console:#acme-team');
    expect(acme.map((r) => r.dedupeKey)).toEqual([expect.stringContaining('2030-03-18T01:00:00.000Z')]);
  });

  it('follows a changed schedule at the next tick, without a restart', async () => {
    await harness.say('ada', 'client channel @acme internal "30 8 * * *"', 'console:#acme-team');
    // 08:30 Shanghai on Monday 11 March was 00:30 UTC: that occurrence, covering Sunday the 10th, is due now.
    await harness.outlay.scheduler.tick('reports');
    const acme = (await reportRows()).filter((r) => r.address === 'console:#acme-team');
    expect(acme.map((r) => r.dedupeKey)).toEqual([expect.stringContaining('2030-03-11T00:30:00.000Z')]);
  });

  it('runs for one client only with --client, and refuses a client nobody has', async () => {
    const at = new Date(MONDAY_0900_SHANGHAI);
    expect(await harness.outlay.jobs.run('reports', at, { clientCode: 'globex' })).toMatchObject({
      ok: true,
      value: { bindings: 1, enqueued: 1 },
    });
    expect(await harness.outlay.jobs.run('reports', at, { clientCode: 'initech' })).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CLIENT', details: { client: 'initech' } },
    });
    expect((await reportRows()).map((r) => r.address)).toEqual(['console:#globex-team']);
  });
});
