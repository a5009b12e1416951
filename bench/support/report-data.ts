// The data bench:reports reads: clients with two years of expenses, generated in SQL (INSERT … SELECT over
// generate_series, so a million rows take seconds, not an hour of use-case calls) into a database migrated by
// Outlay's own migrations. Every value is derived from the row number, so each run sees the same data. The rows
// are what Outlay writes — the same columns, statuses, findings and amounts in minor units — only not one by one.
import type postgres from 'postgres';

export const ORGANISATION = 'default';
export const SUBMITTER = 'm-bench-submitter';
export const WHALE = 'c-whale';
export const CATEGORIES = ['travel', 'meals', 'lodging', 'transport', 'software', 'supplies', 'other'];

export const clientIdOf = (n: number): string => `c-${String(n).padStart(4, '0')}`;
const codeOf = (clientId: string): string => clientId.replace(/^c-/, 'k');

/** The organisation, one submitter, the clients (UTC, USD) with a monthly budget each, and a weekly binding. */
export async function seedClients(
  sql: postgres.Sql,
  clientIds: readonly string[],
  bindingsCreatedAt: string,
): Promise<void> {
  await sql`insert into organisations (id, name, locale) values (${ORGANISATION}, 'Bench', 'en')
            on conflict do nothing`;
  await sql`insert into members (organisation_id, id, display_name)
            values (${ORGANISATION}, ${SUBMITTER}, 'Bench Submitter') on conflict do nothing`;
  const ids = [...clientIds];
  const codes = clientIds.map(codeOf);
  await sql`insert into clients (organisation_id, id, code, name, currency, time_zone, locale)
    select ${ORGANISATION}, r.id, r.code, 'Client ' || r.code, 'USD', 'UTC', 'en'
    from unnest(${ids}::text[], ${codes}::text[]) as r(id, code)`;
  await sql`insert into budgets (organisation_id, id, client_id, period, amount_minor, currency,
      thresholds_percent, action, created_by)
    select ${ORGANISATION}, 'b-' || r.id, r.id, 'monthly', 2000000, 'USD', '[50, 80, 100]'::jsonb, 'warn',
      ${SUBMITTER}
    from unnest(${ids}::text[], ${codes}::text[]) as r(id, code)`;
  await sql`insert into channel_bindings (organisation_id, id, address, client_id, audience, report_schedule,
      created_at)
    select ${ORGANISATION}, 'bind-' || r.id, 'slack:TBENCH:C' || upper(r.code), r.id, 'internal', 'weekly',
      ${bindingsCreatedAt}::timestamptz
    from unnest(${ids}::text[], ${codes}::text[]) as r(id, code)`;
}

/**
 * `count` expenses spread evenly over `clientIds`, dated over the `days` days up to `today` (UTC): mostly
 * approved, some pending, a few rejected; a share billable; a share with risk findings of each severity.
 * `offset` keeps the ids of successive calls apart.
 */
export async function seedExpenses(
  sql: postgres.Sql,
  options: {
    readonly clientIds: readonly string[];
    readonly count: number;
    readonly days: number;
    readonly today: string;
    readonly offset: number;
  },
): Promise<void> {
  const { clientIds, count, days, today, offset } = options;
  const batch = 100_000;
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    await sql`insert into expenses (organisation_id, id, kind, client_id, category_code, amount_minor, currency,
        client_amount_minor, client_currency, incurred_on, description, payment_method, billable, submitter_id,
        status, stage, stage_count, approved_amount_minor, findings, created_at, updated_at)
      select ${ORGANISATION}, 'B' || (${offset} + i)::text, 'expense', c.ids[(1 + (i % c.n))::int],
        (${CATEGORIES}::text[])[(1 + ((i / 7) % ${CATEGORIES.length}))::int],
        a.amount, 'USD', a.amount, 'USD',
        ${today}::date - ((i * 7919) % ${days})::int,
        'bench expense ' || i, 'card', (i % 4) <> 0, ${SUBMITTER},
        s.status,
        case when s.status = 'pending' then 1 end, case when s.status = 'pending' then 1 end,
        case when s.status = 'approved' and i % 50 = 0 then a.amount / 2 end,
        case
          when i % 97 = 0 then '[{"code":"DUPLICATE_SUSPECTED","severity":"high","evidence":{}}]'::jsonb
          when i % 31 = 0 then '[{"code":"ROUND_NUMBER","severity":"warn","evidence":{}},{"code":"WEEKEND","severity":"info","evidence":{}}]'::jsonb
          when i % 11 = 0 then '[{"code":"WEEKEND","severity":"info","evidence":{}}]'::jsonb
          else '[]'::jsonb
        end,
        now(), now()
      from generate_series(${start}::bigint, ${end}::bigint) as i
        cross join (select ${clientIds as string[]}::text[] as ids, ${clientIds.length}::int as n) as c
        cross join lateral (select 100 + ((i * 104729) % 250000)::bigint as amount) as a
        cross join lateral (select case when i % 20 = 0 then 'pending' when i % 33 = 0 then 'rejected'
                                        else 'approved' end as status) as s`;
  }
}
