// The self-built app's callback URL (doc 90930), as an encapsulated fastify plugin with its own string body parser.
// GET is the URL check: verify, decrypt `echostr`, echo the plaintext (no quotes, no newline). POST carries an
// encrypted XML message or event: it is verified, decrypted and checked to be for our corp before anything else,
// then answered at once with an empty 200 — WeCom retries after 5 s and drops callbacks of slow services — while
// the work runs in the background. WeCom's retries of one message are absorbed by a first-sighting record.
// A callback whose signed timestamp is more than five minutes from our clock is refused: WeCom signs each delivery
// afresh, so an old signed request arriving now is a replay. POST answers are an empty 200 body: doc 90930 leaves
// the answer to each callback's doc (an empty string, or "success" for some), and for messages and events doc
// 90238 asks for an empty 200 when no passive reply is made.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { renderTextCard } from '../../domain/messaging/render-text-card.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Logger } from '../../domain/ports/logger.port.js';
import type { PlatformRecords } from '../../domain/ports/platform-records.port.js';
import type { UnitOfWork } from '../../domain/ports/unit-of-work.port.js';
import type { Conversation } from '../shared/conversation.js';
import type { WecomApiClient } from './wecom-api-client.js';
import { type OpenRefusal, openWecomCiphertext, type WecomCryptoKeys } from './wecom-callback-crypto.js';
import { OTHER_REASON_OPTION, REASON_QUESTION_KEY } from './wecom-card.js';
import { type WecomInbound, wecomInboundOf } from './wecom-inbound.js';
import { WECOM_PLATFORM, type WecomMessenger } from './wecom-messenger.js';
import { readWecomXml } from './wecom-xml.js';

export const WECOM_PREFIX = '/wecom';
export const SEEN_CALLBACK_KIND = 'seen-callback';
const BODY_LIMIT = 64 * 1024;
/** How far a callback's signed timestamp may be from our clock, either way. */
export const CALLBACK_FRESHNESS_MS = 5 * 60_000;
/** Pauses before the second and third try of a callback whose handling failed. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [2_000, 10_000];

export type WecomLocale = 'en' | 'zh-CN';

/** Said to the sender when their message could not be handled after every try. */
export const HANDLING_FAILED_TEXT: Readonly<Record<WecomLocale, string>> = {
  en: 'Sorry — Outlay could not handle your last message, even after trying again. Nothing more will happen with it; please send it again in a moment.',
  'zh-CN': '抱歉，Outlay 多次尝试后仍未能处理你的上一条消息，该消息不会再被处理。请稍后重新发送。',
};

export type WecomCallbackOptions = {
  readonly keys: WecomCryptoKeys;
  readonly conversation: Conversation;
  readonly messenger: WecomMessenger;
  readonly api: WecomApiClient;
  readonly uow: UnitOfWork;
  readonly records: PlatformRecords;
  readonly organisationId: string;
  readonly logger: Logger;
  /** Hands over the background work of one callback, so its owner can await it (tests, shutdown). */
  readonly track: (work: Promise<void>) => void;
  /** A fresh, unique task id for a reply card with buttons. */
  readonly newTaskId: () => string;
  readonly clock: Clock;
  /** The sender's language for what the adapter itself says; the organisation's when unknown. */
  readonly localeOf: (identity: string) => Promise<WecomLocale>;
  /** Pauses between tries of a failed callback (length + 1 tries in all); DEFAULT_RETRY_DELAYS_MS by default. */
  readonly retryDelaysMs?: readonly number[];
  /** Waits before a retry; tests pass one that does not sleep. */
  readonly wait?: (ms: number) => Promise<void>;
};

type Refusal = OpenRefusal | 'MALFORMED' | 'STALE_TIMESTAMP';

const REFUSAL_STATUS: Readonly<Record<Refusal, number>> = {
  BAD_SIGNATURE: 401,
  WRONG_RECEIVER: 403,
  STALE_TIMESTAMP: 403,
  BAD_CIPHERTEXT: 400,
  MALFORMED: 400,
};

/** WeCom's `timestamp` is Unix seconds; anything else, or too far from now, is not fresh. */
const isFresh = (timestamp: string, clock: Clock): boolean => {
  if (!/^[0-9]{1,12}$/.test(timestamp)) return false;
  return Math.abs(Number(timestamp) * 1000 - clock.now().getTime()) <= CALLBACK_FRESHNESS_MS;
};

type SignedQueryText = { msg_signature?: unknown; timestamp?: unknown; nonce?: unknown; echostr?: unknown };

const signedQueryOf = (query: unknown) => {
  const q = (query ?? {}) as SignedQueryText;
  const { msg_signature: msgSignature, timestamp, nonce } = q;
  if (typeof msgSignature !== 'string' || typeof timestamp !== 'string' || typeof nonce !== 'string')
    return undefined;
  if (timestamp === '' || nonce === '') return undefined;
  return { msgSignature, timestamp, nonce, echostr: typeof q.echostr === 'string' ? q.echostr : undefined };
};

/** Register with `app.register(wecomCallbackPlugin, { prefix: WECOM_PREFIX, ...options })`. */
export const wecomCallbackPlugin: FastifyPluginAsync<WecomCallbackOptions> = async (app, options) => {
  const { keys, logger } = options;

  // WeCom posts XML; whatever the content type says, the body is read as text and parsed strictly below.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    done(null, body);
  });

  const refuse = (reply: FastifyReply, refusal: Refusal) => {
    logger.warn({ refusal }, 'WeCom callback refused');
    return reply.code(REFUSAL_STATUS[refusal]).type('text/plain').send(refusal);
  };

  app.get('/callback', async (request, reply) => {
    const query = signedQueryOf(request.query);
    if (query?.echostr === undefined || query.echostr === '') return refuse(reply, 'MALFORMED');
    const opened = openWecomCiphertext(keys, query, query.echostr);
    if (!opened.ok) return refuse(reply, opened.refusal);
    if (!isFresh(query.timestamp, options.clock)) return refuse(reply, 'STALE_TIMESTAMP');
    // Exactly the plaintext: "不能加引号，不能带bom头，不能带换行符".
    return reply.code(200).type('text/plain; charset=utf-8').send(opened.message);
  });

  app.post('/callback', async (request, reply) => {
    const query = signedQueryOf(request.query);
    if (query === undefined || typeof request.body !== 'string') return refuse(reply, 'MALFORMED');
    const envelope = readWecomXml(request.body);
    const ciphertext = envelope?.fields.get('Encrypt');
    if (envelope === undefined || ciphertext === undefined || ciphertext === '')
      return refuse(reply, 'MALFORMED');
    const opened = openWecomCiphertext(keys, query, ciphertext);
    if (!opened.ok) return refuse(reply, opened.refusal);
    if (!isFresh(query.timestamp, options.clock)) return refuse(reply, 'STALE_TIMESTAMP');
    const outer = envelope.fields.get('ToUserName');
    if (outer !== undefined && outer !== keys.corpId) return refuse(reply, 'WRONG_RECEIVER');
    const fields = readWecomXml(opened.message);
    if (fields === undefined) return refuse(reply, 'MALFORMED');
    const inbound = wecomInboundOf(fields, keys.corpId);
    if (inbound === undefined) return refuse(reply, 'MALFORMED');

    options.track(
      handleInBackground(options, inbound, request.id).catch((error: unknown) => {
        logger.error({ err: error, callback: inbound.dedupeKey }, 'WeCom callback failed');
      }),
    );
    return reply.code(200).type('text/plain').send('');
  });
};

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/**
 * Handles one callback after the ack, at most once per WeCom message. A try that throws (the database or WeCom's
 * API briefly away) is tried again after a pause; use cases are idempotent under the callback's key, so a try that
 * got half way does not act twice. The retries live in this process rather than a persisted queue: WeCom never
 * redelivers a callback we answered, and a restart between tries loses only a message the sender saw no answer to
 * and can send again — the cost of a durable inbound queue (a table, a sweeper) buys little more than that. When
 * the last try fails, the sender is told so in their language.
 */
async function handleInBackground(
  options: WecomCallbackOptions,
  inbound: WecomInbound,
  requestId: string,
): Promise<void> {
  const { uow, records, organisationId } = options;
  const first = await uow.run((tx) =>
    records.putIfAbsent(
      tx,
      { organisationId, platform: WECOM_PLATFORM, kind: SEEN_CALLBACK_KIND, key: inbound.dedupeKey },
      { at: inbound.createTime },
    ),
  );
  if (!first) return;

  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const wait = options.wait ?? sleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await handleOnce(options, inbound, requestId);
      return;
    } catch (error) {
      const delay = delays[attempt - 1];
      options.logger.warn(
        { err: error, callback: inbound.dedupeKey, attempt, final: delay === undefined },
        'WeCom callback handling failed',
      );
      if (delay === undefined) {
        await tellHandlingFailed(options, inbound);
        return;
      }
      await wait(delay);
    }
  }
}

async function tellHandlingFailed(options: WecomCallbackOptions, inbound: WecomInbound): Promise<void> {
  const locale = await options.localeOf(inbound.identity).catch((): WecomLocale => 'en');
  const sent = await options.messenger
    .sendToUser(inbound.userId, renderTextCard(HANDLING_FAILED_TEXT[locale]), options.newTaskId())
    .catch((error: unknown) => ({ ok: false as const, error: String(error) }));
  if (!sent.ok)
    options.logger.error({ error: sent.error }, 'WeCom: could not tell the sender of the failure');
}

/** The preset reason picked in the card's drop-down before the click, if one was. */
async function presetReasonOf(
  messenger: WecomMessenger,
  inbound: Extract<WecomInbound, { kind: 'card-click' }>,
): Promise<string | undefined> {
  const optionId = inbound.selections.get(REASON_QUESTION_KEY)?.[0];
  if (optionId === undefined || optionId === OTHER_REASON_OPTION) return undefined;
  return messenger.presetReason(inbound.taskId, optionId);
}

async function handleOnce(options: WecomCallbackOptions, inbound: WecomInbound, requestId: string) {
  const { conversation, messenger, keys } = options;
  const base = {
    platform: 'wecom' as const,
    identity: inbound.identity,
    address: inbound.address,
    requestId,
    idempotencyKey: `wecom:${keys.corpId}:${inbound.dedupeKey}`,
  };
  const reply = await (async () => {
    switch (inbound.kind) {
      case 'text':
        return conversation.handleMessage({ ...base, text: inbound.text });
      case 'card-click': {
        const reason = await presetReasonOf(messenger, inbound);
        if (inbound.responseCode !== undefined) {
          await messenger.rememberResponseCode(inbound.taskId, inbound.userId, inbound.responseCode);
        }
        return conversation.handleAction({
          ...base,
          actionId: inbound.actionId,
          ...(reason === undefined ? {} : { input: { reason } }),
        });
      }
      case 'image': {
        const media = await options.api.download('/cgi-bin/media/get', { media_id: inbound.mediaId });
        if (!media.ok) throw new Error(`WeCom media/get failed: ${media.error}`);
        return conversation.handleFile({
          ...base,
          bytes: media.bytes,
          fileName: `${inbound.mediaId}.${extensionOf(media.contentType)}`,
          ...(media.contentType === undefined ? {} : { declaredType: media.contentType }),
        });
      }
      case 'ignored':
        return undefined;
    }
  })();
  // WeCom has no passive replies for us here: everything answers 1:1 through message/send.
  for (const card of reply?.cards ?? []) {
    const sent = await messenger.sendToUser(inbound.userId, card, options.newTaskId());
    if (!sent.ok) options.logger.warn({ error: sent.error }, 'WeCom reply not sent');
  }
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** WeCom image messages are usually JPEG; the media answer's type says for sure. */
const extensionOf = (contentType: string | undefined): string =>
  EXTENSIONS[(contentType ?? 'image/jpeg').split(';')[0]?.trim().toLowerCase() ?? ''] ?? 'jpg';
