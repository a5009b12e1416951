import type { AuditEventInput, AuditLog } from '../../domain/ports/audit-log.port.js';
import type { Tx } from '../../domain/ports/unit-of-work.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { auditEvents } from '../schema/index.js';

export function createDrizzleAuditLog(): AuditLog {
  return {
    async append(tx: Tx, event: AuditEventInput) {
      await executorOf(tx)
        .insert(auditEvents)
        .values({
          organisationId: event.organisationId,
          actorId: event.actorId,
          platform: event.platform,
          action: event.action,
          entityType: event.entityType,
          entityId: event.entityId,
          before: event.before ?? null,
          after: event.after ?? null,
          requestId: event.requestId ?? null,
        });
    },
  };
}
