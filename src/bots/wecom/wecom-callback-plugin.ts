// The self-built app's callback URL (doc 90930), as an encapsulated fastify plugin with its own string body parser.
// GET is the URL check: verify, decrypt `echostr`, echo the plaintext (no quotes, no newline). POST carries an
// encrypted XML message or event: it is verified, decrypted and checked to be for our corp before anything else,
// then answered at once with an empty 200 — WeCom retries after 5 s and drops callbacks of slow services — while
// the work runs in the background. WeCom's retries of one message are absorbed by a first-sighting record.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Logger } from '../../domain/ports/logger.port.js';
import type { PlatformRecords } from '../../domain/ports/platform-records.port.js';
import type { UnitOfWork } from '../../domain/ports/unit-of-work.port.js';
import type { Conversation } from '../shared/conversation.js';
import type { WecomApiClient } from './wecom-api-client.js';
import { type OpenRefusal, openWecomCiphertext, type WecomCryptoKeys } from './wecom-callback-crypto.js';
import { type WecomInbound, wecomInboundOf } from './wecom-inbound.js';
import { WECOM_PLATFORM, type WecomMessenger } from './wecom-messenger.js';
import { readWecomXml } from './wecom-xml.js';

export const WECOM_PREFIX = '/wecom';
export const SEEN_CALLBACK_KIND = 'seen-callback';
const BODY_LIMIT = 64 * 1024;

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
};

const REFUSAL_STATUS: Readonly<Record<OpenRefusal | 'MALFORMED', number>> = {
  BAD_SIGNATURE: 401,
  WRONG_RECEIVER: 403,
  BAD_CIPHERTEXT: 400,
  MALFORMED: 400,
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

  const refuse = (reply: FastifyReply, refusal: OpenRefusal | 'MALFORMED') => {
    logger.warn({ refusal }, 'WeCom callback refused');
    return reply.code(REFUSAL_STATUS[refusal]).type('text/plain').send(refusal);
  };

  app.get('/callback', async (request, reply) => {
    const query = signedQueryOf(request.query);
    if (query?.echostr === undefined || query.echostr === '') return refuse(reply, 'MALFORMED');
    const opened = openWecomCiphertext(keys, query, query.echostr);
    if (!opened.ok) return refuse(reply, opened.refusal);
    // Exactly the plaintext: "不能加引号，不能带bom头，不能带换行符".
    return reply.code(200).type('text/plain; charset=utf-8').send(opened.message);
  });

  app.post('/callback', async (request, reply) => {
    const query = signedQueryOf(request.query);
    if (query === undefined || typeof request.body !== 'string') return refuse(reply, 'MALFORMED');
    const envelope = readWecomXml(request.body);
    const ciphertext = envelope?.get('Encrypt');
    if (envelope === undefined || ciphertext === undefined || ciphertext === '')
      return refuse(reply, 'MALFORMED');
    const opened = openWecomCiphertext(keys, query, ciphertext);
    if (!opened.ok) return refuse(reply, opened.refusal);
    const outer = envelope.get('ToUserName');
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

async function handleInBackground(
  options: WecomCallbackOptions,
  inbound: WecomInbound,
  requestId: string,
): Promise<void> {
  const { uow, records, organisationId, conversation, messenger, keys } = options;
  const first = await uow.run((tx) =>
    records.putIfAbsent(
      tx,
      { organisationId, platform: WECOM_PLATFORM, kind: SEEN_CALLBACK_KIND, key: inbound.dedupeKey },
      { at: inbound.createTime },
    ),
  );
  if (!first) return;

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
      case 'card-click':
        if (inbound.responseCode !== undefined) {
          await messenger.rememberResponseCode(inbound.taskId, inbound.userId, inbound.responseCode);
        }
        return conversation.handleAction({ ...base, actionId: inbound.actionId });
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
