// Platform identities and the one-time codes that link a second one to a member (docs/product-rules.md §1).
// Identities are a lookup table keyed by the identity itself: an inbound event names a platform user before any
// organisation is known, so "is this identity taken" is asked across organisations.
import type { MemberId } from '../people/actor.js';
import type { StoredLinkCode } from '../people/link-code.js';
import type { Tx } from './unit-of-work.port.js';

export type IdentityOwner = {
  readonly organisationId: string;
  readonly memberId: MemberId;
  readonly active: boolean;
};

export type StoredLinkCodeRow = StoredLinkCode & { readonly memberId: MemberId };

export interface IdentityLinkRepository {
  /** Who an identity belongs to, in whichever organisation. */
  identityOwner(tx: Tx, identity: string): Promise<IdentityOwner | undefined>;
  insertMember(
    tx: Tx,
    organisationId: string,
    member: {
      readonly id: MemberId;
      readonly displayName: string;
      readonly locale?: 'en' | 'zh-CN' | undefined;
    },
  ): Promise<void>;
  /** False when the identity is already attached to someone (it may belong to one member only). */
  attachIdentity(tx: Tx, organisationId: string, identity: string, memberId: MemberId): Promise<boolean>;
  /** False when the organisation already has this code (issued earlier, used or expired). */
  insertLinkCode(
    tx: Tx,
    organisationId: string,
    code: { readonly code: string; readonly memberId: MemberId; readonly expiresAt: string },
  ): Promise<boolean>;
  /** The code's row, locked until `tx` ends, so a code is claimed by one request only. */
  linkCodeForUpdate(tx: Tx, organisationId: string, code: string): Promise<StoredLinkCodeRow | undefined>;
  markLinkCodeUsed(tx: Tx, organisationId: string, code: string, usedAt: string): Promise<void>;
}
