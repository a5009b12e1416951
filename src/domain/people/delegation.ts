// "B on behalf of A while A is away": a delegation lets B decide what A could decide, up to and including
// its last day. It adds B; it does not take A's own right away (A may still click a card while travelling).
import { Temporal } from 'temporal-polyfill';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import type { MemberId } from './actor.js';

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

export type Delegation = {
  readonly fromMemberId: MemberId;
  readonly toMemberId: MemberId;
  /** The last day the delegate may act, inclusive. */
  readonly until: IsoDate;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const toPlainDate = (date: IsoDate): Temporal.PlainDate => {
  if (!ISO_DATE.test(date)) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(date)}`);
  return Temporal.PlainDate.from(date, { overflow: 'reject' });
};

export const isDelegationActive = (delegation: Delegation, today: IsoDate): boolean =>
  delegation.fromMemberId !== delegation.toMemberId &&
  Temporal.PlainDate.compare(toPlainDate(today), toPlainDate(delegation.until)) <= 0;

/** The delegates acting for `memberId` today, in the order given. */
export const activeDelegatesOf = (
  memberId: MemberId,
  delegations: readonly Delegation[],
  today: IsoDate,
): readonly MemberId[] =>
  delegations
    .filter((d) => d.fromMemberId === memberId && isDelegationActive(d, today))
    .map((d) => d.toMemberId);

export type DelegationFailure = Failure<'DELEGATE_TO_SELF' | 'DELEGATION_IN_PAST'>;

/** Checks a new `delegate <member> until <date>` before it is stored. */
export const checkNewDelegation = (
  delegation: Delegation,
  today: IsoDate,
): Result<Delegation, DelegationFailure> => {
  if (delegation.fromMemberId === delegation.toMemberId) {
    return fail('DELEGATE_TO_SELF', { memberId: delegation.fromMemberId });
  }
  if (Temporal.PlainDate.compare(toPlainDate(delegation.until), toPlainDate(today)) < 0) {
    return fail('DELEGATION_IN_PAST', { until: delegation.until, today });
  }
  return ok(delegation);
};
