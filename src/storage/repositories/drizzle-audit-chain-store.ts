import { and, asc, desc, eq, lte, notExists, sql } from 'drizzle-orm';
import type { AuditChainEvent, AuditSeal } from '../../domain/audit/audit-chain.js';
import type { AuditChainStore } from '../../domain/ports/audit-chain.port.js';
import type { Tx } from '../../domain/ports/unit-of-work.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { auditEvents, auditSeals, channelBindings } from '../schema/index.js';

// The first key of the two-int advisory lock names "the audit chain"; the second is the organisation's hash.
// Two organisations whose ids share a hash merely seal one after the other.
const AUDIT_CHAIN_LOCK_CLASS = 7_246_002;

// JavaScript dates stop at milliseconds; PostgreSQL keeps microseconds, and the hash must cover what is stored.
const occurredAtIso = sql<string>`to_char(${auditEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const eventColumns = {
  organisationId: auditEvents.organisationId,
  seq: auditEvents.seq,
  occurredAt: occurredAtIso,
  actorId: auditEvents.actorId,
  platform: auditEvents.platform,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  before: auditEvents.before,
  after: auditEvents.after,
  requestId: auditEvents.requestId,
};

/** Correlated with the outer audit_events row: "this event has a seal". */
const sealsTheEvent = and(
  eq(auditSeals.organisationId, auditEvents.organisationId),
  eq(auditSeals.eventSeq, auditEvents.seq),
);

export function createDrizzleAuditChainStore(): AuditChainStore {
  return {
    async lockChain(tx: Tx, organisationId: string) {
      await executorOf(tx).execute(
        sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_CLASS}::int4, hashtext(${organisationId}))`,
      );
    },

    async head(tx: Tx, organisationId: string) {
      const [last] = await executorOf(tx)
        .select({ position: auditSeals.position, hash: auditSeals.hash })
        .from(auditSeals)
        .where(eq(auditSeals.organisationId, organisationId))
        .orderBy(desc(auditSeals.position))
        .limit(1);
      return last ?? null;
    },

    async unsealedEvents(tx: Tx, organisationId: string, limit: number) {
      const db = executorOf(tx);
      return db
        .select(eventColumns)
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.organisationId, organisationId),
            notExists(db.select({ one: sql`1` }).from(auditSeals).where(sealsTheEvent)),
          ),
        )
        .orderBy(asc(auditEvents.seq))
        .limit(limit);
    },

    async appendSeals(tx: Tx, seals: readonly AuditSeal[]) {
      if (seals.length === 0) return;
      await executorOf(tx)
        .insert(auditSeals)
        .values(
          seals.map((s) => ({
            organisationId: s.organisationId,
            position: s.position,
            eventSeq: s.eventSeq,
            prevHash: s.prevHash,
            hash: s.hash,
          })),
        );
    },

    async readChain(tx: Tx, organisationId: string, throughPosition?: number) {
      // One statement, one snapshot: read separately, a seal committed between the two reads could name an
      // event the first read did not see, and a sound chain would look tampered with.
      const rows = await executorOf(tx)
        .select({
          position: auditSeals.position,
          eventSeq: auditSeals.eventSeq,
          prevHash: auditSeals.prevHash,
          hash: auditSeals.hash,
          ...eventColumns,
        })
        .from(auditSeals)
        .leftJoin(
          auditEvents,
          and(
            eq(auditEvents.organisationId, auditSeals.organisationId),
            eq(auditEvents.seq, auditSeals.eventSeq),
          ),
        )
        .where(
          and(
            eq(auditSeals.organisationId, organisationId),
            throughPosition === undefined ? undefined : lte(auditSeals.position, throughPosition),
          ),
        )
        .orderBy(asc(auditSeals.position));
      const seals: AuditSeal[] = [];
      const events: AuditChainEvent[] = [];
      for (const row of rows) {
        seals.push({
          organisationId,
          position: row.position,
          eventSeq: row.eventSeq,
          prevHash: row.prevHash,
          hash: row.hash,
        });
        const { seq, platform, action, entityType, entityId } = row;
        // All null together when the left join found no event: the sealed event is gone.
        if (
          seq === null ||
          platform === null ||
          action === null ||
          entityType === null ||
          entityId === null
        ) {
          continue;
        }
        events.push({
          organisationId,
          seq,
          occurredAt: row.occurredAt,
          actorId: row.actorId,
          platform,
          action,
          entityType,
          entityId,
          before: row.before,
          after: row.after,
          requestId: row.requestId,
        });
      }
      return { seals, events };
    },

    async organisationsWithUnsealed(tx: Tx) {
      const rows = await executorOf(tx)
        .selectDistinct({ organisationId: auditEvents.organisationId })
        .from(auditEvents)
        .where(notExists(executorOf(tx).select({ one: sql`1` }).from(auditSeals).where(sealsTheEvent)))
        .orderBy(asc(auditEvents.organisationId));
      return rows.map((r) => r.organisationId);
    },

    async adminChannel(tx: Tx, organisationId: string) {
      const [binding] = await executorOf(tx)
        .select({ address: channelBindings.address })
        .from(channelBindings)
        .where(and(eq(channelBindings.organisationId, organisationId), eq(channelBindings.audience, 'admin')))
        .orderBy(asc(channelBindings.createdAt), asc(channelBindings.id))
        .limit(1);
      return binding?.address ?? null;
    },
  };
}
