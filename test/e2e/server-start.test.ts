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
      // The first start seeded the demo: Fei (finance) can read Acme's budget over real HTTP.
      const budget = await say(outlay.url, 'fei', 'budget @acme');
      expect(budget).toMatch(/budget CN¥20,000\.00, approved CN¥[\d,.]+, pending CN¥[\d,.]+/);
    } finally {
      expect(await outlay.stop()).toBe(0);
    }
    expect(await readdir(join(dataDir, 'pglite'))).toContain('pgdata');
    // A first start creates the embedded database and seeds the demo: generous on a busy two-core machine.
  }, 90_000);

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
      expect(await say(outlay.url, 'alice', 'client add acme "Acme" CNY Asia/Shanghai')).toBe(
        'Added client @acme "Acme": CNY, Asia/Shanghai.',
      );
      const clients = postgres(url, { max: 1 });
      expect((await clients`select code from clients`).map((c) => c.code)).toEqual(['acme']);
      await clients.end();
    } finally {
      expect(await outlay.stop()).toBe(0);
    }
  });
});

/** One command through the console's HTTP API; the reply's card titles and texts, joined. */
async function say(baseUrl: string, as: string, text: string): Promise<string> {
  const response = await fetch(`${baseUrl}/console/api/message`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as, address: `console:@${as}`, text }),
  });
  expect(response.status).toBe(200);
  const reply = (await response.json()) as { cards: { title: string; sections: { text: string }[] }[] };
  return reply.cards.map((c) => [c.title, ...c.sections.map((s) => s.text)].join('\n')).join('\n');
}
