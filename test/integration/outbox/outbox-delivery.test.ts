import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatNotifier } from '../../../src/domain/ports/chat-notifier.port.js';
import type { OutboxDeliveryStore } from '../../../src/domain/ports/outbox-delivery.port.js';
import { createOutboxWorker, type OutboxWorkerOptions } from '../../../src/scheduler/outbox/outbox-worker.js';
import {
  createDrizzleAddressResolver,
  createDrizzleOutboxDeliveryStore,
} from '../../../src/storage/repositories/drizzle-outbox-delivery-store.js';
import { channelBindings, outbox } from '../../../src/storage/schema/index.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { createRecordingNotifier } from '../../fakes/recording-notifier.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../../support/test-databases.js';
import {
  addMember,
  bindAdminChannel,
  createOrganisation,
  enqueue,
  outboxRows,
  rowByDedupeKey,
  sequentialIds,
  silentLogger,
  T0,
} from './outbox-harness.js';

const ORG = 'org-outbox';

describe.each(testEngines())('outbox delivery on %s', (engine) => {
  let database: TestDatabase;
  let store: OutboxDeliveryStore;
  let clock: FixedClock;
  const ids = sequentialIds('msg');

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    store = createDrizzleOutboxDeliveryStore(database.db, sequentialIds('notice'));
    await createOrganisation(database.db, ORG);
    await createOrganisation(database.db, 'org-other');
  });
  afterAll(async () => {
    await database.destroy();
  });
  beforeEach(async () => {
    // The worker serves every organisation, so each test starts from an empty outbox and no admin channel.
    await database.db.delete(outbox);
    await database.db.delete(channelBindings);
    clock = new FixedClock(T0.toISOString());
  });

  const newConsoleNotifier = (overrides: { minSpacingMs?: number } = {}) =>
    createRecordingNotifier({ platform: 'console', clock, ...overrides });

  const workerWith = (notifiers: ChatNotifier[], overrides: Partial<OutboxWorkerOptions> = {}) =>
    createOutboxWorker({
      store,
      notifiers,
      resolver: createDrizzleAddressResolver(database.db),
      clock,
      // Jitter at its midpoint: the n-th retry waits half of base · 2^(n−1).
      random: () => 0.5,
      logger: silentLogger,
      batchSize: 20,
      leaseMs: 30_000,
      baseBackoffMs: 1000,
      maxBackoffMs: 60_000,
      rateLimits: {},
      ...overrides,
    });

  it('delivers an enqueued message once and keeps what the platform answered', async () => {
    const notifier = newConsoleNotifier();
    const worker = workerWith([notifier]);
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'k1', address: 'console:#acme' }]);
    // Enqueued twice by a retried use case: the dedupe key keeps one row.
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'k1', address: 'console:#acme' }]);

    expect(await worker.runOnce()).toEqual({ claimed: 1, delivered: 1, retried: 0, deferred: 0, dead: 0 });
    clock.advance(120_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0, delivered: 0 });

    expect(notifier.deliveries).toHaveLength(1);
    expect(notifier.deliveries[0]).toMatchObject({
      organisationId: ORG,
      address: 'console:#acme',
      kind: 'notice',
      payload: { text: 'k1' },
      dedupeKey: 'k1',
      attempt: 1,
    });
    const row = await rowByDedupeKey(database.db, ORG, 'k1');
    expect(row).toMatchObject({
      status: 'delivered',
      attempts: 1,
      deliveredAt: T0,
      deliveryRef: { platform: 'console', address: 'console:#acme', sequence: 1 },
    });
    expect(await store.countByStatus(ORG)).toEqual({ pending: 0, delivered: 1, dead: 0 });
  });

  it('retries a failing notifier with exponential backoff, then delivers', async () => {
    const notifier = newConsoleNotifier();
    notifier.failNext('console:#acme', 2, 'HTTP 502');
    const worker = workerWith([notifier]);
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'k1', address: 'console:#acme' }]);

    expect(await worker.runOnce()).toMatchObject({ retried: 1, delivered: 0 });
    let row = await rowByDedupeKey(database.db, ORG, 'k1');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 502' });
    expect(row.nextAttemptAt).toEqual(new Date(T0.getTime() + 500));

    clock.advance(499);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    row = await rowByDedupeKey(database.db, ORG, 'k1');
    // Second failure: half of 2 s.
    expect(row.nextAttemptAt).toEqual(new Date(T0.getTime() + 500 + 1000));

    clock.advance(1000);
    expect(await worker.runOnce()).toMatchObject({ delivered: 1 });
    expect(notifier.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(notifier.deliveries).toHaveLength(1);
    expect(notifier.deliveries[0]?.at).toEqual(new Date(T0.getTime() + 1500));
    expect(await rowByDedupeKey(database.db, ORG, 'k1')).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('treats a notifier that throws as a retryable failure', async () => {
    const notifier = newConsoleNotifier();
    notifier.throwNext('console:#acme', 1, 'socket hang up');
    const worker = workerWith([notifier]);
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'k1', address: 'console:#acme' }]);

    expect(await worker.runOnce()).toMatchObject({ retried: 1, dead: 0 });
    expect(await rowByDedupeKey(database.db, ORG, 'k1')).toMatchObject({
      status: 'pending',
      lastError: 'notifier threw Error: socket hang up',
    });
    clock.advance(500);
    expect(await worker.runOnce()).toMatchObject({ delivered: 1 });
    expect(notifier.deliveries).toHaveLength(1);
  });

  it('honours Retry-After: nothing reaches the address before it, and the wait costs no attempt', async () => {
    const notifier = newConsoleNotifier();
    notifier.rateLimitNext('console:#acme', 5000);
    const worker = workerWith([notifier]);
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'k1', address: 'console:#acme' }]);

    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    const held = await rowByDedupeKey(database.db, ORG, 'k1');
    expect(held).toMatchObject({ status: 'pending', attempts: 0 });
    expect(held.nextAttemptAt).toEqual(new Date(T0.getTime() + 5000));

    // A second message for the paused address waits too, instead of provoking another 429.
    clock.advance(1000);
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'k2', address: 'console:#acme' }]);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, deferred: 1, delivered: 0 });
    expect((await rowByDedupeKey(database.db, ORG, 'k2')).nextAttemptAt).toEqual(
      new Date(T0.getTime() + 5000),
    );

    clock.set(new Date(T0.getTime() + 4999).toISOString());
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    clock.set(new Date(T0.getTime() + 5000).toISOString());
    expect(await worker.runOnce()).toMatchObject({ delivered: 2 });

    expect(notifier.calls).toHaveLength(3);
    expect(notifier.deliveries.map((d) => [d.dedupeKey, d.at.getTime() - T0.getTime(), d.attempt])).toEqual([
      ['k1', 5000, 1],
      ['k2', 5000, 1],
    ]);
  });

  it('spaces messages to one address by the platform limit, in the order they were written', async () => {
    const notifier = createRecordingNotifier({ platform: 'slack', clock, minSpacingMs: 1000 });
    const worker = workerWith([notifier], { rateLimits: { slack: 1000 } });
    await enqueue(
      database.db,
      ids,
      ['k1', 'k2', 'k3'].map((dedupeKey) => ({ organisationId: ORG, dedupeKey, address: 'slack:T1:C1' })),
    );
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'other', address: 'slack:T1:C2' }]);

    expect(await worker.runOnce()).toMatchObject({ claimed: 4, delivered: 2, deferred: 2 });
    const held = await outboxRows(database.db, ORG);
    expect(held.filter((r) => r.status === 'pending').map((r) => [r.dedupeKey, r.attempts])).toEqual([
      ['k2', 0],
      ['k3', 0],
    ]);
    for (let i = 0; i < 5; i += 1) {
      clock.advance(500);
      await worker.runOnce();
    }

    expect(
      notifier.deliveriesTo('slack:T1:C1').map((d) => [d.dedupeKey, d.at.getTime() - T0.getTime()]),
    ).toEqual([
      ['k1', 0],
      ['k2', 1000],
      ['k3', 2000],
    ]);
    expect(notifier.deliveriesTo('slack:T1:C2')).toHaveLength(1);
    // Pacing kept every send inside the platform's limit: not one 429.
    expect(notifier.calls).toHaveLength(4);
  });

  it('buries a permanent failure at once and tells the admin channel exactly once', async () => {
    const slack = createRecordingNotifier({ platform: 'slack', clock });
    slack.failPermanently('slack:T1:C9', 'channel_not_found');
    const consoleNotifier = newConsoleNotifier();
    const deaths: string[] = [];
    const worker = workerWith([slack, consoleNotifier], {
      onDead: (message) => deaths.push(message.dedupeKey),
    });
    await bindAdminChannel(database.db, ORG, 'console:#admin');
    await enqueue(database.db, ids, [
      { organisationId: ORG, dedupeKey: 'k1', address: 'slack:T1:C9', kind: 'approval-request' },
    ]);

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, dead: 1, retried: 0 });
    const dead = await rowByDedupeKey(database.db, ORG, 'k1');
    expect(dead).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'permanent failure: channel_not_found',
    });
    expect(deaths).toEqual(['k1']);

    const notice = await rowByDedupeKey(database.db, ORG, `dead-letter:${dead.id}`);
    expect(notice).toMatchObject({
      status: 'pending',
      address: 'console:#admin',
      kind: 'dead-letter',
      payload: {
        messageId: dead.id,
        kind: 'approval-request',
        address: 'slack:T1:C9',
        dedupeKey: 'k1',
        attempts: 1,
        error: 'permanent failure: channel_not_found',
        diedAt: T0.toISOString(),
      },
    });

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(consoleNotifier.deliveriesTo('console:#admin').map((d) => d.kind)).toEqual(['dead-letter']);
    expect(await store.deadLetters(ORG, 10)).toEqual([
      expect.objectContaining({
        id: dead.id,
        dedupeKey: 'k1',
        error: 'permanent failure: channel_not_found',
        diedAt: T0,
      }),
    ]);
    expect(await store.countByStatus(ORG)).toEqual({ pending: 0, delivered: 1, dead: 1 });
    expect((await outboxRows(database.db, ORG)).filter((r) => r.kind === 'dead-letter')).toHaveLength(1);
  });

  it('never writes a notice about a dead notice, and writes none where no admin channel is bound', async () => {
    const notifier = newConsoleNotifier();
    notifier.failPermanently('console:#gone');
    notifier.failPermanently('console:#admin-gone');
    const worker = workerWith([notifier]);
    await bindAdminChannel(database.db, ORG, 'console:#admin-gone');
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'k1', address: 'console:#gone' }]);
    await enqueue(database.db, ids, [
      { organisationId: 'org-other', dedupeKey: 'k1', address: 'console:#gone' },
    ]);

    expect(await worker.runOnce()).toMatchObject({ dead: 2 });
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, dead: 1 });
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });

    const rows = await outboxRows(database.db, ORG);
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['notice', 'dead'],
      ['dead-letter', 'dead'],
    ]);
    expect(await outboxRows(database.db, 'org-other')).toHaveLength(1);
  });

  it('gives up after maxAttempts failures', async () => {
    const notifier = newConsoleNotifier();
    notifier.failNext('console:#acme', 10, 'HTTP 503');
    const worker = workerWith([notifier], { maxAttempts: 3 });
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'k1', address: 'console:#acme' }]);

    const results = [];
    for (let i = 0; i < 4; i += 1) {
      results.push(await worker.runOnce());
      clock.advance(60_000);
    }
    expect(results.map((r) => [r.retried, r.dead])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(notifier.calls).toHaveLength(3);
    expect(await rowByDedupeKey(database.db, ORG, 'k1')).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastError: 'gave up after 3 attempts: HTTP 503',
    });
  });

  it('resolves member addresses to the first linked identity a mounted platform serves', async () => {
    await addMember(database.db, ORG, 'm-alice', ['console:alice', 'slack:T1:U1']);
    await addMember(database.db, ORG, 'm-bob', ['slack:T1:U2', 'console:bob']);
    await addMember(database.db, ORG, 'm-carol', []);
    const consoleNotifier = newConsoleNotifier();
    const worker = workerWith([consoleNotifier]);
    await enqueue(
      database.db,
      ids,
      ['m-alice', 'm-bob', 'm-carol', 'm-unknown'].map((id) => ({
        organisationId: ORG,
        dedupeKey: id,
        address: `member:${id}`,
      })),
    );
    // The same member id in another organisation names nobody there.
    await enqueue(database.db, ids, [
      { organisationId: 'org-other', dedupeKey: 'x', address: 'member:m-alice' },
    ]);

    expect(await worker.runOnce()).toMatchObject({ claimed: 5, delivered: 2, dead: 3 });
    expect(consoleNotifier.deliveries.map((d) => [d.dedupeKey, d.address]).sort()).toEqual([
      ['m-alice', 'console:@alice'],
      ['m-bob', 'console:@bob'],
    ]);
    expect(await rowByDedupeKey(database.db, ORG, 'm-carol')).toMatchObject({
      status: 'dead',
      lastError: 'no chat address to reach member:m-carol',
    });
    expect(await rowByDedupeKey(database.db, 'org-other', 'x')).toMatchObject({
      status: 'dead',
      lastError: 'no chat address to reach member:m-alice',
    });

    const resolver = createDrizzleAddressResolver(database.db);
    expect(await resolver.resolve(ORG, 'member:m-bob')).toEqual(['slack:T1:U2', 'console:@bob']);
    expect(await resolver.resolve(ORG, 'slack:T1:C1')).toEqual(['slack:T1:C1']);
  });

  it('prefers the earliest linked identity when several platforms are mounted', async () => {
    await addMember(database.db, ORG, 'm-dan', ['slack:T1:U4', 'console:dan']);
    const slack = createRecordingNotifier({ platform: 'slack', clock });
    const consoleNotifier = newConsoleNotifier();
    const worker = workerWith([consoleNotifier, slack]);
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'k1', address: 'member:m-dan' }]);

    expect(await worker.runOnce()).toMatchObject({ delivered: 1 });
    expect(slack.deliveries.map((d) => d.address)).toEqual(['slack:T1:U4']);
    expect(consoleNotifier.deliveries).toHaveLength(0);
  });

  it('buries a message for a platform nobody serves, saying so', async () => {
    const worker = workerWith([newConsoleNotifier()]);
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'k1', address: 'wecom:ww1:chat9' }]);
    expect(await worker.runOnce()).toMatchObject({ dead: 1 });
    expect(await rowByDedupeKey(database.db, ORG, 'k1')).toMatchObject({
      status: 'dead',
      lastError: 'no notifier for wecom (to reach wecom:ww1:chat9)',
    });
  });

  it('delivers a message whose worker died after claiming it once its lease runs out, exactly once', async () => {
    const notifier = newConsoleNotifier();
    const worker = workerWith([notifier], { leaseMs: 30_000 });
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'k1', address: 'console:#acme' }]);

    // The "crashed" worker: it claims, then is never heard from again.
    const [stale] = await store.claimDue(clock.now(), 10, 30_000);
    expect(stale).toMatchObject({ dedupeKey: 'k1', attempts: 1 });

    clock.advance(29_999);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    clock.advance(1);
    expect(await worker.runOnce()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(notifier.deliveries.map((d) => [d.dedupeKey, d.attempt])).toEqual([['k1', 2]]);

    // The old claim is fenced off: its late answers change nothing.
    if (!stale) throw new Error('unreachable');
    expect(await store.reschedule(stale, clock.now(), { error: 'late' })).toBe(false);
    expect((await store.markDead(stale, clock.now(), 'late')).buried).toBe(false);
    clock.advance(120_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
    expect(notifier.deliveries).toHaveLength(1);
    expect(await rowByDedupeKey(database.db, ORG, 'k1')).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('buries a message that keeps killing its workers instead of claiming it forever', async () => {
    const notifier = newConsoleNotifier();
    const worker = workerWith([notifier], { maxAttempts: 2, leaseMs: 1000 });
    await enqueue(database.db, ids, [{ organisationId: ORG, dedupeKey: 'k1', address: 'console:#acme' }]);
    const [first] = await store.claimDue(clock.now(), 10, 1000);
    clock.advance(1000);
    await store.claimDue(clock.now(), 10, 1000);
    // The first claim's lease has passed to the second: it can no longer move the message.
    if (!first) throw new Error('unreachable');
    expect(await store.reschedule(first, clock.now(), { error: 'late' })).toBe(false);
    clock.advance(1000);

    expect(await worker.runOnce()).toMatchObject({ claimed: 1, dead: 1 });
    expect(notifier.calls).toHaveLength(0);
    expect(await rowByDedupeKey(database.db, ORG, 'k1')).toMatchObject({
      status: 'dead',
      lastError: 'claimed 3 times without an answer',
    });
  });
});
