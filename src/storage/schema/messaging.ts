import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, instant, organisationId } from './columns.js';

/** A chat address bound to a client (or the organisation's admin channel) with an audience and a schedule. */
export const channelBindings = pgTable(
  'channel_bindings',
  {
    organisationId: organisationId(),
    id: text().notNull(),
    /** Platform-prefixed, opaque: `slack:T1:C2`, `teams:<conversation id>`, `wecom:<corp>:<chat id>`, `console:#acme`. */
    address: text().notNull(),
    /** Null for the organisation's admin channel. */
    clientId: text(),
    audience: text({ enum: ['internal', 'client', 'admin'] }).notNull(),
    reportSchedule: text(),
    reportLocale: text(),
    budgetWarnings: boolean().notNull().default(false),
    webhookUrl: text(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique().on(t.organisationId, t.address, t.clientId),
  ],
);

/**
 * Every outbound chat message, written in the same transaction as the change it announces and delivered by
 * the outbox worker. The dedupe key makes a second write of the same announcement a no-op.
 */
export const outbox = pgTable(
  'outbox',
  {
    organisationId: organisationId(),
    id: text().notNull(),
    dedupeKey: text().notNull(),
    address: text().notNull(),
    kind: text().notNull(),
    payload: jsonb().notNull(),
    status: text({ enum: ['pending', 'delivered', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: createdAt(),
    lastError: text(),
    deliveredAt: instant(),
    /** What the platform answered (message ts, activity id…) so a card can be updated in place later. */
    deliveryRef: jsonb(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique().on(t.organisationId, t.dedupeKey),
    // The delivery worker serves every organisation, so this one index is led by time, not by tenant; partial,
    // it holds only what is still to send.
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);
