// `close @client <period>`: finance or an admin settles a client's history through the end of a period that
// is over. Expenses dated on or before that day can no longer be logged, edited or voided; corrections go in as
// adjustments. The closed date only ever moves forward.
import { authorise, type Forbidden } from '../../people/permissions.js';
import { compareDates, type IsoDate, todayIn } from '../../periods/calendar-date.js';
import type { PeriodRange } from '../../periods/period-range.js';
import { type PeriodInvalid, reportPeriod } from '../../periods/report-period.js';
import type { ClientRecord } from '../../ports/directory.port.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import type { RequestContext } from '../../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../../shared/result.js';
import type { LifecycleDeps } from './lifecycle-deps.js';
import { type Replayed, transactOnce } from './transact-once.js';

export type ClosePeriodInput = {
  readonly clientCode: string;
  /** As typed: `last-month`, `2026-02`, `2026-Q1`, `上月`… resolved in the client's time zone. */
  readonly period: string;
};

export type ClosedPeriod = {
  readonly replayed: false;
  readonly client: ClientRecord;
  readonly period: PeriodRange;
  readonly closedThrough: IsoDate;
  readonly previouslyClosedThrough: IsoDate | undefined;
};

export type ClosePeriodFailure =
  | Forbidden
  | PeriodInvalid
  | Failure<'CLIENT_UNKNOWN' | 'PERIOD_NOT_ENDED' | 'PERIOD_ALREADY_CLOSED'>;

const OPERATION = 'close-period';

export const closePeriod =
  (deps: LifecycleDeps) =>
  (
    ctx: RequestContext,
    input: ClosePeriodInput,
  ): Promise<Result<ClosedPeriod | Replayed<{ readonly clientId: string }>, ClosePeriodFailure>> =>
    transactOnce(
      deps,
      ctx,
      OPERATION,
      (value: ClosedPeriod) => ({ clientId: value.client.id }),
      (tx) => closeInTransaction(deps, tx, ctx, input),
    );

async function closeInTransaction(
  deps: LifecycleDeps,
  tx: Tx,
  ctx: RequestContext,
  input: ClosePeriodInput,
): Promise<Result<ClosedPeriod, ClosePeriodFailure>> {
  const org = ctx.organisationId;
  const allowed = authorise(ctx.actor, 'close-period');
  if (!allowed.ok) return allowed;
  // Archived clients still have history to settle, so they are found too.
  const client = await deps.directory.clientByCode(tx, org, input.clientCode.toLowerCase());
  if (!client) return fail('CLIENT_UNKNOWN', { code: input.clientCode });
  const today = todayIn(deps.clock.now().getTime(), client.timeZone);
  const period = reportPeriod(input.period, today);
  if (!period.ok) return period;
  const through = period.value.end;
  // A period still running would shut the door on today's expenses.
  if (compareDates(through, today) >= 0) {
    return fail('PERIOD_NOT_ENDED', { period: period.value.key, end: through, today });
  }
  const previous = await deps.periods.closedThrough(tx, org, client.id, { lock: 'update' });
  if (previous !== undefined && compareDates(through, previous) <= 0) {
    return fail('PERIOD_ALREADY_CLOSED', {
      client: client.code,
      period: period.value.key,
      closedThrough: previous,
      requestedThrough: through,
    });
  }
  await deps.periods.setClosedThrough(tx, org, client.id, through);
  await deps.audit.append(tx, {
    organisationId: org,
    actorId: ctx.actor.memberId,
    platform: ctx.platform,
    action: 'period.closed',
    entityType: 'client',
    entityId: client.id,
    before: { closedThrough: previous ?? null },
    after: { closedThrough: through, period: period.value.key },
    ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  });
  return ok({
    replayed: false as const,
    client: { ...client, closedThrough: through },
    period: period.value,
    closedThrough: through,
    previouslyClosedThrough: previous,
  });
}
