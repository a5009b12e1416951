// Who and what an organisation has: members and their roles, clients, projects, categories, approver lists,
// delegations. Read side only; the admin use cases write through their own ports.

import type { CurrencyCode } from '../money/money.js';
import type { MemberActor, MemberId } from '../people/actor.js';
import type { Delegation } from '../people/delegation.js';
import type { Category } from '../policy/categories.js';
import type { Tx } from './unit-of-work.port.js';

export type ClientRecord = {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly currency: CurrencyCode;
  readonly timeZone: string;
  readonly locale: 'en' | 'zh-CN';
  readonly status: 'active' | 'archived';
  readonly closedThrough: string | undefined;
};

export type ProjectRecord = {
  readonly id: string;
  readonly clientId: string;
  readonly code: string;
  readonly name: string;
  readonly startOn: string | undefined;
  readonly endOn: string | undefined;
  readonly status: 'active' | 'archived';
};

export type MemberRecord = {
  readonly id: MemberId;
  readonly displayName: string;
  readonly locale: 'en' | 'zh-CN' | undefined;
};

export interface Directory {
  /** The member a platform identity belongs to, with roles and approver assignments. */
  actorForIdentity(
    tx: Tx,
    identity: string,
  ): Promise<{ organisationId: string; actor: MemberActor } | undefined>;
  actorForMember(tx: Tx, organisationId: string, memberId: MemberId): Promise<MemberActor | undefined>;
  members(
    tx: Tx,
    organisationId: string,
    ids: readonly MemberId[],
  ): Promise<ReadonlyMap<MemberId, MemberRecord>>;
  clientByCode(tx: Tx, organisationId: string, code: string): Promise<ClientRecord | undefined>;
  clientById(tx: Tx, organisationId: string, id: string): Promise<ClientRecord | undefined>;
  projectByCode(
    tx: Tx,
    organisationId: string,
    clientId: string,
    code: string,
  ): Promise<ProjectRecord | undefined>;
  projectById(
    tx: Tx,
    organisationId: string,
    clientId: string,
    id: string,
  ): Promise<ProjectRecord | undefined>;
  categories(tx: Tx, organisationId: string): Promise<readonly Category[]>;
  /** The client's approver lists by stage (1..3). */
  approverLists(
    tx: Tx,
    organisationId: string,
    clientId: string,
  ): Promise<ReadonlyMap<number, readonly MemberId[]>>;
  membersWithRole(tx: Tx, organisationId: string, role: 'finance' | 'admin'): Promise<readonly MemberId[]>;
  delegations(tx: Tx, organisationId: string): Promise<readonly Delegation[]>;
}
