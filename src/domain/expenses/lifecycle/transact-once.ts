// The idempotency dance of every changing use case, once: claim the request's key first in the transaction
// that does the work, answer a repeat with what the first request remembered, and remember it on success.
import type { Tx } from '../../ports/unit-of-work.port.js';
import type { RequestContext } from '../../shared/request-context.js';
import { ok, type Result } from '../../shared/result.js';
import { transact } from '../../shared/transact.js';
import type { ExpenseDeps } from '../expense-deps.js';

/** The same request seen before: nothing changed; here is what it was about. */
export type Replayed<R> = { readonly replayed: true } & R;

/** A request about one expense, replayed. */
export type ReplayedExpenseRequest = Replayed<{ readonly expenseId: string }>;

export const transactOnce = <T, E, R extends Record<string, string>>(
  deps: Pick<ExpenseDeps, 'uow' | 'idempotency'>,
  ctx: RequestContext,
  operation: string,
  remember: (value: T) => R,
  work: (tx: Tx) => Promise<Result<T, E>>,
): Promise<Result<T | Replayed<R>, E>> =>
  transact<T | Replayed<R>, E>(deps.uow, async (tx) => {
    if (ctx.idempotencyKey !== undefined) {
      const claim = await deps.idempotency.claim<R>(tx, ctx.organisationId, ctx.idempotencyKey, operation);
      if (!claim.fresh) return ok({ ...claim.result, replayed: true as const });
    }
    const outcome = await work(tx);
    if (outcome.ok && ctx.idempotencyKey !== undefined) {
      await deps.idempotency.complete(tx, ctx.organisationId, ctx.idempotencyKey, remember(outcome.value));
    }
    return outcome;
  });
