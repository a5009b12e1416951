// The console plugin through fastify's own request injection: access with and without a token, the page and its
// assets, and the exact inbound shapes the Conversation receives for messages, clicks and files.
import { afterEach, describe, expect, it } from 'vitest';
import { consoleSessionValue } from '../../../src/bots/console/console-access.js';
import { type ConsoleApp, card, multipartBody, startConsoleApp } from './console-harness.js';

const TOKEN = 'console-secret-token-0123456789';
const REQUEST_ID = '3f1c2a9e-4b7d-4e0a-9c61-2d8e5f7a1b00';

let current: ConsoleApp | undefined;
const start = async (...args: Parameters<typeof startConsoleApp>) => {
  current = await startConsoleApp(...args);
  return current;
};
afterEach(async () => {
  await current?.app.close();
  current = undefined;
});

describe('console access', () => {
  it('answers 404 everywhere when the console is not enabled', async () => {
    const { app } = await start({ enabled: false });
    const requests = [
      { method: 'GET', url: '/console' },
      { method: 'GET', url: '/console/assets/console.js' },
      { method: 'GET', url: '/console/api/people' },
      { method: 'POST', url: '/console/api/message', payload: {} },
    ] as const;
    for (const request of requests) {
      const response = await app.inject(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
  });

  it('is open without a token', async () => {
    const { app } = await start();
    const response = await app.inject({ method: 'GET', url: '/console/api/people' });
    expect(response.statusCode).toBe(200);
    expect(response.json().people.map((p: { name: string }) => p.name)).toEqual([
      'alice',
      'bob',
      'contact-acme',
    ]);
  });

  it('with a token, refuses requests without it (401 JSON) and accepts the bearer token', async () => {
    const { app } = await start({ token: TOKEN });
    const bare = await app.inject({ method: 'GET', url: '/console/api/people' });
    expect(bare.statusCode).toBe(401);
    expect(bare.headers['content-type']).toMatch(/^application\/json/);
    expect(bare.json()).toEqual({
      error: { code: 'UNAUTHORISED', message: expect.stringContaining('/console?token=<CONSOLE_TOKEN>') },
    });
    const page = await app.inject({ method: 'GET', url: '/console' });
    expect(page.statusCode).toBe(401);

    const wrong = await app.inject({
      method: 'GET',
      url: '/console/api/people',
      headers: { authorization: `Bearer ${TOKEN}x` },
    });
    expect(wrong.statusCode).toBe(401);
    const right = await app.inject({
      method: 'GET',
      url: '/console/api/people',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(right.statusCode).toBe(200);
    const message = await app.inject({
      method: 'POST',
      url: '/console/api/message',
      headers: { authorization: `Bearer ${TOKEN}` },
      payload: { as: 'alice', address: 'console:@alice', text: 'help' },
    });
    expect(message.statusCode).toBe(200);
  });

  it('opened once with ?token=, the page sets an HttpOnly SameSite=Strict cookie and drops the token from the URL', async () => {
    const { app } = await start({ token: TOKEN });
    const wrong = await app.inject({ method: 'GET', url: '/console?token=nope' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const opened = await app.inject({ method: 'GET', url: `/console?token=${TOKEN}` });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe('/console');
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/console');
    expect(cookie).not.toContain(TOKEN);
    const pair = cookie.split(';')[0] ?? '';
    expect(pair).toBe(`outlay_console=${consoleSessionValue(TOKEN)}`);

    const page = await app.inject({ method: 'GET', url: '/console', headers: { cookie: pair } });
    expect(page.statusCode).toBe(200);
    const api = await app.inject({ method: 'GET', url: '/console/api/people', headers: { cookie: pair } });
    expect(api.statusCode).toBe(200);
    // The token itself is not a session: only the digest the page was given is.
    const raw = await app.inject({
      method: 'GET',
      url: '/console/api/people',
      headers: { cookie: `outlay_console=${TOKEN}` },
    });
    expect(raw.statusCode).toBe(401);
  });

  it('the ?token= query does not open the API, only the page', async () => {
    const { app } = await start({ token: TOKEN });
    const response = await app.inject({ method: 'GET', url: `/console/api/people?token=${TOKEN}` });
    expect(response.statusCode).toBe(401);
  });

  it('refuses a browser request sent from another site', async () => {
    const { app, conversation } = await start();
    const payload = { as: 'alice', address: 'console:@alice', text: 'help' };
    const foreign = await app.inject({
      method: 'POST',
      url: '/console/api/message',
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
      payload,
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('CROSS_SITE');
    const fetchMeta = await app.inject({
      method: 'POST',
      url: '/console/api/message',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload,
    });
    expect(fetchMeta.statusCode).toBe(403);
    expect(conversation.messages).toHaveLength(0);
    const own = await app.inject({
      method: 'POST',
      url: '/console/api/message',
      headers: { origin: 'http://localhost:3000', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' },
      payload,
    });
    expect(own.statusCode).toBe(200);
  });
});

describe('the page and its assets', () => {
  it('serves the page as HTML with a strict content security policy', async () => {
    const { app } = await start();
    for (const url of ['/console', '/console/']) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.body).toContain('data-testid="person-select"');
      expect(page.body).toContain('data-testid="command-input"');
      expect(page.body).toContain('/console/assets/console.js');
    }
  });

  it('serves the script and the style sheet with their content types, and nothing else', async () => {
    const { app } = await start();
    const script = await app.inject({ method: 'GET', url: '/console/assets/console.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.body).toContain('function renderCard(');
    const style = await app.inject({ method: 'GET', url: '/console/assets/console.css' });
    expect(style.statusCode).toBe(200);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    for (const url of [
      '/console/assets/index.html',
      '/console/assets/..%2Fconsole-plugin.ts',
      '/console/assets/../console-plugin.ts',
      '/console/assets/nope.js',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
    }
  });
});

describe('messages', () => {
  it('hands the Conversation a console message from console:<as>, with an idempotency key from the request id', async () => {
    const { app, conversation } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/console/api/message',
      headers: { 'x-request-id': 'req-77' },
      payload: {
        as: 'alice',
        address: 'console:@alice',
        text: '480 @acme #meals lunch',
        requestId: REQUEST_ID,
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ visibility: 'private', cards: [card('Done')] });
    expect(conversation.messages).toEqual([
      {
        platform: 'console',
        identity: 'console:alice',
        displayName: 'Alice',
        address: 'console:@alice',
        requestId: 'req-77',
        idempotencyKey: `console:alice:${REQUEST_ID}`,
        text: '480 @acme #meals lunch',
      },
    ]);
  });

  it('says it in a channel, and without a request id carries no idempotency key', async () => {
    const { app, conversation } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/console/api/message',
      payload: { as: 'bob', address: 'console:#acme-team', text: 'list pending' },
    });
    expect(response.statusCode).toBe(200);
    expect(conversation.messages[0]).toMatchObject({
      identity: 'console:bob',
      address: 'console:#acme-team',
    });
    expect(conversation.messages[0]).not.toHaveProperty('idempotencyKey');
  });

  it('refuses someone the console does not know, in the language the page asks for', async () => {
    const { app, conversation } = await start();
    const english = await app.inject({
      method: 'POST',
      url: '/console/api/message',
      payload: { as: 'mallory', address: 'console:@mallory', text: 'help' },
    });
    expect(english.statusCode).toBe(400);
    expect(english.json()).toEqual({
      error: {
        code: 'UNKNOWN_PERSON',
        message: 'Nobody called "mallory" can use the console here — pick someone from the list.',
      },
    });
    const chinese = await app.inject({
      method: 'POST',
      url: '/console/api/message',
      headers: { 'accept-language': 'zh-CN' },
      payload: { as: 'mallory', address: 'console:@mallory', text: 'help' },
    });
    expect(chinese.statusCode).toBe(400);
    expect(chinese.json().error.message).toBe('此处没有名为 "mallory" 的控制台用户——请从列表中选择。');
    expect(conversation.messages).toHaveLength(0);
  });

  it("refuses writing in someone else's direct messages or at a non-console address", async () => {
    const { app, conversation } = await start();
    for (const address of ['console:@bob', 'slack:T1:C1', 'console:#has space']) {
      const response = await app.inject({
        method: 'POST',
        url: '/console/api/message',
        payload: { as: 'alice', address, text: 'help' },
      });
      expect(response.statusCode, address).toBe(400);
      expect(response.json().error.code, address).toBe('NOT_YOUR_CONVERSATION');
    }
    expect(conversation.messages).toHaveLength(0);
  });

  it('answers a malformed request with 400 naming the field', async () => {
    const { app, conversation } = await start();
    const cases: [object, string][] = [
      [{ as: 'alice', address: 'console:@alice' }, '"text" is missing or not valid.'],
      [{ as: 'alice', address: 'console:@alice', text: '   ' }, '"text" is missing or not valid.'],
      [{ as: 'al ice', address: 'console:@alice', text: 'help' }, '"as" is missing or not valid.'],
      [
        { as: 'alice', address: 'console:@alice', text: 'help', requestId: 'x' },
        '"requestId" is missing or not valid.',
      ],
    ];
    for (const [payload, message] of cases) {
      const response = await app.inject({ method: 'POST', url: '/console/api/message', payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual({ code: 'INVALID_REQUEST', message });
    }
    const notJson = await app.inject({
      method: 'POST',
      url: '/console/api/message',
      headers: { 'content-type': 'application/json' },
      payload: '{"as":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('INVALID_REQUEST');
    expect(conversation.messages).toHaveLength(0);
  });

  it('answers 500 with a plain localised apology when the Conversation throws', async () => {
    const { app, conversation } = await start();
    conversation.failNext(new Error('database exploded at line 42'));
    const response = await app.inject({
      method: 'POST',
      url: '/console/api/message',
      payload: { as: 'alice', address: 'console:@alice', text: 'help' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: {
        code: 'INTERNAL',
        message: 'Something went wrong on our side; nothing was changed. Try again in a moment.',
      },
    });
    expect(response.body).not.toContain('exploded');
  });
});

describe('actions', () => {
  it('hands the Conversation the click with what its form collected', async () => {
    const { app, conversation } = await start();
    const reject = await app.inject({
      method: 'POST',
      url: '/console/api/action',
      headers: { 'x-request-id': 'req-1' },
      payload: {
        as: 'bob',
        address: 'console:@bob',
        actionId: 'exp:reject:ACME-7K3Q:v1:s1',
        input: { reason: '  no receipt  ' },
        requestId: REQUEST_ID,
      },
    });
    expect(reject.statusCode).toBe(200);
    const partial = await app.inject({
      method: 'POST',
      url: '/console/api/action',
      payload: {
        as: 'bob',
        address: 'console:#acme-team',
        actionId: 'exp:amount:ACME-7K3Q:v1:s1',
        input: { amount: '300.00', reason: 'taxi not covered' },
      },
    });
    expect(partial.statusCode).toBe(200);
    const plain = await app.inject({
      method: 'POST',
      url: '/console/api/action',
      payload: { as: 'bob', address: 'console:@bob', actionId: 'exp:approve:ACME-7K3Q:v1:s1' },
    });
    expect(plain.statusCode).toBe(200);

    expect(conversation.actions).toEqual([
      {
        platform: 'console',
        identity: 'console:bob',
        displayName: 'Bob',
        address: 'console:@bob',
        requestId: 'req-1',
        idempotencyKey: `console:bob:${REQUEST_ID}`,
        actionId: 'exp:reject:ACME-7K3Q:v1:s1',
        input: { reason: 'no receipt' },
      },
      expect.objectContaining({
        address: 'console:#acme-team',
        actionId: 'exp:amount:ACME-7K3Q:v1:s1',
        input: { amount: '300.00', reason: 'taxi not covered' },
      }),
      expect.not.objectContaining({ input: expect.anything() }),
    ]);
  });

  it('refuses a click without an action id', async () => {
    const { app, conversation } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/console/api/action',
      payload: { as: 'bob', address: 'console:@bob' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'INVALID_REQUEST',
      message: '"actionId" is missing or not valid.',
    });
    expect(conversation.actions).toHaveLength(0);
  });
});

describe('receipt uploads', () => {
  const receipt = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 0, 255]);

  it('hands the Conversation the file, its name and type, and the text sent with it', async () => {
    const { app, conversation } = await start();
    const { payload, headers } = multipartBody(
      { as: 'alice', address: 'console:@alice', text: 'receipt ACME-7K3Q', requestId: REQUEST_ID },
      { name: 'taxi.jpg', type: 'image/jpeg', bytes: receipt },
    );
    const response = await app.inject({
      method: 'POST',
      url: '/console/api/file',
      headers: { ...headers, 'x-request-id': 'req-9' },
      payload,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ visibility: 'private', cards: [card('Done')] });
    const [file] = conversation.files;
    expect(file).toMatchObject({
      platform: 'console',
      identity: 'console:alice',
      address: 'console:@alice',
      requestId: 'req-9',
      idempotencyKey: `console:alice:${REQUEST_ID}`,
      fileName: 'taxi.jpg',
      declaredType: 'image/jpeg',
      text: 'receipt ACME-7K3Q',
    });
    expect([...(file?.bytes ?? [])]).toEqual([...receipt]);
  });

  it('leaves the text out when none was sent', async () => {
    const { app, conversation } = await start();
    const { payload, headers } = multipartBody(
      { as: 'alice', address: 'console:@alice' },
      { name: 'r.pdf', type: 'application/pdf', bytes: receipt },
    );
    expect(
      (await app.inject({ method: 'POST', url: '/console/api/file', headers, payload })).statusCode,
    ).toBe(200);
    expect(conversation.files[0]).not.toHaveProperty('text');
    expect(conversation.files[0]).not.toHaveProperty('idempotencyKey');
  });

  it('answers 413 for a file over the limit, and hands nothing on', async () => {
    const { app, conversation } = await start();
    const { payload, headers } = multipartBody(
      { as: 'alice', address: 'console:@alice' },
      { name: 'huge.jpg', type: 'image/jpeg', bytes: new Uint8Array(11 * 1024 * 1024) },
    );
    const response = await app.inject({ method: 'POST', url: '/console/api/file', headers, payload });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toEqual({
      code: 'FILE_TOO_LARGE',
      message: 'That file is too large: at most 10 MB.',
    });
    expect(conversation.files).toHaveLength(0);
  });

  it('accepts a file of exactly the limit', async () => {
    const { app, conversation } = await start({ uploadLimitBytes: 1024 });
    const { payload, headers } = multipartBody(
      { as: 'alice', address: 'console:@alice' },
      { name: 'edge.png', type: 'image/png', bytes: new Uint8Array(1024) },
    );
    expect(
      (await app.inject({ method: 'POST', url: '/console/api/file', headers, payload })).statusCode,
    ).toBe(200);
    expect(conversation.files[0]?.bytes.byteLength).toBe(1024);
  });

  it('refuses an upload without a file, without its fields, or not sent as multipart', async () => {
    const { app, conversation } = await start();
    const noFile = multipartBody({ as: 'alice', address: 'console:@alice', text: 'receipt ACME-7K3Q' });
    const missing = await app.inject({ method: 'POST', url: '/console/api/file', ...noFile });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toEqual({ code: 'NO_FILE', message: 'Choose a file to upload.' });

    const noAs = multipartBody(
      { address: 'console:@alice' },
      { name: 'a.png', type: 'image/png', bytes: receipt },
    );
    const anonymous = await app.inject({ method: 'POST', url: '/console/api/file', ...noAs });
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.json().error.message).toBe('"as" is missing or not valid.');

    const json = await app.inject({
      method: 'POST',
      url: '/console/api/file',
      payload: { as: 'alice', address: 'console:@alice' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('NOT_MULTIPART');
    expect(conversation.files).toHaveLength(0);
  });
});

describe('the feed', () => {
  it("shows the person's direct messages and every bound console channel, with a cursor", async () => {
    const { app, transcript } = await start();
    transcript.add('console:@alice', 'for alice', '2026-03-10T04:00:01.000Z');
    transcript.add('console:@bob', 'for bob', '2026-03-10T04:00:02.000Z');
    transcript.add('console:#acme-team', 'team card', '2026-03-10T04:00:03.000Z');
    transcript.add('console:#acme', 'client card', '2026-03-10T04:00:04.000Z');

    const response = await app.inject({ method: 'GET', url: '/console/api/feed?as=alice' });
    expect(response.statusCode).toBe(200);
    const feed = response.json();
    expect(feed.messages.map((m: { card: { title: string } }) => m.card.title)).toEqual([
      'for alice',
      'team card',
      'client card',
    ]);
    expect(feed.messages[0]).toMatchObject({
      seq: 1,
      address: 'console:@alice',
      kind: 'notice',
      createdAt: '2026-03-10T04:00:01.000Z',
      updatedAt: '2026-03-10T04:00:01.000Z',
    });
    expect(feed.cursor).toBe('2026-03-10T04:00:04.000Z');
    expect(feed.channels.map((c: { address: string }) => c.address)).toEqual([
      'console:#acme-team',
      'console:#acme',
      'console:#globex',
    ]);
    expect(transcript.reads[0]).toEqual({
      addresses: ['console:@alice', 'console:#acme-team', 'console:#acme', 'console:#globex'],
      since: undefined,
      limit: 200,
    });
  });

  it('looks a little before the cursor for late commits, and never moves the cursor back', async () => {
    const { app, transcript } = await start({ feedOverlapMs: 2000 });
    const response = await app.inject({
      method: 'GET',
      url: '/console/api/feed?as=alice&since=2026-03-10T04:00:10.000Z',
    });
    expect(response.statusCode).toBe(200);
    expect(transcript.reads[0]?.since?.toISOString()).toBe('2026-03-10T04:00:08.000Z');
    expect(response.json()).toMatchObject({ messages: [], cursor: '2026-03-10T04:00:10.000Z' });

    transcript.add('console:@alice', 'late commit', '2026-03-10T04:00:09.500Z');
    const again = await app.inject({
      method: 'GET',
      url: '/console/api/feed?as=alice&since=2026-03-10T04:00:10.000Z',
    });
    expect(again.json().messages.map((m: { card: { title: string } }) => m.card.title)).toEqual([
      'late commit',
    ]);
    expect(again.json().cursor).toBe('2026-03-10T04:00:10.000Z');
  });

  it("shows a client's contact only that client's client-facing channels", async () => {
    const { app, transcript } = await start();
    transcript.add('console:#acme-team', 'internal', '2026-03-10T04:00:01.000Z');
    transcript.add('console:#acme', 'for the client', '2026-03-10T04:00:02.000Z');
    const feed = (await app.inject({ method: 'GET', url: '/console/api/feed?as=contact-acme' })).json();
    expect(feed.channels.map((c: { address: string }) => c.address)).toEqual(['console:#acme']);
    expect(feed.messages.map((m: { card: { title: string } }) => m.card.title)).toEqual(['for the client']);
  });

  it('refuses an unknown person and a malformed cursor', async () => {
    const { app } = await start();
    const unknown = await app.inject({ method: 'GET', url: '/console/api/feed?as=mallory' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('UNKNOWN_PERSON');
    const badSince = await app.inject({ method: 'GET', url: '/console/api/feed?as=alice&since=yesterday' });
    expect(badSince.statusCode).toBe(400);
    expect(badSince.json().error.message).toBe('"since" is missing or not valid.');
  });

  it('belongs to the configured organisation', async () => {
    const { app } = await start({ organisationId: 'org-elsewhere' });
    const response = await app.inject({ method: 'GET', url: '/console/api/feed?as=alice' });
    expect(response.statusCode).toBe(400);
  });
});
