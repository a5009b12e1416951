import type { MemberActor } from '../people/actor.js';
import type { AuditPlatform } from '../ports/audit-log.port.js';

/** Who is asking, from where: what every use case needs besides its own input. */
export type RequestContext = {
  readonly organisationId: string;
  readonly actor: MemberActor;
  readonly platform: AuditPlatform;
  /** Correlates logs and audit events of one inbound request. */
  readonly requestId?: string;
  /** A platform retry or double click carries the same key; the second time nothing changes. */
  readonly idempotencyKey?: string;
  /** The chat address the request came from. */
  readonly sourceAddress?: string;
};
