// What Teams sent, in Outlay's words: who spoke (`teams:<aad object id>`), where (`teams:<conversation id>`) and the
// command text with the bot's own @mention removed and people's mentions turned into the grammar's `<@aadObjectId>`.
import type { Activity } from 'botbuilder';
import { encodeAddress } from '../../domain/messaging/chat-address.js';

export const TEAMS_PLATFORM = 'teams' as const;

type Mention = {
  readonly text: string;
  readonly id: string;
  readonly aadObjectId?: string;
};

/** `teams:<aad object id>`, lower case as Teams writes it; the emulator has no AAD id, so its user id stands in. */
export const teamsIdentity = (from: { readonly id: string; readonly aadObjectId?: string }): string =>
  `${TEAMS_PLATFORM}:${(from.aadObjectId ?? from.id).toLowerCase()}`;

export const teamsConversationAddress = (conversationId: string): string =>
  encodeAddress({ platform: 'teams', conversationId });

const mentionsOf = (activity: Partial<Activity>): Mention[] =>
  (activity.entities ?? []).flatMap((entity): Mention[] => {
    if (entity.type !== 'mention') return [];
    const mentioned = entity.mentioned as { id?: unknown; aadObjectId?: unknown } | undefined;
    const text = entity.text;
    if (typeof text !== 'string' || typeof mentioned?.id !== 'string') return [];
    return [
      {
        text,
        id: mentioned.id,
        ...(typeof mentioned.aadObjectId === 'string' ? { aadObjectId: mentioned.aadObjectId } : {}),
      },
    ];
  });

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

const decodeEntities = (text: string): string =>
  text.replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, (entity) => HTML_ENTITIES[entity] ?? entity);

/**
 * The command text: the bot's mention gone, every other `<at>…</at>` mention replaced by `<@aadObjectId>` when
 * `aadIdOf` knows the person (Teams mention entities carry the 29:… id; the AAD id may need a roster look-up).
 */
export async function commandTextOf(
  activity: Partial<Activity>,
  aadIdOf: (userId: string) => Promise<string | undefined>,
): Promise<string> {
  let text = activity.text ?? '';
  const botId = activity.recipient?.id;
  for (const mention of mentionsOf(activity)) {
    if (mention.id === botId) {
      text = text.split(mention.text).join(' ');
      continue;
    }
    const aadId = mention.aadObjectId ?? (await aadIdOf(mention.id));
    if (aadId !== undefined) text = text.split(mention.text).join(`<@${aadId.toLowerCase()}>`);
  }
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}
