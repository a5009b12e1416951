// The rules an expense is held to. How many approval stages an amount needs is not decided here but in
// approvals/approval-tiers.ts; a policy only carries the tiers.
import {
  type ApprovalTier,
  checkTiers,
  defaultTiers,
  type InvalidTiers,
} from '../approvals/approval-tiers.js';
import { isSafeMinor } from '../money/money.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';

/** The rules an expense is held to, with every amount in minor units of the client's currency. */
export type Policy = {
  readonly tiers: readonly ApprovalTier[];
  /** Per-expense limit by category code. */
  readonly categoryLimits: ReadonlyMap<string, number>;
  /** Category-specific receipt thresholds; other categories use `receiptThresholdMinor`. */
  readonly categoryReceiptThresholds: ReadonlyMap<string, number>;
  /** Above this amount an expense needs a receipt or a declared reason for its absence. */
  readonly receiptThresholdMinor: number;
  readonly maxAgeDays: number;
  /** Absent: nothing is approved automatically. */
  readonly autoApproveLimitMinor?: number;
  /** Share of auto-approvable items sent through the normal chain anyway, in basis points (500 = 5 %). */
  readonly auditSampleBasisPoints: number;
  readonly reminderHours: number;
  readonly escalationHours: number;
  readonly prohibitedCategories: ReadonlySet<string>;
};

export const POLICY_DEFAULTS = {
  maxAgeDays: 60,
  auditSampleBasisPoints: 500,
  reminderHours: 24,
  escalationHours: 72,
} as const;

/** Receipts are needed above 100 of the client's currency (docs/product-rules.md §3). */
const DEFAULT_RECEIPT_THRESHOLD_MAJOR = 100;

/** The default policy for a client currency with `currencyExponent` minor digits (2 for CNY/USD, 0 for JPY). */
export const defaultPolicy = (currencyExponent = 2): Policy => {
  const unit = 10 ** currencyExponent;
  return {
    tiers: defaultTiers(currencyExponent),
    categoryLimits: new Map(),
    categoryReceiptThresholds: new Map(),
    receiptThresholdMinor: DEFAULT_RECEIPT_THRESHOLD_MAJOR * unit,
    maxAgeDays: POLICY_DEFAULTS.maxAgeDays,
    auditSampleBasisPoints: POLICY_DEFAULTS.auditSampleBasisPoints,
    reminderHours: POLICY_DEFAULTS.reminderHours,
    escalationHours: POLICY_DEFAULTS.escalationHours,
    prohibitedCategories: new Set(),
  };
};

/** The parts of a policy that depend on the category. */
export type CategoryRules = {
  readonly categoryCode: string;
  readonly limitMinor?: number;
  readonly receiptThresholdMinor: number;
  readonly prohibited: boolean;
};

export const categoryRules = (policy: Policy, categoryCode: string): CategoryRules => {
  const limit = policy.categoryLimits.get(categoryCode);
  return {
    categoryCode,
    ...(limit === undefined ? {} : { limitMinor: limit }),
    receiptThresholdMinor: policy.categoryReceiptThresholds.get(categoryCode) ?? policy.receiptThresholdMinor,
    prohibited: policy.prohibitedCategories.has(categoryCode),
  };
};

export type PolicyInvalid = Failure<'POLICY_INVALID'>;

export type PolicyProblem =
  | 'AMOUNT_INVALID'
  | 'AUDIT_SAMPLE_OUT_OF_RANGE'
  | 'MAX_AGE_INVALID'
  | 'HOURS_INVALID';

/** Everything but the tiers, which `checkTiers` judges. */
const problemIn = (policy: Policy): PolicyProblem | undefined => {
  const amounts = [
    ...policy.categoryLimits.values(),
    ...policy.categoryReceiptThresholds.values(),
    policy.receiptThresholdMinor,
    ...(policy.autoApproveLimitMinor === undefined ? [] : [policy.autoApproveLimitMinor]),
  ];
  if (amounts.some((a) => !isSafeMinor(a) || a < 0)) return 'AMOUNT_INVALID';
  const sample = policy.auditSampleBasisPoints;
  if (!Number.isInteger(sample) || sample < 0 || sample > 10_000) return 'AUDIT_SAMPLE_OUT_OF_RANGE';
  if (!Number.isInteger(policy.maxAgeDays) || policy.maxAgeDays < 1) return 'MAX_AGE_INVALID';
  if (!(policy.reminderHours > 0) || !(policy.escalationHours > 0)) return 'HOURS_INVALID';
  return undefined;
};

/** Checks a policy assembled from stored settings or an admin's `policy set` before it is used or saved. */
export const validatePolicy = (policy: Policy): Result<Policy, InvalidTiers | PolicyInvalid> => {
  const tiers = checkTiers(policy.tiers);
  if (!tiers.ok) return tiers;
  const problem = problemIn(policy);
  return problem === undefined ? ok(policy) : fail('POLICY_INVALID', { problem });
};
