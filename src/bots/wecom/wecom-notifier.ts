// The WeCom end of the outbox. People get 1:1 app messages (`wecom:<corp>:@<user>` from the worker's member
// resolution, or `wecom:<corp>:<user>`); app-created groups (`wecom:<corp>:chat:<chat id>`) get markdown through
// appchat. An outbox message that `replaces` an earlier one updates that button card in place with its single-use
// response code; when no code is left (expired after 72 h, already used) the decision is sent as a new message,
// never dropped. WeCom silently drops app messages beyond 30 per member per minute (doc 90312), so the messenger
// keeps count per member and the worker is told when to come back.
import type { Card } from '../../domain/messaging/card.js';
import { decodeAddress } from '../../domain/messaging/chat-address.js';
import type {
  ChatNotifier,
  DeliveryOutcome,
  OutboundMessage,
} from '../../domain/ports/chat-notifier.port.js';
import type { DeliveryRefs } from '../../domain/ports/platform-records.port.js';
import type { UnitOfWork } from '../../domain/ports/unit-of-work.port.js';
import { wecomTaskId } from './wecom-card.js';
import {
  type SendOutcome,
  WECOM_PLATFORM,
  type WecomDeliveryRef,
  type WecomMessenger,
} from './wecom-messenger.js';
import { wecomFirstAttemptDelayMs } from './wecom-spread.js';

export type WecomNotifierOptions = {
  readonly corpId: string;
  readonly messenger: WecomMessenger;
  readonly render: (message: OutboundMessage) => Promise<Card | undefined>;
  readonly uow: UnitOfWork;
  readonly deliveryRefs: DeliveryRefs;
};

/** Errcodes no retry can fix: invalid user, every recipient invalid, bad chat id, bad message. */
const PERMANENT_ERRCODES: ReadonlySet<number> = new Set([40003, 81013, 86003, 40008, 44004, 86001]);

type Target = { readonly kind: 'user' | 'chat'; readonly id: string };

const targetOf = (address: string, corpId: string): Target | undefined => {
  const parts = decodeAddress(address);
  if (parts?.platform !== 'wecom' || parts.corpId !== corpId) return undefined;
  if (parts.target === 'chat') return { kind: 'chat', id: parts.id };
  // The worker writes a person's DM as `@<user>` (directMessageAddress); a bare user id means the same 1:1.
  const id = parts.id.startsWith('@') ? parts.id.slice(1) : parts.id;
  return id === '' ? undefined : { kind: 'user', id };
};

const replacedKeyOf = (payload: unknown): string | undefined => {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const replaces = (payload as { readonly replaces?: unknown }).replaces;
  return typeof replaces === 'string' && replaces !== '' ? replaces : undefined;
};

const taskIdOf = (ref: unknown): string | undefined => {
  if (typeof ref !== 'object' || ref === null) return undefined;
  const taskId = (ref as WecomDeliveryRef).task_id;
  return typeof taskId === 'string' && taskId !== '' ? taskId : undefined;
};

const outcomeOf = (sent: SendOutcome): DeliveryOutcome => {
  if (sent.ok) return { ok: true, ref: sent.ref };
  return {
    ok: false,
    error: `WeCom: ${sent.error}`,
    ...(sent.retryAfterMs === undefined ? {} : { retryAfterMs: sent.retryAfterMs }),
    ...(PERMANENT_ERRCODES.has(sent.errcode) ? { permanent: true } : {}),
  };
};

export function createWecomNotifier(options: WecomNotifierOptions): ChatNotifier {
  const { corpId, messenger } = options;

  const updateInPlace = async (message: OutboundMessage, replaces: string, card: Card) => {
    const ref = await options.uow.run((tx) =>
      options.deliveryRefs.refOf(tx, message.organisationId, replaces),
    );
    const taskId = taskIdOf(ref);
    return taskId === undefined ? undefined : messenger.updateCard(taskId, card);
  };

  return {
    platform: WECOM_PLATFORM,
    firstAttemptDelayMs: wecomFirstAttemptDelayMs,
    async deliver(message): Promise<DeliveryOutcome> {
      const target = targetOf(message.address, corpId);
      if (target === undefined) {
        return {
          ok: false,
          permanent: true,
          error: `not a WeCom address of corp ${corpId}: ${message.address}`,
        };
      }
      const card = await options.render(message);
      if (card === undefined)
        return { ok: false, permanent: true, error: `nothing to show for kind ${message.kind}` };
      if (target.kind === 'chat') return outcomeOf(await messenger.sendToChat(target.id, card));

      const wait = messenger.waitFor(target.id);
      if (wait > 0)
        return { ok: false, retryAfterMs: wait, error: 'WeCom: 30 messages per member per minute' };

      const replaces = replacedKeyOf(message.payload);
      if (replaces !== undefined) {
        const updated = await updateInPlace(message, replaces, card);
        if (updated?.ok === true) return { ok: true, ref: updated.ref };
        if (updated !== undefined && !('unusable' in updated)) return outcomeOf(updated);
        // No card to update, or its code is spent: the news goes out as a new message instead.
      }
      return outcomeOf(await messenger.sendToUser(target.id, card, wecomTaskId(message.id)));
    },
  };
}
