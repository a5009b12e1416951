// One storage suite, two engines: every integration test that needs a database runs once per engine.
// PostgreSQL is used when TEST_DATABASE_URL is set (CI always sets it); PGlite always runs, in memory.
// OUTLAY_TEST_ENGINES=pglite|postgres narrows the list (CI runs the storage suite again on PGlite alone).
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { type OpenDatabase, openDatabase, wrapPglite } from '../../src/storage/open-database.js';

export type TestEngine = 'postgres' | 'pglite';

export type TestDatabase = OpenDatabase & {
  /** A connection string for this test database (PostgreSQL only), e.g. for a second process. */
  readonly url: string | undefined;
  /** Closes the connections and removes the database. */
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

/** A fresh, migrated database: a new PostgreSQL database per call, or a new in-memory PGlite. */
export async function createTestDatabase(engine: TestEngine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const opened = wrapPglite((await (await migratedPgliteTemplate()).clone()) as PGlite);
    return { ...opened, url: undefined, destroy: () => opened.close() };
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
    async destroy() {
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
