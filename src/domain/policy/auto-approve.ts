import { type Finding, needsAttention } from '../risk/finding.js';
import type { Policy } from './policy.js';

export type AutoApprovalDecision = 'auto-approve' | 'audit-sample' | 'normal';

export type AutoApprovalEligibility =
  | { readonly eligible: true }
  | {
      readonly eligible: false;
      readonly reason: 'NO_AUTO_APPROVE_LIMIT' | 'ABOVE_AUTO_APPROVE_LIMIT' | 'NOT_A_SPEND' | 'HAS_FINDINGS';
    };

export type AutoApprovalInput = {
  /** In the client's currency. */
  readonly amountMinor: number;
  readonly findings: readonly Finding[];
  readonly policy: Policy;
};

/** Whether an item could skip the chain, before the audit sample is drawn. The limit itself is included. */
export const autoApprovalEligibility = (input: AutoApprovalInput): AutoApprovalEligibility => {
  const limit = input.policy.autoApproveLimitMinor;
  if (limit === undefined) return { eligible: false, reason: 'NO_AUTO_APPROVE_LIMIT' };
  if (input.amountMinor <= 0) return { eligible: false, reason: 'NOT_A_SPEND' };
  if (input.amountMinor > limit) return { eligible: false, reason: 'ABOVE_AUTO_APPROVE_LIMIT' };
  if (needsAttention(input.findings)) return { eligible: false, reason: 'HAS_FINDINGS' };
  return { eligible: true };
};

/**
 * Auto-approves a small, clean item unless the audit sample picks it, in which case it follows the normal chain.
 * `sample` is injected randomness returning an integer 0..9999; it is drawn only for eligible items, so a seeded
 * source stays reproducible.
 */
export const shouldAutoApprove = (
  input: AutoApprovalInput & { readonly sample: () => number },
): AutoApprovalDecision => {
  if (!autoApprovalEligibility(input).eligible) return 'normal';
  const drawn = input.sample();
  if (!Number.isInteger(drawn) || drawn < 0 || drawn > 9_999) {
    throw new RangeError(`The audit sample must be an integer 0..9999, got ${drawn}`);
  }
  return drawn < input.policy.auditSampleBasisPoints ? 'audit-sample' : 'auto-approve';
};
