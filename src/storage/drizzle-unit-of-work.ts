import type { Tx, UnitOfWork } from '../domain/ports/unit-of-work.port.js';
import type { Database, Executor } from './open-database.js';

/** The domain's opaque transaction handle is, in storage, the drizzle transaction. */
export const executorOf = (tx: Tx): Executor => tx as unknown as Executor;

export function createDrizzleUnitOfWork(db: Database): UnitOfWork {
  return {
    run: (work) => db.transaction((transaction) => work(transaction as unknown as Tx)),
  };
}
