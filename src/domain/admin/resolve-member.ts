// People named in admin commands. Adapters turn a platform mention (`<@U123>`, a Teams @mention) into the
// platform identity it stands for; members are then found by identity within the organisation.
import type { MemberId } from '../people/actor.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import type { AdminDeps } from './admin-deps.js';

export type MemberReference =
  /** `slack:T1:U2`, `teams:<aad id>`, `wecom:<corp>:<user>`, `console:<user>`. */
  { readonly identity: string } | { readonly memberId: MemberId };

export type MemberNotFound = Failure<'MEMBER_UNKNOWN' | 'MEMBER_INACTIVE'>;

const describe = (ref: MemberReference): string => ('identity' in ref ? ref.identity : ref.memberId);

/** The member a reference names, who must still be active to be given anything. */
export async function resolveMember(
  deps: Pick<AdminDeps, 'admin'>,
  tx: Tx,
  organisationId: string,
  ref: MemberReference,
): Promise<Result<MemberId, MemberNotFound>> {
  const member =
    'identity' in ref
      ? await deps.admin.memberByIdentity(tx, organisationId, ref.identity.trim())
      : await deps.admin.member(tx, organisationId, ref.memberId);
  if (!member) return fail('MEMBER_UNKNOWN', { member: describe(ref) });
  if (!member.active) return fail('MEMBER_INACTIVE', { memberId: member.id });
  return ok(member.id);
}
