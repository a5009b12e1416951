// `client add` and `project add`: rows, audit events, and refusals that leave every table as it was.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addClient } from '../../../src/domain/admin/add-client.js';
import { addProject } from '../../../src/domain/admin/add-project.js';
import * as schema from '../../../src/storage/schema/index.js';
import { ORG } from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';
import { type AdminWorld, createAdminWorld, expectNothingWritten } from './admin-world.js';

const initech = { code: 'initech', name: 'Initech Ltd', currency: 'eur', timeZone: 'europe/berlin' };

describe.each(testEngines())('client and project set-up on %s', (engine) => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await createAdminWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  it('client add stores the client with canonical currency and zone, and audits client.added', async () => {
    const result = await addClient(world.admin)(await world.ctx('adam', { requestId: 'r-1' }), {
      ...initech,
      locale: 'zh-CN',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value).toMatchObject({
      replayed: false,
      client: {
        code: 'initech',
        currency: 'EUR',
        timeZone: 'Europe/Berlin',
        locale: 'zh-CN',
        status: 'active',
      },
    });
    const [row] = await world.database.db
      .select()
      .from(schema.clients)
      .where(and(eq(schema.clients.organisationId, ORG), eq(schema.clients.code, 'initech')));
    expect(row).toMatchObject({
      id: result.value.client.id,
      name: 'Initech Ltd',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      locale: 'zh-CN',
    });
    const audit = await world.audit();
    expect(audit).toMatchObject([
      {
        action: 'client.added',
        entityType: 'client',
        entityId: result.value.client.id,
        actorId: 'adam',
        requestId: 'r-1',
        after: { code: 'initech', currency: 'EUR' },
      },
    ]);
  });

  it("without a locale the organisation's default applies", async () => {
    const result = await addClient(world.admin)(await world.ctx('adam'), initech);
    expect(result.ok && result.value.client.locale).toBe('en');
  });

  it('a repeated request (same idempotency key) answers the first result and adds nothing', async () => {
    const ctx = await world.ctx('adam', { idempotencyKey: 'k-client-1' });
    const first = await addClient(world.admin)(ctx, initech);
    const second = await addClient(world.admin)(ctx, initech);
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(second.value).toMatchObject({ replayed: true, client: { id: first.value.client.id } });
    expect(await world.count('audit_events')).toBe(1);
    const rows = await world.database.db.select().from(schema.clients);
    expect(rows.map((r) => r.code).sort()).toEqual(['acme', 'globex', 'initech']);
  });

  it.each([
    ['a taken code', { code: 'ACME' }, 'CLIENT_CODE_TAKEN'],
    ['a one-letter code', { code: 'a' }, 'CLIENT_CODE_INVALID'],
    ['a code with a space', { code: 'big co' }, 'CLIENT_CODE_INVALID'],
    ['an unknown currency', { currency: 'XYZ' }, 'CURRENCY_UNKNOWN'],
    ['a made-up zone', { timeZone: 'Mars/Olympus' }, 'TIMEZONE_INVALID'],
    ['an offset instead of a zone', { timeZone: '+08:00' }, 'TIMEZONE_INVALID'],
    ['an empty name', { name: '   ' }, 'NAME_INVALID'],
  ])('client add with %s is refused and writes nothing', async (_case, change, code) => {
    const ctx = await world.ctx('adam');
    const result = await expectNothingWritten(world, () =>
      addClient(world.admin)(ctx, { ...initech, ...change }),
    );
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('refuses a currency the organisation-wide amounts cannot be written in', async () => {
    await world.database.db
      .insert(schema.policies)
      .values({ organisationId: ORG, scope: 'org', settings: { receiptThreshold: '100.50' } });
    const ctx = await world.ctx('adam');
    const result = await expectNothingWritten(world, () =>
      addClient(world.admin)(ctx, { ...initech, currency: 'JPY', timeZone: 'Asia/Tokyo' }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'POLICY_AMOUNT_UNFIT', details: { amount: '100.50', currency: 'JPY' } },
    });
  });

  it('project add stores the project under its client with its dates, and audits project.added', async () => {
    const result = await addProject(world.admin)(await world.ctx('adam'), {
      clientCode: '@Acme',
      projectCode: 'website',
      name: 'New website',
      start: { kind: 'absolute', date: '2026-03-01' },
      end: { kind: 'absolute', date: '2026-06-30' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const rows = await world.database.db.select().from(schema.projects);
    expect(rows).toMatchObject([
      {
        id: result.value.project.id,
        clientId: 'c-acme',
        code: 'website',
        name: 'New website',
        startOn: '2026-03-01',
        endOn: '2026-06-30',
      },
    ]);
    expect(await world.audit()).toMatchObject([
      { action: 'project.added', entityType: 'project', entityId: result.value.project.id, actorId: 'adam' },
    ]);
  });

  it("a project end written without a year is the next such day in the client's calendar", async () => {
    const result = await addProject(world.admin)(await world.ctx('adam'), {
      clientCode: 'acme',
      projectCode: 'audit',
      name: 'Audit',
      end: { kind: 'month-day', month: 1, day: 31 },
    });
    expect(result.ok && result.value.project.endOn).toBe('2027-01-31');
  });

  it.each([
    [
      'an end before the start',
      {
        start: { kind: 'absolute', date: '2026-04-01' },
        end: { kind: 'absolute', date: '2026-03-31' },
      },
      'PROJECT_ENDS_BEFORE_START',
    ],
    ['an unknown client', { clientCode: 'nobody' }, 'CLIENT_UNKNOWN'],
    ['an invalid code', { projectCode: 'Web Site' }, 'PROJECT_CODE_INVALID'],
  ] as const)('project add with %s is refused and writes nothing', async (_case, change, code) => {
    const ctx = await world.ctx('adam');
    const result = await expectNothingWritten(world, () =>
      addProject(world.admin)(ctx, { clientCode: 'acme', projectCode: 'website', name: 'Web', ...change }),
    );
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('a project code is unique per client', async () => {
    const ctx = await world.ctx('adam');
    const input = { clientCode: 'acme', projectCode: 'website', name: 'Web' };
    expect((await addProject(world.admin)(ctx, input)).ok).toBe(true);
    const again = await expectNothingWritten(world, () => addProject(world.admin)(ctx, input));
    expect(again).toMatchObject({ ok: false, error: { code: 'PROJECT_CODE_TAKEN' } });
    // Another client may use the same project code.
    expect((await addProject(world.admin)(ctx, { ...input, clientCode: 'globex' })).ok).toBe(true);
  });
});
