// docs/product-rules.md §1 "Who may do what" as data: one row per action, one cell per role saying how far the grant
// reaches. `authorise` reads only this table, so a change of policy is a change of one cell.
import type { FellTo, StageKind } from '../approvals/approval-stage.js';
import { err, type Failure, ok, type Result } from '../shared/result.js';
import { type Actor, isApproverOf, type MemberId, type Role, rolesOf } from './actor.js';

export type Action =
  // §1 row 1: own expenses
  | 'log'
  | 'edit'
  | 'withdraw'
  | 'resubmit'
  | 'view-own'
  // row 2: list / show / report any expense of a client (also budget, risk and export views)
  | 'view-client'
  // row 3: approve / reject / return
  | 'decide'
  // row 4
  | 'void'
  | 'mark'
  | 'close-period'
  | 'adjust'
  | 'answer-dispute'
  // row 5: configuration
  | 'manage-clients'
  | 'manage-projects'
  | 'manage-bindings'
  | 'manage-approvers'
  | 'manage-budgets'
  | 'manage-policy'
  | 'manage-rates'
  | 'manage-roles'
  // row 6: the client's side
  | 'dispute'
  | 'rate-report'
  // not in §1's table; decided here (see the rows marked `source: 'outlay'`)
  | 'delegate'
  | 'link-identity'
  | 'view-policy'
  | 'verify-audit';

/** A column of the table. */
export type Audience = Role | 'client-contact';

export const AUDIENCES: readonly Audience[] = ['member', 'approver', 'finance', 'admin', 'client-contact'];

/** How far a ✔ reaches. */
export type Grant =
  /** ✔ without qualification. */
  | 'any'
  /** Only expenses the actor submitted. */
  | 'own-expense'
  /** Clients the actor is an approver of (any stage). */
  | 'assigned-client'
  /** The client and stage the actor is listed for, while that stage is an approvers stage. */
  | 'assigned-stage'
  /** The finance stage, and stages that fell to finance. */
  | 'finance-stage'
  /** Stages that fell to admin. */
  | 'admin-stage'
  /** A client contact: the client-facing view of their own client. */
  | 'own-client-facing'
  /** A client contact: their own client. */
  | 'own-client';

/** Limits that hold whatever the role (docs/product-rules.md §1): never one's own expense, one stage per expense. */
export type Never = 'own-expense' | 'second-stage';

export type PermissionRow = {
  readonly action: Action;
  /** Where the row comes from: a row of the table in docs/product-rules.md §1, or `outlay` for one it lacks. */
  readonly source: '§1 row 1' | '§1 row 2' | '§1 row 3' | '§1 row 4' | '§1 row 5' | '§1 row 6' | 'outlay';
  readonly grants: Readonly<Partial<Record<Audience, Grant>>>;
  readonly never?: readonly Never[];
};

const OWN = {
  member: 'own-expense',
  approver: 'own-expense',
  finance: 'own-expense',
  admin: 'own-expense',
} as const;
const FINANCE_ADMIN = { finance: 'any', admin: 'any' } as const;
const ADMIN = { admin: 'any' } as const;
const EVERY_MEMBER = { member: 'any', approver: 'any', finance: 'any', admin: 'any' } as const;

export const PERMISSIONS: readonly PermissionRow[] = [
  { action: 'log', source: '§1 row 1', grants: OWN },
  { action: 'edit', source: '§1 row 1', grants: OWN },
  { action: 'withdraw', source: '§1 row 1', grants: OWN },
  { action: 'resubmit', source: '§1 row 1', grants: OWN },
  { action: 'view-own', source: '§1 row 1', grants: OWN },
  {
    action: 'view-client',
    source: '§1 row 2',
    grants: {
      approver: 'assigned-client',
      finance: 'any',
      admin: 'any',
      'client-contact': 'own-client-facing',
    },
  },
  {
    action: 'decide',
    source: '§1 row 3',
    grants: { approver: 'assigned-stage', finance: 'finance-stage', admin: 'admin-stage' },
    never: ['own-expense', 'second-stage'],
  },
  { action: 'void', source: '§1 row 4', grants: FINANCE_ADMIN },
  { action: 'mark', source: '§1 row 4', grants: FINANCE_ADMIN },
  { action: 'close-period', source: '§1 row 4', grants: FINANCE_ADMIN },
  { action: 'adjust', source: '§1 row 4', grants: FINANCE_ADMIN },
  { action: 'answer-dispute', source: '§1 row 4', grants: FINANCE_ADMIN },
  { action: 'manage-clients', source: '§1 row 5', grants: ADMIN },
  { action: 'manage-projects', source: '§1 row 5', grants: ADMIN },
  { action: 'manage-bindings', source: '§1 row 5', grants: ADMIN },
  { action: 'manage-approvers', source: '§1 row 5', grants: ADMIN },
  { action: 'manage-budgets', source: '§1 row 5', grants: FINANCE_ADMIN },
  { action: 'manage-policy', source: '§1 row 5', grants: ADMIN },
  { action: 'manage-rates', source: '§1 row 5', grants: FINANCE_ADMIN },
  { action: 'manage-roles', source: '§1 row 5', grants: ADMIN },
  { action: 'dispute', source: '§1 row 6', grants: { 'client-contact': 'own-client' } },
  { action: 'rate-report', source: '§1 row 6', grants: { 'client-contact': 'own-client' } },
  // Those who decide may hand their decisions to someone while away; admins may for anyone.
  { action: 'delegate', source: 'outlay', grants: { approver: 'any', finance: 'any', admin: 'any' } },
  { action: 'link-identity', source: 'outlay', grants: EVERY_MEMBER },
  // "Policy people can look up" — every member, not client contacts.
  { action: 'view-policy', source: 'outlay', grants: EVERY_MEMBER },
  { action: 'verify-audit', source: 'outlay', grants: FINANCE_ADMIN },
];

const ROW_BY_ACTION: ReadonlyMap<Action, PermissionRow> = new Map(
  PERMISSIONS.map((row) => [row.action, row]),
);

export const permissionRowOf = (action: Action): PermissionRow => {
  const row = ROW_BY_ACTION.get(action);
  if (row === undefined) throw new RangeError(`No permission row for action ${JSON.stringify(action)}`);
  return row;
};

/** The columns with any ✔ for this action, in table order. */
export const audiencesAllowedTo = (action: Action): readonly Audience[] => {
  const { grants } = permissionRowOf(action);
  return AUDIENCES.filter((audience) => grants[audience] !== undefined);
};

const AUDIENCE_LABEL: Readonly<Record<Audience, string>> = {
  member: 'member',
  approver: 'approver',
  finance: 'finance',
  admin: 'admin',
  'client-contact': 'client contact',
};

/** The facts of the request that a grant's reach depends on. Supply what the action concerns. */
export type PermissionContext = {
  /** Whose expense it is (for own-expense actions and for decisions). */
  readonly submitterId?: MemberId;
  readonly clientId?: string;
  /** What a view would show: everything, or the client-facing subset. */
  readonly view?: 'internal' | 'client-facing';
  /** The stage being decided. `fellTo` says whom it went to after separation of duties. */
  readonly stage?: { readonly index: number; readonly kind: StageKind; readonly fellTo?: FellTo };
  /** Who decided earlier stages of this approval round (deciders and those they acted for). */
  readonly decidedBy?: readonly MemberId[];
};

/** Why a refusal happened: the role was missing, a grant's reach did not cover the request, or a `never`. */
export type RefusalRule = 'role' | Grant | 'not-own-expense' | 'one-stage-per-expense';

export type Forbidden = Failure<'FORBIDDEN'>;

const required = <K extends keyof PermissionContext>(
  context: PermissionContext,
  key: K,
  action: Action,
): NonNullable<PermissionContext[K]> => {
  const value = context[key];
  // A use case that forgets the facts is a bug, not a refusal the user could do anything about.
  if (value === undefined || value === null) {
    throw new TypeError(`authorise(${action}) needs context.${key}`);
  }
  return value as NonNullable<PermissionContext[K]>;
};

/** Whom a stage is with: where it fell to, else its own list (a finance stage starts with finance). */
const wentTo = (stage: NonNullable<PermissionContext['stage']>): FellTo =>
  stage.fellTo ?? (stage.kind === 'finance' ? 'finance' : 'approvers');

const reaches = (grant: Grant, actor: Actor, action: Action, context: PermissionContext): boolean => {
  switch (grant) {
    case 'any':
      return true;
    case 'own-expense':
      return actor.kind === 'member' && required(context, 'submitterId', action) === actor.memberId;
    case 'assigned-client':
      return actor.kind === 'member' && isApproverOf(actor, required(context, 'clientId', action));
    case 'assigned-stage': {
      const stage = required(context, 'stage', action);
      const clientId = required(context, 'clientId', action);
      return (
        actor.kind === 'member' && wentTo(stage) === 'approvers' && isApproverOf(actor, clientId, stage.index)
      );
    }
    case 'finance-stage':
      return wentTo(required(context, 'stage', action)) === 'finance';
    case 'admin-stage':
      return wentTo(required(context, 'stage', action)) === 'admin';
    case 'own-client-facing':
      return (
        actor.kind === 'client-contact' &&
        required(context, 'clientId', action) === actor.clientId &&
        required(context, 'view', action) === 'client-facing'
      );
    case 'own-client':
      return actor.kind === 'client-contact' && required(context, 'clientId', action) === actor.clientId;
  }
};

const forbidden = (action: Action, rule: RefusalRule): Result<never, Forbidden> =>
  err({
    code: 'FORBIDDEN',
    details: {
      action,
      allowedRoles: audiencesAllowedTo(action)
        .map((audience) => AUDIENCE_LABEL[audience])
        .join(', '),
      rule,
    },
  });

/**
 * May this actor do this? The refusal names who can (`allowedRoles`) and which limit applied (`rule`).
 * For decisions this is the table's rule only; delegation and the fall to finance/admin are worked out
 * by `resolveStageApprovers`, which is what `decideStep` checks.
 */
export const authorise = (
  actor: Actor,
  action: Action,
  context: PermissionContext = {},
): Result<void, Forbidden> => {
  const row = permissionRowOf(action);
  const audiences: readonly Audience[] = actor.kind === 'member' ? [...rolesOf(actor)] : ['client-contact'];
  const applicable = AUDIENCES.filter((a) => audiences.includes(a) && row.grants[a] !== undefined);
  if (applicable.length === 0) return forbidden(action, 'role');

  if (actor.kind === 'member' && row.never !== undefined) {
    if (row.never.includes('own-expense') && required(context, 'submitterId', action) === actor.memberId) {
      return forbidden(action, 'not-own-expense');
    }
    if (row.never.includes('second-stage') && (context.decidedBy ?? []).includes(actor.memberId)) {
      return forbidden(action, 'one-stage-per-expense');
    }
  }

  let firstMiss: Grant | undefined;
  for (const audience of applicable) {
    const grant = row.grants[audience];
    if (grant === undefined) continue;
    if (reaches(grant, actor, action, context)) return ok(undefined);
    firstMiss ??= grant;
  }
  return forbidden(action, firstMiss ?? 'role');
};
