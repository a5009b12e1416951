// `approvers @client <stage 1..3> <member…>` (docs/product-rules.md §3): replaces one stage's list. Any one member of
// a stage's list may decide it, so the list is a set, kept in the order given.
import type { MemberId } from '../people/actor.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type Answered, auditChange, originOf, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';
import { type MemberNotFound, type MemberReference, resolveMember } from './resolve-member.js';
import { type ClientNotFound, findClient } from './target-client.js';

export type SetApproversInput = {
  readonly clientCode: string;
  readonly stage: number;
  readonly members: readonly MemberReference[];
};

export type ApproverListSet = {
  readonly clientId: string;
  readonly clientCode: string;
  readonly stage: number;
  readonly before: readonly MemberId[];
  readonly after: readonly MemberId[];
  readonly changed: boolean;
};

export type SetApproversFailure =
  | Forbidden
  | ClientNotFound
  | MemberNotFound
  | Failure<'STAGE_INVALID' | 'MEMBER_MISSING'>;

const STAGES: readonly number[] = [1, 2, 3];

export const setApprovers =
  (deps: AdminDeps) =>
  (
    ctx: RequestContext,
    input: SetApproversInput,
  ): Promise<Result<Answered<ApproverListSet>, SetApproversFailure>> =>
    runChange<ApproverListSet, SetApproversFailure>(deps, originOf(ctx), 'approvers', async (tx) => {
      const allowed = authorise(ctx.actor, 'manage-approvers');
      if (!allowed.ok) return allowed;
      if (!STAGES.includes(input.stage))
        return fail('STAGE_INVALID', { stage: input.stage, allowed: '1..3' });
      if (input.members.length === 0) return fail('MEMBER_MISSING');
      const org = ctx.organisationId;
      const client = await findClient(deps, tx, org, input.clientCode);
      if (!client.ok) return client;

      const after: MemberId[] = [];
      for (const ref of input.members) {
        const member = await resolveMember(deps, tx, org, ref);
        if (!member.ok) return member;
        if (!after.includes(member.value)) after.push(member.value);
      }
      const before = (await deps.directory.approverLists(tx, org, client.value.id)).get(input.stage) ?? [];
      const result = {
        clientId: client.value.id,
        clientCode: client.value.code,
        stage: input.stage,
        before,
        after,
      };
      if (before.length === after.length && before.every((id, i) => id === after[i])) {
        return ok({ ...result, changed: false });
      }
      await deps.admin.replaceApprovers(tx, org, client.value.id, input.stage, after, deps.clock.now());
      await auditChange(deps, tx, originOf(ctx), {
        action: 'approvers.set',
        entityType: 'client',
        entityId: client.value.id,
        before: { stage: input.stage, memberIds: before },
        after: { stage: input.stage, memberIds: after },
      });
      return ok({ ...result, changed: true });
    });
