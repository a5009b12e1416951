// Each benchmark run gets fresh PostgreSQL databases beside the one BENCH_DATABASE_URL names (default: the local
// server's `postgres` database), one per server measured, dropped at the end.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type BenchDatabase = {
  readonly name: string;
  readonly url: string;
  /** A single-connection client for the benchmark's own seeding and counting. */
  readonly sql: postgres.Sql;
  drop(): Promise<void>;
};

const urlFor = (name: string): string => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const name = `outlay_bench_${label}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = urlFor(name);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  return {
    name,
    url,
    sql,
    async drop() {
      await sql.end({ timeout: 5 });
      const again = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      try {
        await again.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await again.end({ timeout: 5 });
      }
    },
  };
}

export const postgresVersion = async (database: BenchDatabase): Promise<string> => {
  const [row] = await database.sql<{ server_version: string }[]>`show server_version`;
  return row?.server_version ?? 'unknown';
};
