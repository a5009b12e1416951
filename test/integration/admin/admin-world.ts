// The expense world plus the admin ports, and a way to prove a refused command wrote nothing: every table's row
// count before and after.
import { sql } from 'drizzle-orm';
import type { AdminDeps } from '../../../src/domain/admin/admin-deps.js';
import { createDrizzleAdminRepository } from '../../../src/storage/repositories/drizzle-admin-repository.js';
import { createDrizzleIdentityLinkRepository } from '../../../src/storage/repositories/drizzle-identity-link-repository.js';
import { createDrizzleSettingsStore } from '../../../src/storage/repositories/drizzle-settings-store.js';
import { createExpenseWorld, type ExpenseWorld } from '../../support/expense-world.js';
import type { TestEngine } from '../../support/test-databases.js';

export type AdminWorld = ExpenseWorld & {
  readonly admin: AdminDeps;
  /** Rows per table, every table of the schema. */
  tableCounts(): Promise<Record<string, number>>;
  rows(query: string): Promise<Record<string, unknown>[]>;
};

export async function createAdminWorld(engine: TestEngine, now?: string): Promise<AdminWorld> {
  const world = await createExpenseWorld(engine, now);
  const admin: AdminDeps = {
    ...world.deps,
    admin: createDrizzleAdminRepository(),
    identityLinks: createDrizzleIdentityLinkRepository(),
    settingsStore: createDrizzleSettingsStore(),
  };
  async function rows(query: string): Promise<Record<string, unknown>[]> {
    const result = (await world.database.db.execute(sql.raw(query))) as unknown as
      | Record<string, unknown>[]
      | { rows: Record<string, unknown>[] };
    return Array.isArray(result) ? [...result] : result.rows;
  }
  return Object.assign(world, {
    admin,
    rows,
    async tableCounts() {
      const tables = await rows(
        `select table_name as name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
      );
      const counts: Record<string, number> = {};
      for (const { name } of tables) {
        const [row] = await rows(`select count(*)::int as n from "${String(name)}"`);
        counts[String(name)] = Number(row?.n ?? 0);
      }
      return counts;
    },
  });
}

/** Runs a refused command and checks that no table gained or lost a row. */
export async function expectNothingWritten<T>(world: AdminWorld, act: () => Promise<T>): Promise<T> {
  const before = await world.tableCounts();
  const result = await act();
  const after = await world.tableCounts();
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    throw new Error(`rows changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  }
  return result;
}
