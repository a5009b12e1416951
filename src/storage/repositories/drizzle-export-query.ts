import { and, asc, eq, gte, inArray, lt, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import { asCurrencyCode } from '../../domain/money/currency.js';
import type {
  ChartTotalsInput,
  ExportLine,
  ExportQuery,
  ExportQueryInput,
  ExportReceipt,
} from '../../domain/ports/export-query.port.js';
import type { ReceiptContentType } from '../../domain/ports/receipt-store.port.js';
import type { Finding } from '../../domain/risk/finding.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { expenses, members, projects, receipts } from '../schema/index.js';

/** What a line counts: the approved amount once approved (a partial approval carries it), else the claim. */
const amountColumn = sql<string>`coalesce(${expenses.approvedAmountMinor}, ${expenses.clientAmountMinor})`;

/** Which lines an audience sees: the filter lives here, in SQL, so nothing else is ever loaded. */
function audienceCondition(audience: ExportQueryInput['audience']): SQL {
  return audience === 'client'
    ? (and(eq(expenses.status, 'approved'), eq(expenses.billable, true)) as SQL)
    : notInArray(expenses.status, ['voided', 'rejected', 'withdrawn']);
}

/** The spend a chart counts: what internal budget thresholds measure, or the client's approved billable spend. */
function chartCondition(audience: ExportQueryInput['audience']): SQL {
  return audience === 'client'
    ? (and(eq(expenses.status, 'approved'), eq(expenses.billable, true)) as SQL)
    : inArray(expenses.status, ['approved', 'pending']);
}

/** The client, or one of its projects: narrowed in SQL like the audience. */
function scopeConditions(organisationId: string, input: ExportQueryInput): SQL[] {
  return [
    eq(expenses.organisationId, organisationId),
    eq(expenses.clientId, input.clientId),
    ...(input.projectId === undefined ? [] : [eq(expenses.projectId, input.projectId)]),
  ];
}

export function createDrizzleExportQuery(): ExportQuery {
  return {
    async lines(tx, organisationId, input) {
      const db = executorOf(tx);
      const rows = await db
        .select({
          row: expenses,
          amountMinor: amountColumn,
          projectCode: projects.code,
          projectName: projects.name,
          submitterName: members.displayName,
        })
        .from(expenses)
        .leftJoin(
          projects,
          and(eq(projects.organisationId, expenses.organisationId), eq(projects.id, expenses.projectId)),
        )
        .leftJoin(
          members,
          and(eq(members.organisationId, expenses.organisationId), eq(members.id, expenses.submitterId)),
        )
        .where(
          and(
            ...scopeConditions(organisationId, input),
            gte(expenses.incurredOn, input.from),
            lte(expenses.incurredOn, input.through),
            audienceCondition(input.audience),
          ),
        )
        .orderBy(asc(expenses.incurredOn), asc(expenses.createdAt), asc(expenses.id));
      if (rows.length === 0) return [];

      const receiptRows = await db
        .select()
        .from(receipts)
        .where(
          and(
            eq(receipts.organisationId, organisationId),
            inArray(
              receipts.expenseId,
              rows.map(({ row }) => row.id),
            ),
          ),
        )
        .orderBy(asc(receipts.createdAt), asc(receipts.id));
      const receiptsByExpense = new Map<string, ExportReceipt[]>();
      for (const r of receiptRows) {
        const list = receiptsByExpense.get(r.expenseId) ?? [];
        list.push({
          storageKey: r.storageKey,
          sha256: r.sha256,
          contentType: r.contentType as ReceiptContentType,
          ...(r.fileName === null ? {} : { fileName: r.fileName }),
        });
        receiptsByExpense.set(r.expenseId, list);
      }

      return rows.map(({ row, amountMinor, projectCode, projectName, submitterName }): ExportLine => {
        const line: ExportLine = {
          id: row.id,
          kind: row.kind,
          incurredOn: row.incurredOn,
          categoryCode: row.categoryCode,
          ...(projectCode === null ? {} : { projectCode }),
          ...(projectName === null ? {} : { projectName }),
          description: row.description,
          ...(row.merchant === null ? {} : { merchant: row.merchant }),
          original: { amountMinor: row.amountMinor, currency: asCurrencyCode(row.currency) },
          amount: { amountMinor: Number(amountMinor), currency: asCurrencyCode(row.clientCurrency) },
          receipts: receiptsByExpense.get(row.id) ?? [],
        };
        if (input.audience === 'client') return line;
        return {
          ...line,
          internal: {
            status: row.status,
            billable: row.billable,
            submitterName: submitterName ?? row.submitterId,
            ...(row.paymentMethod === null ? {} : { paymentMethod: row.paymentMethod }),
            ...(row.invoiceNumber === null ? {} : { invoiceNumber: row.invoiceNumber }),
            ...(row.missingReceiptReason === null ? {} : { missingReceiptReason: row.missingReceiptReason }),
            findingCodes: (row.findings as Finding[]).map((f) => f.code),
          },
        };
      });
    },

    async chartTotals(tx, organisationId, input: ChartTotalsInput) {
      const db = executorOf(tx);
      const base = [...scopeConditions(organisationId, input), chartCondition(input.audience)];
      const inRange = and(
        ...base,
        gte(expenses.incurredOn, input.from),
        lte(expenses.incurredOn, input.through),
      );
      const total = sql<string>`sum(${amountColumn})`;
      const byCategory = await db
        .select({ categoryCode: expenses.categoryCode, amountMinor: total })
        .from(expenses)
        .where(inRange)
        .groupBy(expenses.categoryCode)
        .orderBy(sql`sum(${amountColumn}) desc`, asc(expenses.categoryCode));
      const byDay = await db
        .select({ date: expenses.incurredOn, amountMinor: total })
        .from(expenses)
        .where(inRange)
        .groupBy(expenses.incurredOn)
        .orderBy(asc(expenses.incurredOn));
      let carriedMinor = 0;
      if (input.carryFrom !== undefined && input.carryFrom < input.from) {
        const [carried] = await db
          .select({ amountMinor: sql<string>`coalesce(sum(${amountColumn}), 0)` })
          .from(expenses)
          .where(
            and(...base, gte(expenses.incurredOn, input.carryFrom), lt(expenses.incurredOn, input.from)),
          );
        carriedMinor = Number(carried?.amountMinor ?? 0);
      }
      return {
        byCategory: byCategory.map((r) => ({
          categoryCode: r.categoryCode,
          amountMinor: Number(r.amountMinor),
        })),
        byDay: byDay.map((r) => ({ date: r.date, amountMinor: Number(r.amountMinor) })),
        carriedMinor,
      };
    },
  };
}
