// `audit verify [--anchor <position>:<hash>]`: the whole chain is re-derived, and, given an anchor recorded
// outside the database, must pass through it.
import type { AuditChainStore } from '../ports/audit-chain.port.js';
import type { UnitOfWork } from '../ports/unit-of-work.port.js';
import type { Result } from '../shared/result.js';
import type { AuditChainHead } from './audit-chain.js';
import { type AuditChainFailure, type VerifiedAuditChain, verifyChain } from './verify-chain.js';

export type VerifyAuditDeps = { readonly uow: UnitOfWork; readonly chain: AuditChainStore };

export const verifyAuditChain =
  (deps: VerifyAuditDeps) =>
  async (
    organisationId: string,
    anchor?: AuditChainHead,
  ): Promise<Result<VerifiedAuditChain, AuditChainFailure>> => {
    const records = await deps.uow.run((tx) => deps.chain.readChain(tx, organisationId));
    return verifyChain({ ...records, anchor });
  };
