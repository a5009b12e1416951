// The daily anchor: the chain head goes to a file outside the database and, when the organisation has an admin
// channel, to that channel through the outbox, so a rebuilt chain can be caught later (`audit verify --anchor`).
// Run the sealer first so the head is current.
import type { AuditAnchorSink, AuditChainStore, RecordedAuditHead } from '../ports/audit-chain.port.js';
import type { Clock } from '../ports/clock.port.js';
import type { Outbox } from '../ports/outbox.port.js';
import type { UnitOfWork } from '../ports/unit-of-work.port.js';

export const AUDIT_HEAD_MESSAGE_KIND = 'audit-head';

export type RecordAuditHeadDeps = {
  readonly uow: UnitOfWork;
  readonly chain: AuditChainStore;
  readonly anchors: AuditAnchorSink;
  readonly outbox: Outbox;
  readonly clock: Clock;
};

export type AuditHeadPayload = { readonly position: number; readonly hash: string; readonly at: string };

export type RecordedAuditHeadResult = {
  /** Null while nothing is sealed: there is no head worth keeping yet. */
  readonly head: RecordedAuditHead | null;
  /** True when a message to the admin channel was enqueued; false without a channel or when today's was sent. */
  readonly announced: boolean;
};

/** One admin-channel message per organisation per UTC day; the anchor file gets a line on every call. */
export const auditHeadDedupeKey = (organisationId: string, at: Date): string =>
  `audit-head:${organisationId}:${at.toISOString().slice(0, 10)}`;

export const recordAuditHead =
  (deps: RecordAuditHeadDeps) =>
  (organisationId: string): Promise<RecordedAuditHeadResult> =>
    deps.uow.run(async (tx) => {
      const sealed = await deps.chain.head(tx, organisationId);
      if (!sealed) return { head: null, announced: false };
      const head: RecordedAuditHead = { ...sealed, at: deps.clock.now() };
      // The file first: should the message fail to commit, the file still holds a true head, which is harmless.
      await deps.anchors.record(organisationId, head);
      const address = await deps.chain.adminChannel(tx, organisationId);
      if (!address) return { head, announced: false };
      const payload: AuditHeadPayload = {
        position: head.position,
        hash: head.hash,
        at: head.at.toISOString(),
      };
      const announced = await deps.outbox.enqueue(tx, {
        organisationId,
        dedupeKey: auditHeadDedupeKey(organisationId, head.at),
        address,
        kind: AUDIT_HEAD_MESSAGE_KIND,
        payload,
      });
      return { head, announced };
    });
