import { customType, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, organisationId } from './columns.js';

// drizzle's pg-core has no bytea column; both drivers hand bytes back as a Uint8Array (postgres.js as a Buffer).
const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

/** Secrets for signing links (report exports and charts), generated once per organisation and purpose. */
export const signingKeys = pgTable(
  'signing_keys',
  {
    organisationId: organisationId(),
    purpose: text().notNull(),
    /** base64url of 32 random bytes. */
    secret: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.purpose] })],
);

/**
 * Exports and charts rendered on a link's first request, keyed by the SHA-256 of the link's token, so a link keeps
 * serving the snapshot it first showed and no two links share a render. Every instance sees the same cache.
 */
export const reportRenders = pgTable(
  'report_renders',
  {
    organisationId: organisationId(),
    key: text().notNull(),
    contentType: text().notNull(),
    fileName: text().notNull(),
    content: bytes().notNull(),
    expiresAt: instant().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.key] }), index().on(t.organisationId, t.expiresAt)],
);
