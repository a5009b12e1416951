// A whole Outlay with the WeCom module against the fake qyapi, on both engines: encrypted text commands set the firm
// up and log an expense, the approver gets a button template card 1:1, the click decides, the card is updated in
// place with the click's single-use response code, and the submitter is told. Retries decide once; an access token
// expiring mid-flow is refreshed without losing the message; a spent code falls back to a new message.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWecomModule, type WecomModule } from '../../../src/bots/wecom/wecom-module.js';
import { createOutlayApp, type OutlayApp } from '../../../src/composition/start-server.js';
import { parseConfig } from '../../../src/config/parse-config.js';
import * as schema from '../../../src/storage/schema/index.js';
import {
  cardClickXml,
  encryptedCallback,
  type FakeWecomApi,
  type FakeWecomCall,
  startFakeWecomApi,
  textMessageXml,
} from '../../fakes/fake-wecom-api.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../../support/test-databases.js';

const CORP = 'ww0123456789abcdef';
const keys = {
  token: 'outlayToken',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: CORP,
};
const SECRET = 'app-secret';
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const AGENT_ID = 1000002;

type SentBody = {
  touser?: string;
  msgtype?: string;
  text?: { content: string };
  markdown?: { content: string };
  template_card?: {
    card_type: string;
    task_id: string;
    main_title: { title: string };
    button_list: { text: string; key: string; style: number }[];
    replace_text?: string;
  };
};

describe.each(testEngines())('WeCom end to end on %s', (engine) => {
  let database: TestDatabase;
  let fake: FakeWecomApi;
  let outlay: OutlayApp;
  let wecom: WecomModule;
  let dataDir: string;
  let seq = 0;
  const clock = new FixedClock('2030-03-12T04:00:00Z');

  beforeEach(async () => {
    seq = 0;
    database = await createTestDatabase(engine);
    fake = await startFakeWecomApi({ corpId: CORP, secret: SECRET, agentId: AGENT_ID });
    dataDir = await mkdtemp(join(tmpdir(), 'outlay-wecom-'));
    const config = parseConfig({
      OUTLAY_DEMO: 'false',
      OUTLAY_ADMINS: `wecom:${CORP}:adam`,
      OUTBOX_ENABLED: 'false',
      SCHEDULER_ENABLED: 'false',
      DATA_DIR: dataDir,
      WECOM_CORP_ID: CORP,
      WECOM_AGENT_ID: String(AGENT_ID),
      WECOM_SECRET: SECRET,
      WECOM_TOKEN: keys.token,
      WECOM_ENCODING_AES_KEY: keys.encodingAesKey,
      WECOM_API_BASE: fake.url,
    });
    if (config.wecom === undefined) throw new Error('WeCom config missing');
    wecom = createWecomModule(config.wecom);
    outlay = await createOutlayApp({
      config,
      database,
      logger: pino({ level: process.env.WECOM_TEST_LOG ?? 'silent' }),
      clock,
      platforms: [wecom],
    });
  });
  afterEach(async () => {
    await outlay.close();
    await fake.close();
    await database.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  const postCallback = async (plaintext: string) => {
    seq += 1;
    const callback = encryptedCallback(keys, plaintext, {
      // Signed now: WeCom callbacks more than five minutes from the clock are refused.
      timestamp: String(Math.floor(clock.now().getTime() / 1000)),
      nonce: `n${seq}`,
    });
    const response = await outlay.app.inject({
      method: 'POST',
      url: callback.url,
      payload: callback.body,
      headers: { 'content-type': 'text/xml' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    await wecom.whenIdle();
  };
  let msgId = 0;
  const say = async (userId: string, text: string) => {
    msgId += 1;
    await postCallback(
      textMessageXml(
        CORP,
        userId,
        text,
        `70000000000${String(msgId).padStart(8, '0')}`,
        1_900_000_000 + msgId,
      ),
    );
  };
  /** Runs the worker until nothing is pending, moving the clock past the worker's per-address spacing (3 s). */
  const deliver = async () => {
    for (let round = 0; round < 40; round += 1) {
      if ((await outlay.worker.runOnce()).claimed > 0) continue;
      const waiting = await database.db
        .select()
        .from(schema.outbox)
        .where(eq(schema.outbox.status, 'pending'));
      if (waiting.length === 0) return;
      clock.advance(3_000);
    }
    throw new Error('the outbox never went idle');
  };
  const sends = (to?: string): SentBody[] =>
    fake
      .callsTo('/cgi-bin/message/send')
      .map((call: FakeWecomCall) => call.body as SentBody)
      .filter((body) => to === undefined || body.touser === to);
  const textsTo = (to: string) =>
    sends(to).map((b) => b.text?.content ?? b.markdown?.content ?? b.template_card?.main_title.title ?? '');
  const expenseIdFor = (to: string) => {
    const id = /\b[A-Z0-9]{2,32}-[0-9A-HJKMNP-TV-Z]{4,}\b/.exec(textsTo(to).join('\n'))?.[0];
    if (!id) throw new Error(`no expense id sent to ${to}: ${textsTo(to).join(' | ')}`);
    return id;
  };
  const approvalCardFor = (to: string, expenseId: string) => {
    const card = sends(to).find(
      (b) => b.msgtype === 'template_card' && b.template_card?.main_title.title.includes(expenseId),
    );
    if (!card?.template_card) throw new Error(`no approval card for ${expenseId} sent to ${to}`);
    return card.template_card;
  };
  const expenseRow = async (id: string) =>
    (await database.db.select().from(schema.expenses).where(eq(schema.expenses.id, id)))[0];

  const setUpAndLog = async () => {
    await say('bob', 'help');
    await say('alice', '帮助');
    await say('adam', 'client add acme "Acme" CNY Asia/Shanghai');
    await say('adam', 'approvers @acme 1 <@bob>');
    expect(textsTo('adam')).toEqual([
      'Added client @acme "Acme": CNY, Asia/Shanghai.',
      'Stage 1 approvers for @acme updated (1).',
    ]);
    await say('alice', '120 @acme #meals 午餐');
    const id = expenseIdFor('alice');
    await deliver();
    return { id, card: approvalCardFor('bob', id) };
  };

  const click = async (
    userId: string,
    eventKey: string,
    taskId: string,
    responseCode: string,
    createTime = 1_950_000_000,
    selected?: { readonly questionKey: string; readonly optionId: string },
  ) =>
    postCallback(
      cardClickXml(CORP, userId, {
        eventKey,
        taskId,
        responseCode,
        createTime,
        ...(selected === undefined ? {} : { selected }),
      }),
    );

  it('a preset reason picked on the card rejects in one click, in the approver’s language', async () => {
    const { id, card } = await setUpAndLog();
    const selection = (card as { button_selection?: { option_list: { id: string; text: string }[] } })
      .button_selection;
    expect(selection?.option_list[0]).toEqual({ id: 'other', text: 'Other (type a reason)' });
    const notBillable = selection?.option_list.find((o) => o.text === 'Not billable to this client');
    expect(notBillable).toBeDefined();
    const reject = card.button_list.find((b) => b.key.startsWith(`exp:reject:${id}`))?.key ?? '';
    await click('bob', reject, card.task_id, fake.issueResponseCode(), 1_950_000_001, {
      questionKey: 'reason',
      optionId: notBillable?.id ?? '',
    });
    expect((await expenseRow(id))?.status).toBe('rejected');
    await deliver();
    expect(textsTo('alice').some((t) => t.includes(id) && t.includes('Not billable to this client'))).toBe(
      true,
    );
  });

  it('a group bound with its robot webhook gets the announcement through the robot once; a frequency limit is retried later', async () => {
    await say('bob', 'help');
    await say('alice', '帮助');
    await say('adam', 'client add acme "Acme" CNY Asia/Shanghai');
    await say('adam', 'approvers @acme 1 <@bob>');
    await say(
      'adam',
      'client channel @acme internal webhook https://evil.example/cgi-bin/webhook/send?key=x',
    );
    expect(textsTo('adam').at(-1)).toContain('is not a group robot webhook');
    await say('adam', `client channel @acme internal webhook ${fake.url}/cgi-bin/webhook/send?key=robot-key`);
    const bound = await database.db.select().from(schema.channelBindings);
    expect(bound).toHaveLength(1);
    expect(bound[0]?.address).toBe(`wecom-robot:${bound[0]?.id}`);

    fake.failNext('/cgi-bin/webhook/send', 45009);
    await say('alice', '120 @acme #meals 午餐');
    const id = expenseIdFor('alice');
    await deliver();

    const robot = fake.callsTo('/cgi-bin/webhook/send');
    // Refused once for frequency (45009), sent again after the wait: two calls, one message.
    expect(robot).toHaveLength(2);
    expect(robot.map((c) => c.query.key)).toEqual(['robot-key', 'robot-key']);
    expect(robot[1]?.body).toEqual(robot[0]?.body);
    const body = robot[0]?.body as SentBody;
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown?.content).toContain(id);
    expect(Buffer.byteLength(body.markdown?.content ?? '')).toBeLessThanOrEqual(4096);
    expect(fake.callsTo('/cgi-bin/gettoken').length).toBeLessThanOrEqual(1);
    const rows = await database.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.address, bound[0]?.address ?? ''));
    expect(rows).toMatchObject([{ status: 'delivered', kind: 'approval-request' }]);
    // The approver still gets the interactive card 1:1.
    expect(approvalCardFor('bob', id).button_list.length).toBeGreaterThan(0);
  });

  it('text → expense → template card to the approver → click → decision → card updated → submitter notified', async () => {
    const { id, card } = await setUpAndLog();
    expect(card.card_type).toBe('button_interaction');
    expect(card.task_id).toMatch(/^outlay-[0-9A-Za-z_\-@]+$/);
    expect(card.button_list.length).toBeGreaterThan(0);
    expect(card.button_list.length).toBeLessThanOrEqual(6);
    const approve = card.button_list.find((b) => b.key.startsWith(`exp:approve:${id}`));
    expect(approve).toBeDefined();
    expect(new Set(card.button_list.map((b) => b.key)).size).toBe(card.button_list.length);

    const code = fake.issueResponseCode();
    await click('bob', approve?.key ?? '', card.task_id, code);
    expect((await expenseRow(id))?.status).toBe('approved');
    await deliver();

    const updates = fake
      .callsTo('/cgi-bin/message/update_template_card')
      .map((c) => c.body as Record<string, unknown>);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({
      userids: ['bob'],
      agentid: AGENT_ID,
      response_code: code,
      template_card: { card_type: 'button_interaction', task_id: card.task_id, button_list: [] },
    });
    expect((updates[0]?.template_card as { replace_text?: string } | undefined)?.replace_text).toMatch(
      /Approved|通过|批准/,
    );
    expect(textsTo('alice').some((t) => t.includes(id) && /approved|批准|通过/i.test(t))).toBe(true);
    // One token for the whole conversation: gettoken is not called per message.
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(1);
    expect(sends().length).toBeGreaterThan(6);
  });

  it('a Reject click without a form asks for the reason, and the next message rejects and updates the card', async () => {
    const { id, card } = await setUpAndLog();
    const reject = card.button_list.find((b) => b.key.startsWith(`exp:reject:${id}`));
    expect(reject?.style).toBe(3);
    const code = fake.issueResponseCode();
    await click('bob', reject?.key ?? '', card.task_id, code);
    expect(textsTo('bob').at(-1)).toBe(
      `Why are you rejecting ${id}? Reply with the reason within 10 minutes, or type cancel.`,
    );
    expect((await expenseRow(id))?.status).toBe('pending');
    await say('bob', 'duplicate of last week');
    expect((await expenseRow(id))?.status).toBe('rejected');
    await deliver();
    expect(fake.callsTo('/cgi-bin/message/update_template_card').map((c) => c.body)).toEqual([
      expect.objectContaining({
        response_code: code,
        template_card: expect.objectContaining({ task_id: card.task_id, button_list: [] }),
      }),
    ]);
    expect(textsTo('alice').some((t) => t.includes(id) && t.includes('duplicate of last week'))).toBe(true);
  });

  it('an image message after "receipt <id>" attaches the photo as that expense’s receipt', async () => {
    const { id } = await setUpAndLog();
    await say('alice', `receipt ${id}`);
    expect(textsTo('alice').at(-1)).toBe(
      `Send the receipt for ${id} (a photo or PDF) within 10 minutes, or type cancel.`,
    );
    fake.putMedia('MEDIA_PNG', ONE_PIXEL_PNG, 'image/png');
    await postCallback(
      `<xml><ToUserName><![CDATA[${CORP}]]></ToUserName><FromUserName><![CDATA[alice]]></FromUserName><CreateTime>1960000000</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://example.invalid/p]]></PicUrl><MediaId><![CDATA[MEDIA_PNG]]></MediaId><MsgId>8100000000000000001</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`,
    );
    expect(fake.callsTo('/cgi-bin/media/get').map((c) => c.query.media_id)).toEqual(['MEDIA_PNG']);
    const receipts = await database.db
      .select()
      .from(schema.receipts)
      .where(eq(schema.receipts.expenseId, id));
    expect(receipts).toHaveLength(1);
    expect(textsTo('alice').at(-1)).toBe(`Receipt attached to ${id}.`);
  });

  it('a repeated click callback decides once and updates the card once', async () => {
    const { id, card } = await setUpAndLog();
    const approve = card.button_list.find((b) => b.key.startsWith(`exp:approve:${id}`))?.key ?? '';
    const code = fake.issueResponseCode();
    await click('bob', approve, card.task_id, code);
    await click('bob', approve, card.task_id, code);
    await click('bob', approve, card.task_id, code);
    await deliver();
    const decisions = (await database.db.select().from(schema.auditEvents)).filter(
      (e) => e.entityId === id && e.action === 'expense.approved',
    );
    expect(decisions).toHaveLength(1);
    expect(fake.callsTo('/cgi-bin/message/update_template_card')).toHaveLength(1);
    const repliesToBob = sends('bob').filter((b) => b.msgtype !== 'template_card');
    expect(
      repliesToBob.filter((b) => (b.text?.content ?? b.markdown?.content ?? '').includes(id)),
    ).toHaveLength(1);
  });

  it('an access token that expires mid-flow is fetched again once and the message still goes out', async () => {
    const { id, card } = await setUpAndLog();
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(1);
    fake.expireTokenOnce();
    const approve = card.button_list.find((b) => b.key.startsWith(`exp:approve:${id}`))?.key ?? '';
    const before = fake.callsTo('/cgi-bin/message/send').length;
    await click('bob', approve, card.task_id, fake.issueResponseCode());
    // The reply to the click met the expired token (42001), fetched a new one and was retried once, unchanged.
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(2);
    const attempts = fake.callsTo('/cgi-bin/message/send').slice(before);
    expect(attempts.map((c) => [c.query.access_token, (c.body as SentBody).touser])).toEqual([
      ['fake-token-1', 'bob'],
      ['fake-token-2', 'bob'],
    ]);
    expect(attempts[1]?.body).toEqual(attempts[0]?.body);
    expect((attempts[1]?.body as SentBody | undefined)?.text?.content).toContain(id);
    await deliver();
    expect(fake.callsTo('/cgi-bin/message/update_template_card')).toHaveLength(1);
    expect(textsTo('alice').some((t) => t.includes(id))).toBe(true);
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(2);
  });

  it('a spent or expired response code does not lose the decision: it is sent as a new message', async () => {
    const { id, card } = await setUpAndLog();
    const approve = card.button_list.find((b) => b.key.startsWith(`exp:approve:${id}`))?.key ?? '';
    await click('bob', approve, card.task_id, fake.issueResponseCode());
    fake.expireResponseCodes();
    const before = sends('bob').length;
    await deliver();
    const updates = fake.calls.filter((c) => c.path === '/cgi-bin/message/update_template_card');
    expect(updates).toHaveLength(1);
    const after = sends('bob').slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]?.msgtype).toBe('markdown');
    expect(after[0]?.markdown?.content).toContain(id);
    expect((await expenseRow(id))?.status).toBe('approved');
  });
});
