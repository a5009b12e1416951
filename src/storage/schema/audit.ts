import { bigint, bigserial, index, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, organisationId } from './columns.js';

/**
 * Append-only: a trigger (see the migrations) refuses UPDATE, DELETE and TRUNCATE. Writers only insert; the
 * sequence gives order without a shared counter row, and the sealer links events into a hash chain after commit.
 * Personal data stays out of `before`/`after`: they reference members by id so people can be erased.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    organisationId: organisationId(),
    seq: bigserial({ mode: 'number' }).notNull(),
    occurredAt: createdAt(),
    actorId: text(),
    platform: text().notNull(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.seq] }),
    index().on(t.organisationId, t.entityType, t.entityId),
  ],
);

/**
 * The hash chain, written only by the sealer (one at a time, under an advisory lock). Kept apart from the events
 * so events never change; position orders the chain, event_seq says which event each link seals.
 */
export const auditSeals = pgTable(
  'audit_seals',
  {
    organisationId: organisationId(),
    position: bigint({ mode: 'number' }).notNull(),
    eventSeq: bigint({ mode: 'number' }).notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
    sealedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.position] }), unique().on(t.organisationId, t.eventSeq)],
);
