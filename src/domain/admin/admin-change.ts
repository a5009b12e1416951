// The frame every administrative change runs in: one transaction, the idempotency key claimed first, and one
// audit event for the change. A refusal rolls all of it back, so a refused command leaves nothing behind.
import type { AuditPlatform } from '../ports/audit-log.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import type { RequestContext } from '../shared/request-context.js';
import { ok, type Result } from '../shared/result.js';
import { transact } from '../shared/transact.js';
import type { AdminDeps } from './admin-deps.js';

/**
 * What a change reports, plus whether this is the first answer or a repeat of it. Values are plain JSON, because a
 * repeated request (platform retry, double click) is answered with the stored first answer.
 */
export type Answered<T> = T & { readonly replayed: boolean };

/** Who is changing something, from where: a member's request, or an inbound event before a member exists. */
export type ChangeOrigin = {
  readonly organisationId: string;
  readonly actorId: string | null;
  readonly platform: AuditPlatform;
  readonly requestId?: string | undefined;
  readonly idempotencyKey?: string | undefined;
};

export const originOf = (ctx: RequestContext): ChangeOrigin => ({
  organisationId: ctx.organisationId,
  actorId: ctx.actor.memberId,
  platform: ctx.platform,
  requestId: ctx.requestId,
  idempotencyKey: ctx.idempotencyKey,
});

export async function runChange<T extends object, E>(
  deps: Pick<AdminDeps, 'uow' | 'idempotency'>,
  origin: ChangeOrigin,
  operation: string,
  work: (tx: Tx) => Promise<Result<T, E>>,
): Promise<Result<Answered<T>, E>> {
  return transact<Answered<T>, E>(deps.uow, async (tx) => {
    const key = origin.idempotencyKey;
    if (key !== undefined) {
      const claim = await deps.idempotency.claim<T>(tx, origin.organisationId, key, operation);
      if (!claim.fresh) return ok({ ...claim.result, replayed: true });
    }
    const outcome = await work(tx);
    if (!outcome.ok) return outcome;
    if (key !== undefined) await deps.idempotency.complete(tx, origin.organisationId, key, outcome.value);
    return ok({ ...outcome.value, replayed: false });
  });
}

export type ChangeRecord = {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
};

/** The change's one audit event; member ids only, never names. */
export async function auditChange(
  deps: Pick<AdminDeps, 'audit'>,
  tx: Tx,
  origin: ChangeOrigin,
  change: ChangeRecord,
): Promise<void> {
  await deps.audit.append(tx, {
    organisationId: origin.organisationId,
    actorId: origin.actorId,
    platform: origin.platform,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    ...(change.before === undefined ? {} : { before: change.before }),
    ...(change.after === undefined ? {} : { after: change.after }),
    ...(origin.requestId === undefined ? {} : { requestId: origin.requestId }),
  });
}
