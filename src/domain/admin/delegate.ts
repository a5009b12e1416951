// `delegate <member> until <date>` (docs/product-rules.md §3): while the actor is away, the named member may decide
// what the actor could, recorded as "B on behalf of A". The last day is inclusive; a day without a year looks ahead.

import { memberAddress } from '../expenses/announce.js';
import type { MemberId } from '../people/actor.js';
import { checkNewDelegation, type Delegation, type DelegationFailure } from '../people/delegation.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import { todayIn } from '../periods/calendar-date.js';
import type { DateInput, DateInvalid } from '../periods/date-input.js';
import type { RequestContext } from '../shared/request-context.js';
import { ok, type Result } from '../shared/result.js';
import { type Answered, auditChange, originOf, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';
import { resolveForwardDate } from './forward-date.js';
import { type MemberNotFound, type MemberReference, resolveMember } from './resolve-member.js';

export type DelegateInput = {
  readonly member: MemberReference;
  readonly until: DateInput;
  /** Whose calendar "today" is read in; the organisation's (UTC) unless the adapter knows the person's zone. */
  readonly timeZone?: string | undefined;
};

export type DelegationRecorded = {
  readonly delegationId: string;
  readonly fromMemberId: MemberId;
  readonly toMemberId: MemberId;
  readonly until: string;
};

export type DelegateFailure = Forbidden | MemberNotFound | DateInvalid | DelegationFailure;

export const delegate =
  (deps: AdminDeps) =>
  (
    ctx: RequestContext,
    input: DelegateInput,
  ): Promise<Result<Answered<DelegationRecorded>, DelegateFailure>> =>
    runChange<DelegationRecorded, DelegateFailure>(deps, originOf(ctx), 'delegate', async (tx) => {
      const allowed = authorise(ctx.actor, 'delegate');
      if (!allowed.ok) return allowed;
      const org = ctx.organisationId;
      const to = await resolveMember(deps, tx, org, input.member);
      if (!to.ok) return to;
      const today = todayIn(deps.clock.now().getTime(), input.timeZone ?? 'UTC');
      const until = resolveForwardDate(input.until, today);
      if (!until.ok) return until;
      const checked = checkNewDelegation(
        { fromMemberId: ctx.actor.memberId, toMemberId: to.value, until: until.value },
        today,
      );
      if (!checked.ok) return checked;
      const delegation: Delegation = checked.value;
      const id = deps.ids.newId();
      await deps.admin.insertDelegation(tx, org, id, delegation);
      await auditChange(deps, tx, originOf(ctx), {
        action: 'delegation.added',
        entityType: 'delegation',
        entityId: id,
        after: delegation,
      });
      // The delegate is about to receive approval cards that are not theirs; tell them why.
      await deps.outbox.enqueue(tx, {
        organisationId: org,
        dedupeKey: `delegation-notice:${id}`,
        address: memberAddress(delegation.toMemberId),
        kind: 'delegation-notice',
        payload: { delegationId: id, ...delegation },
      });
      return ok({ delegationId: id, ...delegation });
    });
