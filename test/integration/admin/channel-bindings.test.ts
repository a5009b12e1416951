// `client channel` and `admin channel`: the conversation the command came from is bound, re-binding updates it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindAdminChannel } from '../../../src/domain/admin/bind-admin-channel.js';
import { bindClientChannel } from '../../../src/domain/admin/bind-client-channel.js';
import * as schema from '../../../src/storage/schema/index.js';
import { testEngines } from '../../support/test-databases.js';
import { type AdminWorld, createAdminWorld, expectNothingWritten } from './admin-world.js';

const GROUP = 'wecom:corp1:chat:acme-client';

describe.each(testEngines())('channel bindings on %s', (engine) => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await createAdminWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  const bindings = () =>
    world.database.db.select().from(schema.channelBindings).orderBy(schema.channelBindings.id);

  it('binds a group robot with its audience, schedule, budget opt-in and webhook at its own address; audits binding.added', async () => {
    const ctx = await world.ctx('adam', { sourceAddress: GROUP });
    const result = await bindClientChannel(world.admin)(ctx, {
      clientCode: 'acme',
      audience: 'client',
      schedule: { kind: 'cron', expression: '0  9 * * MON-FRI' },
      budgetWarnings: true,
      webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET-KEY',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value.outcome).toBe('added');
    // The app cannot read or post in a robot's group: the binding is the robot's, not the conversation typed in.
    const row = (await bindings()).find((b) => b.webhookUrl !== null);
    expect(row?.address).toBe(`wecom-robot:${row?.id}`);
    expect(row).toMatchObject({
      clientId: 'c-acme',
      audience: 'client',
      reportSchedule: '0 9 * * MON-FRI',
      budgetWarnings: true,
      webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET-KEY',
    });
    const audit = await world.audit();
    expect(audit).toMatchObject([
      { action: 'binding.added', entityType: 'channel-binding', entityId: row?.id, actorId: 'adam' },
    ]);
    // The robot's key is a credential: the append-only log keeps where the webhook points, not the key.
    expect(JSON.stringify(audit[0]?.after)).not.toContain('SECRET-KEY');
  });

  it('binding the same conversation to the same client again updates it, audited with before and after', async () => {
    const ctx = await world.ctx('adam', { sourceAddress: 'console:#acme-team' });
    const result = await bindClientChannel(world.admin)(ctx, {
      clientCode: 'acme',
      audience: 'internal',
      schedule: { kind: 'weekly' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value).toMatchObject({ outcome: 'updated', binding: { id: 'b-acme-internal' } });
    expect(await bindings()).toMatchObject([
      {
        id: 'b-acme-internal',
        address: 'console:#acme-team',
        reportSchedule: 'weekly',
        audience: 'internal',
      },
    ]);
    expect(await world.audit()).toMatchObject([
      {
        action: 'binding.updated',
        entityId: 'b-acme-internal',
        before: { reportSchedule: null },
        after: { reportSchedule: 'weekly' },
      },
    ]);

    const again = await bindClientChannel(world.admin)(ctx, {
      clientCode: 'acme',
      audience: 'internal',
      schedule: { kind: 'weekly' },
    });
    expect(again.ok && again.value.outcome).toBe('unchanged');
    expect(await world.count('audit_events')).toBe(1);
  });

  it.each([
    ['a cron with four fields', { schedule: { kind: 'cron', expression: '0 9 * *' } }, 'SCHEDULE_INVALID'],
    ['a cron hour of 24', { schedule: { kind: 'cron', expression: '0 24 * * *' } }, 'SCHEDULE_INVALID'],
    ['a webhook that is not a URL', { webhookUrl: 'not a url' }, 'WEBHOOK_INVALID'],
    [
      'a webhook on another host',
      { webhookUrl: 'https://evil.example/cgi-bin/webhook/send?key=K' },
      'WEBHOOK_INVALID',
    ],
    [
      'a webhook over plain http',
      { webhookUrl: 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K' },
      'WEBHOOK_INVALID',
    ],
    [
      'a webhook without its key',
      { webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' },
      'WEBHOOK_INVALID',
    ],
    [
      'a WeCom URL that is not a robot webhook',
      { webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/message/send?key=K' },
      'WEBHOOK_INVALID',
    ],
    ['an unknown client', { clientCode: 'nobody' }, 'CLIENT_UNKNOWN'],
  ] as const)('refuses %s and writes nothing', async (_case, change, code) => {
    const ctx = await world.ctx('adam', { sourceAddress: GROUP });
    const result = await expectNothingWritten(world, () =>
      bindClientChannel(world.admin)(ctx, { clientCode: 'acme', audience: 'client', ...change }),
    );
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('binding the same robot again updates its binding; a robot serving one client cannot be given to another', async () => {
    const hook = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=ROBOT-1';
    const fromAdmin = await world.ctx('adam', { sourceAddress: 'console:#admin-desk' });
    const first = await bindClientChannel(world.admin)(fromAdmin, {
      clientCode: 'acme',
      audience: 'client',
      webhookUrl: hook,
    });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    // Typed elsewhere the second time: the robot, not the conversation, says which binding it is.
    const elsewhere = await world.ctx('adam', { sourceAddress: 'console:#somewhere-else' });
    const second = await bindClientChannel(world.admin)(elsewhere, {
      clientCode: 'acme',
      audience: 'client',
      schedule: { kind: 'monthly' },
      webhookUrl: hook,
    });
    expect(second).toMatchObject({
      ok: true,
      value: { outcome: 'updated', binding: { id: first.value.binding.id, reportSchedule: 'monthly' } },
    });
    const refused = await expectNothingWritten(world, () =>
      bindClientChannel(world.admin)(elsewhere, {
        clientCode: 'globex',
        audience: 'internal',
        webhookUrl: hook,
      }),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CHANNEL_BOUND_TO_OTHER_CLIENT', details: { client: 'acme' } },
    });
  });

  it('accepts a robot webhook on the configured WECOM_API_BASE (a proxy, a test fake)', async () => {
    const ctx = await world.ctx('adam', { sourceAddress: 'console:#admin-desk' });
    const hook = 'http://127.0.0.1:4010/cgi-bin/webhook/send?key=robot-key';
    const refused = await bindClientChannel(world.admin)(ctx, {
      clientCode: 'acme',
      audience: 'client',
      webhookUrl: hook,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'WEBHOOK_INVALID' } });
    const accepted = await bindClientChannel({
      ...world.admin,
      robotWebhookOrigins: ['https://qyapi.weixin.qq.com', 'http://127.0.0.1:4010'],
    })(ctx, { clientCode: 'acme', audience: 'client', webhookUrl: hook });
    expect(accepted).toMatchObject({ ok: true, value: { outcome: 'added' } });
  });

  it("a client-facing conversation serves one client: binding it to another client's conversation is refused", async () => {
    // console:#acme-team is acme's internal channel; globex's contacts must never read it.
    const ctx = await world.ctx('adam', { sourceAddress: 'console:#acme-team' });
    const result = await expectNothingWritten(world, () =>
      bindClientChannel(world.admin)(ctx, { clientCode: 'globex', audience: 'client' }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CHANNEL_BOUND_TO_OTHER_CLIENT', details: { client: 'acme' } },
    });
    // An internal team channel may follow several clients.
    const internal = await bindClientChannel(world.admin)(ctx, {
      clientCode: 'globex',
      audience: 'internal',
    });
    expect(internal.ok && internal.value.outcome).toBe('added');
  });

  it('refuses without a conversation to bind', async () => {
    const ctx = await world.ctx('adam');
    const result = await expectNothingWritten(world, () =>
      bindClientChannel(world.admin)(ctx, { clientCode: 'acme', audience: 'internal' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'CHANNEL_ADDRESS_MISSING' } });
  });

  it('admin channel binds the conversation once, moves it when typed elsewhere, and is never client-facing', async () => {
    const here = await world.ctx('adam', { sourceAddress: 'console:#ops' });
    const first = await bindAdminChannel(world.admin)(here);
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    expect(first.value.outcome).toBe('added');
    expect((await bindAdminChannel(world.admin)(here)).ok).toBe(true);

    const elsewhere = await world.ctx('adam', { sourceAddress: 'console:#ops-2' });
    const moved = await bindAdminChannel(world.admin)(elsewhere);
    expect(moved.ok && moved.value).toMatchObject({
      outcome: 'updated',
      binding: { id: first.value.binding.id },
    });
    const admin = (await bindings()).filter((b) => b.audience === 'admin');
    expect(admin).toMatchObject([{ address: 'console:#ops-2', clientId: null }]);
    expect((await world.audit()).map((e) => [e.action, e.before === null ? null : 'before'])).toEqual([
      ['binding.added', null],
      ['binding.updated', 'before'],
    ]);

    await bindClientChannel(world.admin)(await world.ctx('adam', { sourceAddress: GROUP }), {
      clientCode: 'acme',
      audience: 'client',
    });
    const clientGroup = await world.ctx('adam', { sourceAddress: GROUP });
    const refused = await expectNothingWritten(world, () => bindAdminChannel(world.admin)(clientGroup));
    expect(refused).toMatchObject({ ok: false, error: { code: 'CHANNEL_CLIENT_FACING' } });
    const opsCtx = await world.ctx('adam', { sourceAddress: 'console:#ops-2' });
    const clientHere = await expectNothingWritten(world, () =>
      bindClientChannel(world.admin)(opsCtx, { clientCode: 'acme', audience: 'client' }),
    );
    expect(clientHere).toMatchObject({ ok: false, error: { code: 'CHANNEL_IS_ADMIN_CHANNEL' } });
  });
});
