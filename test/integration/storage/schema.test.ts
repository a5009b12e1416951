import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../src/storage/schema/index.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../../support/test-databases.js';

type Row = Record<string, unknown>;

async function rows(database: TestDatabase, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await database.db.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

/** drizzle wraps driver errors ("Failed query: …"); the database's own words are in the cause. */
async function expectDatabaseRefusal(query: Promise<unknown>, reason: RegExp) {
  const error = await query.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
  expect(messages.join(' | ')).toMatch(reason);
}

async function seedOrganisation(database: TestDatabase, id: string) {
  await database.db.insert(schema.organisations).values({ id, name: `Org ${id}` });
  await database.db.insert(schema.clients).values({
    organisationId: id,
    id: 'client-1',
    code: 'acme',
    name: 'Acme',
    currency: 'CNY',
    timeZone: 'Asia/Shanghai',
  });
}

// Tables that find the organisation rather than belong to one; every other table leads its keys with
// organisation_id so the schema can be distributed by organisation (README, Storage: tenancy).
const LOOKUP_TABLES = new Set(['organisations', 'member_identities']);
// Indexes serving workers that sweep every organisation; each is partial and documented in the schema.
const CROSS_TENANT_INDEXES = new Set(['outbox_due_idx']);

describe.each(testEngines())('storage on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedOrganisation(database, 'org-a');
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('applies every migration and can apply them again', async () => {
    await database.migrate();
    const tables = await rows(
      database,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        'expenses',
        'approval_steps',
        'audit_events',
        'audit_seals',
        'outbox',
        'job_runs',
      ]),
    );
  });

  it('leads every primary key and unique key of a tenant table with organisation_id', async () => {
    const keys = await rows(
      database,
      sql`select tc.table_name, tc.constraint_name, tc.constraint_type,
                 (select kcu.column_name from information_schema.key_column_usage kcu
                   where kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
                     and kcu.ordinal_position = 1) as first_column
            from information_schema.table_constraints tc
           where tc.table_schema = 'public' and tc.constraint_type in ('PRIMARY KEY', 'UNIQUE')`,
    );
    const tenantKeys = keys.filter((k) => !LOOKUP_TABLES.has(String(k.table_name)));
    expect(tenantKeys.length).toBeGreaterThan(20);
    const offenders = tenantKeys.filter((k) => k.first_column !== 'organisation_id');
    expect(offenders).toEqual([]);
  });

  it('leads every index of a tenant table with organisation_id, but for documented worker indexes', async () => {
    const indexes = await rows(
      database,
      sql`select t.relname as table_name, i.relname as index_name, a.attname as first_column
            from pg_index x
            join pg_class i on i.oid = x.indexrelid
            join pg_class t on t.oid = x.indrelid
            join pg_namespace n on n.oid = t.relnamespace
            join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
           where n.nspname = 'public'`,
    );
    const offenders = indexes.filter(
      (i) =>
        !LOOKUP_TABLES.has(String(i.table_name)) &&
        !CROSS_TENANT_INDEXES.has(String(i.index_name)) &&
        i.first_column !== 'organisation_id',
    );
    expect(offenders).toEqual([]);
    // The report queries of docs/product-rules.md §6 have their index: organisation, client, period, status.
    expect(indexes.map((i) => i.index_name)).toContain(
      'expenses_organisation_id_client_id_status_incurred_on_index',
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit events', async () => {
    await database.db.insert(schema.auditEvents).values({
      organisationId: 'org-a',
      platform: 'console',
      action: 'client.created',
      entityType: 'client',
      entityId: 'client-1',
      after: { code: 'acme' },
    });
    await expectDatabaseRefusal(
      database.db.execute(sql`update audit_events set action = 'tampered'`),
      /append-only/,
    );
    await expectDatabaseRefusal(database.db.execute(sql`delete from audit_events`), /append-only/);
    await expectDatabaseRefusal(database.db.execute(sql`truncate audit_events`), /append-only/);
    const events = await database.db.select().from(schema.auditEvents);
    expect(events).toHaveLength(1);
    expect(events[0]?.action).toBe('client.created');
  });

  it('refuses UPDATE and DELETE on audit seals', async () => {
    await database.db.insert(schema.auditSeals).values({
      organisationId: 'org-a',
      position: 1,
      eventSeq: 1,
      prevHash: '0'.repeat(64),
      hash: 'a'.repeat(64),
    });
    await expectDatabaseRefusal(database.db.execute(sql`update audit_seals set hash = 'b'`), /append-only/);
    await expectDatabaseRefusal(database.db.execute(sql`delete from audit_seals`), /append-only/);
  });

  it('keeps money exact as bigint minor units beside a three-letter currency', async () => {
    const large = 2 ** 51 - 1;
    await database.db.insert(schema.expenses).values({
      organisationId: 'org-a',
      id: 'ACME-7K3Q',
      clientId: 'client-1',
      categoryCode: 'travel',
      amountMinor: large,
      currency: 'CNY',
      clientAmountMinor: large,
      clientCurrency: 'CNY',
      rate: '7.1234567891',
      incurredOn: '2026-03-02',
      billable: true,
      submitterId: 'm1',
      status: 'pending',
      stage: 1,
      stageCount: 2,
    });
    const [row] = await database.db.select().from(schema.expenses);
    expect(row?.amountMinor).toBe(large);
    expect(typeof row?.amountMinor).toBe('number');
    expect(row?.currency).toBe('CNY');
    expect(row?.rate).toBe('7.1234567891');
    expect(row?.incurredOn).toBe('2026-03-02');
    await expect(
      database.db.execute(
        sql`insert into expenses (organisation_id, id, client_id, category_code, amount_minor, currency,
              client_amount_minor, client_currency, incurred_on, billable, submitter_id, status)
            values ('org-a', 'ACME-BAD1', 'client-1', 'travel', 1.5, 'CNY', 1, 'CNY', '2026-03-02', true, 'm1', 'pending')`,
      ),
    ).resolves.toBeDefined();
    // bigint rounds a fractional literal on the way in: the column itself can never hold a fraction.
    const [fraction] = await rows(
      database,
      sql`select amount_minor::text as a from expenses where id = 'ACME-BAD1'`,
    );
    expect(fraction?.a).toBe('2');
  });

  it('refuses an expense for a client of another organisation', async () => {
    await database.db.insert(schema.organisations).values({ id: 'org-b', name: 'Other' });
    await expect(
      database.db.insert(schema.expenses).values({
        organisationId: 'org-b',
        id: 'ACME-ZZZZ',
        clientId: 'client-1',
        categoryCode: 'travel',
        amountMinor: 100,
        currency: 'CNY',
        clientAmountMinor: 100,
        clientCurrency: 'CNY',
        incurredOn: '2026-03-02',
        billable: true,
        submitterId: 'm1',
        status: 'pending',
      }),
    ).rejects.toThrow();
  });

  it('lets exactly one claimant take a job-run key', async () => {
    const claim = () =>
      database.db
        .insert(schema.jobRuns)
        .values({ organisationId: 'org-a', job: 'reports', periodKey: '2026-W10', target: 'binding-1' })
        .onConflictDoNothing()
        .returning();
    const results = await Promise.all([claim(), claim(), claim()]);
    expect(results.map((r) => r.length).sort()).toEqual([0, 0, 1]);
  });

  it('writes an outbox message once per dedupe key', async () => {
    const write = () =>
      database.db
        .insert(schema.outbox)
        .values({
          organisationId: 'org-a',
          id: crypto.randomUUID(),
          dedupeKey: 'approval-request:ACME-7K3Q:1:1',
          address: 'console:approver',
          kind: 'approval-request',
          payload: { expenseId: 'ACME-7K3Q' },
        })
        .onConflictDoNothing()
        .returning();
    const [first, second] = [await write(), await write()];
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(0);
  });
});
