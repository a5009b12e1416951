// Report aggregates in SQL (docs/product-rules.md §6; the README's bench:reports targets): grouped sums with FILTER
// over the index (organisation, client, status, incurred_on), so the database reads each row of the period once and
// returns a handful of groups. Sums of bigint come back as numeric text and stay exact below 2^53.
import { type SQL, sql } from 'drizzle-orm';
import type {
  BudgetSpend,
  DateRange,
  FindingCountRow,
  FlaggedItemRow,
  ReportItemRow,
  ReportQuery,
  ReportScope,
  SpendGroup,
} from '../../domain/ports/report-query.port.js';
import type { Tx } from '../../domain/ports/unit-of-work.port.js';
import type { FindingCode, Severity } from '../../domain/risk/finding.js';
import { executorOf } from '../drizzle-unit-of-work.js';

/** What an expense counts for: the approved amount once approved (a partial approval's too), else the claim. */
const AMOUNT = sql.raw('coalesce(e.approved_amount_minor, e.client_amount_minor)');
const LIVE = sql.raw(`e.status in ('approved', 'pending')`);
const SEVERITY_RANK = sql.raw(`case f->>'severity' when 'high' then 2 when 'warn' then 1 else 0 end`);

type Row = Record<string, unknown>;

async function rowsOf(tx: Tx, query: SQL): Promise<Row[]> {
  const result = (await executorOf(tx).execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

const numberOf = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const textOrUndefined = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
/** A `date` column: postgres.js and PGlite both hand back the ISO text for a `::text` cast. */
const dateOf = (value: unknown): string => String(value).slice(0, 10);

function inScope(organisationId: string, scope: ReportScope): SQL {
  const project = scope.projectId === undefined ? sql`` : sql` and e.project_id = ${scope.projectId}`;
  return sql`e.organisation_id = ${organisationId} and e.client_id = ${scope.clientId}${project}`;
}

const within = (range: DateRange): SQL =>
  sql`e.incurred_on between ${range.from}::date and ${range.through}::date`;

const ITEM_COLUMNS = sql.raw(
  `e.id, e.kind, e.incurred_on::text as incurred_on, e.category_code, e.project_id, e.description, ` +
    `coalesce(e.approved_amount_minor, e.client_amount_minor)::text as amount, e.status, e.billable, e.submitter_id`,
);

function itemOf(row: Row): ReportItemRow {
  return {
    id: String(row.id),
    kind: row.kind === 'adjustment' ? 'adjustment' : 'expense',
    incurredOn: dateOf(row.incurred_on),
    categoryCode: String(row.category_code),
    projectId: textOrUndefined(row.project_id),
    description: String(row.description ?? ''),
    amountMinor: numberOf(row.amount),
    status: row.status === 'pending' ? 'pending' : 'approved',
    billable: row.billable === true || row.billable === 't',
    submitterId: String(row.submitter_id),
  };
}

export function createDrizzleReportQuery(): ReportQuery {
  return {
    async spendGroups(tx, organisationId, scope, current, previous) {
      const now = within(current);
      const before = within(previous);
      const rows = await rowsOf(
        tx,
        sql`select e.category_code, e.project_id,
          coalesce(sum(${AMOUNT}) filter (where e.status = 'approved' and ${now}), 0)::text as approved,
          count(*) filter (where e.status = 'approved' and ${now})::int as approved_count,
          coalesce(sum(${AMOUNT}) filter (where e.status = 'approved' and e.billable and ${now}), 0)::text as billable,
          count(*) filter (where e.status = 'approved' and e.billable and ${now})::int as billable_count,
          coalesce(sum(${AMOUNT}) filter (where e.status = 'pending' and ${now}), 0)::text as pending,
          count(*) filter (where e.status = 'pending' and ${now})::int as pending_count,
          coalesce(sum(${AMOUNT}) filter (where e.status = 'approved' and ${before}), 0)::text as previous_approved,
          coalesce(sum(${AMOUNT}) filter (where e.status = 'approved' and e.billable and ${before}), 0)::text as previous_billable
        from expenses e
        where ${inScope(organisationId, scope)} and ${LIVE}
          and e.incurred_on between ${previous.from}::date and ${current.through}::date
          and (${now} or ${before})
        group by e.category_code, e.project_id
        order by e.category_code, e.project_id nulls first`,
      );
      return rows.map(
        (row): SpendGroup => ({
          categoryCode: String(row.category_code),
          projectId: textOrUndefined(row.project_id),
          approvedMinor: numberOf(row.approved),
          approvedCount: numberOf(row.approved_count),
          billableMinor: numberOf(row.billable),
          billableCount: numberOf(row.billable_count),
          pendingMinor: numberOf(row.pending),
          pendingCount: numberOf(row.pending_count),
          previousApprovedMinor: numberOf(row.previous_approved),
          previousBillableMinor: numberOf(row.previous_billable),
        }),
      );
    },

    async largestApproved(tx, organisationId, scope, range, limit) {
      const rows = await rowsOf(
        tx,
        sql`select ${ITEM_COLUMNS} from expenses e
        where ${inScope(organisationId, scope)} and e.status = 'approved' and ${within(range)}
        order by ${AMOUNT} desc, e.incurred_on desc, e.id
        limit ${limit}`,
      );
      return rows.map(itemOf);
    },

    async oldestPending(tx, organisationId, scope, range, limit) {
      const rows = await rowsOf(
        tx,
        sql`select ${ITEM_COLUMNS} from expenses e
        where ${inScope(organisationId, scope)} and e.status = 'pending' and ${within(range)}
        order by e.incurred_on, e.created_at, e.id
        limit ${limit}`,
      );
      return rows.map(itemOf);
    },

    async billableLines(tx, organisationId, scope, range, limit) {
      const rows = await rowsOf(
        tx,
        sql`select ${ITEM_COLUMNS} from expenses e
        where ${inScope(organisationId, scope)} and e.status = 'approved' and e.billable and ${within(range)}
        order by e.incurred_on, e.id
        limit ${limit}`,
      );
      return rows.map(itemOf);
    },

    async findingCounts(tx, organisationId, scope, range) {
      const rows = await rowsOf(
        tx,
        sql`select f->>'code' as code, f->>'severity' as severity, count(distinct e.id)::int as n
        from expenses e cross join lateral jsonb_array_elements(e.findings) as f
        where ${inScope(organisationId, scope)} and ${LIVE} and ${within(range)}
          and e.findings <> '[]'::jsonb
        group by 1, 2
        order by 2, 1`,
      );
      return rows.map(
        (row): FindingCountRow => ({
          code: String(row.code) as FindingCode,
          severity: String(row.severity) as Severity,
          count: numberOf(row.n),
        }),
      );
    },

    async flaggedItems(tx, organisationId, scope, range, limit) {
      // Each expense once, with its most serious finding; then the most serious and largest expenses first.
      const rows = await rowsOf(
        tx,
        sql`select * from (
          select distinct on (e.id) ${ITEM_COLUMNS}, ${AMOUNT} as amount_sort,
            f->>'code' as code, f->>'severity' as severity, ${SEVERITY_RANK} as rank
          from expenses e cross join lateral jsonb_array_elements(e.findings) as f
          where ${inScope(organisationId, scope)} and ${LIVE} and ${within(range)}
            and e.findings <> '[]'::jsonb and f->>'severity' in ('warn', 'high')
          order by e.id, ${SEVERITY_RANK} desc
        ) as flagged
        order by rank desc, amount_sort desc, id
        limit ${limit}`,
      );
      return rows.map(
        (row): FlaggedItemRow => ({
          ...itemOf(row),
          code: String(row.code) as FindingCode,
          severity: String(row.severity) as Severity,
        }),
      );
    },

    async budgetSpend(tx, organisationId, clientId, windows) {
      const spend = new Map<string, BudgetSpend>();
      if (windows.length === 0) return spend;
      // One statement, one index range per budget: each window reads only its own period of the client.
      const parts = windows.map((w) => {
        const project = w.projectId === undefined ? sql`` : sql` and e.project_id = ${w.projectId}`;
        const category = w.categoryCode === undefined ? sql`` : sql` and e.category_code = ${w.categoryCode}`;
        return sql`(select ${w.budgetId}::text as budget_id,
            coalesce(sum(${AMOUNT}) filter (where e.status = 'approved'), 0)::text as actual,
            coalesce(sum(${AMOUNT}) filter (where e.status = 'approved' and e.billable), 0)::text as billable,
            coalesce(sum(${AMOUNT}) filter (where e.status = 'pending'), 0)::text as committed
          from expenses e
          where e.organisation_id = ${organisationId} and e.client_id = ${clientId} and ${LIVE}
            and e.incurred_on between ${w.from}::date and ${w.through}::date${project}${category})`;
      });
      const rows = await rowsOf(tx, sql.join(parts, sql` union all `));
      for (const row of rows) {
        spend.set(String(row.budget_id), {
          actualMinor: numberOf(row.actual),
          billableMinor: numberOf(row.billable),
          committedMinor: numberOf(row.committed),
        });
      }
      return spend;
    },
  };
}
