// Every change appends one audit event in the same transaction as the change (docs/product-rules.md §9).
// Personal data stays out of before/after: reference members by id so they can be erased later.

export type AuditPlatform = 'slack' | 'teams' | 'wecom' | 'console' | 'system' | 'scheduler' | 'cli';

export type AuditEventInput = {
  readonly organisationId: string;
  readonly actorId: string | null;
  readonly platform: AuditPlatform;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly requestId?: string;
};

export type AuditEvent = AuditEventInput & { readonly seq: number; readonly occurredAt: Date };

import type { Tx } from './unit-of-work.port.js';

export interface AuditLog {
  append(tx: Tx, event: AuditEventInput): Promise<void>;
}
