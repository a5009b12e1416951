// What a decrypted WeCom callback means for Outlay (docs 90239 message formats, 90240 events): a text command, an
// image (a receipt), a click on a card button, or an app-menu click that stands for a command. Everything else
// (entering the app, subscribing…) is acknowledged and ignored. WeCom retries a callback it saw no answer to, so
// each one carries a key to recognise the retry by: the MsgId of a message, or sender + time + event of an event.
import { encodeAddress } from '../../domain/messaging/chat-address.js';
import type { WecomXmlDocument, WecomXmlFields } from './wecom-xml.js';

type Common = {
  readonly userId: string;
  /** `wecom:<corp>:<userid>`. */
  readonly identity: string;
  /** The 1:1 with the app: `wecom:<corp>:<userid>`. */
  readonly address: string;
  readonly dedupeKey: string;
  readonly createTime: string;
};

export type WecomInbound = Common &
  (
    | { readonly kind: 'text'; readonly text: string }
    | { readonly kind: 'image'; readonly mediaId: string }
    | {
        readonly kind: 'card-click';
        readonly actionId: string;
        readonly taskId: string;
        readonly responseCode?: string;
        /** Question key → option ids chosen on the card before the click (the reason drop-down). */
        readonly selections: ReadonlyMap<string, readonly string[]>;
      }
    | { readonly kind: 'ignored' }
  );

/** WeCom user ids are letters, digits and `_-@.`; anything that could break an identity is refused. */
const USER_ID = /^[^\s:]{1,64}$/;
const DIGITS = /^[0-9]{1,20}$/;

/** App-menu `click` buttons (doc 90231) carry their command as the key: `cmd:list` or the command itself. */
export const MENU_COMMAND_PREFIX = 'cmd:';

const nonEmpty = (fields: WecomXmlFields, name: string): string | undefined => {
  const value = fields.get(name);
  return value === undefined || value === '' ? undefined : value;
};

/** The callback's meaning, or undefined when required fields are missing or malformed. */
export const wecomInboundOf = (document: WecomXmlDocument, corpId: string): WecomInbound | undefined => {
  const { fields } = document;
  const userId = nonEmpty(fields, 'FromUserName');
  const msgType = nonEmpty(fields, 'MsgType');
  const createTime = nonEmpty(fields, 'CreateTime');
  const to = fields.get('ToUserName');
  if (userId === undefined || msgType === undefined || createTime === undefined) return undefined;
  if (!USER_ID.test(userId) || !DIGITS.test(createTime) || (to !== undefined && to !== corpId))
    return undefined;
  const identity = `wecom:${corpId}:${userId}`;
  const address = encodeAddress({ platform: 'wecom', corpId, target: 'user', id: userId });
  const common = { userId, identity, address, createTime };

  if (msgType === 'event') {
    const event = nonEmpty(fields, 'Event') ?? '';
    const eventKey = fields.get('EventKey') ?? '';
    const taskId = fields.get('TaskId') ?? '';
    const dedupeKey = `event:${userId}:${createTime}:${event}:${eventKey}:${taskId}`;
    if (event === 'template_card_event') {
      if (eventKey === '' || taskId === '') return undefined;
      const responseCode = nonEmpty(fields, 'ResponseCode');
      return {
        ...common,
        dedupeKey,
        kind: 'card-click',
        actionId: eventKey,
        taskId,
        selections: document.selections,
        ...(responseCode === undefined ? {} : { responseCode }),
      };
    }
    if (event === 'click' && eventKey !== '') {
      const text = eventKey.startsWith(MENU_COMMAND_PREFIX)
        ? eventKey.slice(MENU_COMMAND_PREFIX.length)
        : eventKey;
      return text.trim() === ''
        ? { ...common, dedupeKey, kind: 'ignored' }
        : { ...common, dedupeKey, kind: 'text', text };
    }
    return { ...common, dedupeKey, kind: 'ignored' };
  }

  const msgId = nonEmpty(fields, 'MsgId');
  if (msgId === undefined || !DIGITS.test(msgId)) return undefined;
  const dedupeKey = `msg:${msgId}`;
  if (msgType === 'text') {
    const text = fields.get('Content') ?? '';
    return text.trim() === ''
      ? { ...common, dedupeKey, kind: 'ignored' }
      : { ...common, dedupeKey, kind: 'text', text };
  }
  if (msgType === 'image') {
    const mediaId = nonEmpty(fields, 'MediaId');
    return mediaId === undefined ? undefined : { ...common, dedupeKey, kind: 'image', mediaId };
  }
  return { ...common, dedupeKey, kind: 'ignored' };
};
