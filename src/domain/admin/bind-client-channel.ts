// `client channel @client internal|client [weekly|monthly|"<cron>"] [budget] [webhook <url>]` (product.md §1, §6):
// binds the conversation the command was typed in. The command states the whole binding, so binding the same
// conversation to the same client again replaces what it had (a schedule left out is switched off).
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
  (deps: AdminDeps) =>
  (
    ctx: RequestContext,
    input: BindClientChannelInput,
  ): Promise<Result<Answered<BoundChannel>, BindChannelFailure>> =>
    runChange<BoundChannel, BindChannelFailure>(deps, originOf(ctx), 'client-channel', async (tx) => {
      const allowed = authorise(ctx.actor, 'manage-bindings');
      if (!allowed.ok) return allowed;
      const address = ctx.sourceAddress;
      if (address === undefined) return fail('CHANNEL_ADDRESS_MISSING');
      const org = ctx.organisationId;
      const client = await findClient(deps, tx, org, input.clientCode);
      if (!client.ok) return client;
      const schedule = input.schedule === undefined ? ok(undefined) : storedSchedule(input.schedule);
      if (!schedule.ok) return schedule;
      const webhook = input.webhookUrl === undefined ? ok(undefined) : checkWebhook(input.webhookUrl);
      if (!webhook.ok) return webhook;

      const atAddress = await deps.bindings.byAddress(tx, org, address);
      const clash = await clashAt(deps, tx, org, atAddress, client.value, input.audience);
      if (!clash.ok) return clash;

      const existing = atAddress.find((b) => b.clientId === client.value.id);
      const binding: ChannelBinding = {
        id: existing?.id ?? deps.ids.newId(),
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

/** A group robot is reached over HTTP(S); nothing else is a webhook. */
function checkWebhook(text: string): Result<string, Failure<'WEBHOOK_INVALID'>> {
  const written = text.trim();
  try {
    const url = new URL(written);
    if (url.protocol === 'https:' || url.protocol === 'http:') return ok(url.toString());
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
