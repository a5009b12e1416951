// Sending cards through the app: 1:1 with `message/send` (`touser`), to an app-created group with `appchat/send`
// (markdown: template cards are not allowed there, doc 90248), and updating a sent button card in place with
// `update_template_card`. A button card's task id is remembered with the newest single-use response code for it
// (from the send answer, then from each click), so a decision can grey the buttons out later.
import type { Card } from '../../domain/messaging/card.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { PlatformRecords } from '../../domain/ports/platform-records.port.js';
import type { UnitOfWork } from '../../domain/ports/unit-of-work.port.js';
import type { WecomApiClient, WecomCallResult } from './wecom-api-client.js';
import {
  reasonSelectionOf,
  renderWecomCardUpdate,
  renderWecomGroupMessage,
  renderWecomMessage,
} from './wecom-card.js';

export const WECOM_PLATFORM = 'wecom';
export const CARD_TASK_KIND = 'card-task';

/** What the notifier returns as a delivery ref: enough to update the card later. */
export type WecomDeliveryRef = { readonly task_id?: string; readonly msgid?: string };

/**
 * Stored per task id: who got the card, the newest unused response code (72 h, single use), and the text of each
 * preset reason the card's drop-down offered, so a click's option id can be read back in the card's language.
 */
export type CardTaskRecord = {
  readonly userId: string;
  readonly responseCode?: string;
  readonly reasons?: Readonly<Record<string, string>>;
};

export type SendOutcome =
  | { readonly ok: true; readonly ref: WecomDeliveryRef }
  | { readonly ok: false; readonly errcode: number; readonly error: string; readonly retryAfterMs?: number };

export type UpdateOutcome =
  | SendOutcome
  | { readonly ok: false; readonly unusable: true; readonly error: string };

export interface WecomMessenger {
  sendToUser(userId: string, card: Card, taskId: string): Promise<SendOutcome>;
  sendToChat(chatId: string, card: Card): Promise<SendOutcome>;
  /** Replaces the button card `taskId` in place; `unusable` when no response code is left or WeCom refused it. */
  updateCard(taskId: string, card: Card): Promise<UpdateOutcome>;
  rememberResponseCode(taskId: string, userId: string, responseCode: string): Promise<void>;
  /** The preset reason an option id of the card's drop-down stands for; undefined for "other" or unknown ids. */
  presetReason(taskId: string, optionId: string): Promise<string | undefined>;
  /** How long until `userId` may get another app message without exceeding the per-minute budget; 0 when now. */
  waitFor(userId: string): number;
}

export type WecomMessengerOptions = {
  readonly api: WecomApiClient;
  readonly agentId: number;
  readonly organisationId: string;
  readonly uow: UnitOfWork;
  readonly records: PlatformRecords;
  readonly clock: Clock;
  /** App messages per member per minute; WeCom silently drops what exceeds 30 (doc 90312). */
  readonly perMemberPerMinute?: number;
};

/** Frequency and "busy" answers are worth another try; anything else about an update means the code is spent. */
const isTransient = (result: Extract<WecomCallResult, { ok: false }>): boolean =>
  result.retryAfterMs !== undefined;

const stringField = (answer: Readonly<Record<string, unknown>>, name: string): string | undefined => {
  const value = answer[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export function createWecomMessenger(options: WecomMessengerOptions): WecomMessenger {
  const { api, agentId, organisationId, uow, records, clock } = options;
  const perMinute = options.perMemberPerMinute ?? 30;
  // Every app message to a member counts, replies to their commands as well as notifications.
  const recentSends = new Map<string, number[]>();
  const recentFor = (userId: string): number[] => {
    const now = clock.now().getTime();
    const recent = (recentSends.get(userId) ?? []).filter((at) => at > now - 60_000);
    if (recent.length === 0) recentSends.delete(userId);
    else recentSends.set(userId, recent);
    return recent;
  };
  const noteSend = (userId: string): void => {
    recentSends.set(userId, [...recentFor(userId), clock.now().getTime()]);
  };
  const taskKey = (taskId: string) => ({
    organisationId,
    platform: WECOM_PLATFORM,
    kind: CARD_TASK_KIND,
    key: taskId,
  });

  const failed = (result: Extract<WecomCallResult, { ok: false }>): SendOutcome => ({
    ok: false,
    errcode: result.errcode,
    error: result.error,
    ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }),
  });

  return {
    async sendToUser(userId, card, taskId) {
      const content = renderWecomMessage(card, taskId);
      const result = await api.post('/cgi-bin/message/send', {
        touser: userId,
        agentid: agentId,
        ...content,
        enable_duplicate_check: 0,
      });
      if (!result.ok) return failed(result);
      noteSend(userId);
      const msgid = stringField(result.answer, 'msgid');
      if (content.msgtype !== 'template_card') return { ok: true, ref: msgid === undefined ? {} : { msgid } };
      const responseCode = stringField(result.answer, 'response_code');
      const reasons = reasonSelectionOf(card)?.reasons;
      const record: CardTaskRecord = {
        userId,
        ...(responseCode === undefined ? {} : { responseCode }),
        ...(reasons === undefined ? {} : { reasons }),
      };
      await uow.run((tx) => records.put(tx, taskKey(taskId), record));
      return { ok: true, ref: { task_id: taskId, ...(msgid === undefined ? {} : { msgid }) } };
    },

    async sendToChat(chatId, card) {
      const result = await api.post('/cgi-bin/appchat/send', {
        chatid: chatId,
        ...renderWecomGroupMessage(card),
      });
      return result.ok ? { ok: true, ref: {} } : failed(result);
    },

    async updateCard(taskId, card) {
      // The code is taken out before it is used: a code WeCom has seen once is spent whatever the answer was.
      const record = await uow.run(async (tx) => {
        const found = await records.get<CardTaskRecord>(tx, taskKey(taskId));
        if (found?.responseCode !== undefined) {
          const { responseCode: _spent, ...rest } = found;
          await records.put(tx, taskKey(taskId), rest);
        }
        return found;
      });
      if (record?.responseCode === undefined) {
        return { ok: false, unusable: true, error: `no unused response code for task ${taskId}` };
      }
      const result = await api.post('/cgi-bin/message/update_template_card', {
        userids: [record.userId],
        agentid: agentId,
        response_code: record.responseCode,
        template_card: renderWecomCardUpdate(card, taskId),
      });
      if (result.ok) return { ok: true, ref: { task_id: taskId } };
      if (isTransient(result)) {
        // Not spent after all (WeCom never looked at it): put it back for the retry.
        await uow.run((tx) => records.put(tx, taskKey(taskId), record));
        return failed(result);
      }
      return { ok: false, unusable: true, error: result.error };
    },

    waitFor(userId) {
      const recent = recentFor(userId);
      const oldest = recent[0];
      return recent.length < perMinute || oldest === undefined ? 0 : oldest + 60_000 - clock.now().getTime();
    },

    async rememberResponseCode(taskId, userId, responseCode) {
      await uow.run(async (tx) => {
        const found = await records.get<CardTaskRecord>(tx, taskKey(taskId));
        const record: CardTaskRecord = {
          ...(found?.userId === userId ? found : {}),
          userId,
          responseCode,
        };
        await records.put(tx, taskKey(taskId), record);
      });
    },

    async presetReason(taskId, optionId) {
      const found = await uow.run((tx) => records.get<CardTaskRecord>(tx, taskKey(taskId)));
      const reasons = found?.reasons ?? {};
      return Object.hasOwn(reasons, optionId) ? reasons[optionId] : undefined;
    },
  };
}
