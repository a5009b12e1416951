// One storage suite, two engines: every integration test that needs a database runs once per engine.
// PostgreSQL is used when TEST_DATABASE_URL is set (CI always sets it); PGlite always runs, in memory.
// OUTLAY_TEST_ENGINES=pglite|postgres narrows the list (CI runs the storage suite again on PGlite alone).
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type OpenDatabase, openDatabase, wrapPglite } from '../../src/storage/open-database.js';

export type TestEngine = 'postgres' | 'pglite';

export type TestDatabase = OpenDatabase & {
  /** A connection string for this test database (PostgreSQL only), e.g. for a second process. */
  readonly url: string | undefined;
  /**
   * Done with it. The database is emptied and kept for the next test of the same file (fast), or closed and removed
   * when one is already waiting; `closePooledTestDatabases` (run after every test file) removes what is left.
   */
  destroy(): Promise<void>;
};

export function testEngines(): TestEngine[] {
  const requested = process.env.OUTLAY_TEST_ENGINES?.split(',').map((e) => e.trim());
  const available: TestEngine[] = process.env.TEST_DATABASE_URL ? ['postgres', 'pglite'] : ['pglite'];
  if (!requested) return available;
  for (const engine of requested) {
    if (engine === 'postgres' && !process.env.TEST_DATABASE_URL) {
      throw new Error('OUTLAY_TEST_ENGINES asks for postgres but TEST_DATABASE_URL is not set');
    }
  }
  return available.filter((e) => requested.includes(e));
}

export function postgresTestUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  // The suite creates and drops databases: refuse anything that does not look like a test server's database.
  if (!new URL(url).pathname.includes('test')) {
    throw new Error(`TEST_DATABASE_URL must name a database containing "test"; got ${new URL(url).pathname}`);
  }
  return url;
}

/** A migrated database with empty tables: reused from the previous test when possible, else made fresh. */
export async function createTestDatabase(engine: TestEngine): Promise<TestDatabase> {
  const idle = pool.get(engine);
  if (idle) {
    pool.delete(engine);
    return pooled(engine, idle);
  }
  return pooled(engine, await freshTestDatabase(engine));
}

type Owned = OpenDatabase & { readonly url: string | undefined; readonly remove: () => Promise<void> };

const pool = new Map<TestEngine, Owned>();

function pooled(engine: TestEngine, owned: Owned): TestDatabase {
  let destroyed = false;
  return {
    ...owned,
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      if (pool.has(engine)) return owned.remove();
      try {
        await emptyAllTables(owned);
        pool.set(engine, owned);
      } catch {
        await owned.remove();
      }
    },
  };
}

/** Removes the databases kept for reuse; registered after every test file by test/support/setup.ts. */
export async function closePooledTestDatabases(): Promise<void> {
  const owned = [...pool.values()];
  pool.clear();
  await Promise.all(owned.map((o) => o.remove()));
}

/**
 * Every table emptied and every sequence restarted, as after migrating. Replica mode switches off triggers for the
 * transaction, so the append-only audit tables (which refuse TRUNCATE to everyone else) can be reset too.
 */
async function emptyAllTables(database: OpenDatabase): Promise<void> {
  await database.db.transaction(async (tx) => {
    const result = (await tx.execute(
      sql`select tablename from pg_tables where schemaname = 'public'`,
    )) as unknown as { tablename: string }[] | { rows: { tablename: string }[] };
    const tables = (Array.isArray(result) ? result : result.rows).map((r) => `"${r.tablename}"`);
    await tx.execute(sql`set local session_replication_role = replica`);
    if (tables.length > 0)
      await tx.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`));
  });
}

async function freshTestDatabase(engine: TestEngine): Promise<Owned> {
  if (engine === 'pglite') {
    const opened = wrapPglite((await (await migratedPgliteTemplate()).clone()) as PGlite);
    return { ...opened, url: undefined, remove: () => opened.close() };
  }
  const adminUrl = postgresTestUrl();
  const name = `outlay_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 20 });
  await opened.migrate();
  return {
    ...opened,
    url: url.toString(),
    async remove() {
      await opened.close();
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}

let template: Promise<PGlite> | undefined;

/** Migrating takes seconds on PGlite; cloning a migrated instance takes milliseconds. One template per worker. */
function migratedPgliteTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const client = await PGlite.create();
    await wrapPglite(client).migrate();
    return client;
  })();
  return template;
}
