import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';
import { createdAt, currencyCode, instant, minorUnits, organisationId } from './columns.js';
import { clients } from './organisations.js';

export const expenses = pgTable(
  'expenses',
  {
    organisationId: organisationId(),
    /** `ACME-7K3Q`: client code, dash, random Crockford base32 — nothing sequential across clients. */
    id: text().notNull(),
    kind: text({ enum: ['expense', 'adjustment'] })
      .notNull()
      .default('expense'),
    clientId: text().notNull(),
    projectId: text(),
    categoryCode: text().notNull(),
    amountMinor: minorUnits().notNull(),
    currency: currencyCode().notNull(),
    clientAmountMinor: minorUnits().notNull(),
    clientCurrency: currencyCode().notNull(),
    /** The exchange rate used (exact decimal), and the day it was quoted for. Null when no conversion was needed. */
    rate: numeric({ precision: 24, scale: 10 }),
    rateDate: date({ mode: 'string' }),
    incurredOn: date({ mode: 'string' }).notNull(),
    description: text().notNull().default(''),
    merchant: text(),
    paymentMethod: text({ enum: ['card', 'personal', 'cash', 'transfer'] }),
    billable: boolean().notNull(),
    invoiceNumber: text(),
    missingReceiptReason: text(),
    submitterId: text().notNull(),
    sourceAddress: text(),
    status: text({ enum: ['pending', 'approved', 'rejected', 'returned', 'withdrawn', 'voided'] }).notNull(),
    /** While pending: the stage waiting for a decision (1-based) out of stageCount; the round counts restarts. */
    stage: integer(),
    stageCount: integer(),
    /** Whether the chain ends with a finance stage (budget escalation or an `override`). */
    financeStage: boolean().notNull().default(false),
    overrideReason: text(),
    approvalRound: integer().notNull().default(1),
    approvedAmountMinor: minorUnits(),
    statusReason: text(),
    findings: jsonb().notNull().default([]),
    billedAt: instant(),
    reimbursedAt: instant(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.clientId],
      foreignColumns: [clients.organisationId, clients.id],
    }),
    // Reports read one client's period, often by status (approved and billable for clients, pending for teams).
    index().on(t.organisationId, t.clientId, t.incurredOn),
    index().on(t.organisationId, t.clientId, t.status, t.incurredOn),
    index().on(t.organisationId, t.submitterId, t.createdAt),
  ],
);

/**
 * One row per approval round, written when the round opens: the chain it was planned with (stage count and the
 * kind of every stage). Finished rounds are shown from this, so "stage 1 of 2" stays true after a stage-1
 * rejection, whatever the policy says later.
 */
export const approvalRounds = pgTable(
  'approval_rounds',
  {
    organisationId: organisationId(),
    expenseId: text().notNull(),
    round: integer().notNull(),
    stageCount: integer().notNull(),
    stageKinds: jsonb().$type<Array<'approvers' | 'finance'>>().notNull(),
    openedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.expenseId, t.round] }),
    foreignKey({
      columns: [t.organisationId, t.expenseId],
      foreignColumns: [expenses.organisationId, expenses.id],
    }),
    check('approval_rounds_stage_count', sql`${t.stageCount} between 1 and 4`),
    check('approval_rounds_kinds_match_count', sql`jsonb_array_length(${t.stageKinds}) = ${t.stageCount}`),
  ],
);

/** One row per stage per approval round; the first decision to fill an undecided row wins. */
export const approvalSteps = pgTable(
  'approval_steps',
  {
    organisationId: organisationId(),
    expenseId: text().notNull(),
    round: integer().notNull(),
    stage: integer().notNull(),
    stageKind: text({ enum: ['approvers', 'finance', 'admin'] }).notNull(),
    eligibleMemberIds: jsonb().$type<string[]>().notNull(),
    requestedAt: createdAt(),
    decision: text({ enum: ['approved', 'rejected', 'returned'] }),
    deciderId: text(),
    onBehalfOf: text(),
    approvedAmountMinor: minorUnits(),
    reason: text(),
    decidedAt: instant(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.expenseId, t.round, t.stage] }),
    foreignKey({
      columns: [t.organisationId, t.expenseId],
      foreignColumns: [expenses.organisationId, expenses.id],
    }),
    index().on(t.organisationId, t.decision, t.requestedAt),
  ],
);

export const receipts = pgTable(
  'receipts',
  {
    organisationId: organisationId(),
    id: text().notNull(),
    expenseId: text().notNull(),
    storageKey: text().notNull(),
    sha256: text().notNull(),
    sizeBytes: integer().notNull(),
    contentType: text().notNull(),
    fileName: text(),
    uploadedBy: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    foreignKey({
      columns: [t.organisationId, t.expenseId],
      foreignColumns: [expenses.organisationId, expenses.id],
    }),
    index().on(t.organisationId, t.expenseId),
    // Duplicate detection: the same receipt file on two expenses.
    index().on(t.organisationId, t.sha256),
  ],
);

export const exchangeRates = pgTable(
  'exchange_rates',
  {
    organisationId: organisationId(),
    fromCurrency: currencyCode().notNull(),
    toCurrency: currencyCode().notNull(),
    effectiveOn: date({ mode: 'string' }).notNull(),
    rate: numeric({ precision: 24, scale: 10 }).notNull(),
    source: text().notNull().default('manual'),
    createdBy: text(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.fromCurrency, t.toCurrency, t.effectiveOn] })],
);
