// The Slack end of the outbox: a card to a channel or a person's DM (opened with conversations.open), or an update
// of a card posted earlier (chat.update on the channel and ts it landed at). The worker paces each address and
// retries; this notifier only translates Slack's answer — 429 becomes "come back after Retry-After", a channel the
// bot cannot reach becomes permanent — so the WebClient itself never retries or waits.
import { webApi } from '@slack/bolt';
import { decodeAddress } from '../../domain/messaging/chat-address.js';
import type {
  ChatNotifier,
  DeliveryOutcome,
  OutboundMessage,
} from '../../domain/ports/chat-notifier.port.js';
import type { PlatformContext } from '../shared/platform-module.js';
import { fallbackText, renderCardBlocks } from './slack-blocks.js';
import { CARD_THREAD_KIND, cardThreadKey } from './slack-files.js';
import { createBoltLogger } from './slack-logger.js';

export type SlackMessageRef = { readonly channel: string; readonly ts: string };

export type SlackNotifierOptions = {
  readonly apiUrl: string;
  /** The bot token for a workspace; undefined when Outlay is not installed there. */
  readonly tokenFor: (teamId: string) => Promise<string | undefined>;
};

/** Slack errors no retry can fix: the channel is gone or the bot is not in it, the person left, the card is bad. */
const PERMANENT_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'invalid_blocks',
  'msg_too_long',
  'no_text',
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  'not_authed',
  'invalid_auth',
  'token_revoked',
]);

const isUserId = (id: string): boolean => /^[UW][A-Z0-9]+$/.test(id);

const replacedKeyOf = (payload: unknown): string | undefined => {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const replaces = (payload as { readonly replaces?: unknown }).replaces;
  return typeof replaces === 'string' && replaces !== '' ? replaces : undefined;
};

const isMessageRef = (ref: unknown): ref is SlackMessageRef =>
  typeof ref === 'object' &&
  ref !== null &&
  typeof (ref as SlackMessageRef).channel === 'string' &&
  typeof (ref as SlackMessageRef).ts === 'string';

export function failureOutcome(error: unknown): DeliveryOutcome {
  const coded = error as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
  };
  if (coded.code === webApi.ErrorCode.RateLimitedError) {
    return { ok: false, retryAfterMs: Math.max(0, coded.retryAfter ?? 1) * 1000, error: 'rate_limited' };
  }
  if (coded.code === webApi.ErrorCode.PlatformError) {
    const slackError = coded.data?.error ?? 'unknown_error';
    return { ok: false, permanent: PERMANENT_ERRORS.has(slackError), error: slackError };
  }
  if (coded.code === webApi.ErrorCode.HTTPError) {
    const status = coded.statusCode ?? 0;
    return { ok: false, permanent: status >= 400 && status < 500, error: `http ${status}` };
  }
  return { ok: false, error: error instanceof Error ? error.message : String(error) };
}

export function createSlackNotifier(context: PlatformContext, options: SlackNotifierOptions): ChatNotifier {
  const clients = new Map<string, webApi.WebClient>();
  const logger = createBoltLogger(context.logger);
  const clientFor = (token: string): webApi.WebClient => {
    let client = clients.get(token);
    if (!client) {
      client = new webApi.WebClient(token, {
        slackApiUrl: options.apiUrl,
        logger,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
      });
      clients.set(token, client);
    }
    return client;
  };

  const earlierRef = async (message: OutboundMessage): Promise<SlackMessageRef | undefined> => {
    const replaces = replacedKeyOf(message.payload);
    if (replaces === undefined) return undefined;
    const ref = await context.uow.run((tx) =>
      context.deliveryRefs.refOf(tx, message.organisationId, replaces),
    );
    return isMessageRef(ref) ? ref : undefined;
  };

  /** A file later shared in this card's thread is a receipt for the card's expense. */
  const rememberThread = async (message: OutboundMessage, teamId: string, ref: SlackMessageRef) => {
    const expenseId = (message.payload as { readonly expenseId?: unknown } | null)?.expenseId;
    if (typeof expenseId !== 'string') return;
    // The card is already posted: a failure here must not make the worker post it again.
    await context.uow
      .run((tx) =>
        context.records.put(
          tx,
          {
            organisationId: message.organisationId,
            platform: 'slack',
            kind: CARD_THREAD_KIND,
            key: cardThreadKey(teamId, ref.channel, ref.ts),
          },
          { expenseId },
        ),
      )
      .catch((error: unknown) => context.logger.warn({ err: error }, 'slack card thread not remembered'));
  };

  return {
    platform: 'slack',
    async deliver(message): Promise<DeliveryOutcome> {
      const address = decodeAddress(message.address);
      if (address?.platform !== 'slack') {
        return { ok: false, permanent: true, error: `not a Slack address: ${message.address}` };
      }
      const card = await context.render(message);
      if (card === undefined)
        return { ok: false, permanent: true, error: `nothing to show for ${message.kind}` };
      const token = await options.tokenFor(address.teamId);
      if (token === undefined) {
        return {
          ok: false,
          permanent: true,
          error: `Outlay is not installed in workspace ${address.teamId}`,
        };
      }
      const client = clientFor(token);
      const blocks = renderCardBlocks(card);
      const text = fallbackText([card]);
      try {
        const earlier = await earlierRef(message);
        if (earlier !== undefined) {
          const updated = await client.chat.update({
            channel: earlier.channel,
            ts: earlier.ts,
            text,
            blocks,
          });
          return {
            ok: true,
            ref: { channel: updated.channel ?? earlier.channel, ts: updated.ts ?? earlier.ts },
          };
        }
        let channel = address.channelId;
        if (isUserId(channel)) {
          const opened = await client.conversations.open({ users: channel });
          if (!opened.channel?.id) return { ok: false, error: 'conversations.open returned no channel' };
          channel = opened.channel.id;
        }
        const posted = await client.chat.postMessage({
          channel,
          text,
          blocks,
          ...(address.threadTs === undefined ? {} : { thread_ts: address.threadTs }),
        });
        if (!posted.ts) return { ok: false, error: 'chat.postMessage returned no ts' };
        const ref = { channel: posted.channel ?? channel, ts: posted.ts };
        await rememberThread(message, address.teamId, ref);
        return { ok: true, ref };
      } catch (error) {
        const outcome = failureOutcome(error);
        context.logger.warn({ address: message.address, outcome }, 'slack delivery failed');
        return outcome;
      }
    },
  };
}
