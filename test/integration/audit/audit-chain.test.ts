import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnchor } from '../../../src/domain/audit/audit-anchor.js';
import { GENESIS_HEAD } from '../../../src/domain/audit/audit-chain.js';
import { recordAuditHead } from '../../../src/domain/audit/record-audit-head.js';
import { sealAllOrganisations, sealAuditEvents } from '../../../src/domain/audit/seal-audit-events.js';
import { verifyAuditChain } from '../../../src/domain/audit/verify-audit-chain.js';
import type { IdGenerator } from '../../../src/domain/ports/id-generator.port.js';
import type { UnitOfWork } from '../../../src/domain/ports/unit-of-work.port.js';
import { anchorFileName, createFileAuditAnchorSink } from '../../../src/storage/audit-anchor-file.js';
import { createDrizzleUnitOfWork } from '../../../src/storage/drizzle-unit-of-work.js';
import { createDrizzleAuditChainStore } from '../../../src/storage/repositories/drizzle-audit-chain-store.js';
import { createDrizzleAuditLog } from '../../../src/storage/repositories/drizzle-audit-log.js';
import { createDrizzleOutbox } from '../../../src/storage/repositories/drizzle-outbox.js';
import * as schema from '../../../src/storage/schema/index.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../../support/test-databases.js';

type Row = Record<string, unknown>;

const NOW = new Date('2026-03-02T09:00:00.000Z');
const clock = { now: () => NOW };

function countingIds(): IdGenerator {
  let next = 0;
  return {
    newId: () => `id-${++next}`,
    randomInt: () => 0,
  };
}

/** A unit of work that counts its transactions, to see the sealer batch. */
function countingUnitOfWork(inner: UnitOfWork): UnitOfWork & { readonly runs: () => number } {
  let runs = 0;
  return {
    run: (work) => {
      runs++;
      return inner.run(work);
    },
    runs: () => runs,
  };
}

const deferred = () => {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe.each(testEngines())('audit chain on %s', (engine) => {
  let database: TestDatabase;
  let uow: UnitOfWork;
  let dataDir: string;
  const chain = createDrizzleAuditChainStore();
  const auditLog = createDrizzleAuditLog();

  async function rows(query: SQL): Promise<Row[]> {
    const result = (await database.db.execute(query)) as unknown as Row[] | { rows: Row[] };
    return Array.isArray(result) ? result : result.rows;
  }

  const appendEvent = (organisationId: string, i: number) =>
    uow.run((tx) =>
      auditLog.append(tx, {
        organisationId,
        actorId: `m-${i % 3}`,
        platform: 'slack',
        action: 'expense.submitted',
        entityType: 'expense',
        entityId: `ACME-${i}`,
        before: null,
        after: { amountMinor: 1000 + i, currency: 'CNY', note: { z: i, a: [i, 'x'] } },
        requestId: `req-${i}`,
      }),
    );

  /** Writers started at once, each appending one event in its own transaction. */
  const startWriters = (organisationId: string, count: number) =>
    Array.from({ length: count }, (_, i) => appendEvent(organisationId, i));
  const appendConcurrently = (organisationId: string, count = 50) =>
    Promise.all(startWriters(organisationId, count));

  /** What someone with database rights could do: switch off the append-only triggers. */
  async function asAttacker(table: 'audit_events' | 'audit_seals', tamper: () => Promise<unknown>) {
    await database.db.execute(sql.raw(`alter table ${table} disable trigger user`));
    try {
      await tamper();
    } finally {
      await database.db.execute(sql.raw(`alter table ${table} enable trigger user`));
    }
  }

  const sealedSeqs = async (organisationId: string) =>
    (
      await rows(
        sql`select event_seq from audit_seals where organisation_id = ${organisationId} order by position`,
      )
    ).map((r) => Number(r.event_seq));

  const eventSeqs = async (organisationId: string) =>
    (
      await rows(sql`select seq from audit_events where organisation_id = ${organisationId} order by seq`)
    ).map((r) => Number(r.seq));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    uow = createDrizzleUnitOfWork(database.db);
    dataDir = await mkdtemp(join(tmpdir(), 'outlay-audit-'));
  });
  afterAll(async () => {
    await database?.destroy();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('accepts fifty concurrent writers, then seals all fifty in seq order and verifies', async () => {
    const results = await Promise.allSettled(startWriters('org-concurrent', 50));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(results).toHaveLength(50);

    const sealed = await sealAuditEvents({ uow, chain })('org-concurrent');
    expect(sealed.sealed).toBe(50);
    expect(sealed.head.position).toBe(50);

    const seqs = await eventSeqs('org-concurrent');
    expect(seqs).toHaveLength(50);
    expect(await sealedSeqs('org-concurrent')).toEqual(seqs);

    const verified = await verifyAuditChain({ uow, chain })('org-concurrent');
    expect(verified).toEqual({ ok: true, value: { verifiedThrough: sealed.head, count: 50 } });

    // Nothing left: a second run seals nothing and reports the same head.
    expect(await sealAuditEvents({ uow, chain })('org-concurrent')).toEqual({ sealed: 0, head: sealed.head });
  });

  it('seals in batches, one transaction each, and the result is the same chain', async () => {
    await appendConcurrently('org-batches');
    const counting = countingUnitOfWork(uow);
    const sealed = await sealAuditEvents({ uow: counting, chain, batchSize: 7 })('org-batches');
    expect(sealed.sealed).toBe(50);
    // 7 full batches of 7, then one of 1.
    expect(counting.runs()).toBe(8);
    expect(await sealedSeqs('org-batches')).toEqual(await eventSeqs('org-batches'));
    const verified = await verifyAuditChain({ uow, chain })('org-batches');
    expect(verified.ok && verified.value.count).toBe(50);
  });

  it('lets two sealers run at once without sealing anything twice', async () => {
    await appendConcurrently('org-two-sealers');
    const seal = sealAuditEvents({ uow, chain, batchSize: 5 });
    const [a, b] = await Promise.all([seal('org-two-sealers'), seal('org-two-sealers')]);
    expect(a.sealed + b.sealed).toBe(50);
    expect(await sealedSeqs('org-two-sealers')).toEqual(await eventSeqs('org-two-sealers'));
    const verified = await verifyAuditChain({ uow, chain })('org-two-sealers');
    expect(verified.ok && verified.value.verifiedThrough.position).toBe(50);
  });

  it('seals every organisation with unsealed events, each in its own chain', async () => {
    await Promise.all([
      appendEvent('org-all-1', 1),
      appendEvent('org-all-2', 2),
      appendEvent('org-all-2', 3),
    ]);
    const results = await sealAllOrganisations({ uow, chain })();
    const mine = results.filter((r) => r.organisationId.startsWith('org-all-'));
    expect(mine.map((r) => [r.organisationId, r.sealed, r.head.position])).toEqual([
      ['org-all-1', 1, 1],
      ['org-all-2', 2, 2],
    ]);
    expect(await uow.run((tx) => chain.organisationsWithUnsealed(tx))).not.toContain('org-all-1');
    for (const organisationId of ['org-all-1', 'org-all-2']) {
      expect((await verifyAuditChain({ uow, chain })(organisationId)).ok).toBe(true);
    }
  });

  it('verifies an organisation with nothing sealed at the genesis head', async () => {
    expect(await verifyAuditChain({ uow, chain })('org-empty')).toEqual({
      ok: true,
      value: { verifiedThrough: GENESIS_HEAD, count: 0 },
    });
  });

  // PGlite runs one transaction at a time, so a transaction held open there would block everyone else.
  it.runIf(engine === 'postgres')(
    'seals an event that commits after a higher seq was sealed at the next position',
    async () => {
      const appended = deferred();
      const release = deferred();
      const held = uow.run(async (tx) => {
        await auditLog.append(tx, {
          organisationId: 'org-late',
          actorId: 'm-1',
          platform: 'teams',
          action: 'expense.approved',
          entityType: 'expense',
          entityId: 'LATE-1',
          after: { status: 'approved' },
        });
        appended.resolve();
        await release.promise;
      });
      await appended.promise;
      await appendEvent('org-late', 99);

      const seal = sealAuditEvents({ uow, chain });
      const first = await seal('org-late');
      expect(first.sealed).toBe(1);

      release.resolve();
      await held;
      const second = await seal('org-late');
      expect(second).toMatchObject({ sealed: 1, head: { position: 2 } });

      const [lower, higher] = await eventSeqs('org-late');
      expect(lower).toBeLessThan(higher ?? 0);
      // Position order, not seq order: the late event is second in the chain.
      expect(await sealedSeqs('org-late')).toEqual([higher, lower]);
      expect(await verifyAuditChain({ uow, chain })('org-late')).toEqual({
        ok: true,
        value: { verifiedThrough: second.head, count: 2 },
      });
    },
  );

  describe('against an attacker with database rights', () => {
    it('finds a sealed event whose after was changed', async () => {
      await appendConcurrently('org-changed', 5);
      await sealAuditEvents({ uow, chain })('org-changed');
      const [, , third] = await eventSeqs('org-changed');
      await asAttacker('audit_events', () =>
        database.db.execute(
          sql`update audit_events set after = '{"amountMinor": 1}'::jsonb
               where organisation_id = 'org-changed' and seq = ${third}`,
        ),
      );
      expect(await verifyAuditChain({ uow, chain })('org-changed')).toEqual({
        ok: false,
        error: { code: 'AUDIT_EVENT_CHANGED', details: { position: 3, seq: third ?? -1 } },
      });
    });

    it('finds a time changed by one microsecond', async () => {
      await appendConcurrently('org-time', 2);
      await sealAuditEvents({ uow, chain })('org-time');
      const [first] = await eventSeqs('org-time');
      await asAttacker('audit_events', () =>
        database.db.execute(
          sql`update audit_events set occurred_at = occurred_at + interval '1 microsecond'
               where organisation_id = 'org-time' and seq = ${first}`,
        ),
      );
      const verified = await verifyAuditChain({ uow, chain })('org-time');
      expect(!verified.ok && verified.error).toEqual({
        code: 'AUDIT_EVENT_CHANGED',
        details: { position: 1, seq: first ?? -1 },
      });
    });

    it('finds a sealed event that was deleted', async () => {
      await appendConcurrently('org-deleted', 5);
      await sealAuditEvents({ uow, chain })('org-deleted');
      const [, , , fourth] = await eventSeqs('org-deleted');
      await asAttacker('audit_events', () =>
        database.db.execute(
          sql`delete from audit_events where organisation_id = 'org-deleted' and seq = ${fourth}`,
        ),
      );
      expect(await verifyAuditChain({ uow, chain })('org-deleted')).toEqual({
        ok: false,
        error: { code: 'AUDIT_EVENT_MISSING', details: { position: 4, seq: fourth ?? -1 } },
      });
    });

    it('cannot hide a change by re-sealing the whole chain from an anchor recorded earlier', async () => {
      await appendConcurrently('org-resealed', 10);
      const seal = sealAuditEvents({ uow, chain });
      await seal('org-resealed');
      const anchors = createFileAuditAnchorSink(dataDir);
      const outbox = createDrizzleOutbox(countingIds());
      await recordAuditHead({ uow, chain, anchors, outbox, clock })('org-resealed');
      const line = (
        await readFile(join(dataDir, 'audit-anchors', anchorFileName('org-resealed')), 'utf8')
      ).trim();
      const anchor = parseAnchor(line.split(' ').at(-1) ?? '');
      if (!anchor.ok) throw new Error(`anchor line unreadable: ${line}`);
      expect(anchor.value.position).toBe(10);
      expect((await verifyAuditChain({ uow, chain })('org-resealed', anchor.value)).ok).toBe(true);

      const [, second] = await eventSeqs('org-resealed');
      await asAttacker('audit_events', () =>
        database.db.execute(
          sql`update audit_events set after = '{"amountMinor": 1}'::jsonb
               where organisation_id = 'org-resealed' and seq = ${second}`,
        ),
      );
      await asAttacker('audit_seals', () =>
        database.db.execute(sql`delete from audit_seals where organisation_id = 'org-resealed'`),
      );
      expect(await seal('org-resealed')).toMatchObject({ sealed: 10, head: { position: 10 } });

      // On its own the rebuilt chain is consistent: that is why heads are kept outside the database.
      const alone = await verifyAuditChain({ uow, chain })('org-resealed');
      expect(alone.ok && alone.value.count).toBe(10);
      const anchored = await verifyAuditChain({ uow, chain })('org-resealed', anchor.value);
      expect(!anchored.ok && anchored.error.code).toBe('AUDIT_ANCHOR_MISMATCH');
      expect(!anchored.ok && anchored.error.details).toMatchObject({
        position: 10,
        anchorHash: anchor.value.hash,
      });
    });

    it('finds sealed links cut off below a recorded anchor', async () => {
      await appendConcurrently('org-cut', 4);
      const { head } = await sealAuditEvents({ uow, chain })('org-cut');
      await asAttacker('audit_seals', () =>
        database.db.execute(sql`delete from audit_seals where organisation_id = 'org-cut' and position > 2`),
      );
      const verified = await verifyAuditChain({ uow, chain })('org-cut', head);
      expect(!verified.ok && verified.error).toEqual({
        code: 'AUDIT_ANCHOR_BEYOND_HEAD',
        details: { position: 4, seq: null, headPosition: 2 },
      });
    });
  });

  describe('recording the head', () => {
    it('appends one anchor line per recorded head and announces it once a day to the admin channel', async () => {
      await database.db.insert(schema.channelBindings).values({
        organisationId: 'org-anchored',
        id: 'binding-admin',
        address: 'console:#outlay-admin',
        clientId: null,
        audience: 'admin',
      });
      await appendConcurrently('org-anchored', 3);
      const { head } = await sealAuditEvents({ uow, chain })('org-anchored');
      const record = recordAuditHead({
        uow,
        chain,
        anchors: createFileAuditAnchorSink(dataDir),
        outbox: createDrizzleOutbox(countingIds()),
        clock,
      });

      const first = await record('org-anchored');
      expect(first).toEqual({ head: { ...head, at: NOW }, announced: true });
      const second = await record('org-anchored');
      expect(second.announced).toBe(false);

      const file = await readFile(join(dataDir, 'audit-anchors', 'org-anchored.log'), 'utf8');
      const expectedLine = `2026-03-02T09:00:00.000Z org-anchored 3:${head.hash}`;
      expect(file).toBe(`${expectedLine}\n${expectedLine}\n`);

      const messages = await rows(
        sql`select dedupe_key, address, kind, payload, status from outbox where organisation_id = 'org-anchored'`,
      );
      expect(messages).toEqual([
        {
          dedupe_key: 'audit-head:org-anchored:2026-03-02',
          address: 'console:#outlay-admin',
          kind: 'audit-head',
          payload: { position: 3, hash: head.hash, at: '2026-03-02T09:00:00.000Z' },
          status: 'pending',
        },
      ]);
    });

    it('writes only the file when no admin channel is bound, and nothing before anything is sealed', async () => {
      const record = recordAuditHead({
        uow,
        chain,
        anchors: createFileAuditAnchorSink(dataDir),
        outbox: createDrizzleOutbox(countingIds()),
        clock,
      });
      expect(await record('org-unsealed')).toEqual({ head: null, announced: false });
      await expect(readFile(join(dataDir, 'audit-anchors', 'org-unsealed.log'), 'utf8')).rejects.toThrow(
        /ENOENT/,
      );

      await appendEvent('org-unbound', 1);
      const { head } = await sealAuditEvents({ uow, chain })('org-unbound');
      expect(await record('org-unbound')).toEqual({ head: { ...head, at: NOW }, announced: false });
      expect(await readFile(join(dataDir, 'audit-anchors', 'org-unbound.log'), 'utf8')).toBe(
        `2026-03-02T09:00:00.000Z org-unbound 1:${head.hash}\n`,
      );
      expect(await rows(sql`select 1 from outbox where organisation_id = 'org-unbound'`)).toEqual([]);
    });

    it('keeps an organisation id from escaping the anchor directory', () => {
      expect(anchorFileName('../etc/passwd')).toBe('%2E.%2Fetc%2Fpasswd.log');
      expect(anchorFileName('default')).toBe('default.log');
    });
  });
});
