import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { SchedulerDirectory } from '../../domain/ports/scheduler-directory.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { channelBindings, clients, organisations } from '../schema/index.js';

export function createDrizzleSchedulerDirectory(): SchedulerDirectory {
  return {
    async organisations(tx) {
      const rows = await executorOf(tx)
        .select({ id: organisations.id })
        .from(organisations)
        .orderBy(asc(organisations.id));
      return rows.map((r) => r.id);
    },

    async scheduledBindings(tx, organisationId, clientId) {
      const rows = await executorOf(tx)
        .select({
          bindingId: channelBindings.id,
          clientId: clients.id,
          clientCode: clients.code,
          schedule: channelBindings.reportSchedule,
          timeZone: clients.timeZone,
          createdAt: channelBindings.createdAt,
        })
        .from(channelBindings)
        .innerJoin(
          clients,
          and(
            eq(clients.organisationId, channelBindings.organisationId),
            eq(clients.id, channelBindings.clientId),
          ),
        )
        .where(
          and(
            eq(channelBindings.organisationId, organisationId),
            isNotNull(channelBindings.reportSchedule),
            eq(clients.status, 'active'),
            ...(clientId === undefined ? [] : [eq(clients.id, clientId)]),
          ),
        )
        .orderBy(asc(channelBindings.createdAt), asc(channelBindings.id));
      return rows.flatMap((r) =>
        r.schedule === null ? [] : [{ organisationId, ...r, schedule: r.schedule }],
      );
    },

    async clientIdByCode(tx, organisationId, code) {
      const [row] = await executorOf(tx)
        .select({ id: clients.id })
        .from(clients)
        .where(and(eq(clients.organisationId, organisationId), eq(clients.code, code)));
      return row?.id;
    },
  };
}
