// The callback routes on a bare fastify with a recording Conversation, in-memory records and the fake qyapi:
// Tencent's vector end to end through HTTP, the refusals (nothing handled, written or sent), and retries absorbed.
import { readFileSync } from 'node:fs';
import { encrypt, getSignature } from '@wecom/crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Conversation,
  InboundAction,
  InboundFile,
  InboundMessage,
  Reply,
} from '../../../src/bots/shared/conversation.js';
import { createWecomApiClient } from '../../../src/bots/wecom/wecom-api-client.js';
import { WECOM_PREFIX, wecomCallbackPlugin } from '../../../src/bots/wecom/wecom-callback-plugin.js';
import { createWecomMessenger } from '../../../src/bots/wecom/wecom-messenger.js';
import { renderTextCard } from '../../../src/domain/messaging/render-text-card.js';
import {
  cardClickXml,
  encryptedCallback,
  type FakeWecomApi,
  startFakeWecomApi,
  textMessageXml,
} from '../../fakes/fake-wecom-api.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { memoryRecords, passThroughUow } from './memory-ports.js';

type Vector = {
  token: string;
  encodingAESKey: string;
  corpId: string;
  verifyUrl: {
    msg_signature: string;
    timestamp: string;
    nonce: string;
    echostr: string;
    expectedPlaintext: string;
  };
  message: { msg_signature: string; timestamp: string; nonce: string; encrypt: string };
};
const vector = JSON.parse(readFileSync('/work/shared/fixtures/wecom-test-vector.json', 'utf8')) as Vector;
const keys = { token: vector.token, encodingAesKey: vector.encodingAESKey, corpId: vector.corpId };

const uow = passThroughUow;

describe('WeCom callback plugin', () => {
  let app: FastifyInstance;
  let fake: FakeWecomApi;
  let store: Map<string, unknown>;
  let seen: (InboundMessage | InboundAction | InboundFile)[];
  let pending: Promise<void>[];
  const idle = async () => {
    await Promise.all(pending);
  };

  beforeEach(async () => {
    fake = await startFakeWecomApi({ corpId: keys.corpId, secret: 's3cret', agentId: 218 });
    const memory = memoryRecords();
    store = memory.store;
    seen = [];
    pending = [];
    const answer = (text: string): Reply => ({ visibility: 'private', cards: [renderTextCard(text)] });
    const conversation: Conversation = {
      handleMessage: async (message) => {
        seen.push(message);
        return answer(`echo ${message.text}`);
      },
      handleAction: async (action) => {
        seen.push(action);
        return answer(`clicked ${action.actionId}`);
      },
      handleFile: async (file) => {
        seen.push(file);
        return answer(`file of ${file.bytes.length} bytes`);
      },
    };
    const api = createWecomApiClient({
      apiBase: fake.url,
      corpId: keys.corpId,
      secret: 's3cret',
      clock: new FixedClock('2030-03-12T04:00:00Z'),
    });
    app = Fastify();
    await app.register(wecomCallbackPlugin, {
      prefix: WECOM_PREFIX,
      keys,
      conversation,
      messenger: createWecomMessenger({
        api,
        agentId: 218,
        organisationId: 'org',
        uow,
        records: memory.records,
        clock: new FixedClock('2030-03-12T04:00:00Z'),
      }),
      api,
      uow,
      records: memory.records,
      organisationId: 'org',
      logger: pino({ level: 'silent' }),
      track: (work) => pending.push(work),
      newTaskId: () => `task-${pending.length}`,
    });
  });
  afterEach(async () => {
    await app.close();
    await fake.close();
  });

  const post = (url: string, body: string, contentType = 'text/xml') =>
    app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': contentType } });
  const vectorPost = (encryptText = vector.message.encrypt, signature = vector.message.msg_signature) =>
    post(
      `/wecom/callback?${new URLSearchParams({ msg_signature: signature, timestamp: vector.message.timestamp, nonce: vector.message.nonce })}`,
      `<xml><ToUserName><![CDATA[${keys.corpId}]]></ToUserName><AgentID><![CDATA[218]]></AgentID><Encrypt><![CDATA[${encryptText}]]></Encrypt></xml>`,
    );

  it('answers the URL check with exactly the decrypted echostr (URL-encoded + and / survive)', async () => {
    const query = new URLSearchParams({
      msg_signature: vector.verifyUrl.msg_signature,
      timestamp: vector.verifyUrl.timestamp,
      nonce: vector.verifyUrl.nonce,
      echostr: vector.verifyUrl.echostr,
    });
    const response = await app.inject({ method: 'GET', url: `/wecom/callback?${query}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('1616140317555161061');
  });

  it('refuses a URL check with a wrong signature or without echostr', async () => {
    const bad = new URLSearchParams({
      msg_signature: '0'.repeat(40),
      timestamp: vector.verifyUrl.timestamp,
      nonce: vector.verifyUrl.nonce,
      echostr: vector.verifyUrl.echostr,
    });
    expect((await app.inject({ method: 'GET', url: `/wecom/callback?${bad}` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/wecom/callback?timestamp=1&nonce=2' })).statusCode).toBe(
      400,
    );
  });

  it("hands Tencent's vector message to the Conversation and answers 1:1 through message/send", async () => {
    const response = await vectorPost();
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    await idle();
    expect(seen).toEqual([
      expect.objectContaining({
        platform: 'wecom',
        identity: 'wecom:wx5823bf96d3bd56c7:mycreate',
        address: 'wecom:wx5823bf96d3bd56c7:mycreate',
        text: 'hello',
        idempotencyKey: 'wecom:wx5823bf96d3bd56c7:msg:4561255354251345929',
      }),
    ]);
    expect(fake.callsTo('/cgi-bin/message/send').map((c) => c.body)).toEqual([
      {
        touser: 'mycreate',
        agentid: 218,
        msgtype: 'text',
        text: { content: 'echo hello' },
        enable_duplicate_check: 0,
      },
    ]);
  });

  it("absorbs WeCom's retries of one message: handled once", async () => {
    for (let i = 0; i < 3; i += 1) expect((await vectorPost()).statusCode).toBe(200);
    await idle();
    expect(seen).toHaveLength(1);
    expect(fake.callsTo('/cgi-bin/message/send')).toHaveLength(1);
  });

  it('absorbs a repeated click event (same sender, time, key) and remembers its response code', async () => {
    const click = cardClickXml(keys.corpId, 'bob', {
      eventKey: 'exp:approve:ACME-7K3Q:v1:s1',
      taskId: 'outlay-t1',
      responseCode: 'code-1',
      createTime: 1_700_000_000,
    });
    for (const nonce of ['a', 'b']) {
      const callback = encryptedCallback(keys, click, { timestamp: '1700000000', nonce });
      expect((await post(callback.url, callback.body)).statusCode).toBe(200);
    }
    await idle();
    expect(seen).toEqual([
      expect.objectContaining({
        actionId: 'exp:approve:ACME-7K3Q:v1:s1',
        identity: `wecom:${keys.corpId}:bob`,
      }),
    ]);
    expect(store.get(JSON.stringify(['org', 'wecom', 'card-task', 'outlay-t1']))).toEqual({
      userId: 'bob',
      responseCode: 'code-1',
    });
  });

  it('turns an app-menu click into the command its key names (cmd:<command>)', async () => {
    const menu = `<xml><ToUserName><![CDATA[${keys.corpId}]]></ToUserName><FromUserName><![CDATA[alice]]></FromUserName><CreateTime>1700000100</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[click]]></Event><EventKey><![CDATA[cmd:list]]></EventKey><AgentID>1</AgentID></xml>`;
    const callback = encryptedCallback(keys, menu, { timestamp: '1700000100', nonce: 'm' });
    expect((await post(callback.url, callback.body)).statusCode).toBe(200);
    await idle();
    expect(seen).toEqual([expect.objectContaining({ identity: `wecom:${keys.corpId}:alice`, text: 'list' })]);
  });

  it('downloads an image message and hands it over as a receipt file', async () => {
    fake.putMedia('MEDIA_1', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg');
    const image = `<xml><ToUserName><![CDATA[${keys.corpId}]]></ToUserName><FromUserName><![CDATA[alice]]></FromUserName><CreateTime>1700000200</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://example.invalid/p.jpg]]></PicUrl><MediaId><![CDATA[MEDIA_1]]></MediaId><MsgId>1234567890123456</MsgId><AgentID>1</AgentID></xml>`;
    const callback = encryptedCallback(keys, image, { timestamp: '1700000200', nonce: 'i' });
    expect((await post(callback.url, callback.body)).statusCode).toBe(200);
    await idle();
    expect(seen).toEqual([
      expect.objectContaining({
        identity: `wecom:${keys.corpId}:alice`,
        bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
        fileName: 'MEDIA_1.jpg',
        declaredType: 'image/jpeg',
      }),
    ]);
    expect(
      fake
        .callsTo('/cgi-bin/message/send')
        .map((c) => (c.body as { text?: { content: string } }).text?.content),
    ).toEqual(['file of 4 bytes']);
  });

  it('acknowledges and ignores events it has no use for (entering the app)', async () => {
    const enter = `<xml><ToUserName><![CDATA[${keys.corpId}]]></ToUserName><FromUserName><![CDATA[alice]]></FromUserName><CreateTime>1700000300</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><EventKey><![CDATA[]]></EventKey><AgentID>1</AgentID></xml>`;
    const callback = encryptedCallback(keys, enter, { timestamp: '1700000300', nonce: 'e' });
    expect((await post(callback.url, callback.body)).statusCode).toBe(200);
    await idle();
    expect(seen).toHaveLength(0);
    expect(fake.calls).toHaveLength(0);
  });

  const refusals: [string, () => Promise<{ statusCode: number }>, number][] = [
    ['a wrong signature', () => vectorPost(vector.message.encrypt, 'f'.repeat(40)), 401],
    [
      'a missing signature',
      () => post('/wecom/callback?timestamp=1&nonce=2', '<xml><Encrypt>x</Encrypt></xml>'),
      400,
    ],
    [
      'ciphertext for another corp',
      async () => {
        const callback = encryptedCallback(keys, textMessageXml(keys.corpId, 'eve', 'hi', '1', 1), {
          timestamp: '1',
          nonce: '2',
          receiveId: 'wwAnotherCorp',
        });
        return post(callback.url, callback.body);
      },
      403,
    ],
    [
      'malformed XML',
      () => post('/wecom/callback?msg_signature=a&timestamp=1&nonce=2', '<xml><Encrypt>'),
      400,
    ],
    [
      'a JSON body',
      () =>
        post('/wecom/callback?msg_signature=a&timestamp=1&nonce=2', '{"Encrypt":"x"}', 'application/json'),
      400,
    ],
    [
      'truncated ciphertext (signed)',
      async () => {
        const cut = vector.message.encrypt.slice(0, 100);
        const signature = getSignature(keys.token, '1', '2', cut);
        return post(
          `/wecom/callback?msg_signature=${signature}&timestamp=1&nonce=2`,
          `<xml><Encrypt><![CDATA[${cut}]]></Encrypt></xml>`,
        );
      },
      400,
    ],
    [
      'garbage ciphertext (signed)',
      async () => {
        const garbage = Buffer.alloc(96, 0x33).toString('base64');
        const signature = getSignature(keys.token, '1', '2', garbage);
        return post(
          `/wecom/callback?msg_signature=${signature}&timestamp=1&nonce=2`,
          `<xml><Encrypt><![CDATA[${garbage}]]></Encrypt></xml>`,
        );
      },
      403,
    ],
    [
      'a decrypted payload that is not XML',
      async () => {
        const callback = encryptedCallback(keys, 'not xml at all', { timestamp: '1', nonce: '2' });
        return post(callback.url, callback.body);
      },
      400,
    ],
    [
      'a decrypted message without a sender',
      async () => {
        const ciphertext = encrypt(keys.encodingAesKey, '<xml><MsgType>text</MsgType></xml>', keys.corpId);
        const signature = getSignature(keys.token, '1', '2', ciphertext);
        return post(
          `/wecom/callback?msg_signature=${signature}&timestamp=1&nonce=2`,
          `<xml><Encrypt>${ciphertext}</Encrypt></xml>`,
        );
      },
      400,
    ],
  ];

  it.each(refusals)(
    'refuses %s with a 4xx and handles, writes and sends nothing',
    async (_name, send, status) => {
      const response = await send();
      expect(response.statusCode).toBe(status);
      await idle();
      expect(pending).toHaveLength(0);
      expect(seen).toHaveLength(0);
      expect(store.size).toBe(0);
      expect(fake.calls).toHaveLength(0);
    },
  );
});
