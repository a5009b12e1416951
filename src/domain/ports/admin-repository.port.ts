// What the administration use cases write (docs/product-rules.md §1, §10): clients, projects, channel bindings,
// approver lists, roles and delegations. Reads that expenses also need stay on the Directory and BindingRepository.
import type { CurrencyCode } from '../money/money.js';
import type { MemberId } from '../people/actor.js';
import type { Delegation } from '../people/delegation.js';
import type { ChannelBinding } from './binding-repository.port.js';
import type { ClientRecord, ProjectRecord } from './directory.port.js';
import type { Tx } from './unit-of-work.port.js';

/** A member as the admin commands see one: whether they may still be named as approver, delegate or admin. */
export type MemberStatus = { readonly id: MemberId; readonly active: boolean };

/** The roles `role` grants and revokes; `member` is everyone's and `approver` comes from approver lists. */
export type GrantableRole = 'admin' | 'finance';

export interface AdminRepository {
  /** The organisation's default locale (`OUTLAY_LOCALE` at bootstrap). */
  organisationLocale(tx: Tx, organisationId: string): Promise<'en' | 'zh-CN'>;
  /** False when the organisation already has a client with this code. */
  insertClient(tx: Tx, organisationId: string, client: ClientRecord): Promise<boolean>;
  /** Every currency a client of the organisation uses, so organisation-wide settings fit all of them. */
  clientCurrencies(tx: Tx, organisationId: string): Promise<readonly CurrencyCode[]>;
  /**
   * Serialises changes to one client's settings until `tx` ends (budget scopes have no unique key to lean on).
   * Taken FOR NO KEY UPDATE, so expenses referencing the client are not held up.
   */
  lockClient(tx: Tx, organisationId: string, clientId: string): Promise<void>;
  projects(tx: Tx, organisationId: string, clientId: string): Promise<readonly ProjectRecord[]>;
  /** False when the client already has a project with this code. */
  insertProject(tx: Tx, organisationId: string, project: ProjectRecord): Promise<boolean>;

  member(tx: Tx, organisationId: string, memberId: MemberId): Promise<MemberStatus | undefined>;
  /** The member a platform identity belongs to, within this organisation only. */
  memberByIdentity(tx: Tx, organisationId: string, identity: string): Promise<MemberStatus | undefined>;
  grantedRoles(tx: Tx, organisationId: string, memberId: MemberId): Promise<readonly GrantableRole[]>;
  /**
   * Active admins, locked until `tx` ends in a stable order, so two admins demoting each other at once cannot
   * both pass the last-admin check.
   */
  lockAdmins(tx: Tx, organisationId: string): Promise<readonly MemberId[]>;
  grantRole(
    tx: Tx,
    organisationId: string,
    memberId: MemberId,
    role: GrantableRole,
    by: MemberId,
  ): Promise<void>;
  revokeRoles(
    tx: Tx,
    organisationId: string,
    memberId: MemberId,
    roles: readonly GrantableRole[],
  ): Promise<void>;

  /** Replaces the list of one stage; members keep the order given (their rows are stamped from `at` on). */
  replaceApprovers(
    tx: Tx,
    organisationId: string,
    clientId: string,
    stage: number,
    memberIds: readonly MemberId[],
    at: Date,
  ): Promise<void>;
  insertDelegation(tx: Tx, organisationId: string, id: string, delegation: Delegation): Promise<void>;

  insertBinding(tx: Tx, organisationId: string, binding: ChannelBinding): Promise<void>;
  /** Rewrites the binding with this id. */
  updateBinding(tx: Tx, organisationId: string, binding: ChannelBinding): Promise<void>;
}
