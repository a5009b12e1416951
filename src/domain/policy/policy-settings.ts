// Policy as stored: amounts in MAJOR units written as exact decimal text, so one organisation-wide setting
// ("≤ 500 one stage") means 500 of each client's own currency, converted exactly when a client's policy is built.
import type { ApproverStageCount } from '../approvals/approval-stage.js';
import { currencyExponent, parseAmountToken, toMinorUnits } from '../money/index.js';
import type { CurrencyCode } from '../money/money.js';
import { effectivePolicy, type PolicyOverrides } from './effective-policy.js';
import { defaultPolicy, type Policy } from './policy.js';

export type PolicySettings = {
  readonly tiers?: readonly { readonly upTo: string | null; readonly stages: ApproverStageCount }[];
  readonly categoryLimits?: Readonly<Record<string, string | null>>;
  readonly categoryReceiptThresholds?: Readonly<Record<string, string | null>>;
  readonly receiptThreshold?: string;
  readonly maxAgeDays?: number;
  readonly autoApproveLimit?: string | null;
  readonly auditSampleBasisPoints?: number;
  readonly reminderHours?: number;
  readonly escalationHours?: number;
  readonly prohibited?: Readonly<Record<string, boolean>>;
};

/** Exact major-unit text → minor units of `currency`; settings are validated when written, so this throws. */
export function majorToMinor(text: string, currency: CurrencyCode): number {
  const parsed = parseAmountToken(text);
  if (!parsed.ok) throw new RangeError(`Stored policy amount "${text}" is not an amount`);
  const minor = toMinorUnits(parsed.value, currency);
  if (!minor.ok) throw new RangeError(`Stored policy amount "${text}" does not fit ${currency}`);
  return minor.value;
}

const amounts = (
  record: Readonly<Record<string, string | null>> | undefined,
  currency: CurrencyCode,
): ReadonlyMap<string, number | null> | undefined =>
  record === undefined
    ? undefined
    : new Map(
        Object.entries(record).map(([code, v]) => [code, v === null ? null : majorToMinor(v, currency)]),
      );

export function overridesFromSettings(settings: PolicySettings, currency: CurrencyCode): PolicyOverrides {
  return {
    tiers: settings.tiers?.map((t) => ({
      upToMinor: t.upTo === null ? null : majorToMinor(t.upTo, currency),
      stages: t.stages,
    })),
    categoryLimits: amounts(settings.categoryLimits, currency),
    categoryReceiptThresholds: amounts(settings.categoryReceiptThresholds, currency),
    receiptThresholdMinor:
      settings.receiptThreshold === undefined ? undefined : majorToMinor(settings.receiptThreshold, currency),
    maxAgeDays: settings.maxAgeDays,
    autoApproveLimitMinor:
      settings.autoApproveLimit === undefined
        ? undefined
        : settings.autoApproveLimit === null
          ? null
          : majorToMinor(settings.autoApproveLimit, currency),
    auditSampleBasisPoints: settings.auditSampleBasisPoints,
    reminderHours: settings.reminderHours,
    escalationHours: settings.escalationHours,
    prohibitedCategories:
      settings.prohibited === undefined ? undefined : new Map(Object.entries(settings.prohibited)),
  };
}

/** The policy one client's expenses are held to: defaults, then the organisation's settings, then the client's. */
export function policyForClient(
  currency: CurrencyCode,
  organisation: PolicySettings | undefined,
  client: PolicySettings | undefined,
): Policy {
  let policy = defaultPolicy(currencyExponent(currency));
  if (organisation) policy = effectivePolicy(policy, overridesFromSettings(organisation, currency));
  if (client) policy = effectivePolicy(policy, overridesFromSettings(client, currency));
  return policy;
}
