// `rate <FROM> <TO> <rate> [date]` (docs/product-rules.md §2): finance or admin. One rate per pair and day; quoting
// the same day again replaces it, audited with the rate before and after. Expenses keep the rate they were converted
// at.
import { parseCurrencyCode, parseRate, type RateFailure } from '../money/index.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import { todayIn } from '../periods/calendar-date.js';
import { type DateInput, type DateInvalid, resolveDateInput } from '../periods/date-input.js';
import type { RateKey } from '../ports/settings-store.port.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type Answered, auditChange, originOf, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';

export type SetRateInput = {
  readonly from: string;
  readonly to: string;
  /** Decimal text: `7.1234`. */
  readonly rate: string;
  /** Absent: today in the organisation's calendar (UTC). */
  readonly date?: DateInput | undefined;
};

export type RateSet = {
  readonly outcome: 'added' | 'changed' | 'unchanged';
  readonly key: RateKey;
  readonly rate: string;
  readonly before?: string;
};

export type SetRateFailure =
  | Forbidden
  | RateFailure
  | DateInvalid
  | Failure<'CURRENCY_UNKNOWN' | 'RATE_SAME_CURRENCY'>;

export const setRate =
  (deps: AdminDeps) =>
  (ctx: RequestContext, input: SetRateInput): Promise<Result<Answered<RateSet>, SetRateFailure>> =>
    runChange<RateSet, SetRateFailure>(deps, originOf(ctx), 'rate', async (tx) => {
      const allowed = authorise(ctx.actor, 'manage-rates');
      if (!allowed.ok) return allowed;
      const from = parseCurrencyCode(input.from);
      if (from === undefined) return fail('CURRENCY_UNKNOWN', { text: input.from });
      const to = parseCurrencyCode(input.to);
      if (to === undefined) return fail('CURRENCY_UNKNOWN', { text: input.to });
      if (from === to) return fail('RATE_SAME_CURRENCY', { currency: from });
      const rate = parseRate(input.rate);
      if (!rate.ok) return rate;
      const today = todayIn(deps.clock.now().getTime(), 'UTC');
      const date = input.date === undefined ? ok(today) : resolveDateInput(input.date, today);
      if (!date.ok) return date;

      const org = ctx.organisationId;
      const by = ctx.actor.memberId;
      const key: RateKey = { from, to, effectiveOn: date.value };
      const entityId = `${from}/${to}@${date.value}`;
      let before = await deps.settingsStore.rateForUpdate(tx, org, key);
      if (before === undefined) {
        if (await deps.settingsStore.insertRate(tx, org, key, rate.value.text, by)) {
          await auditChange(deps, tx, originOf(ctx), {
            action: 'rate.added',
            entityType: 'exchange-rate',
            entityId,
            after: { ...key, rate: rate.value.text },
          });
          return ok({ outcome: 'added' as const, key, rate: rate.value.text });
        }
        // Quoted by someone else a moment ago: this becomes a change of theirs.
        before = await deps.settingsStore.rateForUpdate(tx, org, key);
      }
      if (before === undefined) throw new Error(`Rate ${entityId} neither inserted nor found`);
      const stored = parseRate(before);
      if (stored.ok && stored.value.text === rate.value.text) {
        return ok({ outcome: 'unchanged' as const, key, rate: rate.value.text, before });
      }
      await deps.settingsStore.updateRate(tx, org, key, rate.value.text, by);
      await auditChange(deps, tx, originOf(ctx), {
        action: 'rate.changed',
        entityType: 'exchange-rate',
        entityId,
        before: { ...key, rate: before },
        after: { ...key, rate: rate.value.text },
      });
      return ok({ outcome: 'changed' as const, key, rate: rate.value.text, before });
    });
