// `link` / `link <code>` and first contact, with a frozen clock: codes expire after ten minutes and work once.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeLink } from '../../../src/domain/admin/complete-link.js';
import { ensureMember } from '../../../src/domain/admin/ensure-member.js';
import { startLink } from '../../../src/domain/admin/start-link.js';
import * as schema from '../../../src/storage/schema/index.js';
import { ORG } from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';
import { type AdminWorld, createAdminWorld, expectNothingWritten } from './admin-world.js';

const WECOM_ALICE = 'wecom:corp1:alice.w';

describe.each(testEngines())('identity linking on %s', (engine) => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await createAdminWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  async function issueCode(): Promise<string> {
    const started = await startLink(world.admin)(await world.ctx('alice'));
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    return started.value.code;
  }
  const link = (code: string, identity = WECOM_ALICE) =>
    completeLink(world.admin)({ organisationId: ORG, identity, platform: 'wecom', code });
  const identitiesOf = async (memberId: string) =>
    (
      await world.database.db
        .select({ identity: schema.memberIdentities.identity })
        .from(schema.memberIdentities)
        .where(eq(schema.memberIdentities.memberId, memberId))
    )
      .map((r) => r.identity)
      .sort();

  it('link issues a six-character code valid for ten minutes, stored for the asker and audited without the code', async () => {
    const started = await startLink(world.admin)(await world.ctx('alice'));
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    expect(started.value.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{6}$/);
    expect(started.value.expiresAt).toBe('2026-03-10T04:10:00Z');
    const rows = await world.database.db.select().from(schema.linkCodes);
    expect(rows).toMatchObject([
      {
        code: started.value.code,
        memberId: 'alice',
        expiresAt: new Date('2026-03-10T04:10:00Z'),
        usedAt: null,
      },
    ]);
    const audit = await world.audit();
    expect(audit).toMatchObject([
      { action: 'identity.link-started', entityType: 'member', entityId: 'alice', actorId: 'alice' },
    ]);
    expect(JSON.stringify(audit)).not.toContain(started.value.code);
  });

  it('link <code> from an unknown identity attaches it to the member who asked, once', async () => {
    const code = await issueCode();
    world.clock.advance(9 * 60_000);
    const linked = await link(code.toLowerCase().replace(/^(...)/, '$1-'));
    expect(linked).toMatchObject({ ok: true, value: { memberId: 'alice', identity: WECOM_ALICE } });
    expect(await identitiesOf('alice')).toEqual(['console:alice', WECOM_ALICE]);
    const [row] = await world.database.db.select().from(schema.linkCodes);
    expect(row?.usedAt).toEqual(new Date('2026-03-10T04:09:00Z'));
    const audit = await world.audit();
    expect(audit.at(-1)).toMatchObject({
      action: 'identity.linked',
      entityId: 'alice',
      actorId: 'alice',
      platform: 'wecom',
      after: { identity: WECOM_ALICE, platform: 'wecom' },
    });
    expect((await world.outbox()).map((m) => [m.kind, m.address])).toEqual([
      ['identity-linked', 'member:alice'],
    ]);
    // The new identity now acts as Alice.
    const actor = await world.admin.uow.run((tx) => world.admin.directory.actorForIdentity(tx, WECOM_ALICE));
    expect(actor?.actor.memberId).toBe('alice');

    const reused = await expectNothingWritten(world, () => link(code, 'teams:someone-else'));
    expect(reused).toMatchObject({ ok: false, error: { code: 'LINK_CODE_USED' } });
  });

  it('an expired code is refused and nothing is linked', async () => {
    const code = await issueCode();
    world.clock.advance(10 * 60_000);
    const result = await expectNothingWritten(world, () => link(code));
    expect(result).toMatchObject({ ok: false, error: { code: 'LINK_CODE_EXPIRED' } });
    expect(await identitiesOf('alice')).toEqual(['console:alice']);
  });

  it.each([
    ['a code never issued', 'ZZZZZZ'],
    ['text that cannot be a code', 'hello'],
  ])('%s is refused as invalid', async (_case, code) => {
    await issueCode();
    const result = await expectNothingWritten(world, () => link(code));
    expect(result).toMatchObject({ ok: false, error: { code: 'LINK_CODE_INVALID' } });
  });

  it('an identity already known is never moved to another member by a code', async () => {
    const code = await issueCode();
    const result = await expectNothingWritten(world, () => link(code, 'console:bob'));
    expect(result).toMatchObject({ ok: false, error: { code: 'IDENTITY_ALREADY_LINKED' } });
    expect(await identitiesOf('bob')).toEqual(['console:bob']);
  });

  it('first contact makes a new member with role member, audited without the name; later contacts find them', async () => {
    const first = await ensureMember(world.admin)({
      organisationId: ORG,
      identity: 'slack:T1:UNEW',
      displayName: '  Nora  ',
      platform: 'slack',
    });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    expect(first.value).toMatchObject({ created: true, active: true });
    const { memberId } = first.value;
    const [member] = await world.database.db
      .select()
      .from(schema.members)
      .where(eq(schema.members.id, memberId));
    expect(member).toMatchObject({ organisationId: ORG, displayName: 'Nora', active: true });
    expect(await identitiesOf(memberId)).toEqual(['slack:T1:UNEW']);
    const audit = await world.audit();
    expect(audit).toMatchObject([
      {
        action: 'member.added',
        entityId: memberId,
        actorId: memberId,
        platform: 'slack',
        after: { identity: 'slack:T1:UNEW', roles: ['member'] },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('Nora');
    const actor = await world.admin.uow.run((tx) => world.admin.directory.actorForMember(tx, ORG, memberId));
    expect(actor ? [...actor.roles] : undefined).toEqual([]);

    const again = await expectNothingWritten(world, () =>
      ensureMember(world.admin)({
        organisationId: ORG,
        identity: 'slack:T1:UNEW',
        displayName: 'N',
        platform: 'slack',
      }),
    );
    expect(again).toMatchObject({ ok: true, value: { memberId, created: false } });
  });

  it('first contact refuses an identity that is not one', async () => {
    const result = await expectNothingWritten(world, () =>
      ensureMember(world.admin)({
        organisationId: ORG,
        identity: 'fax:123',
        displayName: 'X',
        platform: 'console',
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_IDENTITY' } });
  });
});
