// Policy decides the chain by the amount in the client's currency: by default up to 500 one stage, up to
// 5 000 two, above that three (initial / second / final). A budget that escalates, or a finance/admin
// `override` of a blocking budget, appends one finance stage — never more than one, so at most four.
import { isSafeMinor } from '../money/money.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type ApproverStageCount, buildChain, type PlannedStage } from './approval-stage.js';

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

export type InvalidTiers = Failure<'INVALID_TIERS'>;

/** Tiers must rise strictly, be non-negative whole amounts, and end with one unlimited tier. */
export const checkTiers = (tiers: readonly ApprovalTier[]): Result<readonly ApprovalTier[], InvalidTiers> => {
  if (tiers.length === 0) return fail('INVALID_TIERS', { problem: 'empty' });
  let previous = -1;
  for (const [i, tier] of tiers.entries()) {
    if (tier.stages !== 1 && tier.stages !== 2 && tier.stages !== 3) {
      return fail('INVALID_TIERS', { problem: 'stages', tier: i + 1 });
    }
    const last = i === tiers.length - 1;
    if (tier.upToMinor === null) {
      if (!last) return fail('INVALID_TIERS', { problem: 'unlimited-not-last', tier: i + 1 });
      continue;
    }
    if (last) return fail('INVALID_TIERS', { problem: 'no-unlimited-tier' });
    if (!isSafeMinor(tier.upToMinor) || tier.upToMinor <= previous) {
      return fail('INVALID_TIERS', { problem: 'not-rising', tier: i + 1 });
    }
    previous = tier.upToMinor;
  }
  return ok(tiers);
};

export type ChainRequest = {
  /** The claim in the client's currency, minor units. */
  readonly amountInClientCurrency: number;
  readonly tiers: readonly ApprovalTier[];
  /** A budget on exceed `escalate` would be exceeded by this expense. */
  readonly escalateToFinance: boolean;
  /** Finance/admin logged past a blocking budget with `override`. */
  readonly override: boolean;
};

/** The ordered stages for an expense. Malformed tiers are a programming error (policy is checked when set). */
export const planApprovalChain = (request: ChainRequest): readonly PlannedStage[] => {
  const { amountInClientCurrency: amount } = request;
  if (!isSafeMinor(amount) || amount < 0) throw new RangeError(`Not a claim amount: ${amount}`);
  const tiers = checkTiers(request.tiers);
  if (!tiers.ok) throw new RangeError(`Malformed approval tiers: ${JSON.stringify(tiers.error.details)}`);
  const tier = tiers.value.find((t) => t.upToMinor === null || amount <= t.upToMinor);
  // checkTiers guarantees an unlimited last tier, so one always matches.
  if (tier === undefined) throw new Error('unreachable: no tier matched');
  return buildChain(tier.stages, request.escalateToFinance || request.override);
};
