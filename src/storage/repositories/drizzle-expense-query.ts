import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import { asCurrencyCode } from '../../domain/money/currency.js';
import type { ProjectRecord } from '../../domain/ports/directory.port.js';
import type {
  ExpenseListScope,
  ExpenseQuery,
  ExpenseSummary,
} from '../../domain/ports/expense-query.port.js';
import type { Finding } from '../../domain/risk/finding.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { approvalSteps, expenses, projects, receipts } from '../schema/index.js';

export function createDrizzleExpenseQuery(): ExpenseQuery {
  return {
    async list(tx, organisationId, query) {
      const conditions: SQL[] = [
        eq(expenses.organisationId, organisationId),
        scopeCondition(organisationId, query.scope),
      ];
      if (query.from !== undefined) conditions.push(gte(expenses.incurredOn, query.from));
      if (query.through !== undefined) conditions.push(lte(expenses.incurredOn, query.through));
      const rows = await executorOf(tx)
        .select({
          row: expenses,
          // Spelled out with the outer table's name: drizzle leaves columns unqualified inside `sql`, and an
          // unqualified `id` in the subquery would be the receipt's own.
          receiptCount: sql<number>`(select count(*)::int from ${receipts} as r where r.organisation_id = ${expenses}.organisation_id and r.expense_id = ${expenses}.id)`,
        })
        .from(expenses)
        .where(and(...conditions))
        .orderBy(desc(expenses.incurredOn), desc(expenses.createdAt), desc(expenses.id))
        .offset(query.offset)
        .limit(query.limit);
      return rows.map(({ row, receiptCount }) => toSummary(row, Number(receiptCount)));
    },

    async latestPendingBy(tx, organisationId, submitterId, since) {
      const [row] = await executorOf(tx)
        .select({ id: expenses.id })
        .from(expenses)
        .where(
          and(
            eq(expenses.organisationId, organisationId),
            eq(expenses.submitterId, submitterId),
            eq(expenses.status, 'pending'),
            gte(expenses.createdAt, new Date(since)),
          ),
        )
        .orderBy(desc(expenses.createdAt), desc(expenses.id))
        .limit(1);
      return row?.id;
    },

    async projectById(tx, organisationId, projectId) {
      const [row] = await executorOf(tx)
        .select()
        .from(projects)
        .where(and(eq(projects.organisationId, organisationId), eq(projects.id, projectId)));
      if (!row) return undefined;
      const project: ProjectRecord = {
        id: row.id,
        clientId: row.clientId,
        code: row.code,
        name: row.name,
        startOn: row.startOn ?? undefined,
        endOn: row.endOn ?? undefined,
        status: row.status,
      };
      return project;
    },
  };
}

function scopeCondition(organisationId: string, scope: ExpenseListScope): SQL {
  switch (scope.kind) {
    case 'submitted-by':
      return eq(expenses.submitterId, scope.memberId);
    case 'client': {
      const client = eq(expenses.clientId, scope.clientId);
      return scope.projectId === undefined
        ? client
        : (and(client, eq(expenses.projectId, scope.projectId)) as SQL);
    }
    case 'waiting-on': {
      // The open step of the current round and stage lists whom it asked, delegates and falls included. The
      // outer columns are qualified by hand (see `list`): both tables have a `stage`.
      const asked = sql`exists (select 1 from ${approvalSteps} as s where s.organisation_id = ${organisationId} and s.expense_id = ${expenses}.id and s.round = ${expenses}.approval_round and s.stage = ${expenses}.stage and s.decision is null and s.eligible_member_ids @> ${JSON.stringify([scope.memberId])}::jsonb)`;
      return and(eq(expenses.status, 'pending'), asked) as SQL;
    }
  }
}

function toSummary(row: typeof expenses.$inferSelect, receiptCount: number): ExpenseSummary {
  return {
    id: row.id,
    kind: row.kind,
    clientId: row.clientId,
    ...(row.projectId === null ? {} : { projectId: row.projectId }),
    categoryCode: row.categoryCode,
    original: { amountMinor: row.amountMinor, currency: asCurrencyCode(row.currency) },
    clientAmount: { amountMinor: row.clientAmountMinor, currency: asCurrencyCode(row.clientCurrency) },
    incurredOn: row.incurredOn,
    description: row.description,
    ...(row.merchant === null ? {} : { merchant: row.merchant }),
    billable: row.billable,
    submitterId: row.submitterId,
    status: row.status,
    ...(row.status === 'pending' && row.stage !== null ? { stage: row.stage } : {}),
    ...(row.status === 'pending' && row.stageCount !== null ? { stageCount: row.stageCount } : {}),
    ...(row.approvedAmountMinor === null ? {} : { approvedAmountMinor: row.approvedAmountMinor }),
    ...(row.billedAt === null ? {} : { billedAt: row.billedAt.toISOString() }),
    ...(row.reimbursedAt === null ? {} : { reimbursedAt: row.reimbursedAt.toISOString() }),
    findings: row.findings as Finding[],
    receiptCount,
    version: row.version,
    createdAt: row.createdAt,
  };
}
