// The local web console (docs/product-rules.md §11): a chat platform whose server is Outlay itself, for trying every
// flow on one machine — be anyone, say anything, click any button. It is a thin adapter like the others: it checks
// who is speaking and where, hands the message, click or file to the Conversation, and returns the cards;
// announcements reach the page through the console notifier and the transcript the page polls.
import multipart from '@fastify/multipart';
import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type {
  ConsoleChannel,
  ConsoleDirectory,
  ConsolePerson,
  ConsoleTranscript,
} from '../../domain/ports/console-transcript.port.js';
import type { UnitOfWork } from '../../domain/ports/unit-of-work.port.js';
import type { Conversation, InboundFile } from '../shared/conversation.js';
import { isConsoleAuthorised, isCrossSite, sessionCookie } from './console-access.js';
import {
  CONSOLE_ASSETS,
  CONSOLE_PAGE,
  CONSOLE_PAGE_POLICY,
  type ConsoleAsset,
  readConsoleAsset,
} from './console-assets.js';
import {
  actionBody,
  CONSOLE_CHANNEL_ADDRESS,
  feedQuery,
  fileFields,
  firstBadField,
  messageBody,
} from './console-requests.js';
import {
  type ConsoleErrorCode,
  consoleErrorText,
  formatMegabytes,
  pickConsoleLocale,
} from './console-texts.js';

export type ConsolePluginOptions = {
  readonly conversation: Conversation;
  readonly transcript: ConsoleTranscript;
  readonly uow: UnitOfWork;
  /** The organisation the console belongs to (docs/product-rules.md §1: a deployment's default organisation). */
  readonly organisationId: string;
  /** `CONSOLE_TOKEN`; without it the console is open to whoever reaches the port. */
  readonly token?: string;
  /** Off: every console route answers 404, as if there were no console. */
  readonly enabled: boolean;
  /** The largest receipt upload; a larger file is answered 413. */
  readonly uploadLimitBytes: number;
  /**
   * How far before the page's cursor the feed looks again (ms). A message written by a transaction that commits
   * after a poll read past its timestamp is still found; the page dedupes by seq. Default 2 000.
   */
  readonly feedOverlapMs?: number;
};

export const CONSOLE_PREFIX = '/console';
const FEED_LIMIT = 200;
const JSON_BODY_LIMIT = 64 * 1024;

type PageRouteConfig = { readonly consolePage?: boolean };

/** Register with `app.register(consolePlugin, { prefix: CONSOLE_PREFIX, ...options })`. */
export const consolePlugin: FastifyPluginAsync<ConsolePluginOptions> = async (app, options) => {
  if (!options.enabled) return;
  const { conversation, transcript, uow, organisationId, token } = options;
  const overlapMs = options.feedOverlapMs ?? 2_000;

  await app.register(multipart, {
    limits: { fileSize: options.uploadLimitBytes, files: 1, fields: 8, fieldSize: 16 * 1024, parts: 9 },
  });

  const refuse = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    code: ConsoleErrorCode,
    details: { readonly field?: string; readonly value?: string } = {},
  ) =>
    reply.code(status).send({
      error: {
        code,
        message: consoleErrorText(pickConsoleLocale(request.headers['accept-language']), code, details),
      },
    });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return refuse(request, reply, 413, 'FILE_TOO_LARGE', {
        value: formatMegabytes(options.uploadLimitBytes),
      });
    }
    if (status >= 400 && status < 500) {
      request.log.info({ code: error.code }, 'console request refused');
      return refuse(request, reply, status, 'INVALID_REQUEST');
    }
    request.log.error({ err: error }, 'console request failed');
    return refuse(request, reply, 500, 'INTERNAL');
  });

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const crossSite = isCrossSite({
        origin: request.headers.origin,
        'sec-fetch-site': header(request, 'sec-fetch-site'),
        host: request.host,
      });
      if (crossSite) return refuse(request, reply, 403, 'CROSS_SITE');
    }
    const config = request.routeOptions.config as PageRouteConfig;
    const offered = (request.query as { readonly token?: unknown }).token;
    if (token !== undefined && config.consolePage && typeof offered === 'string') {
      if (isConsoleAuthorised(token, { authorization: `Bearer ${offered}` })) {
        // The token leaves the address bar (and the history) at once; the cookie carries the session from here.
        return reply
          .header('set-cookie', sessionCookie(token, { secure: request.protocol === 'https' }))
          .redirect(CONSOLE_PREFIX, 303);
      }
    }
    if (isConsoleAuthorised(token, request.headers)) return;
    return refuse(request, reply, 401, 'UNAUTHORISED');
  });

  const sendAsset = async (reply: FastifyReply, asset: ConsoleAsset) =>
    reply
      .header('content-type', asset.contentType)
      .header('x-content-type-options', 'nosniff')
      .send(await readConsoleAsset(asset));

  app.get('/', { config: { consolePage: true } satisfies PageRouteConfig }, async (_request, reply) =>
    sendAsset(
      reply
        .header('content-security-policy', CONSOLE_PAGE_POLICY)
        .header('referrer-policy', 'no-referrer')
        .header('x-frame-options', 'DENY'),
      CONSOLE_PAGE,
    ),
  );

  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const asset = CONSOLE_ASSETS.get(request.params.file);
    if (!asset) return reply.code(404).send({ error: { code: 'NOT_FOUND' } });
    return sendAsset(reply, asset);
  });

  const directory = () => uow.run((tx) => transcript.people(tx, organisationId));

  /** The speaker and the place, or a refusal already sent. */
  const checkSpeaker = async (
    request: FastifyRequest,
    reply: FastifyReply,
    name: string,
    address: string,
  ): Promise<ConsolePerson | undefined> => {
    const person = (await directory()).people.find((p) => p.name === name);
    if (!person) {
      await refuse(request, reply, 400, 'UNKNOWN_PERSON', { value: name });
      return undefined;
    }
    if (address !== directAddressOf(person) && !CONSOLE_CHANNEL_ADDRESS.test(address)) {
      await refuse(request, reply, 400, 'NOT_YOUR_CONVERSATION', { value: address });
      return undefined;
    }
    return person;
  };

  const inboundFrom = (
    request: FastifyRequest,
    person: ConsolePerson,
    address: string,
    requestId: string | undefined,
  ) => ({
    platform: 'console' as const,
    identity: person.identity,
    displayName: person.displayName,
    address,
    requestId: request.id,
    ...(requestId === undefined ? {} : { idempotencyKey: `console:${person.name}:${requestId}` }),
  });

  app.get('/api/people', async () => directory());

  app.post('/api/message', { bodyLimit: JSON_BODY_LIMIT }, async (request, reply) => {
    const body = messageBody.safeParse(request.body);
    if (!body.success) return refuse(request, reply, 400, 'INVALID_REQUEST', fieldOf(body.error));
    const person = await checkSpeaker(request, reply, body.data.as, body.data.address);
    if (!person) return reply;
    return conversation.handleMessage({
      ...inboundFrom(request, person, body.data.address, body.data.requestId),
      text: body.data.text,
    });
  });

  app.post('/api/action', { bodyLimit: JSON_BODY_LIMIT }, async (request, reply) => {
    const body = actionBody.safeParse(request.body);
    if (!body.success) return refuse(request, reply, 400, 'INVALID_REQUEST', fieldOf(body.error));
    const person = await checkSpeaker(request, reply, body.data.as, body.data.address);
    if (!person) return reply;
    const input = body.data.input;
    return conversation.handleAction({
      ...inboundFrom(request, person, body.data.address, body.data.requestId),
      actionId: body.data.actionId,
      ...(input === undefined
        ? {}
        : {
            input: {
              ...(input.reason === undefined ? {} : { reason: input.reason }),
              ...(input.amount === undefined ? {} : { amount: input.amount }),
            },
          }),
    });
  });

  app.post('/api/file', async (request, reply) => {
    if (!request.isMultipart()) return refuse(request, reply, 415, 'NOT_MULTIPART');
    const fields = new Map<string, string>();
    let file: { readonly bytes: Buffer; readonly fileName: string; readonly type: string } | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (bytes.length > 0) file = { bytes, fileName: part.filename, type: part.mimetype };
      } else if (typeof part.value === 'string') {
        fields.set(part.fieldname, part.value);
      }
    }
    const parsed = fileFields.safeParse(Object.fromEntries(fields));
    if (!parsed.success) return refuse(request, reply, 400, 'INVALID_REQUEST', fieldOf(parsed.error));
    if (!file) return refuse(request, reply, 400, 'NO_FILE');
    const person = await checkSpeaker(request, reply, parsed.data.as, parsed.data.address);
    if (!person) return reply;
    const inbound: InboundFile = {
      ...inboundFrom(request, person, parsed.data.address, parsed.data.requestId),
      bytes: new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
      ...(file.fileName === '' ? {} : { fileName: file.fileName }),
      ...(file.type === '' ? {} : { declaredType: file.type }),
      ...(parsed.data.text === undefined || parsed.data.text === '' ? {} : { text: parsed.data.text }),
    };
    return conversation.handleFile(inbound);
  });

  app.get('/api/feed', async (request, reply) => {
    const query = feedQuery.safeParse(request.query);
    if (!query.success) return refuse(request, reply, 400, 'INVALID_REQUEST', fieldOf(query.error));
    const since = query.data.since === undefined ? undefined : new Date(query.data.since);
    const found = await uow.run(async (tx) => {
      const people = await transcript.people(tx, organisationId);
      const person = people.people.find((p) => p.name === query.data.as);
      if (!person) return undefined;
      const channels = channelsFor(person, people);
      const readFrom = since === undefined ? undefined : new Date(since.getTime() - overlapMs);
      const feed = await transcript.read(
        tx,
        organisationId,
        [directAddressOf(person), ...channels.map((c) => c.address)],
        readFrom,
        query.data.limit ?? FEED_LIMIT,
      );
      return { feed, channels };
    });
    if (!found) return refuse(request, reply, 400, 'UNKNOWN_PERSON', { value: query.data.as });
    const cursor = latestOf(found.feed.cursor, since);
    return {
      messages: found.feed.messages,
      cursor: cursor?.toISOString() ?? null,
      channels: found.channels,
    };
  });
};

const directAddressOf = (person: ConsolePerson): string => `console:@${person.name}`;

/**
 * Members see every bound console channel; a client's contact only that client's client-facing ones, as they
 * would on a real platform where internal channels never include them.
 */
const channelsFor = (person: ConsolePerson, directory: ConsoleDirectory): ConsoleChannel[] => {
  const seen = new Set<string>();
  return directory.channels.filter((channel) => {
    if (seen.has(channel.address)) return false;
    const visible =
      person.kind === 'member' || (channel.audience === 'client' && channel.clientCode === person.clientCode);
    if (visible) seen.add(channel.address);
    return visible;
  });
};

const latestOf = (a: Date | undefined, b: Date | undefined): Date | undefined =>
  a === undefined ? b : b === undefined || a > b ? a : b;

const fieldOf = (error: Parameters<typeof firstBadField>[0]): { readonly field?: string } => {
  const field = firstBadField(error);
  return field === undefined ? {} : { field };
};

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
