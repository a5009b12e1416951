import { and, eq, sql } from 'drizzle-orm';
import type {
  DeliveryRefs,
  PlatformRecordKey,
  PlatformRecords,
} from '../../domain/ports/platform-records.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { outbox, platformRecords } from '../schema/index.js';

const matches = (key: PlatformRecordKey) =>
  and(
    eq(platformRecords.organisationId, key.organisationId),
    eq(platformRecords.platform, key.platform),
    eq(platformRecords.kind, key.kind),
    eq(platformRecords.key, key.key),
  );

export function createDrizzlePlatformRecords(): PlatformRecords {
  return {
    async get<T>(tx: Parameters<PlatformRecords['get']>[0], key: PlatformRecordKey) {
      const [row] = await executorOf(tx)
        .select({ value: platformRecords.value })
        .from(platformRecords)
        .where(matches(key));
      return row?.value as T | undefined;
    },
    async put(tx, key, value) {
      await executorOf(tx)
        .insert(platformRecords)
        .values({ ...key, value })
        .onConflictDoUpdate({
          target: [
            platformRecords.organisationId,
            platformRecords.platform,
            platformRecords.kind,
            platformRecords.key,
          ],
          set: { value, updatedAt: sql`now()` },
        });
    },
    async putIfAbsent(tx, key, value) {
      const written = await executorOf(tx)
        .insert(platformRecords)
        .values({ ...key, value })
        .onConflictDoNothing()
        .returning({ key: platformRecords.key });
      return written.length > 0;
    },
    async remove(tx, key) {
      await executorOf(tx).delete(platformRecords).where(matches(key));
    },
    async removeOlderThan(tx, scope, cutoff) {
      // The writer's clock, not the row's timestamps: tests and replays run on a clock of their own.
      const removed = await executorOf(tx)
        .delete(platformRecords)
        .where(
          and(
            eq(platformRecords.organisationId, scope.organisationId),
            eq(platformRecords.platform, scope.platform),
            eq(platformRecords.kind, scope.kind),
            sql`${platformRecords.value}->>'at' < ${cutoff.toISOString()}`,
          ),
        )
        .returning({ key: platformRecords.key });
      return removed.length;
    },
  };
}

export function createDrizzleDeliveryRefs(): DeliveryRefs {
  return {
    async refOf(tx, organisationId, dedupeKey) {
      const [row] = await executorOf(tx)
        .select({ ref: outbox.deliveryRef })
        .from(outbox)
        .where(and(eq(outbox.organisationId, organisationId), eq(outbox.dedupeKey, dedupeKey)));
      return row?.ref ?? undefined;
    },
  };
}
