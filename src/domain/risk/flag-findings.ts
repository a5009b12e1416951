import { isoWeekdayOf, isWeekend } from '../periods/calendar-date.js';
import type { Finding } from './finding.js';
import type { RiskCandidate } from './risk-inputs.js';

/** A whole multiple of `roundMajor` major units as entered (¥500, $1 000): estimates often look like this. */
export const checkRoundNumber = (candidate: RiskCandidate, roundMajor: number): Finding | undefined => {
  const step = BigInt(roundMajor) * 10n ** BigInt(candidate.amountExponent);
  const amount = BigInt(candidate.amount.amountMinor);
  if (amount <= 0n || amount % step !== 0n) return undefined;
  return {
    code: 'ROUND_NUMBER',
    severity: 'info',
    evidence: {
      amountMinor: candidate.amount.amountMinor,
      currency: candidate.amount.currency,
      multipleOfMajor: roundMajor,
    },
  };
};

/** Incurred on a Saturday or Sunday in the client's calendar; often fine, worth a glance. */
export const checkWeekend = (candidate: RiskCandidate): Finding | undefined =>
  isWeekend(candidate.incurredOn)
    ? {
        code: 'WEEKEND',
        severity: 'info',
        evidence: { date: candidate.incurredOn, isoWeekday: isoWeekdayOf(candidate.incurredOn) },
      }
    : undefined;
