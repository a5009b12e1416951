// Two Outlay instances delivering one outbox: each worker has its own connection pool, the platform is shared and
// flaky. Every message must arrive exactly once. Time is the test's clock; the workers run truly concurrently.
import { and, eq, like, min } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxDeliveryStore } from '../../../src/domain/ports/outbox-delivery.port.js';
import { createOutboxWorker, type OutboxWorker } from '../../../src/scheduler/outbox/outbox-worker.js';
import { type OpenDatabase, openDatabase } from '../../../src/storage/open-database.js';
import {
  createDrizzleAddressResolver,
  createDrizzleOutboxDeliveryStore,
} from '../../../src/storage/repositories/drizzle-outbox-delivery-store.js';
import { outbox } from '../../../src/storage/schema/index.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { createRecordingNotifier, type RecordingNotifier } from '../../fakes/recording-notifier.js';
import { SeededIds } from '../../fakes/seeded-ids.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../../support/test-databases.js';
import { createOrganisation, enqueue, sequentialIds, silentLogger, T0 } from './outbox-harness.js';

const ORG = 'org-busy';

const seededRandom = (seed: number) => {
  const source = new SeededIds(seed);
  return () => source.next();
};

describe.runIf(testEngines().includes('postgres'))('outbox delivery with two instances on PostgreSQL', () => {
  let database: TestDatabase;
  let instances: OpenDatabase[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const url = database.url;
    if (!url) throw new Error('the PostgreSQL harness gives a URL');
    instances = await Promise.all(
      [1, 2].map(() => openDatabase({ kind: 'postgres', url, maxConnections: 5 })),
    );
    await createOrganisation(database.db, ORG);
  });
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.close()));
    await database.destroy();
  });

  const workerOn = (instance: OpenDatabase, name: string, notifier: RecordingNotifier, clock: FixedClock) =>
    createOutboxWorker({
      store: createDrizzleOutboxDeliveryStore(instance.db, sequentialIds(`notice-${name}`)),
      notifiers: [notifier],
      resolver: createDrizzleAddressResolver(instance.db),
      clock,
      random: seededRandom(name === 'a' ? 11 : 12),
      logger: silentLogger,
      batchSize: 25,
      leaseMs: 30_000,
      maxAttempts: 8,
      baseBackoffMs: 200,
      maxBackoffMs: 2000,
      rateLimits: { slack: 1000 },
    });

  /** The next instant anything is due, so the test skips idle time instead of stepping through it. */
  const nextDue = async (): Promise<Date | null> => {
    const [row] = await database.db
      .select({ at: min(outbox.nextAttemptAt) })
      .from(outbox)
      .where(and(eq(outbox.organisationId, ORG), eq(outbox.status, 'pending')));
    return row?.at ?? null;
  };

  it('delivers 200 messages over 20 addresses exactly once despite failures, 429s and a race', async () => {
    const clock = new FixedClock(T0.toISOString());
    // The platform: 10 % of calls fail, 5 % answer 429, and one message per second per channel is enforced.
    const platform = createRecordingNotifier({
      platform: 'slack',
      clock,
      random: seededRandom(42),
      failureRate: 0.1,
      rateLimitRate: 0.05,
      retryAfterMs: 1500,
      minSpacingMs: 1000,
    });
    const ids = sequentialIds('busy');
    const addresses = Array.from({ length: 20 }, (_, i) => `slack:T1:C${i}`);
    await enqueue(
      database.db,
      ids,
      Array.from({ length: 200 }, (_, i) => ({
        organisationId: ORG,
        dedupeKey: `report-${i}`,
        address: addresses[i % addresses.length] ?? '',
      })),
    );
    const workers: OutboxWorker[] = [
      workerOn(instances[0] as OpenDatabase, 'a', platform, clock),
      workerOn(instances[1] as OpenDatabase, 'b', platform, clock),
    ];

    const totals = { a: 0, b: 0 };
    let rounds = 0;
    for (; rounds < 500; rounds += 1) {
      const [a, b] = await Promise.all(workers.map((w) => w.runOnce()));
      totals.a += a?.delivered ?? 0;
      totals.b += b?.delivered ?? 0;
      const due = await nextDue();
      if (due === null) break;
      clock.set(new Date(Math.max(due.getTime(), clock.now().getTime() + 1)).toISOString());
    }

    const counts = platform.deliveryCounts();
    expect(counts.size).toBe(200);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const rows = await database.db.select().from(outbox).where(eq(outbox.organisationId, ORG));
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.status === 'delivered')).toHaveLength(200);

    // The run really was hostile, and both instances did real work.
    const outcomes = platform.calls.map((c) => ('thrown' in c.outcome ? 'thrown' : c.outcome));
    expect(outcomes.filter((o) => o !== 'thrown' && !o.ok && o.error === 'HTTP 500').length).toBeGreaterThan(
      5,
    );
    expect(
      outcomes.filter((o) => o !== 'thrown' && !o.ok && o.retryAfterMs !== undefined).length,
    ).toBeGreaterThan(5);
    expect(totals.a).toBeGreaterThan(20);
    expect(totals.b).toBeGreaterThan(20);
    expect(totals.a + totals.b).toBe(200);

    for (const address of addresses) expect(platform.deliveriesTo(address)).toHaveLength(10);
    // Ten messages per channel at one a second need at least nine seconds of platform time.
    expect(clock.now().getTime() - T0.getTime()).toBeGreaterThanOrEqual(9000);
  });

  it('never leases one message to two claims racing on two connections', async () => {
    const clock = new FixedClock(new Date(T0.getTime() + 7_200_000).toISOString());
    await enqueue(
      database.db,
      sequentialIds('race'),
      Array.from({ length: 300 }, (_, i) => ({
        organisationId: ORG,
        dedupeKey: `race-${i}`,
        address: 'slack:T1:R',
      })),
    );
    const stores = instances.map((i, n) =>
      createDrizzleOutboxDeliveryStore(i.db, sequentialIds(`race-${n}`)),
    );
    // Twelve claims at once, six per instance, each wanting more than its share.
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        (stores[n % 2] as OutboxDeliveryStore).claimDue(clock.now(), 40, 30_000),
      ),
    );
    const claimedIds = claims.flat().map((m) => m.id);
    expect(claimedIds).toHaveLength(300);
    expect(new Set(claimedIds).size).toBe(300);
    await database.db.delete(outbox).where(like(outbox.dedupeKey, 'race-%'));
  });

  it('hands a message claimed by a crashed instance to the other once the lease runs out, exactly once', async () => {
    const clock = new FixedClock(new Date(T0.getTime() + 3_600_000).toISOString());
    const platform = createRecordingNotifier({ platform: 'slack', clock });
    const ids = sequentialIds('crash');
    await enqueue(
      database.db,
      ids,
      ['c1', 'c2', 'c3'].map((dedupeKey, i) => ({
        organisationId: ORG,
        dedupeKey,
        address: `slack:T1:X${i}`,
      })),
    );

    // Instance A claims the batch, then "crashes": it never sends or records anything.
    const crashed = createDrizzleOutboxDeliveryStore((instances[0] as OpenDatabase).db, sequentialIds('x'));
    const claimed = await crashed.claimDue(clock.now(), 10, 30_000);
    expect(claimed.map((m) => m.dedupeKey).sort()).toEqual(['c1', 'c2', 'c3']);

    const survivor = workerOn(instances[1] as OpenDatabase, 'b', platform, clock);
    expect(await survivor.runOnce()).toMatchObject({ claimed: 0 });
    clock.advance(29_999);
    expect(await survivor.runOnce()).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await survivor.runOnce()).toMatchObject({ claimed: 3, delivered: 3 });
    clock.advance(120_000);
    expect(await survivor.runOnce()).toMatchObject({ claimed: 0 });

    const counts = platform.deliveryCounts();
    expect([...counts.values()]).toEqual([1, 1, 1]);
    expect(platform.deliveries.map((d) => d.attempt)).toEqual([2, 2, 2]);
  });
});
