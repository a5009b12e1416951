import { tierLimitFor } from '../approvals/approval-tiers.js';
import type { Policy } from '../policy/policy.js';
import type { Finding } from './finding.js';
import { isLive, type NeighbourExpense, othersThan, type RiskCandidate } from './risk-inputs.js';

/**
 * Several items by one person for one client and category on one day, each within an approval tier but together
 * above it: the pattern of splitting a bill to need fewer approvals.
 */
export const checkSplit = (
  candidate: RiskCandidate,
  neighbours: readonly NeighbourExpense[],
  policy: Policy,
): Finding | undefined => {
  const sameDay = othersThan(candidate, neighbours).filter(
    (other) =>
      isLive(other) &&
      other.submitterId === candidate.submitterId &&
      other.clientId === candidate.clientId &&
      other.categoryCode === candidate.categoryCode &&
      other.incurredOn === candidate.incurredOn,
  );
  if (sameDay.length === 0) return undefined;
  const amounts = [candidate.clientAmountMinor, ...sameDay.map((other) => other.clientAmountMinor)];
  const largest = Math.max(...amounts);
  const tierLimit = tierLimitFor(largest, policy.tiers);
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  if (tierLimit === null || total <= tierLimit) return undefined;
  return {
    code: 'SPLIT_SUSPECTED',
    severity: 'warn',
    evidence: {
      count: amounts.length,
      date: candidate.incurredOn,
      category: candidate.categoryCode,
      minItemMinor: Math.min(...amounts),
      maxItemMinor: largest,
      tierLimitMinor: tierLimit,
      totalMinor: total,
      currency: candidate.clientCurrency,
      otherIds: sameDay.map((other) => other.id).join(','),
    },
  };
};
