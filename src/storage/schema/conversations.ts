import { bigserial, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, organisationId } from './columns.js';

/**
 * The local web console is a chat platform whose server is Outlay itself: what its channels and direct messages
 * show is kept here, written by the console notifier when the outbox delivers, and read by the page.
 */
export const consoleMessages = pgTable(
  'console_messages',
  {
    organisationId: organisationId(),
    seq: bigserial({ mode: 'number' }).notNull(),
    /** `console:#acme-team` for a channel, `console:@alice` for a person. */
    address: text().notNull(),
    /** The outbox message that put it here (a later update replaces the card in place). */
    outboxId: text(),
    dedupeKey: text(),
    kind: text().notNull(),
    card: jsonb().notNull(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.seq] }),
    index().on(t.organisationId, t.address, t.seq),
    index().on(t.organisationId, t.dedupeKey),
  ],
);

/**
 * A question Outlay asked a person and is waiting on: the reason for a rejection, what is missing, a receipt file.
 * Their next message within the time limit that is not a command answers it (docs/product-rules.md §10).
 */
export const conversationPrompts = pgTable(
  'conversation_prompts',
  {
    organisationId: organisationId(),
    memberId: text().notNull(),
    kind: text().notNull(),
    payload: jsonb().notNull(),
    expiresAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.memberId] })],
);

/**
 * Small records a platform adapter keeps: a Slack installation, a Teams conversation reference, a WeCom callback
 * already seen. Keyed by what the adapter looks it up by; `organisation_id` leads the key like every tenant table.
 */
export const platformRecords = pgTable(
  'platform_records',
  {
    organisationId: organisationId(),
    platform: text().notNull(),
    kind: text().notNull(),
    key: text().notNull(),
    value: jsonb().notNull(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.platform, t.kind, t.key] })],
);
