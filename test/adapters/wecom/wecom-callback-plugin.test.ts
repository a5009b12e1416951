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
import { createWecomMessenger, type WecomMessenger } from '../../../src/bots/wecom/wecom-messenger.js';
import type { Card } from '../../../src/domain/messaging/card.js';
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
/** Callbacks are refused unless signed within five minutes of the clock: the tests live at the vector's time. */
const NOW_TS = vector.message.timestamp;

describe('WeCom callback plugin', () => {
  let app: FastifyInstance;
  let fake: FakeWecomApi;
  let store: Map<string, unknown>;
  let seen: (InboundMessage | InboundAction | InboundFile)[];
  let pending: Promise<void>[];
  let clock: FixedClock;
  let failNextHandling: number;
  let waits: number[];
  let messenger: WecomMessenger;
  const idle = async () => {
    await Promise.all(pending);
  };

  beforeEach(async () => {
    fake = await startFakeWecomApi({ corpId: keys.corpId, secret: 's3cret', agentId: 218 });
    const memory = memoryRecords();
    store = memory.store;
    seen = [];
    pending = [];
    clock = new FixedClock(new Date(Number(NOW_TS) * 1000).toISOString());
    failNextHandling = 0;
    waits = [];
    const answer = (text: string): Reply => ({ visibility: 'private', cards: [renderTextCard(text)] });
    const conversation: Conversation = {
      handleMessage: async (message) => {
        seen.push(message);
        if (failNextHandling > 0) {
          failNextHandling -= 1;
          throw new Error('database briefly away');
        }
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
    messenger = createWecomMessenger({
      api,
      agentId: 218,
      organisationId: 'org',
      uow,
      records: memory.records,
      clock: new FixedClock('2030-03-12T04:00:00Z'),
    });
    app = Fastify();
    await app.register(wecomCallbackPlugin, {
      prefix: WECOM_PREFIX,
      keys,
      conversation,
      messenger,
      api,
      uow,
      records: memory.records,
      organisationId: 'org',
      logger: pino({ level: 'silent' }),
      track: (work) => pending.push(work),
      newTaskId: () => `task-${pending.length}`,
      clock,
      localeOf: async (identity) => (identity.endsWith(':lisi') ? 'zh-CN' : 'en'),
      retryDelaysMs: [2_000, 10_000],
      wait: async (ms) => {
        waits.push(ms);
      },
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
      const callback = encryptedCallback(keys, click, { timestamp: NOW_TS, nonce });
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
    const callback = encryptedCallback(keys, menu, { timestamp: NOW_TS, nonce: 'm' });
    expect((await post(callback.url, callback.body)).statusCode).toBe(200);
    await idle();
    expect(seen).toEqual([expect.objectContaining({ identity: `wecom:${keys.corpId}:alice`, text: 'list' })]);
  });

  it('downloads an image message and hands it over as a receipt file', async () => {
    fake.putMedia('MEDIA_1', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg');
    const image = `<xml><ToUserName><![CDATA[${keys.corpId}]]></ToUserName><FromUserName><![CDATA[alice]]></FromUserName><CreateTime>1700000200</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://example.invalid/p.jpg]]></PicUrl><MediaId><![CDATA[MEDIA_1]]></MediaId><MsgId>1234567890123456</MsgId><AgentID>1</AgentID></xml>`;
    const callback = encryptedCallback(keys, image, { timestamp: NOW_TS, nonce: 'i' });
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
    const callback = encryptedCallback(keys, enter, { timestamp: NOW_TS, nonce: 'e' });
    expect((await post(callback.url, callback.body)).statusCode).toBe(200);
    await idle();
    expect(seen).toHaveLength(0);
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses a URL check signed more than five minutes ago', async () => {
    clock.advance(10 * 60_000);
    const query = new URLSearchParams({
      msg_signature: vector.verifyUrl.msg_signature,
      timestamp: vector.verifyUrl.timestamp,
      nonce: vector.verifyUrl.nonce,
      echostr: vector.verifyUrl.echostr,
    });
    const response = await app.inject({ method: 'GET', url: `/wecom/callback?${query}` });
    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('1616140317555161061');
  });

  it('accepts a callback signed exactly five minutes before or after the clock', async () => {
    for (const [delta, msgId] of [
      [-300, '11'],
      [300, '12'],
    ] as const) {
      const callback = encryptedCallback(keys, textMessageXml(keys.corpId, 'alice', 'list', msgId, 1), {
        timestamp: String(Number(NOW_TS) + delta),
        nonce: msgId,
      });
      expect((await post(callback.url, callback.body)).statusCode).toBe(200);
    }
    await idle();
    expect(seen).toHaveLength(2);
  });

  const textCallback = (userId: string, msgId: string) => {
    const callback = encryptedCallback(keys, textMessageXml(keys.corpId, userId, 'list', msgId, 1), {
      timestamp: NOW_TS,
      nonce: msgId,
    });
    return post(callback.url, callback.body);
  };

  it('tries a message whose handling threw again after a pause, and answers once it works', async () => {
    failNextHandling = 1;
    expect((await textCallback('alice', '21')).statusCode).toBe(200);
    await idle();
    expect(seen).toHaveLength(2);
    expect(seen.map((s) => s.idempotencyKey)).toEqual([
      `wecom:${keys.corpId}:msg:21`,
      `wecom:${keys.corpId}:msg:21`,
    ]);
    expect(waits).toEqual([2_000]);
    expect(
      fake
        .callsTo('/cgi-bin/message/send')
        .map((c) => (c.body as { text?: { content: string } }).text?.content),
    ).toEqual(['echo list']);
  });

  it.each([
    ['lisi', 'zh-CN', '抱歉'],
    ['alice', 'en', 'Sorry'],
  ])('gives up after three tries and tells %s so in %s', async (userId, _locale, opening) => {
    failNextHandling = 5;
    expect((await textCallback(userId, '31')).statusCode).toBe(200);
    await idle();
    expect(seen).toHaveLength(3);
    expect(waits).toEqual([2_000, 10_000]);
    const sent = fake.callsTo('/cgi-bin/message/send').map((c) => c.body as Record<string, unknown>);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ touser: userId, msgtype: 'text' });
    expect((sent[0] as { text: { content: string } }).text.content.startsWith(opening)).toBe(true);
    // A retry from WeCom of the same message changes nothing: it was seen.
    expect((await textCallback(userId, '31')).statusCode).toBe(200);
    await idle();
    expect(seen).toHaveLength(3);
  });

  const approvalCard = (reasons: readonly string[], other: string): Card => ({
    title: 'ACME-7K3Q · ¥480.00',
    fields: [],
    sections: [],
    images: [],
    actions: [
      { id: 'exp:approve:ACME-7K3Q:v1:s1', label: 'Approve', style: 'primary' },
      {
        id: 'exp:reject:ACME-7K3Q:v1:s1',
        label: 'Reject',
        style: 'danger',
        input: { kind: 'reason', label: 'Reason', required: true, presets: { options: reasons, other } },
      },
    ],
  });

  it('reads a preset reason picked on the card before Reject, in the card’s language', async () => {
    const sent = await messenger.sendToUser(
      'lisi',
      approvalCard(['缺少票据', '不可向该客户计费', '重复报销', '金额过高'], '其他（输入原因）'),
      'outlay-card-1',
    );
    expect(sent.ok).toBe(true);
    const [send] = fake.callsTo('/cgi-bin/message/send');
    expect(send?.body).toMatchObject({
      template_card: {
        button_selection: {
          question_key: 'reason',
          selected_id: 'other',
          option_list: [
            { id: 'other', text: '其他（输入原因）' },
            { id: 'p1', text: '缺少票据' },
            { id: 'p2', text: '不可向该客户计费' },
            { id: 'p3', text: '重复报销' },
            { id: 'p4', text: '金额过高' },
          ],
        },
      },
    });
    const click = (optionId: string, createTime: number) =>
      encryptedCallback(
        keys,
        cardClickXml(keys.corpId, 'lisi', {
          eventKey: 'exp:reject:ACME-7K3Q:v1:s1',
          taskId: 'outlay-card-1',
          responseCode: `code-${createTime}`,
          createTime,
          selected: { questionKey: 'reason', optionId },
        }),
        { timestamp: NOW_TS, nonce: `c${createTime}` },
      );
    for (const [optionId, at] of [
      ['p3', 1],
      ['other', 2],
      ['p99', 3],
    ] as const) {
      const callback = click(optionId, at);
      expect((await post(callback.url, callback.body)).statusCode).toBe(200);
    }
    await idle();
    expect(seen.map((s) => (s as InboundAction).input)).toEqual([
      { reason: '重复报销' },
      undefined,
      undefined,
    ]);
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
          timestamp: NOW_TS,
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
        const signature = getSignature(keys.token, NOW_TS, '2', cut);
        return post(
          `/wecom/callback?msg_signature=${signature}&timestamp=${NOW_TS}&nonce=2`,
          `<xml><Encrypt><![CDATA[${cut}]]></Encrypt></xml>`,
        );
      },
      400,
    ],
    [
      'garbage ciphertext (signed)',
      async () => {
        const garbage = Buffer.alloc(96, 0x33).toString('base64');
        const signature = getSignature(keys.token, NOW_TS, '2', garbage);
        return post(
          `/wecom/callback?msg_signature=${signature}&timestamp=${NOW_TS}&nonce=2`,
          `<xml><Encrypt><![CDATA[${garbage}]]></Encrypt></xml>`,
        );
      },
      403,
    ],
    [
      'a correctly signed callback from more than five minutes ago (a replay)',
      async () => {
        const old = String(Number(NOW_TS) - 301);
        const callback = encryptedCallback(keys, textMessageXml(keys.corpId, 'eve', 'hi', '7', 1), {
          timestamp: old,
          nonce: 'n',
        });
        return post(callback.url, callback.body);
      },
      403,
    ],
    [
      'a correctly signed callback dated more than five minutes ahead',
      async () => {
        const ahead = String(Number(NOW_TS) + 301);
        const callback = encryptedCallback(keys, textMessageXml(keys.corpId, 'eve', 'hi', '8', 1), {
          timestamp: ahead,
          nonce: 'n',
        });
        return post(callback.url, callback.body);
      },
      403,
    ],
    [
      'an envelope with a DOCTYPE (entity expansion)',
      async () => {
        const callback = encryptedCallback(keys, textMessageXml(keys.corpId, 'eve', 'hi', '9', 1), {
          timestamp: NOW_TS,
          nonce: 'n',
        });
        return post(callback.url, `<!DOCTYPE xml [<!ENTITY e "x">]>${callback.body}`);
      },
      400,
    ],
    [
      'a decrypted payload that is not XML',
      async () => {
        const callback = encryptedCallback(keys, 'not xml at all', { timestamp: NOW_TS, nonce: '2' });
        return post(callback.url, callback.body);
      },
      400,
    ],
    [
      'a decrypted message without a sender',
      async () => {
        const ciphertext = encrypt(keys.encodingAesKey, '<xml><MsgType>text</MsgType></xml>', keys.corpId);
        const signature = getSignature(keys.token, NOW_TS, '2', ciphertext);
        return post(
          `/wecom/callback?msg_signature=${signature}&timestamp=${NOW_TS}&nonce=2`,
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
