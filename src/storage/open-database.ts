// The one connection factory: DATABASE_URL → PostgreSQL through postgres.js; absent → embedded PGlite under
// DATA_DIR. Both speak PostgreSQL, so the schema, migrations and queries are the same on either engine.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema>;
/** What every storage function takes: the database, or a transaction a use case has opened. */
export type Executor = Database | Transaction;

export type DatabaseOptions =
  | { readonly kind: 'postgres'; readonly url: string; readonly maxConnections?: number }
  | { readonly kind: 'pglite'; readonly dataDir: string }
  | { readonly kind: 'pglite-memory' };

export type OpenDatabase = {
  readonly db: Database;
  readonly engine: 'postgres' | 'pglite';
  /** Applies the committed migrations; safe to call from several processes at once on PostgreSQL. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a query; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// Any constant works; it only has to be the same for every Outlay process sharing a database.
const MIGRATION_LOCK_KEY = 7_246_001;

export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  return options.kind === 'postgres'
    ? openPostgres(options.url, options.maxConnections ?? 10)
    : openPglite(options);
}

function openPostgres(url: string, maxConnections: number): OpenDatabase {
  const client = postgres(url, { max: maxConnections, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    engine: 'postgres',
    async migrate() {
      // A dedicated single connection, so the session-level advisory lock and the migration share it.
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres(lockClient, { casing: 'snake_case' }), { migrationsFolder });
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await lockClient.end({ timeout: 5 });
      }
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

async function openPglite(options: { kind: 'pglite'; dataDir: string } | { kind: 'pglite-memory' }) {
  if (options.kind === 'pglite-memory') return wrapPglite(await PGlite.create());
  const dir = join(options.dataDir, 'pgdata');
  mkdirSync(dir, { recursive: true });
  return wrapPglite(await PGlite.create(dir));
}

/** An embedded database over an existing PGlite instance (the tests clone a migrated template). */
export function wrapPglite(client: PGlite): OpenDatabase {
  const pglite = drizzlePglite(client, { schema, casing: 'snake_case' });
  const db = pglite as unknown as Database;
  return {
    db,
    engine: 'pglite',
    async migrate() {
      // One process owns an embedded database, so there is nobody to race.
      await migratePglite(pglite, { migrationsFolder });
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await client.close();
    },
  };
}
