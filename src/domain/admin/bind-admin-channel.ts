// `admin channel` (docs/product-rules.md §1, §9): the conversation it is typed in becomes the organisation's admin
// channel, where audit heads and undeliverable messages are reported. There is one; binding another conversation
// moves it.
import { authorise, type Forbidden } from '../people/permissions.js';
import type { ChannelBinding } from '../ports/binding-repository.port.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type Answered, auditChange, originOf, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';
import { auditedBinding, type BindingOutcome } from './binding-outcome.js';

export type BoundAdminChannel = { readonly binding: ChannelBinding; readonly outcome: BindingOutcome };

export type BindAdminChannelFailure =
  | Forbidden
  | Failure<'CHANNEL_ADDRESS_MISSING' | 'CHANNEL_CLIENT_FACING'>;

export const bindAdminChannel =
  (deps: AdminDeps) =>
  (ctx: RequestContext): Promise<Result<Answered<BoundAdminChannel>, BindAdminChannelFailure>> =>
    runChange<BoundAdminChannel, BindAdminChannelFailure>(
      deps,
      originOf(ctx),
      'admin-channel',
      async (tx) => {
        const allowed = authorise(ctx.actor, 'manage-bindings');
        if (!allowed.ok) return allowed;
        const address = ctx.sourceAddress;
        if (address === undefined) return fail('CHANNEL_ADDRESS_MISSING');
        const org = ctx.organisationId;
        // Client contacts read client-facing conversations; dead letters and audit heads are not for them.
        const atAddress = await deps.bindings.byAddress(tx, org, address);
        const clientFacing = atAddress.find((b) => b.audience === 'client');
        if (clientFacing) return fail('CHANNEL_CLIENT_FACING', { bindingId: clientFacing.id });

        const existing = await deps.bindings.adminChannel(tx, org);
        if (existing?.address === address) return ok({ binding: existing, outcome: 'unchanged' });
        const binding: ChannelBinding = {
          id: existing?.id ?? deps.ids.newId(),
          address,
          clientId: undefined,
          audience: 'admin',
          reportSchedule: undefined,
          reportLocale: existing?.reportLocale,
          budgetWarnings: false,
          webhookUrl: undefined,
        };
        if (existing) await deps.admin.updateBinding(tx, org, binding);
        else await deps.admin.insertBinding(tx, org, binding);
        await auditChange(deps, tx, originOf(ctx), {
          action: existing ? 'binding.updated' : 'binding.added',
          entityType: 'channel-binding',
          entityId: binding.id,
          ...(existing ? { before: auditedBinding(existing) } : {}),
          after: auditedBinding(binding),
        });
        return ok({ binding, outcome: existing ? 'updated' : 'added' });
      },
    );
