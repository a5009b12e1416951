// `client add <code> "<name>" <currency> <timezone> [en|zh-CN]` (docs/product-rules.md §1, §10): admins only.
import { parseCurrencyCode } from '../money/index.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import type { ClientRecord } from '../ports/directory.port.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type Answered, auditChange, originOf, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';
import { buildCheckedPolicy, type PolicyRefusal } from './checked-policy.js';
import {
  checkCode,
  checkName,
  checkTimeZone,
  type Locale,
  type NameInvalid,
  type TimeZoneInvalid,
} from './client-fields.js';

export type AddClientInput = {
  readonly code: string;
  readonly name: string;
  /** As typed: `cny`, `RMB`, `USD`. */
  readonly currency: string;
  readonly timeZone: string;
  /** Absent: the organisation's default locale. */
  readonly locale?: Locale | undefined;
};

export type AddedClient = { readonly client: ClientRecord };

export type AddClientFailure =
  | Forbidden
  | NameInvalid
  | TimeZoneInvalid
  | PolicyRefusal
  | Failure<'CLIENT_CODE_INVALID' | 'CLIENT_CODE_TAKEN' | 'CURRENCY_UNKNOWN'>;

export const addClient =
  (deps: AdminDeps) =>
  (ctx: RequestContext, input: AddClientInput): Promise<Result<Answered<AddedClient>, AddClientFailure>> =>
    runChange<AddedClient, AddClientFailure>(deps, originOf(ctx), 'client-add', async (tx) => {
      const allowed = authorise(ctx.actor, 'manage-clients');
      if (!allowed.ok) return allowed;
      const code = checkCode(input.code, 'CLIENT_CODE_INVALID');
      if (!code.ok) return code;
      const name = checkName(input.name);
      if (!name.ok) return name;
      const currency = parseCurrencyCode(input.currency);
      if (currency === undefined) return fail('CURRENCY_UNKNOWN', { text: input.currency });
      const timeZone = checkTimeZone(input.timeZone);
      if (!timeZone.ok) return timeZone;

      const org = ctx.organisationId;
      // Organisation-wide amounts must fit the new currency (500.5 cannot be a yen limit) before any expense needs them.
      const { organisation } = await deps.policies.settings(tx, org);
      const policy = buildCheckedPolicy(currency, organisation, undefined);
      if (!policy.ok) return policy;

      const client: ClientRecord = {
        id: deps.ids.newId(),
        code: code.value,
        name: name.value,
        currency,
        timeZone: timeZone.value,
        locale: input.locale ?? (await deps.admin.organisationLocale(tx, org)),
        status: 'active',
        closedThrough: undefined,
      };
      if (!(await deps.admin.insertClient(tx, org, client))) {
        return fail('CLIENT_CODE_TAKEN', { code: client.code });
      }
      await auditChange(deps, tx, originOf(ctx), {
        action: 'client.added',
        entityType: 'client',
        entityId: client.id,
        after: client,
      });
      return ok({ client });
    });
