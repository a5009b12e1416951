// What the audit sealer and verifier need from storage (docs/product-rules.md §9). Sealing one organisation's chain
// is serialised by `lockChain`; writers of events never take it, so they never wait on the sealer or each other.
import type { AuditChainEvent, AuditChainHead, AuditSeal } from '../audit/audit-chain.js';
import type { ChatAddress } from './outbox.port.js';
import type { Tx } from './unit-of-work.port.js';

export type AuditChainRecords = {
  /** Seals by position, through the requested position. */
  readonly seals: readonly AuditSeal[];
  /** The events those seals name that still exist; a sealed event that is gone is simply absent. */
  readonly events: readonly AuditChainEvent[];
};

export interface AuditChainStore {
  /** Held until `tx` ends: one sealer per organisation at a time. */
  lockChain(tx: Tx, organisationId: string): Promise<void>;
  /** The last seal, or null before anything is sealed. */
  head(tx: Tx, organisationId: string): Promise<AuditChainHead | null>;
  /** Committed events without a seal, lowest seq first. */
  unsealedEvents(tx: Tx, organisationId: string, limit: number): Promise<readonly AuditChainEvent[]>;
  appendSeals(tx: Tx, seals: readonly AuditSeal[]): Promise<void>;
  /** Seals and their events read at one instant, so a seal committed meanwhile never looks like a lost event. */
  readChain(tx: Tx, organisationId: string, throughPosition?: number): Promise<AuditChainRecords>;
  organisationsWithUnsealed(tx: Tx): Promise<readonly string[]>;
  /** The organisation's admin channel (a binding with audience `admin`), if one is bound. */
  adminChannel(tx: Tx, organisationId: string): Promise<ChatAddress | null>;
}

export type RecordedAuditHead = AuditChainHead & { readonly at: Date };

/** Somewhere outside the database that keeps every recorded head (an append-only file under DATA_DIR). */
export interface AuditAnchorSink {
  record(organisationId: string, head: RecordedAuditHead): Promise<void>;
}
