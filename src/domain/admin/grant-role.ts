// `role <member> admin|finance|member` (docs/product-rules.md §1): `admin` and `finance` add that role; `member`
// takes both away. The organisation always keeps one active admin, or nobody could ever grant anything again.
import type { MemberId } from '../people/actor.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import type { GrantableRole } from '../ports/admin-repository.port.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type Answered, auditChange, originOf, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';
import { type MemberNotFound, type MemberReference, resolveMember } from './resolve-member.js';

export type GrantRoleInput = {
  readonly member: MemberReference;
  readonly role: GrantableRole | 'member';
};

export type RoleChange = {
  readonly memberId: MemberId;
  readonly before: readonly GrantableRole[];
  readonly after: readonly GrantableRole[];
  readonly changed: boolean;
};

export type GrantRoleFailure = Forbidden | MemberNotFound | Failure<'LAST_ADMIN'>;

const ROLE_ORDER: readonly GrantableRole[] = ['admin', 'finance'];
const sorted = (roles: Iterable<GrantableRole>): GrantableRole[] =>
  ROLE_ORDER.filter((role) => [...roles].includes(role));

export const grantRole =
  (deps: AdminDeps) =>
  (ctx: RequestContext, input: GrantRoleInput): Promise<Result<Answered<RoleChange>, GrantRoleFailure>> =>
    runChange<RoleChange, GrantRoleFailure>(deps, originOf(ctx), 'role', async (tx) => {
      const allowed = authorise(ctx.actor, 'manage-roles');
      if (!allowed.ok) return allowed;
      const org = ctx.organisationId;
      // Taken before anything is read, so two admins demoting each other at once are decided one after the other.
      const admins = input.role === 'member' ? await deps.admin.lockAdmins(tx, org) : [];
      const member = await resolveMember(deps, tx, org, input.member);
      if (!member.ok) return member;
      const memberId = member.value;
      const before = sorted(await deps.admin.grantedRoles(tx, org, memberId));

      if (input.role !== 'member') {
        const after = sorted([...before, input.role]);
        if (before.includes(input.role)) return ok({ memberId, before, after, changed: false });
        await deps.admin.grantRole(tx, org, memberId, input.role, ctx.actor.memberId);
        await auditChange(deps, tx, originOf(ctx), {
          action: 'role.granted',
          entityType: 'member',
          entityId: memberId,
          before: { roles: before },
          after: { roles: after, granted: input.role },
        });
        return ok({ memberId, before, after, changed: true });
      }

      if (before.length === 0) return ok({ memberId, before, after: [], changed: false });
      if (before.includes('admin') && !admins.some((id) => id !== memberId)) {
        return fail('LAST_ADMIN', { memberId });
      }
      await deps.admin.revokeRoles(tx, org, memberId, before);
      await auditChange(deps, tx, originOf(ctx), {
        action: 'role.revoked',
        entityType: 'member',
        entityId: memberId,
        before: { roles: before },
        after: { roles: [], revoked: before },
      });
      return ok({ memberId, before, after: [], changed: true });
    });
