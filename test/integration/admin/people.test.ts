// Approver lists, roles and delegation: rows, one audit event per change, refusals that write nothing.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { delegate } from '../../../src/domain/admin/delegate.js';
import { grantRole } from '../../../src/domain/admin/grant-role.js';
import { setApprovers } from '../../../src/domain/admin/set-approvers.js';
import * as schema from '../../../src/storage/schema/index.js';
import { ORG } from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';
import { type AdminWorld, createAdminWorld, expectNothingWritten } from './admin-world.js';

describe.each(testEngines())('people on %s', (engine) => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await createAdminWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  const deactivate = (memberId: string) =>
    world.database.db
      .update(schema.members)
      .set({ active: false })
      .where(and(eq(schema.members.organisationId, ORG), eq(schema.members.id, memberId)));
  const rolesOf = async (memberId: string) =>
    (
      await world.database.db
        .select({ role: schema.memberRoles.role })
        .from(schema.memberRoles)
        .where(eq(schema.memberRoles.memberId, memberId))
    )
      .map((r) => r.role)
      .sort();

  describe('approvers', () => {
    it("replaces one stage's list, in the order given, resolving mentions to members", async () => {
      const result = await setApprovers(world.admin)(await world.ctx('adam'), {
        clientCode: 'acme',
        stage: 1,
        members: [{ identity: 'console:erin' }, { memberId: 'bob' }, { identity: 'console:erin' }],
      });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      expect(result.value).toMatchObject({ before: ['bob'], after: ['erin', 'bob'], changed: true });
      const lists = await world.admin.uow.run((tx) => world.admin.directory.approverLists(tx, ORG, 'c-acme'));
      expect(Object.fromEntries(lists)).toEqual({ 1: ['erin', 'bob'], 2: ['carol'], 3: ['dave'] });
      expect(await world.audit()).toMatchObject([
        {
          action: 'approvers.set',
          entityType: 'client',
          entityId: 'c-acme',
          before: { stage: 1, memberIds: ['bob'] },
          after: { stage: 1, memberIds: ['erin', 'bob'] },
        },
      ]);
      // Erin can now decide stage 1 of acme: the actor the directory builds says so.
      const erin = await world.ctx('erin');
      expect(erin.actor.approverOf).toEqual([{ clientId: 'c-acme', stage: 1 }]);
    });

    it.each([
      ['an unknown member', [{ identity: 'slack:T1:UNOBODY' }], 1, 'MEMBER_UNKNOWN'],
      ['an unknown member id', [{ memberId: 'zed' }], 1, 'MEMBER_UNKNOWN'],
      ['stage 4', [{ memberId: 'bob' }], 4, 'STAGE_INVALID'],
      ['no members', [], 1, 'MEMBER_MISSING'],
    ] as const)('refuses %s and writes nothing', async (_case, members, stage, code) => {
      const ctx = await world.ctx('adam');
      const result = await expectNothingWritten(world, () =>
        setApprovers(world.admin)(ctx, { clientCode: 'acme', stage, members }),
      );
      expect(result).toMatchObject({ ok: false, error: { code } });
    });

    it('refuses a member who is no longer active', async () => {
      await deactivate('erin');
      const ctx = await world.ctx('adam');
      const result = await expectNothingWritten(world, () =>
        setApprovers(world.admin)(ctx, {
          clientCode: 'acme',
          stage: 2,
          members: [{ identity: 'console:erin' }],
        }),
      );
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'MEMBER_INACTIVE', details: { memberId: 'erin' } },
      });
    });
  });

  describe('roles', () => {
    it('grants finance and audits role.granted with the roles before and after', async () => {
      const result = await grantRole(world.admin)(await world.ctx('adam'), {
        member: { identity: 'console:alice' },
        role: 'finance',
      });
      expect(result).toMatchObject({
        ok: true,
        value: { memberId: 'alice', before: [], after: ['finance'] },
      });
      expect(await rolesOf('alice')).toEqual(['finance']);
      const [grant] = await world.database.db
        .select()
        .from(schema.memberRoles)
        .where(eq(schema.memberRoles.memberId, 'alice'));
      expect(grant?.grantedBy).toBe('adam');
      expect(await world.audit()).toMatchObject([
        {
          action: 'role.granted',
          entityType: 'member',
          entityId: 'alice',
          actorId: 'adam',
          before: { roles: [] },
          after: { roles: ['finance'], granted: 'finance' },
        },
      ]);
      // Granting what is held changes nothing and records nothing.
      const again = await grantRole(world.admin)(await world.ctx('adam'), {
        member: { memberId: 'alice' },
        role: 'finance',
      });
      expect(again).toMatchObject({ ok: true, value: { changed: false } });
      expect(await world.count('audit_events')).toBe(1);
    });

    it('`member` takes admin and finance away', async () => {
      const adam = await world.ctx('adam');
      await grantRole(world.admin)(adam, { member: { memberId: 'fay' }, role: 'admin' });
      const result = await grantRole(world.admin)(adam, { member: { memberId: 'fay' }, role: 'member' });
      expect(result).toMatchObject({
        ok: true,
        value: { before: ['admin', 'finance'], after: [], changed: true },
      });
      expect(await rolesOf('fay')).toEqual([]);
      expect((await world.audit()).map((e) => e.action)).toEqual(['role.granted', 'role.revoked']);
    });

    it('the last admin cannot be removed (LAST_ADMIN); with a second admin it can', async () => {
      const adam = await world.ctx('adam');
      const refused = await expectNothingWritten(world, () =>
        grantRole(world.admin)(adam, { member: { memberId: 'adam' }, role: 'member' }),
      );
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'LAST_ADMIN', details: { memberId: 'adam' } },
      });
      expect(await rolesOf('adam')).toEqual(['admin']);

      await grantRole(world.admin)(adam, { member: { memberId: 'carol' }, role: 'admin' });
      const stepDown = await grantRole(world.admin)(adam, { member: { memberId: 'adam' }, role: 'member' });
      expect(stepDown.ok).toBe(true);
      expect(await rolesOf('adam')).toEqual([]);
    });

    it('two admins demoting each other at once: one wins, the other is told LAST_ADMIN', async () => {
      const adam = await world.ctx('adam');
      await grantRole(world.admin)(adam, { member: { memberId: 'carol' }, role: 'admin' });
      const carol = await world.ctx('carol');
      const results = await Promise.all([
        grantRole(world.admin)(adam, { member: { memberId: 'carol' }, role: 'member' }),
        grantRole(world.admin)(carol, { member: { memberId: 'adam' }, role: 'member' }),
      ]);
      expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['LAST_ADMIN', 'ok']);
      const admins = await world.admin.uow.run((tx) =>
        world.admin.directory.membersWithRole(tx, ORG, 'admin'),
      );
      expect(admins).toHaveLength(1);
    });

    it('an inactive admin does not count towards keeping one', async () => {
      const adam = await world.ctx('adam');
      await grantRole(world.admin)(adam, { member: { memberId: 'carol' }, role: 'admin' });
      await deactivate('carol');
      const refused = await expectNothingWritten(world, () =>
        grantRole(world.admin)(adam, { member: { memberId: 'adam' }, role: 'member' }),
      );
      expect(refused).toMatchObject({ ok: false, error: { code: 'LAST_ADMIN' } });
    });

    it('refuses an unknown member and writes nothing', async () => {
      const adam = await world.ctx('adam');
      const result = await expectNothingWritten(world, () =>
        grantRole(world.admin)(adam, { member: { identity: 'teams:nobody' }, role: 'admin' }),
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'MEMBER_UNKNOWN' } });
    });
  });

  describe('delegation', () => {
    it('records "until" inclusive, audits delegation.added and tells the delegate', async () => {
      const result = await delegate(world.admin)(await world.ctx('bob'), {
        member: { identity: 'console:erin' },
        until: { kind: 'absolute', date: '2026-03-20' },
      });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      expect(result.value).toMatchObject({ fromMemberId: 'bob', toMemberId: 'erin', until: '2026-03-20' });
      const rows = await world.database.db.select().from(schema.delegations);
      expect(rows).toMatchObject([
        { id: result.value.delegationId, fromMemberId: 'bob', toMemberId: 'erin', until: '2026-03-20' },
      ]);
      expect(await world.audit()).toMatchObject([
        {
          action: 'delegation.added',
          entityType: 'delegation',
          entityId: result.value.delegationId,
          actorId: 'bob',
        },
      ]);
      expect((await world.outbox()).map((m) => [m.kind, m.address])).toEqual([
        ['delegation-notice', 'member:erin'],
      ]);
      const delegations = await world.admin.uow.run((tx) => world.admin.directory.delegations(tx, ORG));
      expect(delegations).toEqual([{ fromMemberId: 'bob', toMemberId: 'erin', until: '2026-03-20' }]);
    });

    it('a day without a year looks ahead', async () => {
      // Today is 2026-03-10: "until 3/2" means next year's, not eight days ago.
      const result = await delegate(world.admin)(await world.ctx('bob'), {
        member: { memberId: 'erin' },
        until: { kind: 'month-day', month: 3, day: 2 },
      });
      expect(result.ok && result.value.until).toBe('2027-03-02');
    });

    it.each([
      ['to oneself', { memberId: 'bob' }, { kind: 'absolute', date: '2026-03-20' }, 'DELEGATE_TO_SELF'],
      [
        'ending in the past',
        { memberId: 'erin' },
        { kind: 'absolute', date: '2026-03-09' },
        'DELEGATION_IN_PAST',
      ],
      ['ending yesterday', { memberId: 'erin' }, { kind: 'relative', daysAgo: 1 }, 'DELEGATION_IN_PAST'],
      [
        'to an unknown member',
        { identity: 'slack:T1:UGHOST' },
        { kind: 'absolute', date: '2026-03-20' },
        'MEMBER_UNKNOWN',
      ],
    ] as const)('refuses a delegation %s and writes nothing', async (_case, member, until, code) => {
      const bob = await world.ctx('bob');
      const result = await expectNothingWritten(world, () => delegate(world.admin)(bob, { member, until }));
      expect(result).toMatchObject({ ok: false, error: { code } });
    });

    it('refuses an inactive delegate', async () => {
      await deactivate('erin');
      const bob = await world.ctx('bob');
      const result = await expectNothingWritten(world, () =>
        delegate(world.admin)(bob, {
          member: { memberId: 'erin' },
          until: { kind: 'absolute', date: '2026-03-20' },
        }),
      );
      expect(result).toMatchObject({ ok: false, error: { code: 'MEMBER_INACTIVE' } });
    });
  });
});
