// Shared set-up for the outbox delivery tests: the test clock's starting instant, prefixed ids, a silent logger, and
// helpers that write what the worker reads (organisations, members and their identities, admin bindings).
import { eq } from 'drizzle-orm';
import type { IdGenerator } from '../../../src/domain/ports/id-generator.port.js';
import type { Logger } from '../../../src/domain/ports/logger.port.js';
import type { OutboxMessageInput } from '../../../src/domain/ports/outbox.port.js';
import { createDrizzleUnitOfWork } from '../../../src/storage/drizzle-unit-of-work.js';
import type { Database } from '../../../src/storage/open-database.js';
import { createDrizzleOutbox } from '../../../src/storage/repositories/drizzle-outbox.js';
import {
  channelBindings,
  memberIdentities,
  members,
  organisations,
  outbox,
} from '../../../src/storage/schema/index.js';

// `Outbox.enqueue` stamps next_attempt_at with the database's now(); the test clock starts well after any real
// now, so an enqueued message is due at once and the test alone decides when everything after that happens.
export const T0 = new Date('2090-01-01T09:00:00.000Z');

/** Like SeededIds but with a prefix, so the notice ids of two stores writing to one database never collide. */
export function sequentialIds(prefix: string): IdGenerator {
  let next = 0;
  return {
    newId: () => `${prefix}-${String(++next).padStart(6, '0')}`,
    randomInt: (maxExclusive) => next % maxExclusive,
  };
}

export const silentLogger: Logger = {
  fatal: () => {},
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  trace: () => {},
  child: () => silentLogger,
};

export type EnqueueSpec = Pick<OutboxMessageInput, 'organisationId' | 'dedupeKey' | 'address'> &
  Partial<Pick<OutboxMessageInput, 'kind' | 'payload'>>;

/** Writes messages the way a use case does: through `Outbox.enqueue`, in one transaction. */
export async function enqueue(
  db: Database,
  ids: IdGenerator,
  messages: readonly EnqueueSpec[],
): Promise<void> {
  const writer = createDrizzleOutbox(ids);
  await createDrizzleUnitOfWork(db).run(async (tx) => {
    for (const message of messages) {
      await writer.enqueue(tx, {
        ...message,
        kind: message.kind ?? 'notice',
        payload: message.payload ?? { text: message.dedupeKey },
      });
    }
  });
}

export async function createOrganisation(db: Database, id: string): Promise<void> {
  await db.insert(organisations).values({ id, name: id }).onConflictDoNothing();
}

export async function addMember(
  db: Database,
  organisationId: string,
  memberId: string,
  identities: readonly string[],
): Promise<void> {
  await db.insert(members).values({ organisationId, id: memberId, displayName: memberId });
  if (identities.length === 0) return;
  // Linked a minute apart, in the order given, so "first linked" is unambiguous.
  await db.insert(memberIdentities).values(
    identities.map((identity, i) => ({
      identity,
      organisationId,
      memberId,
      createdAt: new Date(T0.getTime() - (identities.length - i) * 60_000),
    })),
  );
}

export async function bindAdminChannel(db: Database, organisationId: string, address: string): Promise<void> {
  await db
    .insert(channelBindings)
    .values({ organisationId, id: `admin-${address}`, address, audience: 'admin' });
}

export async function outboxRows(db: Database, organisationId: string) {
  const rows = await db.select().from(outbox).where(eq(outbox.organisationId, organisationId));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}

export async function rowByDedupeKey(db: Database, organisationId: string, dedupeKey: string) {
  const rows = await outboxRows(db, organisationId);
  const row = rows.find((r) => r.dedupeKey === dedupeKey);
  if (!row) throw new Error(`no outbox row ${dedupeKey}`);
  return row;
}
