// `policy [@client] [#category]` (docs/product-rules.md §1 "policy people can look up"): the rules in force for the
// organisation, a client, or one category of a client. Every member may look; reads only.
import { asCurrencyCode, currencyExponent } from '../money/index.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import { type Category, resolveCategory, type UnknownCategory } from '../policy/categories.js';
import { type CategoryRules, categoryRules } from '../policy/policy.js';
import { type PolicySettings, policyForClient } from '../policy/policy-settings.js';
import type { ClientRecord } from '../ports/directory.port.js';
import type { RequestContext } from '../shared/request-context.js';
import { ok, type Result } from '../shared/result.js';
import type { AdminDeps } from './admin-deps.js';
import { type PolicyView, viewPolicy } from './policy-view.js';
import { type ClientNotFound, findClient } from './target-client.js';

export type ShowPolicyInput = {
  readonly clientCode?: string | undefined;
  readonly categoryText?: string | undefined;
};

export type PolicyShown = {
  readonly client?: Pick<ClientRecord, 'id' | 'code' | 'currency'>;
  readonly policy: PolicyView;
  readonly category?: { readonly category: Category; readonly rules: CategoryRules };
  /** What is stored at each level, so a reply can say which rules the client changed. */
  readonly settings: { readonly organisation?: PolicySettings; readonly client?: PolicySettings };
};

export type ShowPolicyFailure = Forbidden | ClientNotFound | UnknownCategory;

/** Organisation amounts mean "this many of each client's currency"; shown with two decimals, as most currencies. */
const NEUTRAL_CURRENCY = asCurrencyCode('USD');

export const showPolicy =
  (deps: AdminDeps) =>
  (ctx: RequestContext, input: ShowPolicyInput): Promise<Result<PolicyShown, ShowPolicyFailure>> =>
    deps.uow.run(async (tx): Promise<Result<PolicyShown, ShowPolicyFailure>> => {
      const allowed = authorise(ctx.actor, 'view-policy');
      if (!allowed.ok) return allowed;
      const org = ctx.organisationId;
      const client =
        input.clientCode === undefined
          ? undefined
          : await findClient(deps, tx, org, input.clientCode, { allowArchived: true });
      if (client !== undefined && !client.ok) return client;
      const category =
        input.categoryText === undefined
          ? undefined
          : resolveCategory(input.categoryText, await deps.directory.categories(tx, org));
      if (category !== undefined && !category.ok) return category;

      const settings = await deps.policies.settings(tx, org, client?.value.id);
      const currency = client?.value.currency ?? NEUTRAL_CURRENCY;
      const policy = policyForClient(currency, settings.organisation, client ? settings.client : undefined);
      return ok({
        ...(client === undefined
          ? {}
          : { client: { id: client.value.id, code: client.value.code, currency: client.value.currency } }),
        policy: viewPolicy(policy, client?.value.currency ?? null, currencyExponent(currency)),
        ...(category === undefined
          ? {}
          : { category: { category: category.value, rules: categoryRules(policy, category.value.code) } }),
        settings,
      });
    });
