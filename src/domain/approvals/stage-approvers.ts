// Who may decide a stage right now. Start from the stage's own list (the client's approvers for that
// stage, or finance for a finance stage), drop whoever separation of duties excludes, add the delegates of
// those still in; if nobody is left, the stage falls to finance, then to admin.
import type { MemberId } from '../people/actor.js';
import { activeDelegatesOf, type Delegation } from '../people/delegation.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import type { FellTo, PlannedStage } from './approval-stage.js';

export type EligibleApprover = {
  readonly memberId: MemberId;
  /** Set when this person may decide only as a delegate: recorded as "memberId on behalf of onBehalfOf". */
  readonly onBehalfOf?: MemberId;
};

export type StageApprovers = {
  /** In the order of the list they came from; any one of them may decide (或签). */
  readonly eligible: readonly EligibleApprover[];
  readonly fellTo: FellTo;
};

export type NoEligibleApprover = Failure<'NO_ELIGIBLE_APPROVER'>;

export type StageApproversRequest = {
  readonly stage: Pick<PlannedStage, 'index' | 'kind'>;
  /** The client's approver lists by stage (1..3). */
  readonly approverLists: ReadonlyMap<number, readonly MemberId[]>;
  readonly submitterId: MemberId;
  /** Who decided earlier stages of this round, and those they acted for (see `membersWhoDecided`). */
  readonly decidedBy: readonly MemberId[];
  readonly delegations: readonly Delegation[];
  /** Today in the client's time zone, `YYYY-MM-DD`: delegations run through their `until` day. */
  readonly today: string;
  readonly finance: readonly MemberId[];
  readonly admins: readonly MemberId[];
  /**
   * Set once a step waited past the escalation hours (docs/product-rules.md §3): finance — or admin, when no finance
   * member may decide it — may decide it too, beside whoever the stage's own list still names.
   */
  readonly escalatedTo?: 'finance' | 'admin' | undefined;
};

const LEVEL_RANK: Readonly<Record<FellTo, number>> = { approvers: 0, finance: 1, admin: 2 };

const eligibleAmong = (
  principals: readonly MemberId[],
  excluded: ReadonlySet<MemberId>,
  delegations: readonly Delegation[],
  today: string,
): readonly EligibleApprover[] => {
  const eligible: EligibleApprover[] = [];
  const seen = new Set<MemberId>();
  const allowed = principals.filter((p) => !excluded.has(p));
  for (const memberId of allowed) {
    if (seen.has(memberId)) continue;
    seen.add(memberId);
    eligible.push({ memberId });
  }
  // A delegate carries only the authority of someone still eligible: acting for the submitter, or for
  // someone who already decided a stage, would break separation of duties by proxy.
  for (const principal of allowed) {
    for (const delegate of activeDelegatesOf(principal, delegations, today)) {
      if (excluded.has(delegate) || seen.has(delegate)) continue;
      seen.add(delegate);
      eligible.push({ memberId: delegate, onBehalfOf: principal });
    }
  }
  return eligible;
};

export const resolveStageApprovers = (
  request: StageApproversRequest,
): Result<StageApprovers, NoEligibleApprover> => {
  const { stage } = request;
  const excluded = new Set<MemberId>([request.submitterId, ...request.decidedBy]);
  const levels: readonly (readonly [FellTo, readonly MemberId[]])[] = [
    ...(stage.kind === 'approvers'
      ? [['approvers', request.approverLists.get(stage.index) ?? []] as const]
      : []),
    ['finance', request.finance],
    ['admin', request.admins],
  ];
  for (const [fellTo, principals] of levels) {
    const eligible = eligibleAmong(principals, excluded, request.delegations, request.today);
    if (eligible.length > 0)
      return ok({ eligible: withEscalation(request, excluded, fellTo, eligible), fellTo });
  }
  return fail('NO_ELIGIBLE_APPROVER', {
    stage: stage.index,
    stageKind: stage.kind,
    // Admins can name more approvers (`approvers @client <stage> …`) even when they may not decide this one.
    askAdmins: request.admins.join(', '),
  });
};

export type StageEscalation = {
  readonly level: 'finance' | 'admin';
  readonly approvers: readonly EligibleApprover[];
};

/**
 * Whom a step that waited too long escalates to: past the stage's own list to finance (admin when no finance member
 * may decide it), past finance to admin; past admin there is nobody left, so `undefined`.
 */
export const escalationFor = (
  request: StageApproversRequest,
  fellTo: FellTo,
): StageEscalation | undefined => {
  const excluded = new Set<MemberId>([request.submitterId, ...request.decidedBy]);
  const among = (principals: readonly MemberId[]) =>
    eligibleAmong(principals, excluded, request.delegations, request.today);
  if (fellTo === 'approvers') {
    const finance = among(request.finance);
    if (finance.length > 0) return { level: 'finance', approvers: finance };
  }
  if (fellTo === 'admin') return undefined;
  const admins = among(request.admins);
  return admins.length > 0 ? { level: 'admin', approvers: admins } : undefined;
};

function withEscalation(
  request: StageApproversRequest,
  excluded: ReadonlySet<MemberId>,
  fellTo: FellTo,
  eligible: readonly EligibleApprover[],
): readonly EligibleApprover[] {
  const { escalatedTo } = request;
  if (escalatedTo === undefined || LEVEL_RANK[escalatedTo] <= LEVEL_RANK[fellTo]) return eligible;
  const finance =
    escalatedTo === 'finance'
      ? eligibleAmong(request.finance, excluded, request.delegations, request.today)
      : [];
  // Escalated to finance but none may decide: it goes on to admin, as a fall would.
  const added =
    finance.length > 0
      ? finance
      : eligibleAmong(request.admins, excluded, request.delegations, request.today);
  const seen = new Set(eligible.map((e) => e.memberId));
  return [...eligible, ...added.filter((e) => !seen.has(e.memberId))];
}
