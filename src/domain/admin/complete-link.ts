// `link <code>` typed from a platform identity Outlay does not know yet (docs/product-rules.md §1): the identity
// joins the member who asked for the code, so one person acts from any platform. Codes are single-use and expire.
import { memberAddress } from '../expenses/announce.js';
import type { MemberId } from '../people/actor.js';
import { checkLinkCode, type LinkCodeFailure, normaliseLinkCode } from '../people/link-code.js';
import {
  formatPlatformIdentity,
  type InvalidIdentity,
  parsePlatformIdentity,
} from '../people/platform-identity.js';
import type { AuditPlatform } from '../ports/audit-log.port.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type Answered, auditChange, type ChangeOrigin, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';

export type CompleteLinkInput = {
  /** The organisation the inbound event belongs to (its installation or tenant). */
  readonly organisationId: string;
  /** The identity that typed the code: `wecom:<corp>:<user>` and friends. */
  readonly identity: string;
  readonly platform: AuditPlatform;
  readonly code: string;
  readonly requestId?: string | undefined;
  readonly idempotencyKey?: string | undefined;
};

export type IdentityLinked = { readonly memberId: MemberId; readonly identity: string };

export type CompleteLinkFailure =
  | InvalidIdentity
  | LinkCodeFailure
  | Failure<'IDENTITY_ALREADY_LINKED' | 'MEMBER_INACTIVE'>;

export const completeLink =
  (deps: AdminDeps) =>
  (input: CompleteLinkInput): Promise<Result<Answered<IdentityLinked>, CompleteLinkFailure>> => {
    const origin: ChangeOrigin = {
      organisationId: input.organisationId,
      actorId: null,
      platform: input.platform,
      requestId: input.requestId,
      idempotencyKey: input.idempotencyKey,
    };
    return runChange<IdentityLinked, CompleteLinkFailure>(deps, origin, 'link-complete', async (tx) => {
      const parsed = parsePlatformIdentity(input.identity);
      if (!parsed.ok) return parsed;
      const identity = formatPlatformIdentity(parsed.value);
      const org = input.organisationId;
      // Someone already known would be moved from one member to another by a code: never.
      if (await deps.identityLinks.identityOwner(tx, identity)) return fail('IDENTITY_ALREADY_LINKED');

      const typed = normaliseLinkCode(input.code);
      const stored =
        typed === undefined ? undefined : await deps.identityLinks.linkCodeForUpdate(tx, org, typed);
      const now = deps.clock.now().toISOString();
      const checked = checkLinkCode({ typed: input.code, stored, now });
      if (!checked.ok) return checked;
      if (stored === undefined) return fail('LINK_CODE_INVALID', { typed: input.code });
      const { memberId } = stored;
      const member = await deps.admin.member(tx, org, memberId);
      if (!member?.active) return fail('MEMBER_INACTIVE', { memberId });

      await deps.identityLinks.markLinkCodeUsed(tx, org, stored.code, now);
      if (!(await deps.identityLinks.attachIdentity(tx, org, identity, memberId))) {
        return fail('IDENTITY_ALREADY_LINKED');
      }
      await auditChange(
        deps,
        tx,
        { ...origin, actorId: memberId },
        {
          action: 'identity.linked',
          entityType: 'member',
          entityId: memberId,
          after: { identity, platform: parsed.value.platform },
        },
      );
      // Told on the platforms already linked, so a code typed by someone else does not go unnoticed.
      await deps.outbox.enqueue(tx, {
        organisationId: org,
        dedupeKey: `identity-linked:${identity}`,
        address: memberAddress(memberId),
        kind: 'identity-linked',
        payload: { memberId, identity, platform: parsed.value.platform, at: now },
      });
      return ok({ memberId, identity });
    });
  };
