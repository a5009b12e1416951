import type { AuditChainEvent } from '../../../../src/domain/audit/audit-chain.js';

export const auditEvent = (seq: number, overrides: Partial<AuditChainEvent> = {}): AuditChainEvent => ({
  organisationId: 'org-a',
  seq,
  occurredAt: `2026-03-02T14:02:${String(seq % 60).padStart(2, '0')}.123456Z`,
  actorId: 'm-1',
  platform: 'slack',
  action: 'expense.submitted',
  entityType: 'expense',
  entityId: `ACME-${seq}`,
  before: null,
  after: { amountMinor: 12_345 * seq, currency: 'CNY', status: 'submitted' },
  requestId: `req-${seq}`,
  ...overrides,
});
