// The sealer: links committed, unsealed events into the chain in seq order, a batch per transaction so one
// run never holds the lock for long. An event whose transaction commits after higher seqs were sealed is
// picked up by a later run and sealed at the next position; the chain order is position, so nothing breaks.
import type { AuditChainStore } from '../ports/audit-chain.port.js';
import type { UnitOfWork } from '../ports/unit-of-work.port.js';
import { type AuditChainHead, GENESIS_HEAD, headOf, linkEvents } from './audit-chain.js';

export const DEFAULT_SEAL_BATCH_SIZE = 500;

export type SealAuditDeps = {
  readonly uow: UnitOfWork;
  readonly chain: AuditChainStore;
  readonly batchSize?: number;
};

export type SealedAuditChain = { readonly sealed: number; readonly head: AuditChainHead };

export const sealAuditEvents =
  (deps: SealAuditDeps) =>
  async (organisationId: string): Promise<SealedAuditChain> => {
    const batchSize = deps.batchSize ?? DEFAULT_SEAL_BATCH_SIZE;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size ${batchSize}`);
    let sealed = 0;
    for (;;) {
      const batch = await deps.uow.run(async (tx) => {
        await deps.chain.lockChain(tx, organisationId);
        // Read only after the lock: the previous holder's seals are committed and visible by now.
        const head = (await deps.chain.head(tx, organisationId)) ?? GENESIS_HEAD;
        const events = await deps.chain.unsealedEvents(tx, organisationId, batchSize);
        const seals = linkEvents(head, events);
        await deps.chain.appendSeals(tx, seals);
        return { count: seals.length, head: headOf(seals, head) };
      });
      sealed += batch.count;
      if (batch.count < batchSize) return { sealed, head: batch.head };
    }
  };

export type SealedOrganisation = SealedAuditChain & { readonly organisationId: string };

export const sealAllOrganisations =
  (deps: SealAuditDeps) => async (): Promise<readonly SealedOrganisation[]> => {
    const organisations = await deps.uow.run((tx) => deps.chain.organisationsWithUnsealed(tx));
    const seal = sealAuditEvents(deps);
    const results: SealedOrganisation[] = [];
    for (const organisationId of organisations) {
      results.push({ organisationId, ...(await seal(organisationId)) });
    }
    return results;
  };
