// The delivery worker's queries. The worker serves every organisation, so `claimDue` is the one query led by time
// rather than by tenant (it rides the partial `outbox_due_idx`); everything after a claim names the organisation.
import { and, asc, desc, eq, lte, sql } from 'drizzle-orm';
import { parsePlatformIdentity } from '../../domain/people/platform-identity.js';
import {
  type AddressResolver,
  directMessageAddress,
  MEMBER_ADDRESS_PREFIX,
} from '../../domain/ports/chat-notifier.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { IdGenerator } from '../../domain/ports/id-generator.port.js';
import type {
  ClaimedMessage,
  DeadLetterNotice,
  OutboxDeliveryStore,
  OutboxStatus,
} from '../../domain/ports/outbox-delivery.port.js';
import type { Tx } from '../../domain/ports/unit-of-work.port.js';
import { createDrizzleUnitOfWork, executorOf } from '../drizzle-unit-of-work.js';
import type { Database, Executor } from '../open-database.js';
import { channelBindings, memberIdentities, outbox } from '../schema/index.js';
import { createDrizzleOutbox } from './drizzle-outbox.js';

// A claim is fenced by the lease it wrote: once another worker re-claims the row, its next_attempt_at moves on
// and a late answer from the first worker matches nothing.
const leasedBy = (message: ClaimedMessage) =>
  and(
    eq(outbox.organisationId, message.organisationId),
    eq(outbox.id, message.id),
    eq(outbox.status, 'pending'),
    eq(outbox.nextAttemptAt, message.leaseUntil),
  );

export function createDrizzleOutboxDeliveryStore(
  db: Database,
  ids: IdGenerator,
  clock?: Clock,
): OutboxDeliveryStore {
  const uow = createDrizzleUnitOfWork(db);
  const writer = createDrizzleOutbox(ids, clock);

  return {
    async claimDue(now, limit, leaseMs) {
      const leaseUntil = new Date(now.getTime() + leaseMs);
      // One statement is one transaction: the sub-select locks up to `limit` due rows, skipping rows another
      // worker holds, and the update leases them before the locks are released at commit.
      const due = db
        .select({ organisationId: outbox.organisationId, id: outbox.id })
        .from(outbox)
        .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
        .orderBy(asc(outbox.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: leaseUntil })
        .where(sql`(${outbox.organisationId}, ${outbox.id}) in (${due})`)
        .returning();
      // RETURNING has no order; first written first sent keeps an address's messages in sequence.
      return rows
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
        .map(
          (row): ClaimedMessage => ({
            organisationId: row.organisationId,
            id: row.id,
            dedupeKey: row.dedupeKey,
            address: row.address,
            kind: row.kind,
            payload: row.payload,
            attempts: row.attempts,
            leaseUntil: row.nextAttemptAt,
            createdAt: row.createdAt,
          }),
        );
    },

    async markDelivered(message, at, ref) {
      const updated = await db
        .update(outbox)
        .set({ status: 'delivered', deliveredAt: at, deliveryRef: ref ?? null })
        .where(
          and(
            eq(outbox.organisationId, message.organisationId),
            eq(outbox.id, message.id),
            eq(outbox.status, 'pending'),
          ),
        )
        .returning({ id: outbox.id });
      return updated.length > 0;
    },

    async reschedule(message, at, options) {
      const updated = await db
        .update(outbox)
        .set({
          nextAttemptAt: at,
          ...(options?.error === undefined ? {} : { lastError: options.error }),
          ...(options?.refundAttempt ? { attempts: sql`greatest(${outbox.attempts} - 1, 0)` } : {}),
        })
        .where(leasedBy(message))
        .returning({ id: outbox.id });
      return updated.length > 0;
    },

    async markDead(message, at, error, notice) {
      return uow.run(async (tx) => {
        // A dead row keeps when it was given up in next_attempt_at: the partial index ignores it, and the schema
        // has no column of its own for it.
        const buried = await executorOf(tx)
          .update(outbox)
          .set({ status: 'dead', lastError: error, nextAttemptAt: at })
          .where(leasedBy(message))
          .returning({ id: outbox.id });
        if (buried.length === 0) return { buried: false, noticeQueued: false };
        const noticeQueued = notice ? await enqueueAdminNotice(tx, message.organisationId, notice) : false;
        return { buried: true, noticeQueued };
      });
    },

    async countByStatus(organisationId) {
      const rows = await db
        .select({ status: outbox.status, count: sql<number>`count(*)::int` })
        .from(outbox)
        .where(organisationId === undefined ? undefined : eq(outbox.organisationId, organisationId))
        .groupBy(outbox.status);
      const counts: Record<OutboxStatus, number> = { pending: 0, delivered: 0, dead: 0 };
      for (const row of rows) counts[row.status] = Number(row.count);
      return counts;
    },

    async deadLetters(organisationId, limit) {
      const rows = await db
        .select()
        .from(outbox)
        .where(and(eq(outbox.organisationId, organisationId), eq(outbox.status, 'dead')))
        .orderBy(desc(outbox.nextAttemptAt), desc(outbox.id))
        .limit(limit);
      return rows.map((row) => ({
        id: row.id,
        dedupeKey: row.dedupeKey,
        address: row.address,
        kind: row.kind,
        payload: row.payload,
        attempts: row.attempts,
        error: row.lastError,
        diedAt: row.nextAttemptAt,
        createdAt: row.createdAt,
      }));
    },
  };

  async function enqueueAdminNotice(tx: Tx, organisationId: string, notice: DeadLetterNotice) {
    const [admin] = await adminChannelOf(executorOf(tx), organisationId);
    if (!admin) return false;
    return writer.enqueue(tx, { organisationId, address: admin.address, ...notice });
  }
}

// Several admin bindings are possible (one per platform); the first bound is the one that hears about failures.
const adminChannelOf = (executor: Executor, organisationId: string) =>
  executor
    .select({ address: channelBindings.address })
    .from(channelBindings)
    .where(and(eq(channelBindings.organisationId, organisationId), eq(channelBindings.audience, 'admin')))
    .orderBy(asc(channelBindings.createdAt), asc(channelBindings.id))
    .limit(1);

/**
 * `member:<id>` → the member's linked identities, earliest linked first, each as its direct-message address
 * (`directMessageAddress`: `slack:T:U` stays, `console:alice` → `console:@alice`, `teams:<id>` → `teams:@<id>`,
 * `wecom:<corp>:<user>` → `wecom:<corp>:@<user>`). Any other address is already a platform address.
 */
export function createDrizzleAddressResolver(db: Database): AddressResolver {
  return {
    async resolve(organisationId, address) {
      if (!address.startsWith(MEMBER_ADDRESS_PREFIX)) return [address];
      const memberId = address.slice(MEMBER_ADDRESS_PREFIX.length);
      const rows = await db
        .select({ identity: memberIdentities.identity })
        .from(memberIdentities)
        .where(
          and(eq(memberIdentities.organisationId, organisationId), eq(memberIdentities.memberId, memberId)),
        )
        .orderBy(asc(memberIdentities.createdAt), asc(memberIdentities.identity));
      return rows.flatMap((row) => {
        const identity = parsePlatformIdentity(row.identity);
        return identity.ok ? [directMessageAddress(identity.value)] : [];
      });
    },
  };
}
