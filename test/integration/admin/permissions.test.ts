// Who may configure what (docs/product-rules.md §1 row 5): everyone else is refused FORBIDDEN, told who can, and
// nothing is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addClient } from '../../../src/domain/admin/add-client.js';
import { addProject } from '../../../src/domain/admin/add-project.js';
import type { AdminDeps } from '../../../src/domain/admin/admin-deps.js';
import { bindAdminChannel } from '../../../src/domain/admin/bind-admin-channel.js';
import { bindClientChannel } from '../../../src/domain/admin/bind-client-channel.js';
import { delegate } from '../../../src/domain/admin/delegate.js';
import { grantRole } from '../../../src/domain/admin/grant-role.js';
import { setApprovers } from '../../../src/domain/admin/set-approvers.js';
import { setBudget } from '../../../src/domain/admin/set-budget.js';
import { setPolicy } from '../../../src/domain/admin/set-policy.js';
import { setRate } from '../../../src/domain/admin/set-rate.js';
import type { RequestContext } from '../../../src/domain/shared/request-context.js';
import { amountOf, type Person } from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';
import { type AdminWorld, createAdminWorld, expectNothingWritten } from './admin-world.js';

type Attempt = (deps: AdminDeps, ctx: RequestContext) => Promise<unknown>;

const ATTEMPTS: readonly (readonly [string, Attempt, string, string])[] = [
  [
    'client add',
    (d, c) =>
      addClient(d)(c, { code: 'initech', name: 'Initech', currency: 'EUR', timeZone: 'Europe/Berlin' }),
    'manage-clients',
    'admin',
  ],
  [
    'project add',
    (d, c) => addProject(d)(c, { clientCode: 'acme', projectCode: 'web', name: 'Web' }),
    'manage-projects',
    'admin',
  ],
  [
    'client channel',
    (d, c) =>
      bindClientChannel(d)(
        { ...c, sourceAddress: 'console:#x' },
        { clientCode: 'acme', audience: 'internal' },
      ),
    'manage-bindings',
    'admin',
  ],
  [
    'admin channel',
    (d, c) => bindAdminChannel(d)({ ...c, sourceAddress: 'console:#x' }),
    'manage-bindings',
    'admin',
  ],
  [
    'approvers',
    (d, c) => setApprovers(d)(c, { clientCode: 'acme', stage: 1, members: [{ memberId: 'erin' }] }),
    'manage-approvers',
    'admin',
  ],
  [
    'role',
    (d, c) => grantRole(d)(c, { member: { memberId: 'erin' }, role: 'admin' }),
    'manage-roles',
    'admin',
  ],
  ['policy set', (d, c) => setPolicy(d)(c, { patch: { reminderHours: 8 } }), 'manage-policy', 'admin'],
  [
    'budget set',
    (d, c) => setBudget(d)(c, { clientCode: 'acme', amount: amountOf('100'), period: 'monthly' }),
    'manage-budgets',
    'finance, admin',
  ],
  [
    'rate',
    (d, c) => setRate(d)(c, { from: 'EUR', to: 'CNY', rate: '7.8' }),
    'manage-rates',
    'finance, admin',
  ],
  [
    'delegate',
    (d, c) =>
      delegate(d)(c, { member: { memberId: 'erin' }, until: { kind: 'absolute', date: '2026-03-20' } }),
    'delegate',
    'approver, finance, admin',
  ],
];

describe.each(testEngines())('permissions of the admin commands on %s', (engine) => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await createAdminWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  it.each(ATTEMPTS)(
    'a member is refused %s, told who can, and nothing is written',
    async (_name, attempt, action, who) => {
      const alice = await world.ctx('alice');
      const result = await expectNothingWritten(world, () => attempt(world.admin, alice));
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', details: { action, allowedRoles: who, rule: 'role' } },
      });
    },
  );

  const ADMIN_ONLY = ATTEMPTS.filter(([, , , who]) => who === 'admin');

  it.each(ADMIN_ONLY)('finance is refused %s too', async (_name, attempt) => {
    const fay = await world.ctx('fay');
    const result = await expectNothingWritten(world, () => attempt(world.admin, fay));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { allowedRoles: 'admin' } },
    });
  });

  it.each([
    ['fay', 'budget set'],
    ['fay', 'rate'],
    ['adam', 'budget set'],
    ['bob', 'delegate'],
  ] as const)('%s may %s', async (person: Person, name) => {
    const attempt = ATTEMPTS.find(([n]) => n === name)?.[1];
    if (!attempt) throw new Error(name);
    expect(await attempt(world.admin, await world.ctx(person))).toMatchObject({ ok: true });
  });
});
