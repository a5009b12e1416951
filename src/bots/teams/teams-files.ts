// Files that reach the bot and can be receipts: a file sent in a 1:1 or posted in a channel (Teams gives a short-lived,
// pre-authenticated download URL) and an image pasted into the message (a contentUrl on the Teams service that
// answers only with the bot's own token). A file posted in the thread of a card Outlay put in a channel belongs to
// that card's expense: the notifier remembers which expense each channel card is about.
import type { Activity, TurnContext } from 'botbuilder';
import type { PlatformRecordKey, PlatformRecords } from '../../domain/ports/platform-records.port.js';
import type { Tx } from '../../domain/ports/unit-of-work.port.js';
import { TEAMS_PLATFORM } from './teams-inbound.js';

/** A file sent to the bot (the manifest's `supportsFiles`) or posted in a channel: its content holds `downloadUrl`. */
const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

const FILE_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  heic: 'image/heic',
  webp: 'image/webp',
};

export type ReceivedFile = {
  readonly url: string;
  readonly name?: string;
  readonly declaredType?: string;
  /** The URL answers only with the bot's token (an inline image on the Teams service). */
  readonly needsBotToken: boolean;
};

const downloadInfoOf = (
  attachment: NonNullable<Activity['attachments']>[number],
): ReceivedFile | undefined => {
  const content = attachment.content as { downloadUrl?: unknown; fileType?: unknown } | undefined;
  if (typeof content?.downloadUrl !== 'string') return undefined;
  const declaredType =
    typeof content.fileType === 'string' ? FILE_TYPES[content.fileType.toLowerCase()] : undefined;
  return {
    url: content.downloadUrl,
    ...(attachment.name ? { name: attachment.name } : {}),
    ...(declaredType === undefined ? {} : { declaredType }),
    needsBotToken: false,
  };
};

/** The first attachment that is a file or a pasted image; the html copy of the message Teams adds is not one. */
export function receivedFileOf(activity: Activity): ReceivedFile | undefined {
  for (const attachment of activity.attachments ?? []) {
    if (attachment.contentType === FILE_DOWNLOAD_INFO) {
      const file = downloadInfoOf(attachment);
      if (file !== undefined) return file;
      continue;
    }
    if (attachment.contentType.startsWith('image/') && typeof attachment.contentUrl === 'string') {
      // Teams often says only `image/*`; the receipt store sniffs the bytes either way.
      const exact = attachment.contentType !== 'image/*';
      return {
        url: attachment.contentUrl,
        ...(attachment.name ? { name: attachment.name } : {}),
        ...(exact ? { declaredType: attachment.contentType } : {}),
        needsBotToken: true,
      };
    }
  }
  return undefined;
}

// Inline images live on the service that sent the activity, or on Teams' media store.
const MEDIA_HOST_SUFFIXES = ['.asm.skype.com'] as const;

/** Whether `url` may be sent the bot's token: the activity's own service, or Teams' media store over https. */
export function trustsBotToken(url: string, serviceUrl: string | undefined): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (serviceUrl !== undefined && URL.canParse(serviceUrl) && new URL(serviceUrl).origin === target.origin) {
    return true;
  }
  return (
    target.protocol === 'https:' && MEDIA_HOST_SUFFIXES.some((suffix) => target.hostname.endsWith(suffix))
  );
}

type SigningClient = {
  readonly credentials?: {
    signRequest(request: { headers: { set(name: string, value: string): void } }): Promise<unknown>;
  };
};

/**
 * The `Authorization` header the adapter puts on this turn's connector calls (none when authentication is off, as
 * with the emulator), for a download from the same service.
 */
export async function botAuthorizationOf(context: TurnContext): Promise<string | undefined> {
  const client = context.turnState.get<SigningClient | undefined>(context.adapter.ConnectorClientKey);
  if (client?.credentials === undefined) return undefined;
  const request = { headers: new Headers() };
  await client.credentials.signRequest(request);
  return request.headers.get('authorization') ?? undefined;
}

export const CARD_THREAD_KIND = 'card-thread';

/** A channel card's thread: replies in it carry this conversation id. */
export const cardThreadId = (conversationId: string, activityId: string): string =>
  `${conversationId};messageid=${activityId}`;

const threadKey = (organisationId: string, threadId: string): PlatformRecordKey => ({
  organisationId,
  platform: TEAMS_PLATFORM,
  kind: CARD_THREAD_KIND,
  key: threadId,
});

export const rememberCardThread = (
  records: PlatformRecords,
  tx: Tx,
  organisationId: string,
  threadId: string,
  expenseId: string,
): Promise<void> => records.put(tx, threadKey(organisationId, threadId), { expenseId });

/** The expense whose card started the thread this conversation id names, if Outlay posted it. */
export async function cardThreadExpense(
  records: PlatformRecords,
  tx: Tx,
  organisationId: string,
  conversationId: string,
): Promise<string | undefined> {
  if (!conversationId.includes(';messageid=')) return undefined;
  const found = await records.get<{ expenseId?: unknown }>(tx, threadKey(organisationId, conversationId));
  return typeof found?.expenseId === 'string' ? found.expenseId : undefined;
}
