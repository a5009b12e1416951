import type { Clock } from '../../domain/ports/clock.port.js';
import type { IdGenerator } from '../../domain/ports/id-generator.port.js';
import type { Outbox, OutboxMessageInput } from '../../domain/ports/outbox.port.js';
import type { Tx } from '../../domain/ports/unit-of-work.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { outbox } from '../schema/index.js';

const systemTime: Clock = { now: () => new Date() };

/** Messages are due from the injected clock's now, the same clock the delivery worker compares against. */
export function createDrizzleOutbox(ids: IdGenerator, clock: Clock = systemTime): Outbox {
  return {
    async enqueue(tx: Tx, message: OutboxMessageInput) {
      const written = await executorOf(tx)
        .insert(outbox)
        .values({
          organisationId: message.organisationId,
          id: ids.newId(),
          dedupeKey: message.dedupeKey,
          address: message.address,
          kind: message.kind,
          payload: message.payload,
          nextAttemptAt: clock.now(),
        })
        .onConflictDoNothing()
        .returning({ id: outbox.id });
      return written.length > 0;
    },
  };
}
