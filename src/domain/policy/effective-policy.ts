import type { ApprovalTier } from '../approvals/approval-tiers.js';
import type { Policy } from './policy.js';

/**
 * A client's departures from the organisation's policy. In the maps, `null` removes an organisation-wide entry
 * and, for prohibitions, `false` allows a category the organisation prohibits.
 */
export type PolicyOverrides = {
  readonly tiers?: readonly ApprovalTier[] | undefined;
  readonly categoryLimits?: ReadonlyMap<string, number | null> | undefined;
  readonly categoryReceiptThresholds?: ReadonlyMap<string, number | null> | undefined;
  readonly receiptThresholdMinor?: number | undefined;
  readonly maxAgeDays?: number | undefined;
  /** `null` turns auto-approval off for the client. */
  readonly autoApproveLimitMinor?: number | null | undefined;
  readonly auditSampleBasisPoints?: number | undefined;
  readonly reminderHours?: number | undefined;
  readonly escalationHours?: number | undefined;
  readonly prohibitedCategories?: ReadonlyMap<string, boolean> | undefined;
};

/** Settings of one category for one client, the most specific layer. */
export type CategoryPolicyOverride = {
  readonly limitMinor?: number | null | undefined;
  readonly receiptThresholdMinor?: number | null | undefined;
  readonly prohibited?: boolean | undefined;
};

const mergeAmounts = (
  base: ReadonlyMap<string, number>,
  changes: Iterable<readonly [string, number | null | undefined]>,
): ReadonlyMap<string, number> => {
  const merged = new Map(base);
  for (const [code, value] of changes) {
    if (value === null) merged.delete(code);
    else if (value !== undefined) merged.set(code, value);
  }
  return merged;
};

const mergeFlags = (
  base: ReadonlySet<string>,
  changes: Iterable<readonly [string, boolean | undefined]>,
): ReadonlySet<string> => {
  const merged = new Set(base);
  for (const [code, prohibited] of changes) {
    if (prohibited === true) merged.add(code);
    else if (prohibited === false) merged.delete(code);
  }
  return merged;
};

/**
 * The policy that applies: the organisation's, then the client's overrides, then per-category settings, each layer
 * winning over the one before.
 */
export const effectivePolicy = (
  orgPolicy: Policy,
  clientOverrides?: PolicyOverrides,
  categoryOverrides?: ReadonlyMap<string, CategoryPolicyOverride>,
): Policy => {
  const client = clientOverrides ?? {};
  const perCategory = [...(categoryOverrides ?? new Map<string, CategoryPolicyOverride>()).entries()];
  const autoApprove =
    client.autoApproveLimitMinor === undefined
      ? orgPolicy.autoApproveLimitMinor
      : (client.autoApproveLimitMinor ?? undefined);
  return {
    tiers: client.tiers ?? orgPolicy.tiers,
    categoryLimits: mergeAmounts(
      mergeAmounts(orgPolicy.categoryLimits, client.categoryLimits ?? []),
      perCategory.map(([code, o]) => [code, o.limitMinor] as const),
    ),
    categoryReceiptThresholds: mergeAmounts(
      mergeAmounts(orgPolicy.categoryReceiptThresholds, client.categoryReceiptThresholds ?? []),
      perCategory.map(([code, o]) => [code, o.receiptThresholdMinor] as const),
    ),
    receiptThresholdMinor: client.receiptThresholdMinor ?? orgPolicy.receiptThresholdMinor,
    maxAgeDays: client.maxAgeDays ?? orgPolicy.maxAgeDays,
    ...(autoApprove === undefined ? {} : { autoApproveLimitMinor: autoApprove }),
    auditSampleBasisPoints: client.auditSampleBasisPoints ?? orgPolicy.auditSampleBasisPoints,
    reminderHours: client.reminderHours ?? orgPolicy.reminderHours,
    escalationHours: client.escalationHours ?? orgPolicy.escalationHours,
    prohibitedCategories: mergeFlags(
      mergeFlags(orgPolicy.prohibitedCategories, client.prohibitedCategories ?? []),
      perCategory.map(([code, o]) => [code, o.prohibited] as const),
    ),
  };
};
