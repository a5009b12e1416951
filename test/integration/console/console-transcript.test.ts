// The console transcript on both engines: posting, replacing in place, reading with a cursor, and the people and
// channels the console offers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../../src/domain/messaging/card.js';
import type { ConsoleTranscript } from '../../../src/domain/ports/console-transcript.port.js';
import type { Tx } from '../../../src/domain/ports/unit-of-work.port.js';
import { createDrizzleConsoleTranscript } from '../../../src/storage/repositories/drizzle-console-transcript.js';
import * as schema from '../../../src/storage/schema/index.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
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

const BOB = 'console:@bob';
const TEAM = 'console:#acme-team';

describe.each(testEngines())('console transcript on %s', (engine) => {
  let world: ExpenseWorld;
  let clock: FixedClock;
  let transcript: ConsoleTranscript;
  const run = <T>(work: (tx: Tx) => Promise<T>) => world.deps.uow.run(work);

  beforeEach(async () => {
    world = await createExpenseWorld(engine);
    clock = new FixedClock('2026-03-10T04:00:00.000Z');
    transcript = createDrizzleConsoleTranscript({ now: () => clock.now() });
  });
  afterEach(async () => {
    await world.destroy();
  });

  const post = async (address: string, title: string, dedupeKey?: string) => {
    clock.advance(1000);
    return run((tx) =>
      transcript.post(tx, ORG, {
        address,
        kind: 'notice',
        card: card(title),
        ...(dedupeKey === undefined ? {} : { dedupeKey, outboxId: `ob-${dedupeKey}` }),
      }),
    );
  };
  const titles = (messages: readonly { readonly card: Card }[]) => messages.map((m) => m.card.title);

  it('posts in seq order and reads the latest messages at the given addresses only', async () => {
    const first = await post(BOB, 'one');
    const second = await post(TEAM, 'two');
    await post('console:@alice', 'not for bob');
    const third = await post(BOB, 'three');
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(third.seq).toBeGreaterThan(second.seq);
    // Another organisation's messages at the same address never show.
    await run((tx) =>
      transcript.post(tx, 'org-other', { address: BOB, kind: 'notice', card: card('other org') }),
    );

    const all = await run((tx) => transcript.read(tx, ORG, [BOB, TEAM], undefined, 50));
    expect(titles(all.messages)).toEqual(['one', 'two', 'three']);
    expect(all.messages.map((m) => m.address)).toEqual([BOB, TEAM, BOB]);
    expect(all.cursor?.toISOString()).toBe('2026-03-10T04:00:04.000Z');

    const tail = await run((tx) => transcript.read(tx, ORG, [BOB, TEAM], undefined, 2));
    expect(titles(tail.messages)).toEqual(['two', 'three']);

    expect(await run((tx) => transcript.read(tx, ORG, [], undefined, 50))).toEqual({
      messages: [],
      cursor: undefined,
    });
  });

  it('reads only what was written after the cursor, and keeps the cursor when nothing was', async () => {
    await post(BOB, 'one');
    const before = await run((tx) => transcript.read(tx, ORG, [BOB], undefined, 50));
    await post(BOB, 'two');
    const after = await run((tx) => transcript.read(tx, ORG, [BOB], before.cursor, 50));
    expect(titles(after.messages)).toEqual(['two']);
    const quiet = await run((tx) => transcript.read(tx, ORG, [BOB], after.cursor, 50));
    expect(quiet.messages).toEqual([]);
    expect(quiet.cursor).toEqual(after.cursor);
  });

  it('replaces a card in place under the dedupe key it was first posted with, and the cursor sees it', async () => {
    const original = await post(BOB, 'approve ACME-7K3Q?', 'approval-request:ACME-7K3Q:r1:s1:bob');
    await post(BOB, 'later message');
    const seen = await run((tx) => transcript.read(tx, ORG, [BOB], undefined, 50));

    clock.advance(1000);
    const resolved = card('approve ACME-7K3Q?', {
      resolved: { text: 'Approved by Bob', at: '2026-03-10T04:00:03Z' },
    });
    const replaced = await run((tx) =>
      transcript.replace(tx, ORG, 'approval-request:ACME-7K3Q:r1:s1:bob', resolved),
    );
    expect(replaced).toEqual({ seq: original.seq });

    const update = await run((tx) => transcript.read(tx, ORG, [BOB], seen.cursor, 50));
    expect(update.messages).toHaveLength(1);
    expect(update.messages[0]).toMatchObject({ seq: original.seq, card: resolved, address: BOB });
    expect(update.messages[0]?.updatedAt.toISOString()).toBe('2026-03-10T04:00:03.000Z');
    expect(update.messages[0]?.createdAt.toISOString()).toBe('2026-03-10T04:00:01.000Z');
    expect(update.cursor?.toISOString()).toBe('2026-03-10T04:00:03.000Z');

    expect(await run((tx) => transcript.replace(tx, ORG, 'no-such-key', resolved))).toBeUndefined();
    expect(
      await run((tx) =>
        transcript.replace(tx, 'org-other', 'approval-request:ACME-7K3Q:r1:s1:bob', resolved),
      ),
    ).toBe(undefined);
  });

  it('a second post under a dedupe key (a redelivery) writes nothing and answers the first seq', async () => {
    const first = await post(BOB, 'card', 'k1');
    const again = await post(BOB, 'card again', 'k1');
    expect(again).toEqual(first);
    const rows = await world.database.db.select().from(schema.consoleMessages);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outboxId: 'ob-k1', dedupeKey: 'k1', kind: 'notice', card: card('card') });
  });

  it('with a limit after a cursor, the earliest writes come first so nothing is skipped', async () => {
    const start = clock.now();
    await post(BOB, 'a', 'a');
    await post(BOB, 'b');
    await post(BOB, 'c');
    clock.advance(1000);
    await run((tx) => transcript.replace(tx, ORG, 'a', card('a, updated')));

    const page1 = await run((tx) => transcript.read(tx, ORG, [BOB], start, 2));
    expect(titles(page1.messages)).toEqual(['b', 'c']);
    const page2 = await run((tx) => transcript.read(tx, ORG, [BOB], page1.cursor, 2));
    expect(titles(page2.messages)).toEqual(['a, updated']);
  });

  it('stamps writes with the database clock when given none, later writes never earlier', async () => {
    const live = createDrizzleConsoleTranscript();
    const longAgo = new Date('2000-01-01T00:00:00Z');
    await run((tx) => live.post(tx, ORG, { address: BOB, kind: 'notice', dedupeKey: 'x', card: card('x') }));
    await run((tx) => live.replace(tx, ORG, 'x', card('x2')));
    const feed = await run((tx) => live.read(tx, ORG, [BOB], longAgo, 10));
    const [message] = feed.messages;
    if (!message) throw new Error('nothing read');
    expect(message.card.title).toBe('x2');
    expect(message.updatedAt.getTime()).toBeGreaterThanOrEqual(message.createdAt.getTime());
    expect(Math.abs(message.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('lists members with console identities by role, one contact per active client, and bound console channels', async () => {
    await world.database.db.insert(schema.memberIdentities).values({
      identity: 'slack:T1:U9',
      organisationId: ORG,
      memberId: 'alice',
    });
    await world.database.db
      .insert(schema.members)
      .values({ organisationId: ORG, id: 'gone', displayName: 'Gone', active: false });
    await world.database.db
      .insert(schema.memberIdentities)
      .values({ identity: 'console:gone', organisationId: ORG, memberId: 'gone' });
    await world.database.db.insert(schema.channelBindings).values([
      { organisationId: ORG, id: 'b-admin', address: 'console:#admin', clientId: null, audience: 'admin' },
      {
        organisationId: ORG,
        id: 'b-globex-client',
        address: 'console:#globex',
        clientId: 'c-globex',
        audience: 'client',
      },
      {
        organisationId: ORG,
        id: 'b-slack',
        address: 'slack:T1:C1',
        clientId: 'c-acme',
        audience: 'internal',
      },
    ]);

    const directory = await run((tx) => transcript.people(tx, ORG));
    const byName = new Map(directory.people.map((p) => [p.name, p]));
    expect([...byName.keys()]).toEqual([
      'adam',
      'alice',
      'bob',
      'carol',
      'dave',
      'erin',
      'fay',
      'contact-acme',
      'contact-globex',
    ]);
    expect(byName.get('adam')).toEqual({
      identity: 'console:adam',
      name: 'adam',
      displayName: 'Adam',
      kind: 'member',
      roles: ['admin'],
      approverFor: [],
      clientCode: undefined,
    });
    expect(byName.get('fay')?.roles).toEqual(['finance']);
    expect(byName.get('bob')?.approverFor).toEqual(['acme', 'globex']);
    expect(byName.get('carol')?.approverFor).toEqual(['acme']);
    expect(byName.get('alice')).toMatchObject({ roles: [], approverFor: [] });
    expect(byName.get('contact-acme')).toEqual({
      identity: 'console:contact-acme',
      name: 'contact-acme',
      displayName: 'Acme',
      kind: 'client-contact',
      roles: [],
      approverFor: [],
      clientCode: 'acme',
    });
    expect(directory.channels).toEqual([
      { address: 'console:#acme-team', audience: 'internal', clientCode: 'acme', clientName: 'Acme' },
      { address: 'console:#admin', audience: 'admin', clientCode: undefined, clientName: undefined },
      { address: 'console:#globex', audience: 'client', clientCode: 'globex', clientName: 'Globex' },
    ]);
  });
});
