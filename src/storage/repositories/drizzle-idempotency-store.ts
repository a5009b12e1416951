import { and, eq } from 'drizzle-orm';
import type { IdempotencyClaim, IdempotencyStore } from '../../domain/ports/idempotency.port.js';
import type { Tx } from '../../domain/ports/unit-of-work.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { idempotencyKeys } from '../schema/index.js';

const IN_PROGRESS = { inProgress: true };

export function createDrizzleIdempotencyStore(): IdempotencyStore {
  return {
    async claim<T>(
      tx: Tx,
      organisationId: string,
      key: string,
      operation: string,
    ): Promise<IdempotencyClaim<T>> {
      const db = executorOf(tx);
      // A concurrent claim of the same key waits here on the unique index until the first transaction ends.
      const inserted = await db
        .insert(idempotencyKeys)
        .values({ organisationId, key, operation, result: IN_PROGRESS })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length > 0) return { fresh: true };
      const [existing] = await db
        .select({ result: idempotencyKeys.result })
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.organisationId, organisationId), eq(idempotencyKeys.key, key)));
      return { fresh: false, result: existing?.result as T };
    },
    async complete(tx: Tx, organisationId: string, key: string, result: unknown) {
      await executorOf(tx)
        .update(idempotencyKeys)
        .set({ result })
        .where(and(eq(idempotencyKeys.organisationId, organisationId), eq(idempotencyKeys.key, key)));
    },
  };
}
