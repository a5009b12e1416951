import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase } from '../../../src/storage/open-database.js';
import * as schema from '../../../src/storage/schema/index.js';
import { postgresTestUrl, testEngines } from '../../support/test-databases.js';

describe.runIf(testEngines().includes('pglite'))('embedded PGlite under DATA_DIR', () => {
  it('creates its files under DATA_DIR and keeps data across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'outlay-data-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir });
      await first.migrate();
      await first.db.insert(schema.organisations).values({ id: 'org-persist', name: 'Persisted' });
      await first.close();

      const second = await openDatabase({ kind: 'pglite', dataDir });
      await second.migrate();
      const orgs = await second.db.select().from(schema.organisations);
      await second.close();
      expect(orgs.map((o) => o.id)).toEqual(['org-persist']);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe.runIf(testEngines().includes('postgres'))('PostgreSQL through DATABASE_URL', () => {
  it('lets several processes migrate the same database at once', async () => {
    const adminUrl = postgresTestUrl();
    const name = `outlay_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const instances = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: url.toString() })),
    );
    try {
      await Promise.all(instances.map((i) => i.migrate()));
      const [check] = instances;
      await check?.ping();
      const applied = await check?.db.execute('select count(*)::int as n from drizzle.__drizzle_migrations');
      const files = (await readdir(migrationsFolder)).filter((f) => f.endsWith('.sql'));
      expect((applied as unknown as { n: number }[])[0]?.n).toBe(files.length);
    } finally {
      await Promise.all(instances.map((i) => i.close()));
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    }
  });
});
