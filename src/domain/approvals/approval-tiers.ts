// THE rule for how many approval stages an expense needs, and the chain it then goes through
// (docs/product-rules.md §3). Every path that puts an expense into approval — logging, editing, resubmitting — and
// `policy test` plan through `planApprovalChain` here, so what the dry run says is what a log does.
//
// Tiers go by the claim in the client's currency: by default up to 500 one stage, up to 5 000 two ("the second
// stage"), above that three (initial / second / final). A policy may set its own limits (`policy set tiers 500
// 5000`); a higher tier never needs fewer stages. A budget that escalates, or a finance/admin `override` of a
// blocking budget, appends one finance stage — never more than one, so at most four.
import { isSafeMinor } from '../money/money.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import {
  type ApproverStageCount,
  buildChain,
  MAX_APPROVER_STAGES,
  type PlannedStage,
} from './approval-stage.js';

/** Amounts up to and including `upToMinor` (client-currency minor units) need `stages`; `null` means no limit. */
export type ApprovalTier = { readonly upToMinor: number | null; readonly stages: ApproverStageCount };

/** The same in whole major units, as a policy is written (`500`, not `50000`). */
export type MajorUnitTier = { readonly upToMajor: number | null; readonly stages: ApproverStageCount };

export const DEFAULT_TIERS_MAJOR: readonly MajorUnitTier[] = [
  { upToMajor: 500, stages: 1 },
  { upToMajor: 5000, stages: 2 },
  { upToMajor: null, stages: 3 },
];

/** Converts whole major units to minor units of a currency with `exponent` decimals (JPY 0, CNY 2, KWD 3). */
export const tiersInMinorUnits = (
  tiers: readonly MajorUnitTier[],
  exponent: number,
): readonly ApprovalTier[] => {
  if (!Number.isInteger(exponent) || exponent < 0 || exponent > 4) {
    throw new RangeError(`Not a currency exponent: ${exponent}`);
  }
  const scale = 10 ** exponent;
  return tiers.map(({ upToMajor, stages }) => {
    if (upToMajor === null) return { upToMinor: null, stages };
    const upToMinor = upToMajor * scale;
    if (!Number.isInteger(upToMajor) || !isSafeMinor(upToMinor)) {
      throw new RangeError(`Not a whole tier amount: ${upToMajor}`);
    }
    return { upToMinor, stages };
  });
};

/** The default tiers (500 / 5 000 / above) in minor units of a currency with `exponent` decimals. */
export const defaultTiers = (exponent: number): readonly ApprovalTier[] =>
  tiersInMinorUnits(DEFAULT_TIERS_MAJOR, exponent);

/** Why a list of tiers cannot be used; each has its own words for the admin who wrote it. */
export type TierProblem =
  | 'empty'
  | 'stages'
  | 'stages-fall'
  | 'unlimited-not-last'
  | 'no-unlimited-tier'
  | 'not-rising';

export type InvalidTiers = Failure<'INVALID_TIERS'>;

const isStageCount = (stages: number): boolean =>
  Number.isInteger(stages) && stages >= 1 && stages <= MAX_APPROVER_STAGES;

/**
 * Tiers must end with one unlimited tier, have rising non-negative whole limits, and 1 to 3 stages each, never fewer
 * than the tier below. Stored settings can hold what the type forbids, so the checks do not trust it.
 */
export const checkTiers = (tiers: readonly ApprovalTier[]): Result<readonly ApprovalTier[], InvalidTiers> => {
  const refuse = (problem: TierProblem, tier?: number) =>
    fail('INVALID_TIERS', { problem, ...(tier === undefined ? {} : { tier }) });
  if (tiers.length === 0) return refuse('empty');
  let previousLimit = -1;
  let previousStages = 0;
  for (const [i, tier] of tiers.entries()) {
    if (!isStageCount(tier.stages)) return refuse('stages', i + 1);
    if (tier.stages < previousStages) return refuse('stages-fall', i + 1);
    previousStages = tier.stages;
    const last = i === tiers.length - 1;
    if (tier.upToMinor === null) {
      if (!last) return refuse('unlimited-not-last', i + 1);
      continue;
    }
    if (last) return refuse('no-unlimited-tier');
    if (!isSafeMinor(tier.upToMinor) || tier.upToMinor <= previousLimit) return refuse('not-rising', i + 1);
    previousLimit = tier.upToMinor;
  }
  return ok(tiers);
};

/** The tier an amount falls in. Malformed tiers are a programming error: policy is checked when it is set. */
const tierFor = (amountMinor: number, tiers: readonly ApprovalTier[]): ApprovalTier => {
  const checked = checkTiers(tiers);
  if (!checked.ok) throw new RangeError(`Malformed approval tiers: ${JSON.stringify(checked.error.details)}`);
  const tier = checked.value.find((t) => t.upToMinor === null || amountMinor <= t.upToMinor);
  // checkTiers guarantees an unlimited last tier, so one always matches.
  if (tier === undefined) throw new Error('unreachable: no tier matched');
  return tier;
};

/** How many approver stages an amount (client currency) needs, before any finance stage a budget adds. */
export const stagesForAmount = (amountMinor: number, tiers: readonly ApprovalTier[]): ApproverStageCount =>
  tierFor(amountMinor, tiers).stages;

/** The upper limit of the tier an amount falls in (`null` in the top tier). */
export const tierLimitFor = (amountMinor: number, tiers: readonly ApprovalTier[]): number | null =>
  tierFor(amountMinor, tiers).upToMinor;

export type ChainRequest = {
  /** The claim in the client's currency, minor units. */
  readonly amountInClientCurrency: number;
  readonly tiers: readonly ApprovalTier[];
  /** A budget on exceed `escalate` would be exceeded by this expense. */
  readonly escalateToFinance: boolean;
  /** Finance/admin logged past a blocking budget with `override`. */
  readonly override: boolean;
};

/** The ordered stages for an expense: its tier's approver stages, then a finance stage when a budget asks. */
export const planApprovalChain = (request: ChainRequest): readonly PlannedStage[] => {
  const { amountInClientCurrency: amount } = request;
  if (!isSafeMinor(amount) || amount < 0) throw new RangeError(`Not a claim amount: ${amount}`);
  return buildChain(stagesForAmount(amount, request.tiers), request.escalateToFinance || request.override);
};
