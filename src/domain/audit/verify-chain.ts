// Re-derives every link from the events as they are now and compares it with what the sealer wrote. The first
// problem in chain order is reported, with the position and event seq a person needs to look at.
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import {
  type AuditChainEvent,
  type AuditChainHead,
  type AuditSeal,
  canonicalAuditEvent,
  GENESIS_HEAD,
  hashLink,
} from './audit-chain.js';

export type AuditChainFailureCode =
  /** The event sealed at `position` no longer hashes to its seal: its content was changed. */
  | 'AUDIT_EVENT_CHANGED'
  /** The event sealed at `position` is gone. */
  | 'AUDIT_EVENT_MISSING'
  /** The links themselves do not join up: a seal was removed, inserted or rewritten (`reason` says how). */
  | 'AUDIT_CHAIN_BROKEN'
  /** The chain verifies on its own but does not pass through the anchor: it was rebuilt after the anchor. */
  | 'AUDIT_ANCHOR_MISMATCH'
  /** The anchor names a position the chain does not reach: links after it were removed. */
  | 'AUDIT_ANCHOR_BEYOND_HEAD';

export type AuditChainFailure = Failure<AuditChainFailureCode>;

export type VerifiedAuditChain = { readonly verifiedThrough: AuditChainHead; readonly count: number };

export type AuditChainToVerify = {
  readonly events: readonly AuditChainEvent[];
  /** In any order; the chain order is position. */
  readonly seals: readonly AuditSeal[];
  readonly anchor?: AuditChainHead | undefined;
};

export function verifyChain(chain: AuditChainToVerify): Result<VerifiedAuditChain, AuditChainFailure> {
  const eventsBySeq = new Map(chain.events.map((event) => [event.seq, event]));
  const seals = [...chain.seals].sort((a, b) => a.position - b.position);
  const { anchor } = chain;
  const sealedSeqs = new Set<number>();
  let head = GENESIS_HEAD;

  if (anchor?.position === 0 && anchor.hash !== GENESIS_HEAD.hash) {
    return fail('AUDIT_ANCHOR_MISMATCH', { position: 0, seq: null, anchorHash: anchor.hash });
  }
  for (const seal of seals) {
    const position = head.position + 1;
    const seq = seal.eventSeq;
    if (seal.position !== position) {
      return fail('AUDIT_CHAIN_BROKEN', { position, seq: null, reason: 'position-missing' });
    }
    if (seal.prevHash !== head.hash) {
      return fail('AUDIT_CHAIN_BROKEN', { position, seq, reason: 'previous-hash' });
    }
    if (sealedSeqs.has(seq)) {
      return fail('AUDIT_CHAIN_BROKEN', { position, seq, reason: 'event-sealed-twice' });
    }
    sealedSeqs.add(seq);
    const event = eventsBySeq.get(seq);
    if (!event) return fail('AUDIT_EVENT_MISSING', { position, seq });
    if (hashLink(head.hash, canonicalAuditEvent(event)) !== seal.hash) {
      return fail('AUDIT_EVENT_CHANGED', { position, seq });
    }
    head = { position, hash: seal.hash };
    if (anchor && anchor.position === position && anchor.hash !== seal.hash) {
      return fail('AUDIT_ANCHOR_MISMATCH', { position, seq, anchorHash: anchor.hash, chainHash: seal.hash });
    }
  }
  if (anchor && anchor.position > head.position) {
    return fail('AUDIT_ANCHOR_BEYOND_HEAD', {
      position: anchor.position,
      seq: null,
      headPosition: head.position,
    });
  }
  return ok({ verifiedThrough: head, count: seals.length });
}
