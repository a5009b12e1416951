import { isSafeMinor } from '../money/money.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';

/**
 * Amounts up to `upToMinor` (inclusive, client currency) need `stages` approval stages; the last tier has no upper
 * bound (`null`).
 */
export type ApprovalTier = {
  readonly upToMinor: number | null;
  readonly stages: TierStages;
};

/** Initial / second / final; a budget may append a finance stage on top. */
export type TierStages = 1 | 2 | 3;

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
  maxStages: 3,
} as const;

/** Major-unit defaults of product.md §3: ≤ 500 one stage, ≤ 5 000 two, above three; receipts above 100. */
const DEFAULT_TIER_LIMITS_MAJOR = [500, 5_000] as const;
const DEFAULT_RECEIPT_THRESHOLD_MAJOR = 100;

/** The default policy for a client currency with `currencyExponent` minor digits (2 for CNY/USD, 0 for JPY). */
export const defaultPolicy = (currencyExponent = 2): Policy => {
  const unit = 10 ** currencyExponent;
  const [first, second] = DEFAULT_TIER_LIMITS_MAJOR;
  return {
    tiers: [
      { upToMinor: first * unit, stages: 1 },
      { upToMinor: second * unit, stages: 2 },
      { upToMinor: null, stages: 3 },
    ],
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

const tierFor = (amountMinor: number, policy: Policy): ApprovalTier => {
  const tier = policy.tiers.find((t) => t.upToMinor === null || amountMinor <= t.upToMinor);
  if (tier === undefined) throw new RangeError('Policy tiers must end with an unbounded tier');
  return tier;
};

/** Approval stages an amount needs before any finance stage a budget adds. */
export const stagesForAmount = (amountMinor: number, policy: Policy): TierStages =>
  tierFor(amountMinor, policy).stages;

/** The upper limit of the tier an amount falls in (`null` in the top tier). */
export const tierLimitFor = (amountMinor: number, policy: Policy): number | null =>
  tierFor(amountMinor, policy).upToMinor;

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
  | 'TIERS_MUST_END_UNBOUNDED'
  | 'STAGES_OUT_OF_RANGE'
  | 'STAGES_MUST_NOT_FALL'
  | 'TIER_LIMITS_MUST_RISE'
  | 'AMOUNT_INVALID'
  | 'AUDIT_SAMPLE_OUT_OF_RANGE'
  | 'MAX_AGE_INVALID'
  | 'HOURS_INVALID';

const problemIn = (policy: Policy): PolicyProblem | undefined => {
  const { tiers } = policy;
  if (tiers.length === 0 || tiers[tiers.length - 1]?.upToMinor !== null) return 'TIERS_MUST_END_UNBOUNDED';
  for (const [i, tier] of tiers.entries()) {
    if (!Number.isInteger(tier.stages) || tier.stages < 1 || tier.stages > POLICY_DEFAULTS.maxStages) {
      return 'STAGES_OUT_OF_RANGE';
    }
    const previous = tiers[i - 1];
    if (previous === undefined) continue;
    if (tier.stages < previous.stages) return 'STAGES_MUST_NOT_FALL';
    if (tier.upToMinor !== null && previous.upToMinor !== null && tier.upToMinor <= previous.upToMinor) {
      return 'TIER_LIMITS_MUST_RISE';
    }
  }
  const amounts = [
    ...tiers.flatMap((t) => (t.upToMinor === null ? [] : [t.upToMinor])),
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
export const validatePolicy = (policy: Policy): Result<Policy, PolicyInvalid> => {
  const problem = problemIn(policy);
  return problem === undefined ? ok(policy) : fail('POLICY_INVALID', { problem });
};
