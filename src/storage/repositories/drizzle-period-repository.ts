import { and, eq } from 'drizzle-orm';
import type { PeriodRepository } from '../../domain/ports/period-repository.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { clients } from '../schema/index.js';

export function createDrizzlePeriodRepository(): PeriodRepository {
  return {
    async closedThrough(tx, organisationId, clientId, options) {
      const query = executorOf(tx)
        .select({ closedThrough: clients.closedThrough })
        .from(clients)
        .where(and(eq(clients.organisationId, organisationId), eq(clients.id, clientId)));
      const lock = options?.lock;
      const [row] = lock === undefined ? await query : await query.for(lock);
      return row?.closedThrough ?? undefined;
    },

    async setClosedThrough(tx, organisationId, clientId, through) {
      await executorOf(tx)
        .update(clients)
        .set({ closedThrough: through })
        .where(and(eq(clients.organisationId, organisationId), eq(clients.id, clientId)));
    },
  };
}
