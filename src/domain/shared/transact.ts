import type { Tx, UnitOfWork } from '../ports/unit-of-work.port.js';
import type { Err, Result } from './result.js';

class Refusal<E> extends Error {
  constructor(readonly result: Err<E>) {
    super('refused');
  }
}

/**
 * Runs work that may refuse in one transaction. A refusal rolls everything back — so a refused request leaves
 * nothing behind, not even an idempotency claim — and comes back as the value it was.
 */
export async function transact<T, E>(
  uow: UnitOfWork,
  work: (tx: Tx) => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  try {
    return await uow.run(async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new Refusal(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result as Err<E>;
    throw error;
  }
}
