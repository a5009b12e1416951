// `client channel @client internal|client [weekly|monthly|"<cron>"] [budget] [webhook <url>]`
// (docs/product-rules.md §1, §6): binds the conversation the command was typed in. The command states the whole
// binding, so binding the same conversation to the same client again replaces what it had (a schedule left out is
// switched off). With `webhook <url>` the binding is a WeCom group reached through its group robot: the app cannot
// read or post in such a group, so the command is typed elsewhere (a 1:1, the console) and the binding's address is
// the robot's own, `wecom-robot:<binding id>`; binding the same robot to the same client again updates that binding.
import { encodeAddress } from '../messaging/chat-address.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import type { ChannelBinding } from '../ports/binding-repository.port.js';
import type { ClientRecord } from '../ports/directory.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type Answered, auditChange, originOf, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';
import { auditedBinding, type BindingOutcome, sameBinding } from './binding-outcome.js';
import { type ReportScheduleInput, type ScheduleInvalid, storedSchedule } from './report-schedule.js';

/** Where group-robot webhooks may point: WeCom's API host, or the configured WECOM_API_BASE (a proxy, a test fake). */
export const DEFAULT_ROBOT_WEBHOOK_ORIGINS: readonly string[] = ['https://qyapi.weixin.qq.com'];
const ROBOT_WEBHOOK_PATH = '/cgi-bin/webhook/send';

import { type ClientNotFound, findClient } from './target-client.js';

export type BindClientChannelInput = {
  readonly clientCode: string;
  readonly audience: 'internal' | 'client';
  readonly schedule?: ReportScheduleInput | undefined;
  /** A client-facing conversation opts in to budget warnings (approved spend only); internal ones always get them. */
  readonly budgetWarnings?: boolean | undefined;
  /** A WeCom group robot's webhook, for client groups the app cannot post to. */
  readonly webhookUrl?: string | undefined;
};

export type BoundChannel = { readonly binding: ChannelBinding; readonly outcome: BindingOutcome };

export type BindChannelFailure =
  | Forbidden
  | ClientNotFound
  | ScheduleInvalid
  | Failure<
      | 'CHANNEL_ADDRESS_MISSING'
      | 'WEBHOOK_INVALID'
      | 'CHANNEL_IS_ADMIN_CHANNEL'
      | 'CHANNEL_BOUND_TO_OTHER_CLIENT'
    >;

export const bindClientChannel =
  (deps: AdminDeps & { readonly robotWebhookOrigins?: readonly string[] }) =>
  (
    ctx: RequestContext,
    input: BindClientChannelInput,
  ): Promise<Result<Answered<BoundChannel>, BindChannelFailure>> =>
    runChange<BoundChannel, BindChannelFailure>(deps, originOf(ctx), 'client-channel', async (tx) => {
      const allowed = authorise(ctx.actor, 'manage-bindings');
      if (!allowed.ok) return allowed;
      const org = ctx.organisationId;
      const client = await findClient(deps, tx, org, input.clientCode);
      if (!client.ok) return client;
      const schedule = input.schedule === undefined ? ok(undefined) : storedSchedule(input.schedule);
      if (!schedule.ok) return schedule;
      const webhook =
        input.webhookUrl === undefined
          ? ok(undefined)
          : checkWebhook(input.webhookUrl, deps.robotWebhookOrigins ?? DEFAULT_ROBOT_WEBHOOK_ORIGINS);
      if (!webhook.ok) return webhook;

      let atAddress: readonly ChannelBinding[];
      if (webhook.value === undefined) {
        if (ctx.sourceAddress === undefined) return fail('CHANNEL_ADDRESS_MISSING');
        atAddress = await deps.bindings.byAddress(tx, org, ctx.sourceAddress);
      } else {
        // One robot is one group: whatever else it is bound to is what that group's members read.
        atAddress = await deps.bindings.withWebhook(tx, org, webhook.value);
      }
      const clash = await clashAt(deps, tx, org, atAddress, client.value, input.audience);
      if (!clash.ok) return clash;

      const existing = atAddress.find((b) => b.clientId === client.value.id);
      const id = existing?.id ?? deps.ids.newId();
      const address =
        webhook.value === undefined
          ? ctx.sourceAddress
          : (existing?.address ?? encodeAddress({ platform: 'wecom-robot', bindingId: id }));
      if (address === undefined) return fail('CHANNEL_ADDRESS_MISSING');
      const binding: ChannelBinding = {
        id,
        address,
        clientId: client.value.id,
        audience: input.audience,
        reportSchedule: schedule.value,
        reportLocale: existing?.reportLocale,
        budgetWarnings: input.audience === 'internal' || input.budgetWarnings === true,
        webhookUrl: webhook.value,
      };
      if (existing && sameBinding(existing, binding)) return ok({ binding, outcome: 'unchanged' });
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
    });

/**
 * A WeCom group robot's webhook (doc 99110): `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`. Anything
 * else — another host, plain http, no key — is refused, so Outlay never posts a client's figures to a stranger.
 */
function checkWebhook(text: string, origins: readonly string[]): Result<string, Failure<'WEBHOOK_INVALID'>> {
  const written = text.trim();
  try {
    const url = new URL(written);
    const key = url.searchParams.get('key') ?? '';
    const allowed = origins.some((origin) => new URL(origin).origin === url.origin);
    if (
      allowed &&
      url.pathname === ROBOT_WEBHOOK_PATH &&
      key !== '' &&
      url.username === '' &&
      url.hash === ''
    )
      return ok(url.toString());
  } catch {
    // refused below
  }
  return fail('WEBHOOK_INVALID', { text: written });
}

/**
 * A conversation that client contacts can read must never see internal data: so it cannot be the admin channel,
 * and it serves one client only. Internal conversations may serve several clients.
 */
async function clashAt(
  deps: Pick<AdminDeps, 'directory'>,
  tx: Tx,
  organisationId: string,
  atAddress: readonly ChannelBinding[],
  client: ClientRecord,
  audience: 'internal' | 'client',
): Promise<Result<void, BindChannelFailure>> {
  if (audience === 'client' && atAddress.some((b) => b.audience === 'admin')) {
    return fail('CHANNEL_IS_ADMIN_CHANNEL');
  }
  const other = atAddress.find(
    (b) =>
      b.clientId !== undefined &&
      b.clientId !== client.id &&
      (audience === 'client' || b.audience === 'client'),
  );
  if (other?.clientId === undefined) return ok(undefined);
  const otherClient = await deps.directory.clientById(tx, organisationId, other.clientId);
  return fail('CHANNEL_BOUND_TO_OTHER_CLIENT', {
    client: otherClient?.code ?? other.clientId,
    audience: other.audience,
  });
}
