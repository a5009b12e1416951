// A loopback stand-in for Slack's Web API and response_url endpoints, for running the real @slack/bolt and
// @slack/web-api against (`slackApiUrl` = `fake.apiUrl`). It records every call, answers like Slack for the methods
// Outlay uses, and can answer one call with 429 + Retry-After or a platform error, to exercise the notifier.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SlackApiCall = {
  readonly method: string;
  readonly token: string | undefined;
  readonly args: Record<string, unknown>;
  /** What the fake answered (absent for a call answered with an injected failure). */
  result?: Record<string, unknown>;
};

export type ResponseUrlPost = { readonly id: string; readonly body: Record<string, unknown> };

export type FakeSlackApi = {
  /** Ends with a slash, as WebClient's `slackApiUrl` expects. */
  readonly apiUrl: string;
  readonly calls: SlackApiCall[];
  readonly responses: ResponseUrlPost[];
  /** A response_url the fake accepts, e.g. for a signed slash command. */
  responseUrl(id: string): string;
  callsTo(method: string): SlackApiCall[];
  /** The next call to `method` is answered 429 with `Retry-After: <seconds>` (and not recorded as delivered). */
  rateLimitOnce(method: string, retryAfterSeconds: number): void;
  /** The next call to `method` is answered `{ ok: false, error }`. */
  failOnce(method: string, error: string): void;
  /** Resolves when `count` calls to `method` have arrived (the app makes some after it has answered Slack). */
  waitForCalls(method: string, count: number): Promise<void>;
  /** A file files.info describes and /files/<id> serves (with the bot token), shared in `channel` (in a thread). */
  addFile(
    id: string,
    file: { name: string; mimetype: string; bytes: Uint8Array; channel: string; threadTs?: string },
  ): void;
  /** Resolves when `count` response_url posts have arrived. */
  waitForResponses(count: number): Promise<void>;
  /** What users.info says about a user (by default: a member of the asking workspace, with no team_id). */
  addUser(id: string, user: { team_id?: string; is_stranger?: boolean }): void;
  /** response_url posts Slack refused (a URL used more than 5 times). */
  readonly refusedResponses: ResponseUrlPost[];
  close(): Promise<void>;
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** WebClient sends form fields, with objects and arrays as JSON text; JSON bodies are read as they are. */
const parseArgs = (raw: string, contentType: string | undefined): Record<string, unknown> => {
  if (contentType?.startsWith('application/json'))
    return raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    try {
      args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      args[key] = value;
    }
  }
  return args;
};

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: SlackApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const refusedResponses: ResponseUrlPost[] = [];
  const users = new Map<string, { team_id?: string; is_stranger?: boolean }>();
  const rateLimits = new Map<string, number>();
  const files = new Map<
    string,
    { name: string; mimetype: string; bytes: Uint8Array; channel: string; threadTs?: string }
  >();
  let baseUrl = '';
  const failures = new Map<string, string>();
  const waiters: { count: number; resolve: () => void }[] = [];
  const callWaiters: { method: string; count: number; resolve: () => void }[] = [];
  let tsCounter = 0;
  const nextTs = () => {
    tsCounter += 1;
    return `1900000000.${String(tsCounter).padStart(6, '0')}`;
  };

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', url: 'https://fake.slack/' };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: nextTs(), message: { text: args.text } };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users).replace(/^U/, '')}` } };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${calls.length}` } };
      case 'oauth.v2.access': {
        // The code names the workspace it installs into and, optionally, who installs: `T2-abc` → T2 installed by
        // UINSTALLER, `T2-abc-UBOSS` → by UBOSS.
        const [team = 'T0', , installer = 'UINSTALLER'] = String(args.code).split('-');
        return {
          ok: true,
          access_token: `xoxb-${team}`,
          bot_user_id: 'UBOT',
          team: { id: team, name: `Workspace ${team}` },
          authed_user: { id: installer },
        };
      }
      case 'files.info': {
        const file = files.get(String(args.file));
        if (!file) return { ok: false, error: 'file_not_found' };
        return {
          ok: true,
          file: {
            id: args.file,
            name: file.name,
            mimetype: file.mimetype,
            size: file.bytes.byteLength,
            url_private_download: `${baseUrl}/files/${String(args.file)}`,
            shares: {
              public: {
                [file.channel]: [
                  {
                    ts: '1900000000.999999',
                    ...(file.threadTs === undefined ? {} : { thread_ts: file.threadTs }),
                  },
                ],
              },
            },
          },
        };
      }
      case 'users.info':
        return {
          ok: true,
          user: { id: args.user, name: String(args.user).toLowerCase(), ...users.get(String(args.user)) },
        };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server: Server = createServer((request, response) => {
    void (async () => {
      const raw = await readBody(request);
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      };
      const responseMatch = /^\/response\/([^/]+)$/.exec(url.pathname);
      if (responseMatch?.[1] !== undefined) {
        const post = {
          id: responseMatch[1],
          body: JSON.parse(raw === '' ? '{}' : raw) as Record<string, unknown>,
        };
        // Slack allows 5 uses of a response_url (the answer to a 6th is not documented; 404 is assumed).
        if (responses.filter((r) => r.id === post.id).length >= 5) {
          refusedResponses.push(post);
          send(404, { ok: false, error: 'used_too_many_times' });
          return;
        }
        responses.push(post);
        for (const waiter of waiters.filter((w) => responses.length >= w.count)) waiter.resolve();
        send(200, { ok: true });
        return;
      }
      const fileMatch = /^\/files\/([^/]+)$/.exec(url.pathname);
      if (fileMatch?.[1] !== undefined) {
        const file = files.get(fileMatch[1]);
        if (!file || request.headers.authorization === undefined) {
          send(404, { ok: false });
          return;
        }
        response.writeHead(200, { 'content-type': file.mimetype });
        response.end(Buffer.from(file.bytes));
        return;
      }
      const apiMatch = /^\/api\/([a-zA-Z0-9.]+)$/.exec(url.pathname);
      if (apiMatch?.[1] === undefined) {
        send(404, { ok: false, error: 'not_found' });
        return;
      }
      const method = apiMatch[1];
      const retryAfter = rateLimits.get(method);
      if (retryAfter !== undefined) {
        rateLimits.delete(method);
        send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
        return;
      }
      const authorization = request.headers.authorization;
      const args = parseArgs(raw, request.headers['content-type']);
      const token =
        authorization?.replace(/^Bearer /, '') ?? (typeof args.token === 'string' ? args.token : undefined);
      const call: SlackApiCall = { method, token, args };
      calls.push(call);
      for (const waiter of callWaiters) {
        if (calls.filter((c) => c.method === waiter.method).length >= waiter.count) waiter.resolve();
      }
      const failure = failures.get(method);
      if (failure !== undefined) {
        failures.delete(method);
        send(200, { ok: false, error: failure });
        return;
      }
      call.result = answer(method, args);
      send(200, call.result);
    })().catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  baseUrl = base;

  return {
    apiUrl: `${base}/api/`,
    calls,
    responses,
    refusedResponses,
    addUser: (id, user) => users.set(id, user),
    responseUrl: (id) => `${base}/response/${id}`,
    callsTo: (method) => calls.filter((call) => call.method === method),
    rateLimitOnce: (method, seconds) => rateLimits.set(method, seconds),
    failOnce: (method, error) => failures.set(method, error),
    addFile: (id, file) => files.set(id, file),
    waitForCalls: (method, count) =>
      calls.filter((c) => c.method === method).length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => callWaiters.push({ method, count, resolve })),
    waitForResponses: (count) =>
      responses.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
