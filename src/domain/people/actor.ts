// Who is acting. Members are people of the firm; client contacts sit on the client's side and only ever
// see that client's client-facing data, so they are a different kind of actor rather than a weaker role.

/** A member's id inside the organisation (not a platform identity: one member may have several). */
export type MemberId = string;

/** Roles as docs/product-rules.md §1 names them. `member` is everyone's; `approver` goes with a client and stage. */
export type Role = 'admin' | 'finance' | 'approver' | 'member';

export const ROLES: readonly Role[] = ['member', 'approver', 'finance', 'admin'];

/** One line of an approver list: this member may decide stage `stage` (1..3) of `clientId`'s expenses. */
export type ApproverAssignment = { readonly clientId: string; readonly stage: number };

export type MemberActor = {
  readonly kind: 'member';
  readonly memberId: MemberId;
  /** Granted roles (`admin`, `finance`); `member` is implied and `approver` follows from `approverOf`. */
  readonly roles: ReadonlySet<Role>;
  readonly approverOf: readonly ApproverAssignment[];
};

export type ClientContactActor = {
  readonly kind: 'client-contact';
  /** The one client this contact belongs to (their channel's or their report link's). */
  readonly clientId: string;
  /** A platform identity or report-link visitor name, for the record; never used to grant anything. */
  readonly contactId?: string;
};

export type Actor = MemberActor | ClientContactActor;

export const memberActor = (
  memberId: MemberId,
  roles: Iterable<Role> = [],
  approverOf: readonly ApproverAssignment[] = [],
): MemberActor => ({ kind: 'member', memberId, roles: new Set(roles), approverOf });

/** Finance and admin may log past a `block` budget with `override` (docs/product-rules.md §5); nobody else may. */
export const mayOverrideBudgets = (actor: MemberActor): boolean =>
  actor.roles.has('finance') || actor.roles.has('admin');

/** The columns of the permission table that apply to this member. */
export const rolesOf = (actor: MemberActor): ReadonlySet<Role> => {
  const roles = new Set<Role>(['member']);
  if (actor.roles.has('approver') || actor.approverOf.length > 0) roles.add('approver');
  if (actor.roles.has('finance')) roles.add('finance');
  if (actor.roles.has('admin')) roles.add('admin');
  return roles;
};

export const isApproverOf = (actor: MemberActor, clientId: string, stage?: number): boolean =>
  actor.approverOf.some((a) => a.clientId === clientId && (stage === undefined || a.stage === stage));
