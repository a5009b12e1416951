// WeCom's "no burst at :00 or :30" (docs/product-rules.md §6) through the real outbox store: a report due at the top
// of the hour is held until its address's slot without spending an attempt, other kinds go at once, and the slot is
// kept when the worker claims it again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spreadOffsetMs, wecomFirstAttemptDelayMs } from '../../../src/bots/wecom/wecom-spread.js';
import type { OutboundMessage } from '../../../src/domain/ports/chat-notifier.port.js';
import type { OutboxDeliveryStore } from '../../../src/domain/ports/outbox-delivery.port.js';
import { createOutboxWorker } from '../../../src/scheduler/outbox/outbox-worker.js';
import {
  createDrizzleAddressResolver,
  createDrizzleOutboxDeliveryStore,
} from '../../../src/storage/repositories/drizzle-outbox-delivery-store.js';
import { outbox } from '../../../src/storage/schema/index.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { createRecordingNotifier } from '../../fakes/recording-notifier.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../../support/test-databases.js';
import {
  createOrganisation,
  enqueue,
  rowByDedupeKey,
  sequentialIds,
  silentLogger,
  T0,
} from './outbox-harness.js';

const ORG = 'org-spread';

const outbound = (address: string, kind: string): OutboundMessage =>
  ({
    organisationId: ORG,
    id: 'm',
    address,
    kind,
    payload: {},
    dedupeKey: 'k',
    attempt: 1,
  }) as OutboundMessage;

describe('wecomFirstAttemptDelayMs', () => {
  const at = (iso: string) => new Date(iso);

  it('holds reports and budget warnings due in the ten minutes after :00 or :30 until the address’s slot', () => {
    const offset = spreadOffsetMs('wecom-robot:b1');
    expect(wecomFirstAttemptDelayMs(outbound('wecom-robot:b1', 'report'), at('2030-03-11T01:00:00Z'))).toBe(
      offset,
    );
    expect(
      wecomFirstAttemptDelayMs(outbound('wecom-robot:b1', 'budget-warning'), at('2030-03-11T01:30:20Z')),
    ).toBe(offset - 20_000);
    // Its moment has come: nothing more to wait, however often it is asked.
    const slot = new Date(Date.parse('2030-03-11T01:00:00Z') + offset);
    expect(wecomFirstAttemptDelayMs(outbound('wecom-robot:b1', 'report'), slot)).toBe(0);
    expect(wecomFirstAttemptDelayMs(outbound('wecom-robot:b1', 'report'), at('2030-03-11T01:09:59Z'))).toBe(
      0,
    );
  });

  it('holds nothing outside those windows, nor approval cards and other messages', () => {
    expect(wecomFirstAttemptDelayMs(outbound('wecom-robot:b1', 'report'), at('2030-03-11T01:10:00Z'))).toBe(
      0,
    );
    expect(wecomFirstAttemptDelayMs(outbound('wecom-robot:b1', 'report'), at('2030-03-11T01:45:00Z'))).toBe(
      0,
    );
    expect(
      wecomFirstAttemptDelayMs(outbound('wecom:ww1:@bob', 'approval-request'), at('2030-03-11T01:00:00Z')),
    ).toBe(0);
  });

  it('gives each address a stable slot between one and ten minutes in, spread across the window', () => {
    const offsets = Array.from({ length: 200 }, (_, i) => spreadOffsetMs(`wecom-robot:binding-${i}`));
    for (const offset of offsets) {
      expect(offset).toBeGreaterThanOrEqual(60_000);
      expect(offset).toBeLessThan(600_000);
      expect(offset % 1000).toBe(0);
    }
    expect(spreadOffsetMs('wecom-robot:binding-7')).toBe(offsets[7]);
    // 200 groups land on many different minutes, not one.
    expect(new Set(offsets.map((o) => Math.floor(o / 60_000))).size).toBe(9);
    expect(new Set(offsets).size).toBeGreaterThan(150);
  });
});

describe.each(testEngines())('spread WeCom deliveries through the outbox on %s', (engine) => {
  let database: TestDatabase;
  let store: OutboxDeliveryStore;
  let clock: FixedClock;
  const ids = sequentialIds('spread');

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    store = createDrizzleOutboxDeliveryStore(database.db, sequentialIds('notice'));
    await createOrganisation(database.db, ORG);
  });
  afterAll(async () => {
    await database.destroy();
  });
  beforeEach(async () => {
    await database.db.delete(outbox);
    // T0 is 09:00:00 UTC: the top of an hour.
    clock = new FixedClock(T0.toISOString());
  });

  const robotNotifier = () => {
    const recording = createRecordingNotifier({ platform: 'wecom-robot', clock });
    return Object.assign(recording, { firstAttemptDelayMs: wecomFirstAttemptDelayMs });
  };
  const workerWith = (notifier: ReturnType<typeof robotNotifier>) =>
    createOutboxWorker({
      store,
      notifiers: [notifier],
      resolver: createDrizzleAddressResolver(database.db),
      clock,
      random: () => 0.5,
      logger: silentLogger,
      leaseMs: 30_000,
      rateLimits: {},
    });

  it('holds a report until its slot without spending an attempt, and sends an approval card at once', async () => {
    const notifier = robotNotifier();
    const worker = workerWith(notifier);
    await enqueue(database.db, ids, [
      { organisationId: ORG, dedupeKey: 'report-1', address: 'wecom-robot:b1', kind: 'report' },
      { organisationId: ORG, dedupeKey: 'card-1', address: 'wecom-robot:b2', kind: 'approval-request' },
    ]);

    expect(await worker.runOnce()).toMatchObject({ claimed: 2, delivered: 1, deferred: 1, retried: 0 });
    expect(notifier.calls.map((c) => c.dedupeKey)).toEqual(['card-1']);
    const offset = spreadOffsetMs('wecom-robot:b1');
    const held = await rowByDedupeKey(database.db, ORG, 'report-1');
    expect(held).toMatchObject({ status: 'pending', attempts: 0 });
    expect(held.nextAttemptAt.getTime()).toBe(T0.getTime() + offset);

    clock.set(new Date(T0.getTime() + offset - 1000).toISOString());
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });

    clock.set(new Date(T0.getTime() + offset).toISOString());
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 1, deferred: 0 });
    const [delivered] = notifier.deliveriesTo('wecom-robot:b1');
    expect(delivered).toMatchObject({ dedupeKey: 'report-1', attempt: 1 });
    expect(delivered?.at.getTime()).toBe(T0.getTime() + offset);
    expect(await rowByDedupeKey(database.db, ORG, 'report-1')).toMatchObject({
      status: 'delivered',
      attempts: 1,
    });
  });

  it('does not hold a report whose first try fails: the retry follows the usual backoff', async () => {
    const notifier = robotNotifier();
    const worker = workerWith(notifier);
    await enqueue(database.db, ids, [
      { organisationId: ORG, dedupeKey: 'report-2', address: 'wecom-robot:b3', kind: 'report' },
    ]);
    const offset = spreadOffsetMs('wecom-robot:b3');
    await worker.runOnce();
    clock.set(new Date(T0.getTime() + offset).toISOString());
    notifier.failNext('wecom-robot:b3', 1);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    const row = await rowByDedupeKey(database.db, ORG, 'report-2');
    expect(row.attempts).toBe(1);
    expect(row.nextAttemptAt.getTime()).toBe(T0.getTime() + offset + 500);
  });
});
