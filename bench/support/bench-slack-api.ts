// A loopback Slack Web API for the benchmarks, lean enough not to be what is measured: it answers the methods
// Outlay and Bolt call, keeps a timestamped record of every message posted, updated or sent to a response_url,
// and — for bench:delivery — can hold each channel to Slack's one message per second (429 with Retry-After beyond
// it) and fail a share of calls with 500.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type PostedMessage = {
  readonly method: 'chat.postMessage' | 'chat.update';
  readonly channel: string;
  readonly ts: string;
  readonly text: string;
  /** performance.now() when the fake accepted it. */
  readonly atMs: number;
};

export type ResponsePost = { readonly id: string; readonly text: string; readonly atMs: number };

export type BenchSlackOptions = {
  /** Messages a channel accepts per second (chat.postMessage and chat.update); absent: no limit. */
  readonly perChannelPerSecond?: number;
  /** Share of Web API message calls answered 500 (and not posted), drawn from `random`. */
  readonly failureRate?: number;
  readonly random?: () => number;
};

export type BenchSlackApi = {
  /** Ends with a slash, as WebClient's `slackApiUrl` expects. */
  readonly apiUrl: string;
  responseUrl(id: string): string;
  readonly messages: PostedMessage[];
  readonly responses: ResponsePost[];
  /** Calls answered, by status: 200, 429, 500. */
  readonly answered: Map<number, number>;
  readonly calls: Map<string, number>;
  close(): Promise<void>;
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** WebClient sends form fields (objects as JSON text) or JSON; only the fields the fake reads are kept. */
const readArgs = (raw: string, contentType: string | undefined): Record<string, unknown> => {
  if (contentType?.startsWith('application/json')) return raw === '' ? {} : JSON.parse(raw);
  return Object.fromEntries(new URLSearchParams(raw));
};

/** The text a person would read: the message's fallback text and its blocks, flattened. */
const textOf = (args: Record<string, unknown>): string => {
  const blocks = typeof args.blocks === 'string' ? args.blocks : JSON.stringify(args.blocks ?? '');
  return `${String(args.text ?? '')}\n${blocks}`;
};

export async function startBenchSlackApi(options: BenchSlackOptions = {}): Promise<BenchSlackApi> {
  const messages: PostedMessage[] = [];
  const responses: ResponsePost[] = [];
  const answered = new Map<number, number>();
  const calls = new Map<string, number>();
  /** Channel → when it may accept its next message (performance.now() ms). */
  const nextAllowed = new Map<string, number>();
  const spacingMs =
    options.perChannelPerSecond === undefined ? undefined : 1000 / options.perChannelPerSecond;
  const random = options.random ?? Math.random;
  let ts = 0;
  const nextTs = () => {
    ts += 1;
    return `1900000000.${String(ts).padStart(6, '0')}`;
  };

  const send = (
    response: import('node:http').ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    answered.set(status, (answered.get(status) ?? 0) + 1);
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      const path = request.url ?? '/';
      if (path.startsWith('/response/')) {
        const body = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
        responses.push({ id: path.slice('/response/'.length), text: textOf(body), atMs: performance.now() });
        send(response, 200, { ok: true });
        return;
      }
      const method = path.startsWith('/api/') ? path.slice('/api/'.length) : '';
      calls.set(method, (calls.get(method) ?? 0) + 1);
      const args = readArgs(raw, request.headers['content-type']);
      switch (method) {
        case 'auth.test':
          send(response, 200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'TBENCH' });
          return;
        case 'users.info':
          send(response, 200, { ok: true, user: { id: args.user, team_id: 'TBENCH' } });
          return;
        case 'conversations.open':
          send(response, 200, { ok: true, channel: { id: `D${String(args.users)}` } });
          return;
        case 'chat.postEphemeral':
          send(response, 200, { ok: true, message_ts: nextTs() });
          return;
        case 'views.open':
        case 'views.publish':
          send(response, 200, { ok: true, view: { id: `V${ts}` } });
          return;
        case 'chat.postMessage':
        case 'chat.update': {
          const channel = String(args.channel);
          if (options.failureRate !== undefined && random() < options.failureRate) {
            send(response, 500, { ok: false, error: 'internal_error' });
            return;
          }
          const now = performance.now();
          if (spacingMs !== undefined) {
            const allowedAt = nextAllowed.get(channel) ?? 0;
            if (now < allowedAt) {
              const seconds = Math.max(1, Math.ceil((allowedAt - now) / 1000));
              send(response, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(seconds) });
              return;
            }
            nextAllowed.set(channel, now + spacingMs);
          }
          const messageTs = method === 'chat.update' ? String(args.ts) : nextTs();
          messages.push({ method, channel, ts: messageTs, text: textOf(args), atMs: now });
          send(response, 200, { ok: true, channel, ts: messageTs });
          return;
        }
        default:
          send(response, 200, { ok: false, error: 'unknown_method' });
      }
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    messages,
    responses,
    answered,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
