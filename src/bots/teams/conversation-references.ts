// Teams lets a bot speak first only where it holds a conversation reference (service URL, conversation, bot,
// tenant), which it learns when it is installed or addressed. Outlay keeps one per conversation and one per person:
// the person's 1:1 when known, else where they were last seen, from which a 1:1 can be created.
import type { ConversationReference } from 'botbuilder';
import type { PlatformRecordKey, PlatformRecords } from '../../domain/ports/platform-records.port.js';
import type { Tx } from '../../domain/ports/unit-of-work.port.js';
import { TEAMS_PLATFORM } from './teams-inbound.js';

export const CONVERSATION_REF_KIND = 'conversation-ref';

export type StoredReference = {
  readonly reference: Partial<ConversationReference>;
  /** True when `reference` is the person's own 1:1 with the bot. */
  readonly personal: boolean;
  /** The person's Teams user id (29:…), to create a 1:1 with when `personal` is false. */
  readonly userId?: string;
  readonly tenantId?: string;
};

/** A person's key: `@<aad object id>`, the same text as the conversation part of their DM address. */
export const personKey = (aadObjectId: string): string => `@${aadObjectId.toLowerCase()}`;

const recordKey = (organisationId: string, key: string): PlatformRecordKey => ({
  organisationId,
  platform: TEAMS_PLATFORM,
  kind: CONVERSATION_REF_KIND,
  key,
});

/** A reference that posts new messages: no activity to reply to. */
export const withoutActivity = (
  reference: Partial<ConversationReference>,
): Partial<ConversationReference> => {
  const { activityId: _activityId, ...rest } = reference;
  return rest;
};

export const readReference = (
  records: PlatformRecords,
  tx: Tx,
  organisationId: string,
  key: string,
): Promise<StoredReference | undefined> => records.get<StoredReference>(tx, recordKey(organisationId, key));

export const writeReference = (
  records: PlatformRecords,
  tx: Tx,
  organisationId: string,
  key: string,
  value: StoredReference,
): Promise<void> => records.put(tx, recordKey(organisationId, key), value);

/**
 * Remembers the conversation and, for a person, where to reach them: a 1:1 always wins over a group conversation,
 * which is kept only until the 1:1 is known.
 */
export async function rememberConversation(
  records: PlatformRecords,
  tx: Tx,
  organisationId: string,
  reference: Partial<ConversationReference>,
  person?: { readonly aadObjectId: string; readonly userId: string },
): Promise<void> {
  const conversation = reference.conversation;
  if (conversation?.id === undefined) return;
  const personal = conversation.conversationType === 'personal';
  const tenantId = conversation.tenantId;
  const stored: StoredReference = {
    reference: withoutActivity(reference),
    personal,
    ...(tenantId === undefined ? {} : { tenantId }),
  };
  await writeReference(records, tx, organisationId, conversation.id, stored);
  if (person === undefined) return;
  const key = personKey(person.aadObjectId);
  if (!personal) {
    const known = await readReference(records, tx, organisationId, key);
    if (known?.personal === true) return;
  }
  await writeReference(records, tx, organisationId, key, { ...stored, userId: person.userId });
}
