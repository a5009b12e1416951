import { describe, expect, it } from 'vitest';
import {
  type AuditChainEvent,
  type AuditSeal,
  GENESIS_HEAD,
  linkEvents,
} from '../../../../src/domain/audit/audit-chain.js';
import { verifyChain } from '../../../../src/domain/audit/verify-chain.js';
import { auditEvent } from './audit-fixtures.js';

// Seq 3 committed late: it was sealed after 4 and 5, at position 5.
const events: AuditChainEvent[] = [1, 2, 4, 5, 3].map((seq) => auditEvent(seq));
const seals: AuditSeal[] = linkEvents(GENESIS_HEAD, events);
const sealAt = (position: number): AuditSeal => {
  const seal = seals.find((s) => s.position === position);
  if (!seal) throw new Error(`no seal at ${position}`);
  return seal;
};
const withEvent = (seq: number, change: Partial<AuditChainEvent>) =>
  events.map((e) => (e.seq === seq ? { ...e, ...change } : e));

describe('verifyChain', () => {
  it('passes an intact chain and reports its head and length', () => {
    expect(verifyChain({ events, seals })).toEqual({
      ok: true,
      value: { verifiedThrough: { position: 5, hash: sealAt(5).hash }, count: 5 },
    });
  });

  it('passes an empty chain at the genesis head', () => {
    expect(verifyChain({ events: [], seals: [] })).toEqual({
      ok: true,
      value: { verifiedThrough: GENESIS_HEAD, count: 0 },
    });
  });

  it('takes seals in any order and ignores events not sealed yet', () => {
    const result = verifyChain({ events: [...events, auditEvent(6)], seals: [...seals].reverse() });
    expect(result.ok && result.value.count).toBe(5);
  });

  it('finds a changed event by position and seq', () => {
    const result = verifyChain({ events: withEvent(4, { after: { status: 'approved' } }), seals });
    expect(result).toEqual({
      ok: false,
      error: { code: 'AUDIT_EVENT_CHANGED', details: { position: 3, seq: 4 } },
    });
  });

  it('finds a changed key order harmless but a changed number not', () => {
    const reordered = withEvent(2, { after: { status: 'submitted', currency: 'CNY', amountMinor: 24_690 } });
    expect(verifyChain({ events: reordered, seals }).ok).toBe(true);
    const changed = withEvent(2, { after: { status: 'submitted', currency: 'CNY', amountMinor: 24_691 } });
    expect(verifyChain({ events: changed, seals }).ok).toBe(false);
  });

  it('finds a missing event', () => {
    const result = verifyChain({ events: events.filter((e) => e.seq !== 3), seals });
    expect(result).toEqual({
      ok: false,
      error: { code: 'AUDIT_EVENT_MISSING', details: { position: 5, seq: 3 } },
    });
  });

  it('finds a removed link', () => {
    const result = verifyChain({ events, seals: seals.filter((s) => s.position !== 2) });
    expect(result).toEqual({
      ok: false,
      error: { code: 'AUDIT_CHAIN_BROKEN', details: { position: 2, seq: null, reason: 'position-missing' } },
    });
  });

  it('finds a link rewritten to hide a changed event, at the next link', () => {
    const tampered = withEvent(2, { after: { status: 'approved' } });
    const forged = linkEvents({ position: 1, hash: sealAt(1).hash }, tampered.slice(1, 2));
    const result = verifyChain({
      events: tampered,
      seals: seals.map((s) => (s.position === 2 ? (forged[0] ?? s) : s)),
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'AUDIT_CHAIN_BROKEN', details: { position: 3, seq: 4, reason: 'previous-hash' } },
    });
  });

  it('finds one event sealed twice', () => {
    const twice = linkEvents(GENESIS_HEAD, [...events, auditEvent(1)]);
    const result = verifyChain({ events, seals: twice });
    expect(result).toEqual({
      ok: false,
      error: { code: 'AUDIT_CHAIN_BROKEN', details: { position: 6, seq: 1, reason: 'event-sealed-twice' } },
    });
  });

  it('passes through a matching anchor', () => {
    const result = verifyChain({ events, seals, anchor: { position: 3, hash: sealAt(3).hash } });
    expect(result.ok && result.value.verifiedThrough.position).toBe(5);
  });

  it('catches a chain rebuilt from scratch after a change, which verifies on its own', () => {
    const tampered = withEvent(4, { after: { status: 'approved' } });
    const rebuilt = linkEvents(GENESIS_HEAD, tampered);
    expect(verifyChain({ events: tampered, seals: rebuilt }).ok).toBe(true);
    const result = verifyChain({
      events: tampered,
      seals: rebuilt,
      anchor: { position: 4, hash: sealAt(4).hash },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'AUDIT_ANCHOR_MISMATCH',
        details: { position: 4, seq: 5, anchorHash: sealAt(4).hash, chainHash: rebuilt[3]?.hash ?? '' },
      },
    });
  });

  it('catches a chain cut short before the anchor', () => {
    const result = verifyChain({
      events,
      seals: seals.filter((s) => s.position <= 3),
      anchor: { position: 5, hash: sealAt(5).hash },
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'AUDIT_ANCHOR_BEYOND_HEAD', details: { position: 5, seq: null, headPosition: 3 } },
    });
  });

  it('reports the first problem in chain order', () => {
    const result = verifyChain({
      events: withEvent(1, { action: 'tampered' }).filter((e) => e.seq !== 3),
      seals,
      anchor: { position: 2, hash: 'f'.repeat(64) },
    });
    expect(!result.ok && result.error.code).toBe('AUDIT_EVENT_CHANGED');
    expect(!result.ok && result.error.details).toEqual({ position: 1, seq: 1 });
  });
});
