// `policy set …` as a typed patch of the stored settings. Amounts arrive as typed (exact decimals) and are kept as
// major-unit text, so one organisation-wide "500" means 500 of each client's own currency.

import type { ApproverStageCount } from '../approvals/approval-stage.js';
import type { CurrencyCode, ParsedAmount } from '../money/index.js';
import { type Category, resolveCategory, type UnknownCategory } from '../policy/categories.js';
import type { PolicySettings } from '../policy/policy-settings.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';

/** Per category, keyed as typed (`#meals`, `餐饮`). */
type ByCategory<V> = Readonly<Record<string, V>>;

export type PolicyPatch = {
  /** Every tier in order; only the last has no upper limit (`upTo: null`). See `tiersFromLimits`. */
  readonly tiers?: readonly { readonly upTo: ParsedAmount | null; readonly stages: number }[];
  /** `null` removes the limit at this level (for a client: lifts the organisation's). */
  readonly categoryLimits?: ByCategory<ParsedAmount | null>;
  readonly categoryReceiptThresholds?: ByCategory<ParsedAmount | null>;
  readonly receiptThreshold?: ParsedAmount;
  /** `null` switches auto-approval off. */
  readonly autoApproveLimit?: ParsedAmount | null;
  /** Share of auto-approvable items audited anyway, as a percentage with up to two decimals (`5`, `2.5`). */
  readonly auditSamplePercent?: string;
  readonly reminderHours?: number;
  readonly escalationHours?: number;
  readonly maxAgeDays?: number;
  /** `false` allows a category (for a client: one the organisation prohibits). */
  readonly prohibited?: ByCategory<boolean>;
};

/** `tiers 500 5000`: n limits make n + 1 tiers of 1, 2, … stages, the last without a limit. */
export const tiersFromLimits = (
  limits: readonly ParsedAmount[],
): readonly { readonly upTo: ParsedAmount | null; readonly stages: number }[] => [
  ...limits.map((upTo, i) => ({ upTo, stages: i + 1 })),
  { upTo: null, stages: limits.length + 1 },
];

export type PolicyPatchFailure =
  | UnknownCategory
  | Failure<
      'POLICY_PATCH_EMPTY' | 'POLICY_AMOUNT_NEGATIVE' | 'POLICY_CURRENCY_MISMATCH' | 'POLICY_PERCENT_INVALID'
    >;

export type PatchContext = {
  /** The client's currency; absent for the organisation's settings, whose amounts carry no currency. */
  readonly currency: CurrencyCode | undefined;
  readonly categories: readonly Category[];
};

/** Exact decimal text without a sign or trailing fraction zeros: `1,200.50` → `1200.5`. */
const amountText = (amount: ParsedAmount, context: PatchContext): Result<string, PolicyPatchFailure> => {
  if (amount.currencyHint !== undefined && amount.currencyHint !== context.currency) {
    return fail('POLICY_CURRENCY_MISMATCH', {
      given: amount.currencyHint,
      expected: context.currency ?? null,
    });
  }
  const fraction = amount.fractionDigits.replace(/0+$/, '');
  const text = fraction === '' ? amount.integerDigits : `${amount.integerDigits}.${fraction}`;
  if (amount.sign < 0 && text !== '0') return fail('POLICY_AMOUNT_NEGATIVE', { amount: `-${text}` });
  return ok(text);
};

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

const basisPoints = (percent: string): Result<number, PolicyPatchFailure> => {
  const match = PERCENT.exec(percent.normalize('NFKC').trim().replace(/%$/, ''));
  if (match === null) return fail('POLICY_PERCENT_INVALID', { text: percent });
  const [, whole = '0', fraction = ''] = match;
  return ok(Number(whole) * 100 + Number(fraction.padEnd(2, '0')));
};

const byCategoryCode = <V, W>(
  record: ByCategory<V>,
  context: PatchContext,
  convert: (value: V) => Result<W, PolicyPatchFailure>,
): Result<Record<string, W>, PolicyPatchFailure> => {
  const converted: Record<string, W> = {};
  for (const [text, value] of Object.entries(record)) {
    const category = resolveCategory(text, context.categories);
    if (!category.ok) return category;
    const result = convert(value);
    if (!result.ok) return result;
    converted[category.value.code] = result.value;
  }
  return ok(converted);
};

const nullableAmount =
  (context: PatchContext) =>
  (amount: ParsedAmount | null): Result<string | null, PolicyPatchFailure> =>
    amount === null ? ok(null) : amountText(amount, context);

/** The patch as stored settings fields; categories resolved to their codes. */
export function settingsFromPatch(
  patch: PolicyPatch,
  context: PatchContext,
): Result<PolicySettings, PolicyPatchFailure> {
  const fields: { -readonly [K in keyof PolicySettings]: PolicySettings[K] } = {};
  if (patch.tiers !== undefined) {
    const tiers: { upTo: string | null; stages: ApproverStageCount }[] = [];
    for (const tier of patch.tiers) {
      const upTo = tier.upTo === null ? ok(null) : amountText(tier.upTo, context);
      if (!upTo.ok) return upTo;
      // Stages outside 1..3 are kept as given so that validation names the problem rather than this cast.
      tiers.push({ upTo: upTo.value, stages: tier.stages as ApproverStageCount });
    }
    fields.tiers = tiers;
  }
  if (patch.categoryLimits !== undefined) {
    const limits = byCategoryCode(patch.categoryLimits, context, nullableAmount(context));
    if (!limits.ok) return limits;
    fields.categoryLimits = limits.value;
  }
  if (patch.categoryReceiptThresholds !== undefined) {
    const thresholds = byCategoryCode(patch.categoryReceiptThresholds, context, nullableAmount(context));
    if (!thresholds.ok) return thresholds;
    fields.categoryReceiptThresholds = thresholds.value;
  }
  if (patch.receiptThreshold !== undefined) {
    const threshold = amountText(patch.receiptThreshold, context);
    if (!threshold.ok) return threshold;
    fields.receiptThreshold = threshold.value;
  }
  if (patch.autoApproveLimit !== undefined) {
    const limit = nullableAmount(context)(patch.autoApproveLimit);
    if (!limit.ok) return limit;
    fields.autoApproveLimit = limit.value;
  }
  if (patch.auditSamplePercent !== undefined) {
    const sample = basisPoints(patch.auditSamplePercent);
    if (!sample.ok) return sample;
    fields.auditSampleBasisPoints = sample.value;
  }
  if (patch.reminderHours !== undefined) fields.reminderHours = patch.reminderHours;
  if (patch.escalationHours !== undefined) fields.escalationHours = patch.escalationHours;
  if (patch.maxAgeDays !== undefined) fields.maxAgeDays = patch.maxAgeDays;
  if (patch.prohibited !== undefined) {
    const prohibited = byCategoryCode(patch.prohibited, context, (flag: boolean) => ok(flag));
    if (!prohibited.ok) return prohibited;
    fields.prohibited = prohibited.value;
  }
  if (Object.keys(fields).length === 0) return fail('POLICY_PATCH_EMPTY');
  return ok(fields);
}

/** Scalars replace; per-category entries merge key by key, so setting #meals keeps #travel. */
export function mergeSettings(stored: PolicySettings | undefined, changes: PolicySettings): PolicySettings {
  const base = stored ?? {};
  return {
    ...base,
    ...changes,
    ...(changes.categoryLimits === undefined
      ? {}
      : { categoryLimits: { ...base.categoryLimits, ...changes.categoryLimits } }),
    ...(changes.categoryReceiptThresholds === undefined
      ? {}
      : {
          categoryReceiptThresholds: {
            ...base.categoryReceiptThresholds,
            ...changes.categoryReceiptThresholds,
          },
        }),
    ...(changes.prohibited === undefined
      ? {}
      : { prohibited: { ...base.prohibited, ...changes.prohibited } }),
  };
}
