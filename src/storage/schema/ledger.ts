import { jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, organisationId } from './columns.js';

/**
 * Exactly-once for scheduled and threshold-triggered work: a job claims (job, period, target) by inserting
 * this row; whoever inserts it first does the work, everyone else does nothing.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    organisationId: organisationId(),
    job: text().notNull(),
    periodKey: text().notNull(),
    target: text().notNull(),
    status: text({ enum: ['claimed', 'done', 'failed'] })
      .notNull()
      .default('claimed'),
    claimedBy: text(),
    claimedAt: createdAt(),
    finishedAt: instant(),
    detail: jsonb(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.job, t.periodKey, t.target] })],
);

/** A request seen before (a platform retry, a double click) returns the stored result and changes nothing. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    organisationId: organisationId(),
    key: text().notNull(),
    operation: text().notNull(),
    result: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.key] })],
);
