// A policy built from stored settings must never fail later, when an expense is logged: `majorToMinor` throws on
// an amount the client's currency cannot hold (500.5 for a yen client) and `planApprovalChain` throws on malformed
// tiers. So every write of settings, and every new client's currency, is checked here first.
import type { InvalidTiers } from '../approvals/approval-tiers.js';
import { type CurrencyCode, parseAmountToken, toMinorUnits } from '../money/index.js';
import type { Policy, PolicyInvalid } from '../policy/policy.js';
import { validatePolicy } from '../policy/policy.js';
import { type PolicySettings, policyForClient } from '../policy/policy-settings.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';

export type PolicyAmountUnfit = Failure<'POLICY_AMOUNT_UNFIT'>;

export type PolicyRefusal = PolicyInvalid | InvalidTiers | PolicyAmountUnfit;

/** Every amount text a settings object holds, with where it sits (for the refusal). */
const amountTexts = (settings: PolicySettings): readonly (readonly [string, string])[] => [
  ...(settings.tiers ?? []).flatMap((t, i) => (t.upTo === null ? [] : [[`tier ${i + 1}`, t.upTo] as const])),
  ...Object.entries(settings.categoryLimits ?? {}).flatMap(([code, v]) =>
    v === null ? [] : [[`limit #${code}`, v] as const],
  ),
  ...Object.entries(settings.categoryReceiptThresholds ?? {}).flatMap(([code, v]) =>
    v === null ? [] : [[`receipt threshold #${code}`, v] as const],
  ),
  ...(settings.receiptThreshold === undefined
    ? []
    : [['receipt threshold', settings.receiptThreshold] as const]),
  ...(settings.autoApproveLimit === undefined || settings.autoApproveLimit === null
    ? []
    : [['auto-approve limit', settings.autoApproveLimit] as const]),
];

const checkAmountsFit = (
  settings: PolicySettings | undefined,
  currency: CurrencyCode,
): Result<void, PolicyAmountUnfit> => {
  for (const [setting, text] of settings === undefined ? [] : amountTexts(settings)) {
    const parsed = parseAmountToken(text);
    const minor = parsed.ok ? toMinorUnits(parsed.value, currency) : undefined;
    if (minor === undefined || !minor.ok || minor.value < 0) {
      return fail('POLICY_AMOUNT_UNFIT', { setting, amount: text, currency });
    }
  }
  return ok(undefined);
};

/** The policy a client in `currency` would be held to under these settings, or why it cannot be. */
export function buildCheckedPolicy(
  currency: CurrencyCode,
  organisation: PolicySettings | undefined,
  client: PolicySettings | undefined,
): Result<Policy, PolicyRefusal> {
  for (const settings of [organisation, client]) {
    const fit = checkAmountsFit(settings, currency);
    if (!fit.ok) return fit;
  }
  return validatePolicy(policyForClient(currency, organisation, client));
}
