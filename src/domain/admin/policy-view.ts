// A policy as plain data for a reply or a card: the domain's Policy holds maps and sets, which do not survive JSON.
import type { CurrencyCode } from '../money/index.js';
import type { Policy } from '../policy/policy.js';

export type PolicyView = {
  /** The client's currency; null for the organisation's policy, whose amounts apply in each client's currency. */
  readonly currency: CurrencyCode | null;
  /** Minor-unit decimals the amounts below are written in. */
  readonly exponent: number;
  readonly tiers: readonly { readonly upToMinor: number | null; readonly stages: number }[];
  readonly categoryLimits: Readonly<Record<string, number>>;
  readonly categoryReceiptThresholds: Readonly<Record<string, number>>;
  readonly receiptThresholdMinor: number;
  readonly maxAgeDays: number;
  readonly autoApproveLimitMinor: number | null;
  readonly auditSampleBasisPoints: number;
  readonly reminderHours: number;
  readonly escalationHours: number;
  readonly prohibitedCategories: readonly string[];
};

export const viewPolicy = (policy: Policy, currency: CurrencyCode | null, exponent: number): PolicyView => ({
  currency,
  exponent,
  tiers: policy.tiers.map((t) => ({ upToMinor: t.upToMinor, stages: t.stages })),
  categoryLimits: Object.fromEntries(policy.categoryLimits),
  categoryReceiptThresholds: Object.fromEntries(policy.categoryReceiptThresholds),
  receiptThresholdMinor: policy.receiptThresholdMinor,
  maxAgeDays: policy.maxAgeDays,
  autoApproveLimitMinor: policy.autoApproveLimitMinor ?? null,
  auditSampleBasisPoints: policy.auditSampleBasisPoints,
  reminderHours: policy.reminderHours,
  escalationHours: policy.escalationHours,
  prohibitedCategories: [...policy.prohibitedCategories].sort(),
});
