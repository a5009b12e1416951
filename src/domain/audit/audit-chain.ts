// The audit hash chain (docs/product-rules.md §9). Writers append events with a sequence number and never wait on
// each other; the sealer later links the committed events into a chain. Sequences can commit out of order, so the
// chain's order is the seal POSITION, not the event seq: an event that commits late is sealed at a later
// position. Each link hashes the previous link's hash with the canonical form of one event.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** An audit event as the chain sees it: exactly what is hashed. Personal data is referenced by id only. */
export type AuditChainEvent = {
  readonly organisationId: string;
  readonly seq: number;
  /** ISO 8601 in UTC with the stored precision, e.g. `2026-03-02T14:02:00.123456Z` (PostgreSQL keeps microseconds). */
  readonly occurredAt: string;
  /** A member id, never a name, so a person can be erased without breaking the chain. */
  readonly actorId: string | null;
  readonly platform: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string | null;
};

/** One link: the event sealed at `position`, chained to the link before it. */
export type AuditSeal = {
  readonly organisationId: string;
  readonly position: number;
  readonly eventSeq: number;
  readonly prevHash: string;
  readonly hash: string;
};

/** The last link of a chain; position 0 with the genesis hash is the empty chain. */
export type AuditChainHead = { readonly position: number; readonly hash: string };

export const GENESIS_HASH = '0'.repeat(64);
export const GENESIS_HEAD: AuditChainHead = { position: 0, hash: GENESIS_HASH };

const CHAIN_HASH = /^[0-9a-f]{64}$/;
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export const isChainHash = (text: string): boolean => CHAIN_HASH.test(text);

/** The hashed payload of one event, as canonical JSON (RFC 8785). */
export function canonicalAuditEvent(event: AuditChainEvent): string {
  if (!Number.isSafeInteger(event.seq) || event.seq < 1) {
    throw new RangeError(`audit event seq must be a positive safe integer, got ${event.seq}`);
  }
  if (!UTC_INSTANT.test(event.occurredAt)) {
    throw new RangeError(`audit event occurredAt must be an ISO 8601 UTC instant, got ${event.occurredAt}`);
  }
  return canonicalJson({
    organisationId: event.organisationId,
    seq: event.seq,
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    platform: event.platform,
    action: event.action,
    entity: { type: event.entityType, id: event.entityId },
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: event.requestId,
  });
}

/** SHA-256 (lowercase hex) of the previous link's hash, a newline, and the canonical event, in UTF-8. */
export function hashLink(prevHash: string, canonicalEvent: string): string {
  if (!isChainHash(prevHash)) throw new RangeError(`not a chain hash: ${prevHash}`);
  return createHash('sha256').update(`${prevHash}\n${canonicalEvent}`, 'utf8').digest('hex');
}

/** The seals that append `events`, in the order given, after `head`. */
export function linkEvents(head: AuditChainHead, events: readonly AuditChainEvent[]): AuditSeal[] {
  const seals: AuditSeal[] = [];
  let prev = head;
  for (const event of events) {
    const position = prev.position + 1;
    const hash = hashLink(prev.hash, canonicalAuditEvent(event));
    seals.push({
      organisationId: event.organisationId,
      position,
      eventSeq: event.seq,
      prevHash: prev.hash,
      hash,
    });
    prev = { position, hash };
  }
  return seals;
}

export const headOf = (seals: readonly AuditSeal[], fallback: AuditChainHead): AuditChainHead => {
  const last = seals.at(-1);
  return last ? { position: last.position, hash: last.hash } : fallback;
};
