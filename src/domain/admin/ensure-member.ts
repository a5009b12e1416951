// First contact (docs/product-rules.md §1): an identity seen for the first time becomes a new member with the
// everyday role `member`, under the display name the platform gave. Everyone after that is simply found.
import type { MemberId } from '../people/actor.js';
import {
  formatPlatformIdentity,
  type InvalidIdentity,
  parsePlatformIdentity,
} from '../people/platform-identity.js';
import type { AuditPlatform } from '../ports/audit-log.port.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { auditChange, type ChangeOrigin, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';
import type { Locale } from './client-fields.js';

export type EnsureMemberInput = {
  readonly organisationId: string;
  readonly identity: string;
  /** What the platform calls the person; the user id stands in when it has nothing. */
  readonly displayName: string;
  readonly locale?: Locale | undefined;
  readonly platform: AuditPlatform;
  readonly requestId?: string | undefined;
};

export type EnsuredMember = {
  readonly memberId: MemberId;
  readonly created: boolean;
  /** A member deactivated by an admin is found, not recreated; the caller refuses them. */
  readonly active: boolean;
};

export type EnsureMemberFailure = InvalidIdentity | Failure<'IDENTITY_OTHER_ORGANISATION'>;

const MAX_DISPLAY_NAME = 200;

export const ensureMember =
  (deps: AdminDeps) =>
  async (input: EnsureMemberInput): Promise<Result<EnsuredMember, EnsureMemberFailure>> => {
    const first = await attempt(deps, input);
    // Two first messages from the same person at once: the loser rolled back and now finds the winner's member.
    if (first.ok || first.error.code !== 'IDENTITY_TAKEN_MEANWHILE') return narrow(first);
    return narrow(await attempt(deps, input));
  };

type AttemptFailure = EnsureMemberFailure | Failure<'IDENTITY_TAKEN_MEANWHILE'>;

function narrow(result: Result<EnsuredMember, AttemptFailure>): Result<EnsuredMember, EnsureMemberFailure> {
  if (result.ok || result.error.code !== 'IDENTITY_TAKEN_MEANWHILE') {
    return result as Result<EnsuredMember, EnsureMemberFailure>;
  }
  throw new Error('A platform identity was taken twice in a row while creating its member');
}

async function attempt(
  deps: AdminDeps,
  input: EnsureMemberInput,
): Promise<Result<EnsuredMember, AttemptFailure>> {
  const origin: ChangeOrigin = {
    organisationId: input.organisationId,
    actorId: null,
    platform: input.platform,
    requestId: input.requestId,
  };
  const result = await runChange<EnsuredMember, AttemptFailure>(deps, origin, 'member-ensure', async (tx) => {
    const parsed = parsePlatformIdentity(input.identity);
    if (!parsed.ok) return parsed;
    const identity = formatPlatformIdentity(parsed.value);
    const org = input.organisationId;
    const owner = await deps.identityLinks.identityOwner(tx, identity);
    if (owner && owner.organisationId !== org) return fail('IDENTITY_OTHER_ORGANISATION');
    if (owner) return ok({ memberId: owner.memberId, created: false, active: owner.active });

    const memberId = deps.ids.newId();
    const displayName =
      [...input.displayName.trim()].slice(0, MAX_DISPLAY_NAME).join('') || parsed.value.userId;
    await deps.identityLinks.insertMember(tx, org, { id: memberId, displayName, locale: input.locale });
    if (!(await deps.identityLinks.attachIdentity(tx, org, identity, memberId))) {
      return fail('IDENTITY_TAKEN_MEANWHILE');
    }
    // The display name is personal data and stays out of the hashed audit payload.
    await auditChange(
      deps,
      tx,
      { ...origin, actorId: memberId },
      {
        action: 'member.added',
        entityType: 'member',
        entityId: memberId,
        after: { identity, platform: parsed.value.platform, roles: ['member'] },
      },
    );
    return ok({ memberId, created: true, active: true });
  });
  if (!result.ok) return result;
  const { replayed: _replayed, ...value } = result.value;
  return ok(value);
}
