import { foreignKey, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, currencyCode, minorUnits, organisationId } from './columns.js';
import { clients } from './organisations.js';

export const budgets = pgTable(
  'budgets',
  {
    organisationId: organisationId(),
    id: text().notNull(),
    clientId: text().notNull(),
    projectId: text(),
    categoryCode: text(),
    period: text({ enum: ['monthly', 'quarterly', 'yearly', 'total'] }).notNull(),
    amountMinor: minorUnits().notNull(),
    currency: currencyCode().notNull(),
    thresholdsPercent: jsonb().$type<number[]>().notNull(),
    action: text({ enum: ['warn', 'escalate', 'block'] }).notNull(),
    revision: integer().notNull().default(1),
    createdBy: text().notNull(),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.clientId],
      foreignColumns: [clients.organisationId, clients.id],
    }),
  ],
);

/** Every change to a budget: who, when, why, and the values before and after. */
export const budgetRevisions = pgTable(
  'budget_revisions',
  {
    organisationId: organisationId(),
    budgetId: text().notNull(),
    revision: integer().notNull(),
    before: jsonb(),
    after: jsonb().notNull(),
    changedBy: text().notNull(),
    reason: text(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.budgetId, t.revision] }),
    foreignKey({
      columns: [t.organisationId, t.budgetId],
      foreignColumns: [budgets.organisationId, budgets.id],
    }),
  ],
);
