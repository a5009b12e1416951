import { and, desc, eq, gte, inArray, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { RecordedStep } from '../../domain/approvals/approval-step.js';
import type { Consumption } from '../../domain/budgets/consumption.js';
import type { Expense } from '../../domain/expenses/expense.js';
import { asCurrencyCode } from '../../domain/money/currency.js';
import type {
  ConsumptionQuery,
  ExpenseExtras,
  ExpenseRepository,
  NeighbourQuery,
  OpenStep,
  StoredExpense,
} from '../../domain/ports/expense-repository.port.js';
import type { Tx } from '../../domain/ports/unit-of-work.port.js';
import type { Finding } from '../../domain/risk/finding.js';
import type { NeighbourExpense } from '../../domain/risk/risk-inputs.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { approvalRounds, approvalSteps, expenses, receipts } from '../schema/index.js';
import { trimRate } from './drizzle-settings-repositories.js';

type ExpenseRow = typeof expenses.$inferSelect;
type ExpenseInsert = typeof expenses.$inferInsert;

export function createDrizzleExpenseRepository(): ExpenseRepository {
  return {
    async insert(tx, organisationId, expense, extras) {
      const inserted = await executorOf(tx)
        .insert(expenses)
        .values(toRow(organisationId, expense, extras))
        .onConflictDoNothing()
        .returning({ id: expenses.id });
      return inserted.length > 0;
    },

    async update(tx, organisationId, expense, extras) {
      const {
        organisationId: _org,
        id: _id,
        createdAt: _created,
        ...changes
      } = toRow(organisationId, expense, extras);
      await executorOf(tx)
        .update(expenses)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(and(eq(expenses.organisationId, organisationId), eq(expenses.id, expense.id)));
    },

    async get(tx, organisationId, id, options) {
      const query = executorOf(tx)
        .select()
        .from(expenses)
        .where(and(eq(expenses.organisationId, organisationId), eq(expenses.id, id)));
      const [row] = options?.forUpdate ? await query.for('update') : await query;
      return row ? fromRow(row) : undefined;
    },

    async steps(tx, organisationId, expenseId) {
      const rows = await executorOf(tx)
        .select({ step: approvalSteps, stageCount: approvalRounds.stageCount })
        .from(approvalSteps)
        .leftJoin(
          approvalRounds,
          and(
            eq(approvalRounds.organisationId, approvalSteps.organisationId),
            eq(approvalRounds.expenseId, approvalSteps.expenseId),
            eq(approvalRounds.round, approvalSteps.round),
          ),
        )
        .where(and(eq(approvalSteps.organisationId, organisationId), eq(approvalSteps.expenseId, expenseId)))
        .orderBy(approvalSteps.round, approvalSteps.stage);
      return rows.flatMap(({ step: row, stageCount }): RecordedStep[] => {
        if (row.decision === null || row.deciderId === null || row.decidedAt === null) return [];
        // Every round is stored when it opens (and the migration backfilled older ones): a missing one is a bug
        // to surface, not a count to guess.
        if (stageCount === null) {
          throw new Error(`Approval round ${row.round} of ${row.expenseId} was never opened`);
        }
        return [
          {
            expenseId: row.expenseId,
            round: row.round,
            stage: row.stage,
            stageCount,
            decision: row.decision,
            deciderId: row.deciderId,
            ...(row.onBehalfOf === null ? {} : { onBehalfOf: row.onBehalfOf }),
            ...(row.approvedAmountMinor === null ? {} : { approvedAmountMinor: row.approvedAmountMinor }),
            ...(row.reason === null ? {} : { reason: row.reason }),
            at: row.decidedAt.toISOString(),
          },
        ];
      });
    },

    async openRound(tx, organisationId, round) {
      await executorOf(tx)
        .insert(approvalRounds)
        .values({
          organisationId,
          expenseId: round.expenseId,
          round: round.round,
          stageCount: round.stageKinds.length,
          stageKinds: [...round.stageKinds],
        })
        .onConflictDoNothing();
    },

    async openStep(tx, organisationId, step) {
      await executorOf(tx)
        .insert(approvalSteps)
        .values({
          organisationId,
          expenseId: step.expenseId,
          round: step.round,
          stage: step.stage,
          stageKind: step.stageKind,
          eligibleMemberIds: [...step.eligibleMemberIds],
          ...(step.requestedAt === undefined ? {} : { requestedAt: new Date(step.requestedAt) }),
        })
        .onConflictDoNothing();
    },

    async escalateStep(tx, organisationId, escalation) {
      const updated = await executorOf(tx)
        .update(approvalSteps)
        .set({ stageKind: escalation.fellTo, eligibleMemberIds: [...escalation.eligibleMemberIds] })
        .where(
          and(
            eq(approvalSteps.organisationId, organisationId),
            eq(approvalSteps.expenseId, escalation.expenseId),
            eq(approvalSteps.round, escalation.round),
            eq(approvalSteps.stage, escalation.stage),
            isNull(approvalSteps.decision),
          ),
        )
        .returning({ stage: approvalSteps.stage });
      return updated.length > 0;
    },

    async openStepOf(tx, organisationId, expenseId, round, stage) {
      const [row] = await executorOf(tx)
        .select()
        .from(approvalSteps)
        .where(
          and(
            eq(approvalSteps.organisationId, organisationId),
            eq(approvalSteps.expenseId, expenseId),
            eq(approvalSteps.round, round),
            eq(approvalSteps.stage, stage),
          ),
        );
      if (!row) return undefined;
      const step: OpenStep = {
        expenseId: row.expenseId,
        round: row.round,
        stage: row.stage,
        stageKind: row.stageKind,
        fellTo: row.stageKind,
        eligibleMemberIds: row.eligibleMemberIds,
        requestedAt: row.requestedAt.toISOString(),
      };
      return step;
    },

    async recordDecision(tx, organisationId, step) {
      const updated = await executorOf(tx)
        .update(approvalSteps)
        .set({
          decision: step.decision,
          deciderId: step.deciderId,
          onBehalfOf: step.onBehalfOf ?? null,
          approvedAmountMinor: step.approvedAmountMinor ?? null,
          reason: step.reason ?? null,
          decidedAt: new Date(step.at),
        })
        .where(
          and(
            eq(approvalSteps.organisationId, organisationId),
            eq(approvalSteps.expenseId, step.expenseId),
            eq(approvalSteps.round, step.round),
            eq(approvalSteps.stage, step.stage),
            isNull(approvalSteps.decision),
          ),
        )
        .returning({ stage: approvalSteps.stage });
      return updated.length > 0;
    },

    async consumption(tx, organisationId, query) {
      return consumptionOf(tx, organisationId, query);
    },

    async neighbours(tx, organisationId, query) {
      return neighboursOf(tx, organisationId, query);
    },

    async categoryHistory(tx, organisationId, clientId, categoryCode, limit) {
      const rows = await executorOf(tx)
        .select({ id: expenses.id, clientAmountMinor: expenses.clientAmountMinor })
        .from(expenses)
        .where(
          and(
            eq(expenses.organisationId, organisationId),
            eq(expenses.clientId, clientId),
            eq(expenses.categoryCode, categoryCode),
            eq(expenses.status, 'approved'),
            eq(expenses.kind, 'expense'),
          ),
        )
        .orderBy(desc(expenses.incurredOn))
        .limit(limit);
      return rows.map((r) => ({ id: r.id, clientId, categoryCode, clientAmountMinor: r.clientAmountMinor }));
    },
  };
}

async function consumptionOf(tx: Tx, organisationId: string, query: ConsumptionQuery): Promise<Consumption> {
  const conditions: SQL[] = [
    eq(expenses.organisationId, organisationId),
    eq(expenses.clientId, query.clientId),
    gte(expenses.incurredOn, query.from),
    lte(expenses.incurredOn, query.through),
    inArray(expenses.status, ['approved', 'pending']),
  ];
  if (query.projectId !== undefined) conditions.push(eq(expenses.projectId, query.projectId));
  if (query.categoryCode !== undefined) conditions.push(eq(expenses.categoryCode, query.categoryCode));
  if (query.excludeExpenseId !== undefined) conditions.push(ne(expenses.id, query.excludeExpenseId));
  // Sums of bigint come back as numeric text; both stay far below 2^53 (amounts are capped at 2^51 each).
  const [row] = await executorOf(tx)
    .select({
      actual: sql<string>`coalesce(sum(coalesce(${expenses.approvedAmountMinor}, ${expenses.clientAmountMinor})) filter (where ${expenses.status} = 'approved'), 0)`,
      committed: sql<string>`coalesce(sum(coalesce(${expenses.approvedAmountMinor}, ${expenses.clientAmountMinor})) filter (where ${expenses.status} = 'pending'), 0)`,
    })
    .from(expenses)
    .where(and(...conditions));
  return { actualMinor: Number(row?.actual ?? 0), committedMinor: Number(row?.committed ?? 0) };
}

async function neighboursOf(
  tx: Tx,
  organisationId: string,
  query: NeighbourQuery,
): Promise<NeighbourExpense[]> {
  const db = executorOf(tx);
  const near = and(
    eq(expenses.clientId, query.clientId),
    gte(expenses.incurredOn, query.from),
    lte(expenses.incurredOn, query.through),
  );
  const sameInvoice =
    query.invoiceNumber === undefined ? undefined : eq(expenses.invoiceNumber, query.invoiceNumber);
  const sameReceipt =
    query.receiptSha256.length === 0
      ? undefined
      : inArray(
          expenses.id,
          db
            .select({ id: receipts.expenseId })
            .from(receipts)
            .where(
              and(
                eq(receipts.organisationId, organisationId),
                inArray(receipts.sha256, [...query.receiptSha256]),
              ),
            ),
        );
  const rows = await db
    .select()
    .from(expenses)
    .where(and(eq(expenses.organisationId, organisationId), or(near, sameInvoice, sameReceipt)))
    .limit(500);
  if (rows.length === 0) return [];
  const hashes = await db
    .select({ expenseId: receipts.expenseId, sha256: receipts.sha256 })
    .from(receipts)
    .where(
      and(
        eq(receipts.organisationId, organisationId),
        inArray(
          receipts.expenseId,
          rows.map((r) => r.id),
        ),
      ),
    );
  return rows.map((row) => ({
    id: row.id,
    submitterId: row.submitterId,
    clientId: row.clientId,
    categoryCode: row.categoryCode,
    amount: { amountMinor: row.amountMinor, currency: asCurrencyCode(row.currency) },
    clientAmountMinor: row.clientAmountMinor,
    incurredOn: row.incurredOn,
    receiptSha256: hashes.filter((h) => h.expenseId === row.id).map((h) => h.sha256),
    ...(row.invoiceNumber === null ? {} : { invoiceNumber: row.invoiceNumber }),
    status: row.status,
  }));
}

function toRow(organisationId: string, expense: Expense, extras: ExpenseExtras): ExpenseInsert {
  const approvedAmountMinor =
    expense.status === 'approved' || expense.status === 'voided'
      ? expense.approvedAmountMinor
      : expense.status === 'pending'
        ? (expense.approvedAmountMinor ?? null)
        : null;
  return {
    organisationId,
    id: expense.id,
    kind: extras.kind,
    clientId: expense.clientId,
    projectId: expense.projectId ?? null,
    categoryCode: expense.categoryCode,
    amountMinor: expense.original.amountMinor,
    currency: expense.original.currency,
    clientAmountMinor: expense.clientAmount.amountMinor,
    clientCurrency: expense.clientAmount.currency,
    rate: expense.rate ?? null,
    rateDate: expense.rateDate ?? null,
    incurredOn: expense.incurredOn,
    description: expense.description,
    merchant: expense.merchant ?? null,
    paymentMethod: expense.paymentMethod,
    billable: expense.billable,
    invoiceNumber: expense.invoiceNumber ?? null,
    missingReceiptReason: expense.missingReceiptReason ?? null,
    submitterId: expense.submitterId,
    sourceAddress: expense.sourceAddress ?? null,
    status: expense.status,
    stage: expense.status === 'pending' ? expense.stage : null,
    stageCount: expense.status === 'pending' ? expense.stageCount : null,
    financeStage: expense.status === 'pending' ? expense.financeStage : false,
    overrideReason: extras.overrideReason ?? null,
    approvalRound: expense.approvalRound,
    approvedAmountMinor,
    statusReason:
      expense.status === 'rejected' || expense.status === 'voided'
        ? expense.reason
        : expense.status === 'returned'
          ? expense.whatIsNeeded
          : null,
    findings: [...extras.findings],
    billedAt: 'billedAt' in expense && expense.billedAt !== undefined ? new Date(expense.billedAt) : null,
    reimbursedAt:
      'reimbursedAt' in expense && expense.reimbursedAt !== undefined ? new Date(expense.reimbursedAt) : null,
    version: expense.version,
  };
}

function fromRow(row: ExpenseRow): StoredExpense {
  const base = {
    id: row.id,
    clientId: row.clientId,
    ...(row.projectId === null ? {} : { projectId: row.projectId }),
    categoryCode: row.categoryCode,
    original: { amountMinor: row.amountMinor, currency: asCurrencyCode(row.currency) },
    clientAmount: { amountMinor: row.clientAmountMinor, currency: asCurrencyCode(row.clientCurrency) },
    ...(row.rate === null ? {} : { rate: trimRate(row.rate) }),
    ...(row.rateDate === null ? {} : { rateDate: row.rateDate }),
    incurredOn: row.incurredOn,
    description: row.description,
    ...(row.merchant === null ? {} : { merchant: row.merchant }),
    paymentMethod: row.paymentMethod ?? 'personal',
    billable: row.billable,
    ...(row.invoiceNumber === null ? {} : { invoiceNumber: row.invoiceNumber }),
    ...(row.missingReceiptReason === null ? {} : { missingReceiptReason: row.missingReceiptReason }),
    submitterId: row.submitterId,
    ...(row.sourceAddress === null ? {} : { sourceAddress: row.sourceAddress }),
    version: row.version,
    approvalRound: row.approvalRound,
  };
  const settlement = {
    approvedAmountMinor: row.approvedAmountMinor ?? row.clientAmountMinor,
    ...(row.billedAt === null ? {} : { billedAt: row.billedAt.toISOString() }),
    ...(row.reimbursedAt === null ? {} : { reimbursedAt: row.reimbursedAt.toISOString() }),
  };
  const expense = ((): Expense => {
    switch (row.status) {
      case 'pending':
        return {
          ...base,
          status: 'pending',
          stage: row.stage ?? 1,
          stageCount: (row.stageCount ?? 1) as 1 | 2 | 3 | 4,
          financeStage: row.financeStage,
          ...(row.approvedAmountMinor === null ? {} : { approvedAmountMinor: row.approvedAmountMinor }),
        };
      case 'approved':
        return { ...base, ...settlement, status: 'approved' };
      case 'voided':
        return { ...base, ...settlement, status: 'voided', reason: row.statusReason ?? '' };
      case 'rejected':
        return { ...base, status: 'rejected', reason: row.statusReason ?? '' };
      case 'returned':
        return { ...base, status: 'returned', whatIsNeeded: row.statusReason ?? '' };
      case 'withdrawn':
        return { ...base, status: 'withdrawn' };
    }
  })();
  return {
    expense,
    extras: {
      kind: row.kind,
      findings: row.findings as Finding[],
      ...(row.overrideReason === null ? {} : { overrideReason: row.overrideReason }),
    },
    createdAt: row.createdAt,
  };
}
