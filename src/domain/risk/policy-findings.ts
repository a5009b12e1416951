import type { IsoDate } from '../periods/calendar-date.js';
import { daysBetween } from '../periods/calendar-date.js';
import { categoryRules, type Policy } from '../policy/policy.js';
import type { Finding } from './finding.js';
import type { RiskCandidate } from './risk-inputs.js';

export const checkProhibitedCategory = (candidate: RiskCandidate, policy: Policy): Finding | undefined =>
  categoryRules(policy, candidate.categoryCode).prohibited
    ? {
        code: 'PROHIBITED_CATEGORY',
        severity: 'high',
        evidence: {
          category: candidate.categoryCode,
          amountMinor: candidate.clientAmountMinor,
          currency: candidate.clientCurrency,
        },
      }
    : undefined;

export const checkCategoryLimit = (candidate: RiskCandidate, policy: Policy): Finding | undefined => {
  const { limitMinor } = categoryRules(policy, candidate.categoryCode);
  if (limitMinor === undefined || candidate.clientAmountMinor <= limitMinor) return undefined;
  return {
    code: 'OVER_CATEGORY_LIMIT',
    severity: 'warn',
    evidence: {
      category: candidate.categoryCode,
      amountMinor: candidate.clientAmountMinor,
      limitMinor,
      overByMinor: candidate.clientAmountMinor - limitMinor,
      currency: candidate.clientCurrency,
    },
  };
};

/** A declared reason ("taxi driver had no invoice") answers the requirement; the approver judges it. */
export const checkMissingReceipt = (candidate: RiskCandidate, policy: Policy): Finding | undefined => {
  const { receiptThresholdMinor } = categoryRules(policy, candidate.categoryCode);
  const hasReceipt = candidate.receiptSha256.length > 0;
  const hasReason = (candidate.missingReceiptReason ?? '').trim() !== '';
  if (hasReceipt || hasReason || candidate.clientAmountMinor <= receiptThresholdMinor) return undefined;
  return {
    code: 'MISSING_RECEIPT',
    severity: 'warn',
    evidence: {
      category: candidate.categoryCode,
      amountMinor: candidate.clientAmountMinor,
      thresholdMinor: receiptThresholdMinor,
      currency: candidate.clientCurrency,
    },
  };
};

export const checkLateSubmission = (
  candidate: RiskCandidate,
  policy: Policy,
  today: IsoDate,
): Finding | undefined => {
  const ageDays = daysBetween(candidate.incurredOn, today);
  if (ageDays <= policy.maxAgeDays) return undefined;
  return {
    code: 'LATE_SUBMISSION',
    severity: 'warn',
    evidence: { incurredOn: candidate.incurredOn, today, ageDays, maxAgeDays: policy.maxAgeDays },
  };
};
