// A loopback stand-in for qyapi.weixin.qq.com: gettoken, message/send, message/update_template_card, appchat/send,
// media/get and a group robot's webhook/send (key `robot-key`), answering with WeCom's JSON shapes and errcodes. It
// records every call, issues numbered tokens, can make the current token expire once (42001) or answer one call with
// an injected errcode, and treats response codes as single-use. The errcode for a spent or unknown response code is
// not documented; 40098 here is an assumption.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encrypt, getSignature } from '@wecom/crypto';

export type FakeWecomCall = {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
};

export type FakeWecomApi = {
  /** `http://127.0.0.1:<port>` — WECOM_API_BASE. */
  readonly url: string;
  readonly calls: readonly FakeWecomCall[];
  callsTo(path: string): readonly FakeWecomCall[];
  /** The next authenticated call with the current token answers 42001 and the token stops working. */
  expireTokenOnce(): void;
  /** The next call to `path` answers this errcode (e.g. 45009 frequency limit). */
  failNext(path: string, errcode: number): void;
  /** A response code as a click callback carries it: live until used once. */
  issueResponseCode(): string;
  /** Spends every response code issued so far, as 72 hours would. */
  expireResponseCodes(): void;
  /** The bytes media/get serves for a media id. */
  putMedia(mediaId: string, bytes: Uint8Array, contentType: string): void;
  close(): Promise<void>;
};

export type FakeWecomOptions = { readonly corpId: string; readonly secret: string; readonly agentId: number };

export async function startFakeWecomApi(options: FakeWecomOptions): Promise<FakeWecomApi> {
  const calls: FakeWecomCall[] = [];
  const validTokens = new Set<string>();
  const liveCodes = new Set<string>();
  const media = new Map<string, { bytes: Uint8Array; contentType: string }>();
  const failures = new Map<string, number>();
  let tokenCount = 0;
  let messageCount = 0;
  let expireOnce = false;

  const json = (response: ServerResponse, body: unknown): void => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };

  const readBody = async (request: IncomingMessage): Promise<unknown> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (text === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return { unparsable: text };
    }
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    const body = await readBody(request);
    calls.push({ method: request.method ?? 'GET', path: url.pathname, query, body });

    if (url.pathname === '/cgi-bin/gettoken') {
      if (query.corpid !== options.corpId || query.corpsecret !== options.secret) {
        return json(response, { errcode: 40013, errmsg: 'invalid corpid' });
      }
      tokenCount += 1;
      const token = `fake-token-${tokenCount}`;
      validTokens.add(token);
      return json(response, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
    }

    if (url.pathname === '/cgi-bin/webhook/send') {
      // A robot needs no token: its key is the credential.
      if (query.key !== 'robot-key') return json(response, { errcode: 93000, errmsg: 'invalid webhook url' });
      const failure = failures.get(url.pathname);
      failures.delete(url.pathname);
      if (failure !== undefined) return json(response, { errcode: failure, errmsg: 'injected failure' });
      const payload = (body ?? {}) as Record<string, unknown>;
      if (payload.msgtype !== 'markdown' && payload.msgtype !== 'text') {
        return json(response, { errcode: 40008, errmsg: 'invalid msgtype' });
      }
      return json(response, { errcode: 0, errmsg: 'ok' });
    }

    const token = query.access_token ?? '';
    if (expireOnce && validTokens.has(token)) {
      expireOnce = false;
      validTokens.delete(token);
      return json(response, { errcode: 42001, errmsg: 'access_token expired' });
    }
    if (!validTokens.has(token)) return json(response, { errcode: 40014, errmsg: 'invalid access_token' });

    const failure = failures.get(url.pathname);
    if (failure !== undefined) {
      failures.delete(url.pathname);
      return json(response, { errcode: failure, errmsg: 'injected failure' });
    }

    const payload = (body ?? {}) as Record<string, unknown>;
    switch (url.pathname) {
      case '/cgi-bin/message/send': {
        if (request.method !== 'POST') break;
        if (payload.agentid !== options.agentId || typeof payload.touser !== 'string') {
          return json(response, { errcode: 40008, errmsg: 'invalid message' });
        }
        messageCount += 1;
        const answer: Record<string, unknown> = { errcode: 0, errmsg: 'ok', msgid: `msg-${messageCount}` };
        if (payload.msgtype === 'template_card') {
          const code = `send-code-${messageCount}`;
          liveCodes.add(code);
          answer.response_code = code;
        }
        return json(response, answer);
      }
      case '/cgi-bin/message/update_template_card': {
        const code = payload.response_code;
        if (typeof code !== 'string' || !liveCodes.has(code)) {
          return json(response, { errcode: 40098, errmsg: 'invalid response_code' });
        }
        liveCodes.delete(code);
        return json(response, { errcode: 0, errmsg: 'ok' });
      }
      case '/cgi-bin/appchat/send': {
        if (payload.msgtype === 'template_card')
          return json(response, { errcode: 40008, errmsg: 'invalid msgtype' });
        messageCount += 1;
        return json(response, { errcode: 0, errmsg: 'ok' });
      }
      case '/cgi-bin/media/get': {
        const found = media.get(query.media_id ?? '');
        if (!found) return json(response, { errcode: 40007, errmsg: 'invalid media_id' });
        response.writeHead(200, { 'content-type': found.contentType });
        response.end(Buffer.from(found.bytes));
        return;
      }
    }
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ errcode: 404, errmsg: 'no such api' }));
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsTo: (path) => calls.filter((call) => call.path === path),
    expireTokenOnce() {
      expireOnce = true;
    },
    failNext(path, errcode) {
      failures.set(path, errcode);
    },
    issueResponseCode() {
      messageCount += 1;
      const code = `click-code-${messageCount}`;
      liveCodes.add(code);
      return code;
    },
    expireResponseCodes() {
      liveCodes.clear();
    },
    putMedia(mediaId, bytes, contentType) {
      media.set(mediaId, { bytes, contentType });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export type WecomKeys = { readonly token: string; readonly encodingAesKey: string; readonly corpId: string };

export type SignedCallback = { readonly url: string; readonly body: string; readonly encrypt: string };

/**
 * A POST callback as WeCom sends it: `plaintext` encrypted for `receiveId` (our corp unless a test says otherwise),
 * signed with the token, the query URL-encoded (`+` in base64 must arrive as `%2B`).
 */
export function encryptedCallback(
  keys: WecomKeys,
  plaintext: string,
  at: { readonly timestamp: string; readonly nonce: string; readonly receiveId?: string },
): SignedCallback {
  const ciphertext = encrypt(keys.encodingAesKey, plaintext, at.receiveId ?? keys.corpId);
  const signature = getSignature(keys.token, at.timestamp, at.nonce, ciphertext);
  const query = new URLSearchParams({ msg_signature: signature, timestamp: at.timestamp, nonce: at.nonce });
  return {
    url: `/wecom/callback?${query.toString()}`,
    body: `<xml><ToUserName><![CDATA[${keys.corpId}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[${ciphertext}]]></Encrypt></xml>`,
    encrypt: ciphertext,
  };
}

const cdata = (value: string): string => `<![CDATA[${value}]]>`;

/** The decrypted XML of a text message from `userId`. */
export const textMessageXml = (
  corpId: string,
  userId: string,
  text: string,
  msgId: string,
  createTime: number,
): string =>
  `<xml><ToUserName>${cdata(corpId)}</ToUserName><FromUserName>${cdata(userId)}</FromUserName><CreateTime>${createTime}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(text)}</Content><MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`;

/** The decrypted XML of a template_card_event (a button click), as doc 90240 shows it. */
export const cardClickXml = (
  corpId: string,
  userId: string,
  click: {
    readonly eventKey: string;
    readonly taskId: string;
    readonly responseCode: string;
    readonly createTime: number;
    /** What the card's drop-down showed when the button was pressed (question key and option id). */
    readonly selected?: { readonly questionKey: string; readonly optionId: string };
  },
): string =>
  `<xml><ToUserName>${cdata(corpId)}</ToUserName><FromUserName>${cdata(userId)}</FromUserName><CreateTime>${click.createTime}</CreateTime><MsgType>${cdata('event')}</MsgType><Event>${cdata('template_card_event')}</Event><EventKey>${cdata(click.eventKey)}</EventKey><TaskId>${cdata(click.taskId)}</TaskId><CardType>${cdata('button_interaction')}</CardType><ResponseCode>${cdata(click.responseCode)}</ResponseCode><AgentID>1000002</AgentID><SelectedItems><SelectedItem><QuestionKey>${cdata(click.selected?.questionKey ?? '')}</QuestionKey><OptionIds><OptionId>${cdata(click.selected?.optionId ?? '')}</OptionId></OptionIds></SelectedItem></SelectedItems></xml>`;
