// The Teams end of the outbox: a card posted proactively into a stored conversation (a person's 1:1 opened on first
// use), or an earlier card updated in place when the payload `replaces` one. The ref it answers,
// `{ conversationId, activityId }`, is what a later update needs. Teams' 429 becomes the worker's pause.

import { decodeAddress } from '../../domain/messaging/chat-address.js';
import type {
  ChatNotifier,
  DeliveryOutcome,
  OutboundMessage,
} from '../../domain/ports/chat-notifier.port.js';
import type { PlatformContext } from '../shared/platform-module.js';
import { personKey, readReference, type StoredReference, writeReference } from './conversation-references.js';
import { adaptiveCardAttachment } from './render-adaptive-card.js';
import { cardThreadId, rememberCardThread } from './teams-files.js';
import { TEAMS_PLATFORM } from './teams-inbound.js';
import type { PostedActivity, TeamsOutbound } from './teams-outbound.js';

export type TeamsDeliveryRef = PostedActivity;

const replacedKeyOf = (payload: unknown): string | undefined => {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const replaces = (payload as { readonly replaces?: unknown }).replaces;
  return typeof replaces === 'string' && replaces !== '' ? replaces : undefined;
};

const asDeliveryRef = (value: unknown): TeamsDeliveryRef | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const { conversationId, activityId } = value as Record<string, unknown>;
  return typeof conversationId === 'string' && typeof activityId === 'string' && activityId !== ''
    ? { conversationId, activityId }
    : undefined;
};

type RestFailure = { readonly statusCode?: unknown; readonly response?: { readonly headers?: unknown } };

const retryAfterOf = (error: RestFailure): number | undefined => {
  const headers = error.response?.headers as { get?: (name: string) => string | undefined } | undefined;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
  const seconds = raw === undefined ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1_000) : undefined;
};

/** A Bot Connector failure as the worker's outcome; anything that is not an HTTP answer is thrown (retryable). */
const failureOf = (error: unknown): DeliveryOutcome => {
  const status = (error as RestFailure | undefined)?.statusCode;
  if (typeof status !== 'number') throw error;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 429) {
    const retryAfterMs = retryAfterOf(error as RestFailure);
    return { ok: false, ...(retryAfterMs === undefined ? {} : { retryAfterMs }), error: `429 ${message}` };
  }
  // 412, 502 and 504 are Teams' "try again" answers; the other 4xx mean the conversation or the bot is gone.
  const permanent = status >= 400 && status < 500 && status !== 408 && status !== 412;
  return { ok: false, permanent, error: `${status} ${message}` };
};

export function createTeamsNotifier(context: PlatformContext, outbound: TeamsOutbound): ChatNotifier {
  const { uow, records, deliveryRefs, render, logger } = context;

  const reach = async (organisationId: string, target: string): Promise<StoredReference | undefined> =>
    uow.run((tx) => readReference(records, tx, organisationId, target));

  /** A file later posted in the thread of this channel card is a receipt for the card's expense. */
  const rememberThread = async (message: OutboundMessage, ref: PostedActivity): Promise<void> => {
    const expenseId = (message.payload as { readonly expenseId?: unknown } | null)?.expenseId;
    if (
      typeof expenseId !== 'string' ||
      ref.activityId === '' ||
      ref.conversationId.includes(';messageid=')
    ) {
      return;
    }
    // The card is already posted: a failure here must not make the worker post it again.
    await uow
      .run((tx) =>
        rememberCardThread(
          records,
          tx,
          message.organisationId,
          cardThreadId(ref.conversationId, ref.activityId),
          expenseId,
        ),
      )
      .catch((error: unknown) => logger.warn({ err: error }, 'Teams card thread not remembered'));
  };

  const post = async (
    message: OutboundMessage,
    target: string,
    activity: object,
  ): Promise<DeliveryOutcome> => {
    const org = message.organisationId;
    const stored = await reach(org, target);
    if (stored === undefined) {
      return { ok: false, permanent: true, error: `no Teams conversation reference for ${message.address}` };
    }
    let reference = stored.reference;
    if (target.startsWith('@') && !stored.personal) {
      reference = await outbound.openPersonal(stored);
      const opened: StoredReference = { ...stored, reference, personal: true };
      await uow.run((tx) => writeReference(records, tx, org, target, opened));
    }
    const ref = await outbound.post(reference, activity);
    if (!stored.personal) await rememberThread(message, ref);
    return { ok: true, ref };
  };

  return {
    platform: TEAMS_PLATFORM,
    async deliver(message): Promise<DeliveryOutcome> {
      const address = decodeAddress(message.address);
      if (address?.platform !== 'teams') {
        return { ok: false, permanent: true, error: `not a Teams address: ${message.address}` };
      }
      const card = await render(message);
      if (card === undefined) {
        return { ok: false, permanent: true, error: `nothing to show for kind ${message.kind}` };
      }
      const activity = { type: 'message', attachments: [adaptiveCardAttachment(card)] };
      const target = address.conversationId.startsWith('@')
        ? personKey(address.conversationId.slice(1))
        : address.conversationId;
      try {
        const replaces = replacedKeyOf(message.payload);
        const earlier =
          replaces === undefined
            ? undefined
            : asDeliveryRef(await uow.run((tx) => deliveryRefs.refOf(tx, message.organisationId, replaces)));
        if (earlier !== undefined) {
          const stored = await reach(message.organisationId, earlier.conversationId);
          if (stored !== undefined) {
            await outbound.update(stored.reference, earlier.activityId, activity);
            return { ok: true, ref: earlier };
          }
        }
        // An update whose original never reached Teams is posted as new.
        return await post(message, target, activity);
      } catch (error) {
        return failureOf(error);
      }
    },
  };
}
