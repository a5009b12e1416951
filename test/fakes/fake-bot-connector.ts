// A loopback Bot Connector (the REST service behind a Teams activity's serviceUrl) and the token endpoint the bot
// gets its own token from. It answers what botbuilder's ConnectorClient sends — send, reply, update, create a
// conversation, get a member — records every call, and can be told to fail the next calls (429 with Retry-After…).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_OUTBOUND_TOKEN = 'fake-outbound-token';

export type ConnectorCall = {
  readonly method: string;
  /** The path as sent (conversation ids percent-encoded). */
  readonly path: string;
  readonly kind: 'token' | 'send' | 'reply' | 'update' | 'create' | 'member' | 'attachment' | 'other';
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly authorization?: string;
  readonly body: unknown;
  /** What the fake answered (a ResourceResponse `{ id }` for activity calls). */
  answer?: unknown;
};

export type ConnectorMember = { readonly id: string; readonly name: string; readonly aadObjectId: string };

export type FakeBotConnector = {
  /** The serviceUrl activities carry, with the trailing slash Teams sends. */
  readonly serviceUrl: string;
  readonly tokenEndpoint: string;
  readonly calls: ConnectorCall[];
  /** Message activities posted, replied or updated (not token or member calls). */
  activities(): ConnectorCall[];
  /** Members `GET …/members/{id}` answers with. */
  addMember(member: ConnectorMember): void;
  /** Serves `bytes` at the returned URL, as SharePoint serves a file's pre-authenticated download URL. */
  addFile(name: string, bytes: Uint8Array): string;
  /**
   * Serves `bytes` as an image pasted into a message (`…/v3/attachments/{id}/views/original` on the service URL),
   * only to a caller with the bot's token, as Teams does.
   */
  addAttachment(id: string, bytes: Uint8Array): string;
  /** The next `count` activity calls answer `status` with `headers`. */
  failNext(status: number, headers?: Record<string, string>, count?: number): void;
  close(): Promise<void>;
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const parse = (text: string, contentType: string | undefined): unknown => {
  if (text === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const members = new Map<string, ConnectorMember>();
  const files = new Map<string, Uint8Array>();
  const attachments = new Map<string, Uint8Array>();
  const failures: { status: number; headers: Record<string, string> }[] = [];
  let sequence = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = request.url ?? '/';
    const body = parse(await readBody(request), request.headers['content-type']);
    const method = request.method ?? 'GET';
    const authorization = request.headers.authorization;
    let recorded: ConnectorCall | undefined;
    const record = (call: Omit<ConnectorCall, 'method' | 'path' | 'body' | 'authorization'>) => {
      recorded = { method, path, body, ...(authorization === undefined ? {} : { authorization }), ...call };
      calls.push(recorded);
    };
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      if (recorded !== undefined) recorded.answer = payload;
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(payload));
    };

    const attachment = method === 'GET' ? attachments.get(path) : undefined;
    if (attachment !== undefined) {
      record({ kind: 'attachment' });
      if (authorization !== `Bearer ${FAKE_OUTBOUND_TOKEN}`) {
        json(401, { error: { code: 'Unauthorized', message: 'no bot token' } });
        return;
      }
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(attachment);
      return;
    }
    const file = method === 'GET' ? files.get(path) : undefined;
    if (file !== undefined) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      response.end(file);
      return;
    }
    if (method === 'POST' && path === '/oauth2/v2.0/token') {
      record({ kind: 'token' });
      json(200, { token_type: 'Bearer', expires_in: 3_600, access_token: FAKE_OUTBOUND_TOKEN });
      return;
    }
    const route = /^\/v3\/conversations(?:\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?)?$/.exec(path);
    if (route === null) {
      record({ kind: 'other' });
      json(404, { error: { code: 'NotFound', message: path } });
      return;
    }
    const conversationId = route[1] === undefined ? undefined : decodeURIComponent(route[1]);
    const collection = route[2];
    const itemId = route[3] === undefined ? undefined : decodeURIComponent(route[3]);
    const ids = {
      ...(conversationId === undefined ? {} : { conversationId }),
      ...(itemId === undefined ? {} : { activityId: itemId }),
    };

    if (method === 'GET' && collection === 'members' && itemId !== undefined) {
      record({ kind: 'member', ...ids });
      const member = members.get(itemId);
      if (member === undefined)
        json(404, { error: { code: 'MemberNotFoundInConversation', message: itemId } });
      else json(200, { ...member, userPrincipalName: `${member.name}@example.com` });
      return;
    }
    const kind: ConnectorCall['kind'] =
      conversationId === undefined && method === 'POST'
        ? 'create'
        : collection === 'activities' && method === 'POST'
          ? itemId === undefined
            ? 'send'
            : 'reply'
          : collection === 'activities' && method === 'PUT'
            ? 'update'
            : 'other';
    record({ kind, ...ids });
    const failure = failures.shift();
    if (failure !== undefined) {
      json(
        failure.status,
        { error: { code: 'Failure', message: `fake ${failure.status}` } },
        failure.headers,
      );
      return;
    }
    sequence += 1;
    switch (kind) {
      case 'create':
        json(201, { id: `a:personal-${sequence}`, activityId: undefined });
        return;
      case 'send':
      case 'reply':
        json(201, { id: `activity-${sequence}` });
        return;
      case 'update':
        json(200, { id: itemId });
        return;
      case 'other':
        json(405, { error: { code: 'BadRequest', message: `${method} ${path}` } });
    }
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serviceUrl: `${base}/`,
    tokenEndpoint: `${base}/oauth2/v2.0/token`,
    calls,
    activities: () => calls.filter((c) => c.kind === 'send' || c.kind === 'reply' || c.kind === 'update'),
    addMember: (member) => members.set(member.id, member),
    addFile(name, bytes) {
      const path = `/files/${encodeURIComponent(name)}`;
      files.set(path, bytes);
      return `${base}${path}`;
    },
    addAttachment(id, bytes) {
      const path = `/v3/attachments/${encodeURIComponent(id)}/views/original`;
      attachments.set(path, bytes);
      return `${base}${path}`;
    },
    failNext(status, headers = {}, count = 1) {
      for (let i = 0; i < count; i += 1) failures.push({ status, headers });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
