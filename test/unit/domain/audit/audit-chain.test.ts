import { describe, expect, it } from 'vitest';
import {
  canonicalAuditEvent,
  GENESIS_HASH,
  GENESIS_HEAD,
  hashLink,
  linkEvents,
} from '../../../../src/domain/audit/audit-chain.js';
import { auditEvent } from './audit-fixtures.js';

describe('canonicalAuditEvent', () => {
  it('hashes organisation, seq, time, actor id, platform, action, entity, before, after and request id', () => {
    const event = auditEvent(7, {
      before: { status: 'draft', amountMinor: 100 },
      after: { status: 'submitted' },
    });
    expect(canonicalAuditEvent(event)).toBe(
      '{"action":"expense.submitted","actorId":"m-1","after":{"status":"submitted"},' +
        '"before":{"amountMinor":100,"status":"draft"},"entity":{"id":"ACME-7","type":"expense"},' +
        '"occurredAt":"2026-03-02T14:02:07.123456Z","organisationId":"org-a","platform":"slack",' +
        '"requestId":"req-7","seq":7}',
    );
  });

  it('does not depend on the key order of before and after (jsonb reorders keys)', () => {
    const a = auditEvent(1, { after: { status: 'submitted', amountMinor: 5, tags: ['x', 'y'] } });
    const b = auditEvent(1, { after: { tags: ['x', 'y'], amountMinor: 5, status: 'submitted' } });
    expect(canonicalAuditEvent(a)).toBe(canonicalAuditEvent(b));
  });

  it('changes with every hashed field', () => {
    const base = canonicalAuditEvent(auditEvent(3));
    const variants = [
      auditEvent(3, { organisationId: 'org-b' }),
      auditEvent(4, { entityId: 'ACME-3', requestId: 'req-3', after: auditEvent(3).after }),
      auditEvent(3, { occurredAt: '2026-03-02T14:02:03.123457Z' }),
      auditEvent(3, { actorId: 'm-2' }),
      auditEvent(3, { actorId: null }),
      auditEvent(3, { platform: 'teams' }),
      auditEvent(3, { action: 'expense.approved' }),
      auditEvent(3, { entityType: 'budget' }),
      auditEvent(3, { entityId: 'ACME-4' }),
      auditEvent(3, { before: { status: 'draft' } }),
      auditEvent(3, { after: { amountMinor: 37_036, currency: 'CNY', status: 'submitted' } }),
      auditEvent(3, { requestId: null }),
    ];
    for (const variant of variants) expect(canonicalAuditEvent(variant)).not.toBe(base);
  });

  it('writes absent before/after as null', () => {
    expect(canonicalAuditEvent(auditEvent(1, { before: undefined }))).toContain('"before":null');
  });

  it('refuses a seq or time it could not reproduce exactly', () => {
    expect(() => canonicalAuditEvent(auditEvent(0))).toThrow(RangeError);
    expect(() => canonicalAuditEvent(auditEvent(2 ** 53))).toThrow(RangeError);
    expect(() => canonicalAuditEvent(auditEvent(1, { occurredAt: '2026-03-02 14:02:00+08' }))).toThrow(
      RangeError,
    );
  });
});

describe('hashLink', () => {
  it('is SHA-256 hex of the previous hash, a newline and the canonical event', () => {
    // printf '%s\n%s' 000…0 '{"a":1}' | sha256sum
    expect(hashLink(GENESIS_HASH, '{"a":1}')).toBe(
      'f21735afd2cd6af4fc5804b0045cebfd545aef8396d29d030c39cb8880b45b7f',
    );
  });

  it('depends on the previous hash', () => {
    expect(hashLink('1'.repeat(64), '{"a":1}')).not.toBe(hashLink(GENESIS_HASH, '{"a":1}'));
  });

  it('refuses something that is not a chain hash as the previous link', () => {
    expect(() => hashLink('abc', '{}')).toThrow(RangeError);
    expect(() => hashLink('F'.repeat(64), '{}')).toThrow(RangeError);
  });

  it('starts from 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
    expect(GENESIS_HEAD).toEqual({ position: 0, hash: GENESIS_HASH });
  });
});

describe('linkEvents', () => {
  it('gives consecutive positions after the head, each chained to the one before', () => {
    const events = [auditEvent(2), auditEvent(5), auditEvent(9)];
    const seals = linkEvents(GENESIS_HEAD, events);
    expect(seals.map((s) => [s.position, s.eventSeq])).toEqual([
      [1, 2],
      [2, 5],
      [3, 9],
    ]);
    expect(seals[0]?.prevHash).toBe(GENESIS_HASH);
    expect(seals[0]?.hash).toBe(hashLink(GENESIS_HASH, canonicalAuditEvent(auditEvent(2))));
    expect(seals[1]?.prevHash).toBe(seals[0]?.hash);
    expect(seals[2]?.prevHash).toBe(seals[1]?.hash);
  });

  it('continues an existing chain, so sealing in two runs equals sealing in one', () => {
    const events = [auditEvent(1), auditEvent(2), auditEvent(3), auditEvent(4)];
    const all = linkEvents(GENESIS_HEAD, events);
    const first = linkEvents(GENESIS_HEAD, events.slice(0, 2));
    const last = first.at(-1);
    if (!last) throw new Error('expected seals');
    const rest = linkEvents({ position: last.position, hash: last.hash }, events.slice(2));
    expect([...first, ...rest]).toEqual(all);
  });

  it('seals nothing when there is nothing to seal', () => {
    expect(linkEvents(GENESIS_HEAD, [])).toEqual([]);
  });
});
