import { describe, expect, it } from 'vitest';
import { type Actor, type ClientContactActor, memberActor } from '../../../../src/domain/people/actor.js';
import {
  type Action,
  audiencesAllowedTo,
  authorise,
  PERMISSIONS,
  type PermissionContext,
} from '../../../../src/domain/people/permissions.js';

const actors = {
  member: memberActor('m-mia'),
  approver: memberActor('m-bob', [], [{ clientId: 'acme', stage: 1 }]),
  finance: memberActor('m-fiona', ['finance']),
  admin: memberActor('m-adam', ['admin']),
  contact: { kind: 'client-contact', clientId: 'acme' } satisfies ClientContactActor,
} as const;
type Who = keyof typeof actors;
const WHO: readonly Who[] = ['member', 'approver', 'finance', 'admin', 'contact'];

const ownContext = (who: Who): PermissionContext => {
  const actor: Actor = actors[who];
  return { submitterId: actor.kind === 'member' ? actor.memberId : 'm-nobody', clientId: 'acme' };
};

const allowed = (who: Who, action: Action, context: PermissionContext): boolean =>
  authorise(actors[who], action, context).ok;

const allowedBy = (action: Action, context: (who: Who) => PermissionContext): Record<Who, boolean> =>
  Object.fromEntries(WHO.map((who) => [who, allowed(who, action, context(who))])) as Record<Who, boolean>;

describe('the permission table, row by row of docs/product-rules.md §1', () => {
  describe('row 1 — log / edit / withdraw / resubmit own expenses; list/show own', () => {
    it.each<Action>(['log', 'edit', 'withdraw', 'resubmit', 'view-own'])(
      '%s: every member for their own expenses, no client contact',
      (action) => {
        expect(allowedBy(action, ownContext)).toEqual({
          member: true,
          approver: true,
          finance: true,
          admin: true,
          contact: false,
        });
      },
    );

    it.each<Action>(['edit', 'withdraw', 'resubmit', 'view-own'])(
      '%s: nobody, not even an admin, for someone else’s expense',
      (action) => {
        const someoneElse = () => ({ submitterId: 'm-zoe', clientId: 'acme' });
        expect(allowedBy(action, someoneElse)).toEqual({
          member: false,
          approver: false,
          finance: false,
          admin: false,
          contact: false,
        });
        expect(authorise(actors.admin, action, someoneElse())).toEqual({
          ok: false,
          error: {
            code: 'FORBIDDEN',
            details: { action, allowedRoles: 'member, approver, finance, admin', rule: 'own-expense' },
          },
        });
      },
    );
  });

  describe('row 2 — list/show/report any expense of a client', () => {
    it('approvers of that client, finance, admin; a contact only the client-facing view of their own client', () => {
      expect(allowedBy('view-client', () => ({ clientId: 'acme', view: 'client-facing' }))).toEqual({
        member: false,
        approver: true,
        finance: true,
        admin: true,
        contact: true,
      });
    });

    it('a contact never gets the internal view, nor another client', () => {
      expect(allowed('contact', 'view-client', { clientId: 'acme', view: 'internal' })).toBe(false);
      expect(allowed('contact', 'view-client', { clientId: 'globex', view: 'client-facing' })).toBe(false);
    });

    it('an approver sees only the clients they approve for', () => {
      expect(allowed('approver', 'view-client', { clientId: 'globex', view: 'internal' })).toBe(false);
      expect(authorise(actors.approver, 'view-client', { clientId: 'globex', view: 'internal' })).toEqual({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          details: {
            action: 'view-client',
            allowedRoles: 'approver, finance, admin, client contact',
            rule: 'assigned-client',
          },
        },
      });
    });
  });

  describe('row 3 — approve / reject / return (never own expense, one stage per expense)', () => {
    const stage1 = {
      submitterId: 'm-alice',
      clientId: 'acme',
      stage: { index: 1, kind: 'approvers' },
    } as const;

    it('an approver stage of their client and stage: the approver only', () => {
      expect(allowedBy('decide', () => stage1)).toEqual({
        member: false,
        approver: true,
        finance: false,
        admin: false,
        contact: false,
      });
    });

    it('an approver is refused another stage, another client, or their stage once it fell elsewhere', () => {
      expect(allowed('approver', 'decide', { ...stage1, stage: { index: 2, kind: 'approvers' } })).toBe(
        false,
      );
      expect(allowed('approver', 'decide', { ...stage1, clientId: 'globex' })).toBe(false);
      expect(
        allowed('approver', 'decide', { ...stage1, stage: { index: 1, kind: 'approvers', fellTo: 'admin' } }),
      ).toBe(false);
    });

    it('the finance stage, and a stage that fell to finance: finance', () => {
      const financeStage = { ...stage1, stage: { index: 3, kind: 'finance' } } as const;
      const fellToFinance = { ...stage1, stage: { index: 1, kind: 'approvers', fellTo: 'finance' } } as const;
      for (const context of [financeStage, fellToFinance]) {
        expect(allowedBy('decide', () => context)).toMatchObject({
          finance: true,
          admin: false,
          member: false,
        });
      }
    });

    it('a stage that fell to admin: admin', () => {
      const fellToAdmin = { ...stage1, stage: { index: 2, kind: 'finance', fellTo: 'admin' } } as const;
      expect(allowedBy('decide', () => fellToAdmin)).toEqual({
        member: false,
        approver: false,
        finance: false,
        admin: true,
        contact: false,
      });
    });

    it('never one’s own expense', () => {
      expect(authorise(actors.approver, 'decide', { ...stage1, submitterId: 'm-bob' })).toEqual({
        ok: false,
        error: {
          code: 'FORBIDDEN',
          details: { action: 'decide', allowedRoles: 'approver, finance, admin', rule: 'not-own-expense' },
        },
      });
    });

    it('never a second stage of the same expense', () => {
      const result = authorise(actors.approver, 'decide', { ...stage1, decidedBy: ['m-bob'] });
      expect(result.ok ? undefined : result.error.details?.rule).toBe('one-stage-per-expense');
    });
  });

  describe('row 4 — void, mark billed/reimbursed, close a period, adjust, answer disputes', () => {
    it.each<Action>(['void', 'mark', 'close-period', 'adjust', 'answer-dispute'])(
      '%s: finance and admin',
      (action) => {
        expect(allowedBy(action, () => ({ clientId: 'acme', submitterId: 'm-alice' }))).toEqual({
          member: false,
          approver: false,
          finance: true,
          admin: true,
          contact: false,
        });
        expect(authorise(actors.member, action, {})).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', details: { action, allowedRoles: 'finance, admin', rule: 'role' } },
        });
      },
    );
  });

  describe('row 5 — clients, projects, bindings, approvers, budgets, policy, rates, roles', () => {
    it.each<Action>([
      'manage-clients',
      'manage-projects',
      'manage-bindings',
      'manage-approvers',
      'manage-policy',
      'manage-roles',
    ])('%s: admin only', (action) => {
      expect(allowedBy(action, () => ({}))).toEqual({
        member: false,
        approver: false,
        finance: false,
        admin: true,
        contact: false,
      });
    });

    it.each<Action>(['manage-budgets', 'manage-rates'])('%s: finance and admin', (action) => {
      expect(allowedBy(action, () => ({}))).toEqual({
        member: false,
        approver: false,
        finance: true,
        admin: true,
        contact: false,
      });
    });
  });

  describe('row 6 — question a line, rate a report', () => {
    it.each<Action>(['dispute', 'rate-report'])('%s: a client contact of that client only', (action) => {
      expect(allowedBy(action, () => ({ clientId: 'acme' }))).toEqual({
        member: false,
        approver: false,
        finance: false,
        admin: false,
        contact: true,
      });
      expect(allowed('contact', action, { clientId: 'globex' })).toBe(false);
      expect(audiencesAllowedTo(action)).toEqual(['client-contact']);
    });
  });
});

describe('the table itself', () => {
  it('has one row per action, grouped by the docs/product-rules.md §1 row it comes from', () => {
    const actionsOf = (source: string) =>
      PERMISSIONS.filter((row) => row.source === source).map((row) => row.action);
    expect(actionsOf('§1 row 1')).toEqual(['log', 'edit', 'withdraw', 'resubmit', 'view-own']);
    expect(actionsOf('§1 row 2')).toEqual(['view-client']);
    expect(actionsOf('§1 row 3')).toEqual(['decide']);
    expect(actionsOf('§1 row 4')).toEqual(['void', 'mark', 'close-period', 'adjust', 'answer-dispute']);
    expect(actionsOf('§1 row 5')).toHaveLength(8);
    expect(actionsOf('§1 row 6')).toEqual(['dispute', 'rate-report']);
    expect(new Set(PERMISSIONS.map((row) => row.action)).size).toBe(PERMISSIONS.length);
  });

  it('decides the actions docs/product-rules.md §1 does not list', () => {
    expect(audiencesAllowedTo('delegate')).toEqual(['approver', 'finance', 'admin']);
    expect(audiencesAllowedTo('link-identity')).toEqual(['member', 'approver', 'finance', 'admin']);
    expect(audiencesAllowedTo('view-policy')).toEqual(['member', 'approver', 'finance', 'admin']);
    expect(audiencesAllowedTo('verify-audit')).toEqual(['finance', 'admin']);
  });

  it('throws when a use case forgets the facts a grant needs (a bug, not a refusal)', () => {
    expect(() => authorise(actors.member, 'edit', {})).toThrow(/submitterId/);
    expect(() => authorise(actors.approver, 'decide', { submitterId: 'm-alice', clientId: 'acme' })).toThrow(
      /stage/,
    );
  });
});
