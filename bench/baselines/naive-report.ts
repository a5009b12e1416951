// Baseline "naive report": what a first version would do — load every row of the client's period and the one
// before it, and add the report's sections up in JavaScript. Kept that way on purpose: it is the yardstick the
// real report must beat by 10×, and a faster baseline would only hide a slower Outlay.
import type postgres from 'postgres';

type Row = {
  id: string;
  incurred_on: string;
  category_code: string;
  project_id: string | null;
  amount: string;
  status: string;
  billable: boolean;
  findings: { code: string; severity: string }[];
};

export type NaiveReport = {
  readonly total: number;
  readonly previous: number;
  readonly billable: number;
  readonly pending: number;
  readonly groups: number;
  readonly top: readonly string[];
  readonly oldestPending: readonly string[];
  readonly findings: Readonly<Record<string, number>>;
  readonly flagged: readonly string[];
  readonly budgetUsed: number;
};

const RANK: Record<string, number> = { info: 0, warn: 1, high: 2 };

export async function naiveMonthlyReport(
  sql: postgres.Sql,
  organisationId: string,
  clientId: string,
  month: { start: string; end: string },
  previous: { start: string; end: string },
): Promise<NaiveReport> {
  const rows = await sql<Row[]>`
    select id, incurred_on::text, category_code, project_id, coalesce(approved_amount_minor, client_amount_minor)::text as amount,
      status, billable, findings
    from expenses
    where organisation_id = ${organisationId} and client_id = ${clientId}
      and incurred_on between ${previous.start}::date and ${month.end}::date
      and status in ('approved', 'pending')`;
  const inMonth = (r: Row) => r.incurred_on >= month.start && r.incurred_on <= month.end;
  const groups = new Map<string, { approved: bigint; billable: bigint; pending: bigint; previous: bigint }>();
  let total = 0n;
  let previousTotal = 0n;
  let billable = 0n;
  let pending = 0n;
  const current: Row[] = [];
  for (const row of rows) {
    const amount = BigInt(row.amount);
    const key = `${row.category_code}/${row.project_id ?? ''}`;
    const group = groups.get(key) ?? { approved: 0n, billable: 0n, pending: 0n, previous: 0n };
    groups.set(key, group);
    if (!inMonth(row)) {
      if (row.status === 'approved') {
        group.previous += amount;
        previousTotal += amount;
      }
      continue;
    }
    current.push(row);
    if (row.status === 'approved') {
      group.approved += amount;
      total += amount;
      if (row.billable) {
        group.billable += amount;
        billable += amount;
      }
    } else {
      group.pending += amount;
      pending += amount;
    }
  }
  const approved = current.filter((r) => r.status === 'approved');
  const top = [...approved].sort((a, b) => Number(BigInt(b.amount) - BigInt(a.amount))).slice(0, 5);
  const oldest = current
    .filter((r) => r.status === 'pending')
    .sort((a, b) => a.incurred_on.localeCompare(b.incurred_on) || a.id.localeCompare(b.id))
    .slice(0, 5);
  const findings: Record<string, number> = {};
  const flagged: { row: Row; rank: number }[] = [];
  for (const row of current) {
    let rank = -1;
    for (const finding of row.findings) {
      const key = `${finding.code}:${finding.severity}`;
      findings[key] = (findings[key] ?? 0) + 1;
      rank = Math.max(rank, RANK[finding.severity] ?? 0);
    }
    if (rank >= 1) flagged.push({ row, rank });
  }
  flagged.sort((a, b) => b.rank - a.rank || Number(BigInt(b.row.amount) - BigInt(a.row.amount)));
  return {
    total: Number(total),
    previous: Number(previousTotal),
    billable: Number(billable),
    pending: Number(pending),
    groups: groups.size,
    top: top.map((r) => r.id),
    oldestPending: oldest.map((r) => r.id),
    findings,
    flagged: flagged.slice(0, 5).map((f) => f.row.id),
    budgetUsed: Number(total + pending),
  };
}
