// A small firm on a real database for use-case tests: people with roles, two clients with approver lists,
// a frozen clock and seeded ids, and helpers to read back exactly what a use case wrote.
import { and, eq, sql } from 'drizzle-orm';
import type { ExpenseDeps } from '../../src/domain/expenses/expense-deps.js';
import { parseAmountToken } from '../../src/domain/money/index.js';
import type { AuditPlatform } from '../../src/domain/ports/audit-log.port.js';
import type { RequestContext } from '../../src/domain/shared/request-context.js';
import { createStoragePorts } from '../../src/storage/create-storage-ports.js';
import * as schema from '../../src/storage/schema/index.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { SeededIds } from '../fakes/seeded-ids.js';
import { createTestDatabase, type TestDatabase, type TestEngine } from './test-databases.js';

export const ORG = 'org-test';

/** Who works here. Approver lists for @acme: stage 1 bob, stage 2 carol, stage 3 dave. */
export const PEOPLE = {
  alice: { roles: [] },
  erin: { roles: [] },
  bob: { roles: [] },
  carol: { roles: [] },
  dave: { roles: [] },
  fay: { roles: ['finance'] },
  adam: { roles: ['admin'] },
} as const satisfies Record<string, { roles: readonly ('admin' | 'finance')[] }>;

export type Person = keyof typeof PEOPLE;

export type ExpenseWorld = {
  readonly database: TestDatabase;
  readonly deps: ExpenseDeps;
  readonly clock: FixedClock;
  readonly ids: SeededIds;
  ctx(
    person: Person,
    extra?: Partial<Omit<RequestContext, 'actor' | 'organisationId'>>,
  ): Promise<RequestContext>;
  count(
    table: 'expenses' | 'audit_events' | 'outbox' | 'approval_steps' | 'job_runs' | 'idempotency_keys',
  ): Promise<number>;
  outbox(): Promise<(typeof schema.outbox.$inferSelect)[]>;
  audit(): Promise<(typeof schema.auditEvents.$inferSelect)[]>;
  expenseRow(id: string): Promise<typeof schema.expenses.$inferSelect | undefined>;
  destroy(): Promise<void>;
};

export async function createExpenseWorld(
  engine: TestEngine,
  now = '2026-03-10T04:00:00Z',
): Promise<ExpenseWorld> {
  const database = await createTestDatabase(engine);
  const clock = new FixedClock(now);
  const ids = new SeededIds(7);
  const deps: ExpenseDeps = { ...createStoragePorts(database.db, ids, clock), clock, ids };
  await seedFirm(database);

  return {
    database,
    deps,
    clock,
    ids,
    async ctx(person, extra = {}) {
      const actor = await deps.uow.run((tx) => deps.directory.actorForMember(tx, ORG, person));
      if (!actor) throw new Error(`no such member: ${person}`);
      const platform: AuditPlatform = extra.platform ?? 'console';
      return { organisationId: ORG, actor, platform, ...extra };
    },
    async count(table) {
      const result = (await database.db.execute(
        sql.raw(`select count(*)::int as n from ${table}`),
      )) as unknown as { n: number }[] | { rows: { n: number }[] };
      const rows = Array.isArray(result) ? result : result.rows;
      return rows[0]?.n ?? 0;
    },
    outbox: () =>
      database.db.select().from(schema.outbox).orderBy(schema.outbox.createdAt, schema.outbox.dedupeKey),
    audit: () => database.db.select().from(schema.auditEvents).orderBy(schema.auditEvents.seq),
    async expenseRow(id) {
      const [row] = await database.db
        .select()
        .from(schema.expenses)
        .where(and(eq(schema.expenses.organisationId, ORG), eq(schema.expenses.id, id)));
      return row;
    },
    destroy: () => database.destroy(),
  };
}

async function seedFirm(database: TestDatabase): Promise<void> {
  const { db } = database;
  await db.insert(schema.organisations).values({ id: ORG, name: 'Test Firm' });
  const people = Object.entries(PEOPLE);
  await db
    .insert(schema.members)
    .values(people.map(([name]) => ({ organisationId: ORG, id: name, displayName: capitalise(name) })));
  await db
    .insert(schema.memberIdentities)
    .values(people.map(([name]) => ({ identity: `console:${name}`, organisationId: ORG, memberId: name })));
  await db
    .insert(schema.memberRoles)
    .values(
      people.flatMap(([name, person]) =>
        person.roles.map((role) => ({ organisationId: ORG, memberId: name, role })),
      ),
    );
  await db.insert(schema.clients).values([
    {
      organisationId: ORG,
      id: 'c-acme',
      code: 'acme',
      name: 'Acme',
      currency: 'CNY',
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
    },
    {
      organisationId: ORG,
      id: 'c-globex',
      code: 'globex',
      name: 'Globex',
      currency: 'USD',
      timeZone: 'America/New_York',
    },
  ]);
  await db.insert(schema.approverAssignments).values([
    { organisationId: ORG, clientId: 'c-acme', stage: 1, memberId: 'bob' },
    { organisationId: ORG, clientId: 'c-acme', stage: 2, memberId: 'carol' },
    { organisationId: ORG, clientId: 'c-acme', stage: 3, memberId: 'dave' },
    { organisationId: ORG, clientId: 'c-globex', stage: 1, memberId: 'bob' },
  ]);
  await db.insert(schema.channelBindings).values({
    organisationId: ORG,
    id: 'b-acme-internal',
    address: 'console:#acme-team',
    clientId: 'c-acme',
    audience: 'internal',
  });
  await db.insert(schema.exchangeRates).values({
    organisationId: ORG,
    fromCurrency: 'USD',
    toCurrency: 'CNY',
    effectiveOn: '2026-03-01',
    rate: '7.1234',
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An exact amount as a person would type it, for use-case inputs. */
export function amountOf(text: string) {
  const parsed = parseAmountToken(text);
  if (!parsed.ok) throw new Error(`bad amount in test: ${text}`);
  return parsed.value;
}
