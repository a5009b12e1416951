// An anchor is a chain head recorded outside the database (a file under DATA_DIR, the admin channel). Someone
// with database rights can rewrite events AND re-seal the whole chain so that it verifies again; only a head
// kept elsewhere catches that. `audit verify --anchor <position>:<hash>` checks the chain still passes through it.
//
// The number is the seal POSITION in the chain (1 for the first sealed event), not the event seq: positions are
// what the chain is ordered by, and the anchor file and admin-channel message print them the same way.
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import type { AuditChainHead } from './audit-chain.js';

export type AuditAnchorInvalid = Failure<'AUDIT_ANCHOR_INVALID'>;

const ANCHOR = /^(\d{1,16}):([0-9a-fA-F]{64})$/;

/** Parses `<position>:<hash>`, e.g. `1042:9f86d0…`; the hash is 64 hex digits, either case. */
export function parseAnchor(text: string): Result<AuditChainHead, AuditAnchorInvalid> {
  const trimmed = text.trim();
  const match = ANCHOR.exec(trimmed);
  const position = match?.[1] === undefined ? Number.NaN : Number(match[1]);
  if (!match?.[2] || !Number.isSafeInteger(position) || position < 1) {
    return fail('AUDIT_ANCHOR_INVALID', { anchor: trimmed.slice(0, 100) });
  }
  return ok({ position, hash: match[2].toLowerCase() });
}

export const formatAnchor = (head: AuditChainHead): string => `${head.position}:${head.hash}`;
