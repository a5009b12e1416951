import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutlayProcess } from '../support/outlay-process.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../support/test-databases.js';

describe('outlay serve on the embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'outlay-e2e-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers /healthz and /readyz on PGlite under DATA_DIR, and shuts down cleanly on SIGTERM', async () => {
    const outlay = await startOutlayProcess({ env: { DATA_DIR: dataDir } });
    try {
      const ready = await fetch(`${outlay.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready', checks: [{ name: 'database', ok: true }] });
      expect((await fetch(`${outlay.url}/healthz`)).status).toBe(200);
      expect(outlay.output()).toContain('"engine":"pglite"');
    } finally {
      expect(await outlay.stop()).toBe(0);
    }
    expect(await readdir(join(dataDir, 'pglite'))).toContain('pgdata');
  });

  it('refuses to start with a bad configuration and names every bad key', async () => {
    const failure = await startOutlayProcess({
      env: { DATA_DIR: dataDir, OUTLAY_LOCALE: 'fr', DATABASE_URL: 'not a url' },
    }).then(
      () => new Error('started anyway'),
      (e: Error) => e,
    );
    expect(failure.message).toContain('exited with 78');
    expect(failure.message).toMatch(/^\s*OUTLAY_LOCALE: must be en or zh-CN/m);
    expect(failure.message).toMatch(/^\s*DATABASE_URL: /m);
  });
});

describe.runIf(testEngines().includes('postgres'))('outlay serve with DATABASE_URL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('uses PostgreSQL: migrates it, creates the default organisation there, and is ready', async () => {
    const url = database.url ?? '';
    const outlay = await startOutlayProcess({
      env: { DATABASE_URL: url, OUTLAY_ADMINS: 'console:alice', OUTLAY_DEMO: 'false' },
    });
    try {
      expect((await fetch(`${outlay.url}/readyz`)).status).toBe(200);
      expect(outlay.output()).toContain('"engine":"postgres"');
      const sql = postgres(url, { max: 1 });
      const orgs = await sql`select id from organisations`;
      const roles = await sql`select role from member_roles`;
      await sql.end();
      expect(orgs.map((o) => o.id)).toEqual(['default']);
      expect(roles.map((r) => r.role)).toEqual(['admin']);
    } finally {
      expect(await outlay.stop()).toBe(0);
    }
  });
});
