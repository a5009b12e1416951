// Bolt inside Outlay's one fastify server: this receiver owns `POST /slack/events`, keeps the raw body (the
// signature covers its exact bytes), refuses anything unsigned before it is parsed, and hands the rest to
// `app.processEvent` with an `ack` that becomes the HTTP answer — at once, so Slack's 3-second limit is met while
// the listener carries on (a `response_url` follow-up, a modal).
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../../domain/ports/logger.port.js';
import { verifySlackSignature } from './slack-signature.js';

export const SLACK_EVENTS_PATH = '/slack/events';
const FORM = 'application/x-www-form-urlencoded';
const BODY_LIMIT = 1024 * 1024;
/** Bolt's own budget for an unacknowledged request (`unhandledRequestTimeoutMillis`). */
const DEFAULT_UNHANDLED_MS = 3_001;

export type SlackReceiverOptions = {
  readonly signingSecret: string;
  readonly nowMs: () => number;
  readonly logger: Logger;
  /** Remembers deliveries, so a Slack retry of one already handled is answered 200 without processing again. */
  readonly deliveries?: SlackDeliveryLedger;
  readonly unhandledRequestMs?: number;
};

type Parsed = Record<string, unknown>;

/**
 * Which deliveries were handled. `claim` is true when this attempt should process the delivery: it is new, or an
 * earlier attempt failed or was abandoned. `settle` records how the attempt ended: a completed one makes every later
 * retry a duplicate; a failed one is forgotten, so Slack's retry processes it again.
 */
export type SlackDeliveryLedger = {
  claim(key: string): Promise<boolean>;
  settle(key: string, completed: boolean): Promise<void>;
};

/** Listeners call `context[DELIVERY_FAILED]()` when they answered "something went wrong": not a completed attempt. */
export const DELIVERY_FAILED = 'outlayDeliveryFailed';

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const parseBody = (raw: string, contentType: string | undefined): Parsed => {
  if (contentType?.split(';')[0]?.trim() === FORM) {
    const form = Object.fromEntries(new URLSearchParams(raw));
    return typeof form.payload === 'string' ? (JSON.parse(form.payload) as Parsed) : form;
  }
  return JSON.parse(raw) as Parsed;
};

/** What identifies one delivery across Slack's retries of it. */
export const deliveryKeyOf = (body: Parsed): string | undefined => {
  const team = (body.team_id ?? (body.team as { id?: unknown } | undefined)?.id) as unknown;
  const unique = body.trigger_id ?? body.event_id ?? (body.view as { id?: unknown } | undefined)?.id;
  return typeof unique === 'string' ? `${typeof team === 'string' ? team : '-'}:${unique}` : undefined;
};

export class FastifySlackReceiver implements Receiver {
  #app: App | undefined;
  readonly #options: SlackReceiverOptions;

  constructor(options: SlackReceiverOptions) {
    this.#options = options;
  }

  init(app: App): void {
    this.#app = app;
  }

  // The fastify server is started and stopped by Outlay, not by Bolt.
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  /** Mounts the route in its own scope, so the raw-body parsers do not leak to the rest of the server. */
  async register(server: FastifyInstance): Promise<void> {
    await server.register(async (scope) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser(
        [FORM, 'application/json'],
        { parseAs: 'string', bodyLimit: BODY_LIMIT },
        (_request, body, done) => done(null, body),
      );
      scope.post(SLACK_EVENTS_PATH, (request, reply) => this.#handle(request, reply));
    });
  }

  async #handle(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const { logger } = this.#options;
    const raw = typeof request.body === 'string' ? request.body : '';
    const check = verifySlackSignature({
      signingSecret: this.#options.signingSecret,
      signature: header(request, 'x-slack-signature'),
      timestamp: header(request, 'x-slack-request-timestamp'),
      rawBody: raw,
      nowMs: this.#options.nowMs(),
    });
    if (!check.ok) {
      logger.warn({ reason: check.reason }, 'slack request refused: bad signature');
      return reply.code(401).send({ error: 'invalid signature' });
    }
    let body: Parsed;
    try {
      body = parseBody(raw, header(request, 'content-type'));
    } catch {
      return reply.code(400).send({ error: 'malformed body' });
    }
    if (body.ssl_check === '1') return reply.code(200).send();
    if (body.type === 'url_verification') return reply.send({ challenge: body.challenge });

    const retryNum = Number(header(request, 'x-slack-retry-num') ?? 0);
    const key = deliveryKeyOf(body);
    const ledger = key === undefined ? undefined : this.#options.deliveries;
    if (key !== undefined && ledger !== undefined) {
      const fresh = await ledger.claim(key);
      if (!fresh) {
        logger.info({ key, retryNum }, 'slack delivery already handled');
        return reply.code(200).send();
      }
    }
    let released: Promise<void> | undefined;
    const settleDelivery = (completed: boolean): Promise<void> => {
      if (key === undefined || ledger === undefined) return Promise.resolve();
      if (released !== undefined) return released;
      const settling = ledger
        .settle(key, completed)
        .catch((error: unknown) => logger.warn({ err: error, key }, 'slack delivery not recorded'));
      if (!completed) released = settling;
      return settling;
    };
    const app = this.#app;
    if (!app) throw new Error('the Slack receiver was used before Bolt initialised it');

    let acked = false;
    let settle: (answer: { readonly status: number; readonly body?: unknown }) => void = () => {};
    const answered = new Promise<{ readonly status: number; readonly body?: unknown }>((resolve) => {
      settle = resolve;
    });
    const timer = setTimeout(() => {
      logger.error({ key }, 'slack request not acknowledged in time');
      settle({ status: 404 });
    }, this.#options.unhandledRequestMs ?? DEFAULT_UNHANDLED_MS);
    const event: ReceiverEvent = {
      body,
      customProperties: {
        // Forgotten at once, so a retry that follows the failed answer finds nothing to call a duplicate.
        [DELIVERY_FAILED]: () => {
          void settleDelivery(false);
        },
      },
      ...(retryNum > 0 ? { retryNum } : {}),
      ...(header(request, 'x-slack-retry-reason') === undefined
        ? {}
        : { retryReason: header(request, 'x-slack-retry-reason') as string }),
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        clearTimeout(timer);
        if (released !== undefined) await released;
        settle({ status: 200, body: response });
      },
    };
    app
      .processEvent(event)
      .then(() => {
        void settleDelivery(acked);
        if (!acked) {
          clearTimeout(timer);
          settle({ status: 404 });
        }
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'slack listener failed');
        void settleDelivery(false);
        if (!acked) {
          clearTimeout(timer);
          settle({ status: 500 });
        }
      });
    const answer = await answered;
    if (answer.body === undefined || answer.body === '') return reply.code(answer.status).send();
    return typeof answer.body === 'string'
      ? reply.code(answer.status).type('text/plain; charset=utf-8').send(answer.body)
      : reply.code(answer.status).send(answer.body);
  }
}
