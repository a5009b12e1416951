// The console notifier writes outbox messages into the console transcript: a post, an in-place update for a
// payload that `replaces` an earlier message, and a permanent failure when there is nothing to show. The last
// test drives it through the real outbox worker, from `member:bob` to bob's console direct messages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ConsoleDeliveryRef,
  createConsoleNotifier,
  replacedKeyOf,
} from '../../../src/bots/console/console-notifier.js';
import type { Card } from '../../../src/domain/messaging/card.js';
import type { OutboundMessage } from '../../../src/domain/ports/chat-notifier.port.js';
import type { ConsoleTranscript } from '../../../src/domain/ports/console-transcript.port.js';
import type { Logger } from '../../../src/domain/ports/logger.port.js';
import { createOutboxWorker } from '../../../src/scheduler/outbox/outbox-worker.js';
import { createDrizzleConsoleTranscript } from '../../../src/storage/repositories/drizzle-console-transcript.js';
import {
  createDrizzleAddressResolver,
  createDrizzleOutboxDeliveryStore,
} from '../../../src/storage/repositories/drizzle-outbox-delivery-store.js';
import * as schema from '../../../src/storage/schema/index.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { SeededIds } from '../../fakes/seeded-ids.js';
import { createExpenseWorld, type ExpenseWorld, ORG } from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';

const card = (title: string, extra: Partial<Card> = {}): Card => ({
  title,
  fields: [],
  sections: [],
  images: [],
  actions: [],
  ...extra,
});

/** A stand-in for the real renderer: the payload's title, resolved when it carries a decision. */
const render = async (message: OutboundMessage): Promise<Card | undefined> => {
  const payload = message.payload as { title?: string; decision?: string };
  if (message.kind === 'unrenderable' || payload.title === undefined) return undefined;
  return payload.decision === undefined
    ? card(payload.title, {
        actions: [{ id: 'exp:approve:ACME-7K3Q:v1:s1', label: 'Approve', style: 'primary' }],
      })
    : card(payload.title, { resolved: { text: payload.decision, at: '2026-03-10T04:00:00Z' } });
};

const outbound = (
  over: Partial<OutboundMessage> & Pick<OutboundMessage, 'id' | 'dedupeKey'>,
): OutboundMessage => ({
  organisationId: ORG,
  address: 'console:@bob',
  kind: 'approval-request',
  payload: { title: 'Approve ACME-7K3Q?' },
  attempt: 1,
  ...over,
});

const silentLogger: Logger = {
  fatal: () => {},
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  trace: () => {},
  child: () => silentLogger,
};

describe('replacedKeyOf', () => {
  it('reads `replaces` only when it is a non-empty string', () => {
    expect(replacedKeyOf({ replaces: 'k' })).toBe('k');
    expect(replacedKeyOf({ replaces: '' })).toBeUndefined();
    expect(replacedKeyOf({ replaces: 7 })).toBeUndefined();
    expect(replacedKeyOf(null)).toBeUndefined();
    expect(replacedKeyOf('replaces')).toBeUndefined();
  });
});

describe.each(testEngines())('console notifier on %s', (engine) => {
  let world: ExpenseWorld;
  let transcript: ConsoleTranscript;
  let delivered: { message: OutboundMessage; ref: ConsoleDeliveryRef }[];

  beforeEach(async () => {
    world = await createExpenseWorld(engine);
    transcript = createDrizzleConsoleTranscript();
    delivered = [];
  });
  afterEach(async () => {
    await world.destroy();
  });

  const notifier = () =>
    createConsoleNotifier({
      uow: world.deps.uow,
      transcript,
      render,
      onDelivered: (message, ref) => delivered.push({ message, ref }),
    });
  const rows = () =>
    world.database.db.select().from(schema.consoleMessages).orderBy(schema.consoleMessages.seq);

  it('serves the console platform and posts the rendered card at the address', async () => {
    const sink = notifier();
    expect(sink.platform).toBe('console');
    const outcome = await sink.deliver(outbound({ id: 'ob-1', dedupeKey: 'approval-request:A:bob' }));
    const [row] = await rows();
    expect(outcome).toEqual({ ok: true, ref: { seq: row?.seq } });
    expect(row).toMatchObject({
      organisationId: ORG,
      address: 'console:@bob',
      outboxId: 'ob-1',
      dedupeKey: 'approval-request:A:bob',
      kind: 'approval-request',
    });
    expect((row?.card as Card | undefined)?.actions.map((a) => a.label)).toEqual(['Approve']);
    expect(delivered.map((d) => [d.message.id, d.ref.replaced])).toEqual([['ob-1', false]]);
  });

  it('replaces the earlier card in place when the payload names it', async () => {
    const sink = notifier();
    const first = await sink.deliver(outbound({ id: 'ob-1', dedupeKey: 'approval-request:A:bob' }));
    const update = await sink.deliver(
      outbound({
        id: 'ob-2',
        dedupeKey: 'approval-resolved:A:bob',
        kind: 'approval-resolved',
        payload: {
          title: 'Approve ACME-7K3Q?',
          decision: 'Approved by Bob',
          replaces: 'approval-request:A:bob',
        },
      }),
    );
    expect(update).toEqual(first);
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]?.card).toEqual(
      card('Approve ACME-7K3Q?', { resolved: { text: 'Approved by Bob', at: '2026-03-10T04:00:00Z' } }),
    );
    expect(all[0]?.kind).toBe('approval-request');
    expect(delivered.map((d) => [d.message.id, d.ref.replaced])).toEqual([
      ['ob-1', false],
      ['ob-2', true],
    ]);
  });

  it('posts an update whose original is not there as new, under the original key, so the next update lands on it', async () => {
    const sink = notifier();
    const resolved = (id: string, decision: string) =>
      outbound({
        id,
        dedupeKey: `resolved-${id}`,
        kind: 'approval-resolved',
        payload: { title: 'Approve ACME-7K3Q?', decision, replaces: 'approval-request:A:bob' },
      });
    const first = await sink.deliver(resolved('ob-7', 'Edited'));
    const second = await sink.deliver(resolved('ob-8', 'Approved by Bob'));
    expect(second).toEqual(first);
    const all = await rows();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      dedupeKey: 'approval-request:A:bob',
      outboxId: 'ob-7',
      kind: 'approval-resolved',
    });
    expect((all[0]?.card as Card | undefined)?.resolved?.text).toBe('Approved by Bob');
  });

  it('a redelivery of the same outbox message writes nothing new', async () => {
    const sink = notifier();
    const first = await sink.deliver(outbound({ id: 'ob-1', dedupeKey: 'k' }));
    const again = await sink.deliver(outbound({ id: 'ob-1', dedupeKey: 'k', attempt: 2 }));
    expect(again).toEqual(first);
    expect(await rows()).toHaveLength(1);
  });

  it('fails for good, writing nothing, when the renderer has nothing to show', async () => {
    const outcome = await notifier().deliver(outbound({ id: 'ob-9', dedupeKey: 'x', kind: 'unrenderable' }));
    expect(outcome).toEqual({ ok: false, permanent: true, error: 'nothing to show for kind unrenderable' });
    expect(await rows()).toHaveLength(0);
    expect(delivered).toHaveLength(0);
  });

  it('through the outbox worker: member:bob reaches console:@bob once, and the decision updates that card', async () => {
    // Enqueue stamps the database's now(); a clock far ahead makes every message due at once.
    const clock = new FixedClock('2090-01-01T09:00:00.000Z');
    const worker = createOutboxWorker({
      store: createDrizzleOutboxDeliveryStore(world.database.db, new SeededIds(3)),
      notifiers: [notifier()],
      resolver: createDrizzleAddressResolver(world.database.db),
      clock,
      random: () => 0.5,
      logger: silentLogger,
      rateLimits: {},
    });
    const enqueue = (dedupeKey: string, address: string, kind: string, payload: object) =>
      world.deps.uow.run((tx) =>
        world.deps.outbox.enqueue(tx, { organisationId: ORG, dedupeKey, address, kind, payload }),
      );

    await enqueue('approval-request:ACME-7K3Q:r1:s1:bob', 'member:bob', 'approval-request', {
      title: 'Approve?',
    });
    await enqueue(
      'approval-request:ACME-7K3Q:r1:s1:b-acme-internal',
      'console:#acme-team',
      'approval-request',
      {
        title: 'Approve?',
      },
    );
    expect(await worker.runOnce()).toMatchObject({ claimed: 2, delivered: 2, dead: 0 });

    await enqueue('approval-resolved:ACME-7K3Q:r1:s1:bob', 'member:bob', 'approval-resolved', {
      title: 'Approve?',
      decision: 'Approved by Bob',
      replaces: 'approval-request:ACME-7K3Q:r1:s1:bob',
    });
    await enqueue('odd', 'member:bob', 'unrenderable', {});
    clock.advance(60_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 2, delivered: 1, dead: 1 });
    clock.advance(120_000);
    expect(await worker.runOnce()).toMatchObject({ claimed: 0 });

    const perOutboxId = new Map<string, number>();
    for (const d of delivered) perOutboxId.set(d.message.id, (perOutboxId.get(d.message.id) ?? 0) + 1);
    expect([...perOutboxId.values()]).toEqual([1, 1, 1]);

    const feed = await world.deps.uow.run((tx) =>
      transcript.read(tx, ORG, ['console:@bob', 'console:#acme-team'], undefined, 50),
    );
    expect(feed.messages.map((m) => [m.address, m.card.title, m.card.resolved?.text ?? null])).toEqual([
      ['console:@bob', 'Approve?', 'Approved by Bob'],
      ['console:#acme-team', 'Approve?', null],
    ]);
    const dead = (await world.outbox()).filter((row) => row.status === 'dead');
    expect(dead.map((row) => [row.dedupeKey, row.lastError])).toEqual([
      ['odd', 'permanent failure: nothing to show for kind unrenderable'],
    ]);
  });
});
