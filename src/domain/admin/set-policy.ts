// `policy set [@client] …` (docs/product-rules.md §1, §3): admins only. A patch of the stored settings, merged and
// checked as the policy it would make — for the client's currency, or for every currency the organisation's clients
// use — before it is saved, so logging never meets a policy it cannot apply.
import { canonicalJson } from '../audit/canonical-json.js';
import { asCurrencyCode, type CurrencyCode } from '../money/index.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import type { PolicySettings } from '../policy/policy-settings.js';
import type { RequestContext } from '../shared/request-context.js';
import { ok, type Result } from '../shared/result.js';
import { type Answered, auditChange, originOf, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';
import { buildCheckedPolicy, type PolicyRefusal } from './checked-policy.js';
import {
  mergeSettings,
  type PolicyPatch,
  type PolicyPatchFailure,
  settingsFromPatch,
} from './policy-patch.js';
import { type ClientNotFound, findClient } from './target-client.js';

export type SetPolicyInput = {
  /** Absent: the organisation's settings. */
  readonly clientCode?: string | undefined;
  readonly patch: PolicyPatch;
};

export type PolicySet = {
  readonly outcome: 'changed' | 'unchanged';
  readonly clientCode?: string;
  readonly before: PolicySettings | null;
  readonly after: PolicySettings;
  readonly version: number;
};

export type SetPolicyFailure = Forbidden | ClientNotFound | PolicyPatchFailure | PolicyRefusal;

/** Organisation-wide amounts are checked in these currencies even before any client uses them. */
const ALWAYS_CHECKED: readonly CurrencyCode[] = [asCurrencyCode('CNY'), asCurrencyCode('USD')];

export const setPolicy =
  (deps: AdminDeps) =>
  (ctx: RequestContext, input: SetPolicyInput): Promise<Result<Answered<PolicySet>, SetPolicyFailure>> =>
    runChange<PolicySet, SetPolicyFailure>(deps, originOf(ctx), 'policy-set', async (tx) => {
      const allowed = authorise(ctx.actor, 'manage-policy');
      if (!allowed.ok) return allowed;
      const org = ctx.organisationId;
      const client =
        input.clientCode === undefined ? undefined : await findClient(deps, tx, org, input.clientCode);
      if (client !== undefined && !client.ok) return client;
      const changes = settingsFromPatch(input.patch, {
        currency: client?.value.currency,
        categories: await deps.directory.categories(tx, org),
      });
      if (!changes.ok) return changes;

      const stored = await deps.settingsStore.policyForUpdate(tx, org, client?.value.id);
      const merged = mergeSettings(stored.settings, changes.value);
      const answer = {
        ...(client === undefined ? {} : { clientCode: client.value.code }),
        before: stored.settings ?? null,
        after: merged,
      };
      if (stored.settings !== undefined && canonicalJson(stored.settings) === canonicalJson(merged)) {
        return ok({ outcome: 'unchanged' as const, ...answer, version: stored.version });
      }

      if (client !== undefined) {
        const { organisation } = await deps.policies.settings(tx, org);
        const checked = buildCheckedPolicy(client.value.currency, organisation, merged);
        if (!checked.ok) return checked;
      } else {
        const currencies = new Set([...ALWAYS_CHECKED, ...(await deps.admin.clientCurrencies(tx, org))]);
        for (const currency of currencies) {
          const checked = buildCheckedPolicy(currency, merged, undefined);
          if (!checked.ok) return checked;
        }
      }

      const version = stored.version + 1;
      await deps.settingsStore.savePolicy(tx, org, client?.value.id, merged, version, deps.clock.now());
      await auditChange(deps, tx, originOf(ctx), {
        action: 'policy.changed',
        entityType: 'policy',
        entityId: client?.value.id ?? org,
        before: stored.settings ?? null,
        after: { ...merged, version },
      });
      return ok({ outcome: 'changed' as const, ...answer, version });
    });
