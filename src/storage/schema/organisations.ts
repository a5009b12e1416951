import {
  boolean,
  date,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, instant, organisationId } from './columns.js';

// The tenant itself: its id is the organisation_id that leads every other table's keys.
export const organisations = pgTable('organisations', {
  id: text().primaryKey(),
  name: text().notNull(),
  locale: text().notNull().default('en'),
  createdAt: createdAt(),
});

export const members = pgTable(
  'members',
  {
    organisationId: organisationId(),
    id: text().notNull(),
    displayName: text().notNull(),
    locale: text(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.id] }),
  ],
);

/**
 * A lookup table, so keyed by the identity itself: an inbound event names a platform user, and this row
 * finds the organisation and the member (`slack:T1:U2`, `teams:<aad object id>`, `wecom:<corp>:<user>`).
 */
export const memberIdentities = pgTable(
  'member_identities',
  {
    identity: text().primaryKey(),
    organisationId: organisationId(),
    memberId: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.organisationId, t.memberId],
      foreignColumns: [members.organisationId, members.id],
    }),
  ],
);

export const memberRoles = pgTable(
  'member_roles',
  {
    organisationId: organisationId(),
    memberId: text().notNull(),
    role: text({ enum: ['admin', 'finance', 'member'] }).notNull(),
    grantedBy: text(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.memberId, t.role] }),
    foreignKey({
      columns: [t.organisationId, t.memberId],
      foreignColumns: [members.organisationId, members.id],
    }),
  ],
);

/** One-time codes that link a second platform identity to an existing member. */
export const linkCodes = pgTable(
  'link_codes',
  {
    organisationId: organisationId(),
    code: text().notNull(),
    memberId: text().notNull(),
    expiresAt: instant().notNull(),
    usedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.code] })],
);

export const delegations = pgTable(
  'delegations',
  {
    organisationId: organisationId(),
    id: text().notNull(),
    fromMemberId: text().notNull(),
    toMemberId: text().notNull(),
    until: date({ mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

/** Approver lists per client and stage (1..3): any one member of a stage's list may decide. */
export const approverAssignments = pgTable(
  'approver_assignments',
  {
    organisationId: organisationId(),
    clientId: text().notNull(),
    stage: integer().notNull(),
    memberId: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.clientId, t.stage, t.memberId] })],
);

/** Policy settings by scope: the organisation, a client, or a client's category (`org`, `client:<id>`, …). */
export const policies = pgTable(
  'policies',
  {
    organisationId: organisationId(),
    scope: text().notNull(),
    settings: jsonb().notNull(),
    version: integer().notNull().default(1),
    updatedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.scope] })],
);

export const categories = pgTable(
  'categories',
  {
    organisationId: organisationId(),
    code: text().notNull(),
    names: jsonb().$type<Record<string, string>>().notNull(),
    aliases: jsonb().$type<string[]>().notNull().default([]),
    billableDefault: boolean().notNull().default(true),
    prohibited: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.code] })],
);

export const clients = pgTable(
  'clients',
  {
    organisationId: organisationId(),
    id: text().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    currency: text().notNull(),
    timeZone: text().notNull(),
    locale: text().notNull().default('en'),
    status: text({ enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    /** Expenses dated on or before this day are in a closed period: corrections go in as adjustments. */
    closedThrough: date({ mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique().on(t.organisationId, t.code),
    foreignKey({ columns: [t.organisationId], foreignColumns: [organisations.id] }),
  ],
);

export const projects = pgTable(
  'projects',
  {
    organisationId: organisationId(),
    id: text().notNull(),
    clientId: text().notNull(),
    code: text().notNull(),
    name: text().notNull(),
    startOn: date({ mode: 'string' }),
    endOn: date({ mode: 'string' }),
    status: text({ enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    unique().on(t.organisationId, t.clientId, t.code),
    foreignKey({
      columns: [t.organisationId, t.clientId],
      foreignColumns: [clients.organisationId, clients.id],
    }),
  ],
);
