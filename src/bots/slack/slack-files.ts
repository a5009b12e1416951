// A file shared with Outlay becomes a receipt. Shared in the thread of a card Outlay posted, it belongs to that
// card's expense (the notifier remembered which expense each posted card is about); anywhere else the Conversation
// decides (`receipt <id>` in the message, or the sender's latest pending expense).
import type { App } from '@slack/bolt';
import type { PlatformContext } from '../shared/platform-module.js';
import { replyMessage } from './slack-blocks.js';
import { organisationOf, slackChannelAddress, slackIdentity } from './slack-listeners.js';
import type { SlackPeople } from './slack-people.js';

export const CARD_THREAD_KIND = 'card-thread';
/** Receipts larger than this are not downloaded (the console allows the same). */
const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;

export const cardThreadKey = (teamId: string, channel: string, ts: string): string =>
  `${teamId}:${channel}:${ts}`;

type FileShare = { readonly ts?: string; readonly thread_ts?: string };
type SharedFile = {
  readonly name?: string;
  readonly mimetype?: string;
  readonly size?: number;
  readonly url_private_download?: string;
  readonly shares?: {
    readonly public?: Record<string, readonly FileShare[]>;
    readonly private?: Record<string, readonly FileShare[]>;
  };
};

const threadOf = (file: SharedFile, channel: string): string | undefined =>
  [...(file.shares?.public?.[channel] ?? []), ...(file.shares?.private?.[channel] ?? [])].find(
    (share) => share.thread_ts !== undefined,
  )?.thread_ts;

export function registerSlackFiles(bolt: App, context: PlatformContext, people: SlackPeople): void {
  const log = context.logger.child({ component: 'slack' });
  bolt.event('file_shared', async ({ event, body, client, context: bolt }) => {
    const teamId = body.team_id;
    const token = bolt.botToken;
    if (event.user_id === bolt.botUserId || token === undefined) return;
    const organisationId = organisationOf(bolt);
    try {
      const external = await people.isExternal(client, teamId, event.user_id);
      const info = await client.files.info({ file: event.file_id });
      const file = info.file as SharedFile | undefined;
      const url = file?.url_private_download;
      if (file === undefined || url === undefined || (file.size ?? 0) > MAX_RECEIPT_BYTES) return;
      const thread = threadOf(file, event.channel_id);
      const expense =
        thread === undefined
          ? undefined
          : await context.uow.run((tx) =>
              context.records.get<{ expenseId: string }>(tx, {
                organisationId: organisationId ?? context.organisationId,
                platform: 'slack',
                kind: CARD_THREAD_KIND,
                key: cardThreadKey(teamId, event.channel_id, thread),
              }),
            );
      const download = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (!download.ok) throw new Error(`file download answered ${download.status}`);
      const bytes = new Uint8Array(await download.arrayBuffer());
      if (bytes.byteLength > MAX_RECEIPT_BYTES) return;
      const reply = await context.conversation.handleFile({
        platform: 'slack',
        identity: slackIdentity(teamId, event.user_id),
        address: slackChannelAddress(teamId, event.channel_id),
        bytes,
        ...(file.name === undefined ? {} : { fileName: file.name }),
        ...(file.mimetype === undefined ? {} : { declaredType: file.mimetype }),
        ...(expense === undefined ? {} : { text: `receipt ${expense.expenseId}` }),
        idempotencyKey: `slack:${teamId}:file:${event.file_id}`,
        ...(organisationId === undefined ? {} : { organisationId }),
        ...(external ? { external } : {}),
      });
      await client.chat.postEphemeral({
        channel: event.channel_id,
        user: event.user_id,
        ...replyMessage(reply),
        ...(thread === undefined ? {} : { thread_ts: thread }),
      });
    } catch (error) {
      log.error({ err: error, fileId: event.file_id }, 'slack file could not be taken as a receipt');
    }
  });
}
