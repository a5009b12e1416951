// The whole Slack path through Bolt and the real Web API client against the loopback fake: a signed slash command
// logs an expense, the worker delivers the approval card to the approver's DM, a signed click decides it, every
// copy loses its buttons through chat.update, and the submitter hears about it.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../../src/storage/schema/index.js';
import { testEngines } from '../../support/test-databases.js';
import { blocksText, buttonsIn, createSlackHarness, type SlackHarness } from './slack-harness.js';

const EXPENSE_ID = /\b[A-Z0-9]{2,32}-[0-9A-HJKMNP-TV-Z]{4,}\b/;

describe.each(testEngines())('Slack end to end on %s', (engine) => {
  let h: SlackHarness;
  const ackText = async (post: Promise<{ status: number; json: () => unknown }>) => {
    const answer = await post;
    expect(answer.status).toBe(200);
    const body = answer.json() as { text: string; blocks: unknown; response_type: string };
    return { ...body, all: `${body.text}\n${blocksText(body.blocks)}` };
  };
  const expenses = () => h.database.db.select().from(schema.expenses);

  /** UADMIN adds the client and makes U2 (who has spoken once) its stage-1 approver. */
  const setUpFirm = async () => {
    await ackText(h.command('U2', 'help'));
    expect((await ackText(h.command('UADMIN', 'client add acme "Acme" CNY Asia/Shanghai'))).all).toContain(
      'Added client @acme',
    );
    expect((await ackText(h.command('UADMIN', 'approvers @acme 1 <@U2>'))).all).toContain(
      'Stage 1 approvers for @acme updated (1).',
    );
  };

  /** U1 logs an expense; returns its id and the card U2 received in a DM. */
  const logAndDeliver = async () => {
    const logged = await ackText(h.command('U1', '120 @acme #meals lunch'));
    expect(logged.response_type).toBe('ephemeral');
    const id = EXPENSE_ID.exec(logged.all)?.[0];
    if (!id) throw new Error(`no expense id in ${logged.all}`);
    await h.deliver();
    const post = h.fake
      .callsTo('chat.postMessage')
      .find((call) => call.args.channel === 'D2' && blocksText(call.args.blocks).includes(id));
    if (!post) throw new Error(`no approval card for ${id} in U2's DM`);
    return { id, post };
  };

  beforeEach(async () => {
    h = await createSlackHarness(engine);
  });
  afterEach(async () => {
    await h.close();
  });

  it('logs by slash command, delivers the card with buttons, decides by click, updates the card, tells the submitter', async () => {
    await setUpFirm();
    const { id, post } = await logAndDeliver();
    expect(h.fake.callsTo('conversations.open').map((c) => c.args.users)).toContain('U2');
    expect(post.token).toBe('xoxb-test-token');
    const buttons = buttonsIn(post.args.blocks);
    expect(buttons.map((b) => b.action_id)).toContain(`exp:approve:${id}:v1:s1`);
    const approve = buttons.find((b) => b.action_id === `exp:approve:${id}:v1:s1`);
    if (!approve) throw new Error('no approve button');

    const clicked = await h.click('U2', approve, { responseId: 'click-1' });
    expect(clicked.status).toBe(200);
    await h.fake.waitForResponses(1);
    const answer = h.fake.responses.find((r) => r.id === 'click-1');
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(String(answer?.body.text)).toContain(id);
    expect(
      (await h.database.db.select().from(schema.expenses).where(eq(schema.expenses.id, id)))[0]?.status,
    ).toBe('approved');

    await h.deliver();
    const updates = h.fake.callsTo('chat.update');
    const cardUpdate = updates.find((u) => u.args.channel === 'D2');
    expect(cardUpdate?.args.ts).toBe(post.result?.ts);
    expect(buttonsIn(cardUpdate?.args.blocks)).toEqual([]);
    expect(blocksText(cardUpdate?.args.blocks)).toMatch(/Approved by/);
    const toSubmitter = h.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === 'D1' && blocksText(c.args.blocks).includes(`${id} is approved`));
    expect(toSubmitter).toHaveLength(1);
  });
  it('absorbs a Slack retry of the same command and a double click: nothing is created or decided twice', async () => {
    await setUpFirm();
    const first = await ackText(h.command('U1', '120 @acme #meals lunch', { triggerId: 'trig-same' }));
    const retry = await h.command('U1', '120 @acme #meals lunch', { triggerId: 'trig-same', retryNum: 1 });
    expect(retry.status).toBe(200);
    expect(EXPENSE_ID.exec(first.all)?.[0]).toBeDefined();
    expect(await expenses()).toHaveLength(1);

    await h.deliver();
    const card = h.fake.callsTo('chat.postMessage').find((call) => call.args.channel === 'D2');
    const approve = buttonsIn(card?.args.blocks).find((b) => b.action_id.startsWith('exp:approve:'));
    if (!approve) throw new Error('no approve button');
    const auditCount = async () => (await h.database.db.select().from(schema.auditEvents)).length;
    const outboxCount = async () => (await h.database.db.select().from(schema.outbox)).length;
    expect((await h.click('U2', approve, { responseId: 'first-click' })).status).toBe(200);
    await h.fake.waitForResponses(1);
    const afterFirst = { audit: await auditCount(), outbox: await outboxCount() };
    expect((await h.click('U2', approve, { responseId: 'second-click' })).status).toBe(200);
    await h.fake.waitForResponses(2);
    expect({ audit: await auditCount(), outbox: await outboxCount() }).toEqual(afterFirst);
    expect((await expenses())[0]?.status).toBe('approved');
    const second = h.fake.responses.find((r) => r.id === 'second-click');
    expect(String(second?.body.text)).toMatch(/already/i);
  });

  it('refuses a click by someone who is not an approver, changes nothing and says who can', async () => {
    await setUpFirm();
    await ackText(h.command('U3', 'help'));
    const { id, post } = await logAndDeliver();
    const approve = buttonsIn(post.args.blocks).find((b) => b.action_id.startsWith('exp:approve:'));
    if (!approve) throw new Error('no approve button');
    await h.click('U3', approve, { channel: 'D2', responseId: 'intruder' });
    await h.fake.waitForResponses(1);
    const answer = h.fake.responses.find((r) => r.id === 'intruder');
    expect(answer?.body.response_type).toBe('ephemeral');
    expect(`${String(answer?.body.text)}\n${blocksText(answer?.body.blocks)}`).toMatch(/not an approver/);
    expect((await expenses()).find((e) => e.id === id)?.status).toBe('pending');
    await h.deliver();
    expect(h.fake.callsTo('chat.update')).toEqual([]);
  });

  it('rejects through the reason modal: views.open with the trigger, then the submitted reason decides', async () => {
    await setUpFirm();
    const { id, post } = await logAndDeliver();
    const reject = buttonsIn(post.args.blocks).find((b) => b.action_id.startsWith('exp:reject:'));
    if (!reject) throw new Error('no reject button');
    await h.click('U2', reject, { triggerId: 'trig-reject', responseId: 'reject-click' });
    await h.fake.waitForCalls('views.open', 1);
    const opened = h.fake.callsTo('views.open');
    expect(opened).toHaveLength(1);
    expect(opened[0]?.args.trigger_id).toBe('trig-reject');
    const view = opened[0]?.args.view as { callback_id: string; private_metadata: string; blocks: unknown };
    expect(view.callback_id).toBe('outlay-decision');
    expect((await expenses())[0]?.status).toBe('pending');

    const submitted = await h.submitView(
      'U2',
      { callback_id: view.callback_id, private_metadata: view.private_metadata },
      { reason: 'Not billable to Acme' },
    );
    expect(submitted.status).toBe(200);
    await h.fake.waitForResponses(1);
    expect(String(h.fake.responses.find((r) => r.id === 'reject-click')?.body.text)).toContain(id);
    expect((await expenses())[0]?.status).toBe('rejected');
    await h.deliver();
    const updated = h.fake.callsTo('chat.update').find((u) => u.args.channel === 'D2');
    expect(updated?.args.ts).toBe(post.result?.ts);
    expect(buttonsIn(updated?.args.blocks)).toEqual([]);
  });

  it('honours 429 Retry-After: the card waits, then arrives exactly once', async () => {
    await setUpFirm();
    h.fake.rateLimitOnce('chat.postMessage', 30);
    const logged = await ackText(h.command('U1', '120 @acme #meals lunch'));
    const id = EXPENSE_ID.exec(logged.all)?.[0] ?? '';
    await h.outlay.worker.runOnce();
    const toApprover = () =>
      h.fake
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === 'D2' && blocksText(c.args.blocks).includes(id));
    expect(toApprover()).toHaveLength(0);
    // Ten seconds later Slack's thirty have not passed: still nothing.
    h.clock.advance(10_000);
    await h.outlay.worker.runOnce();
    expect(toApprover()).toHaveLength(0);
    h.clock.advance(21_000);
    await h.deliver();
    expect(toApprover()).toHaveLength(1);
  });

  it('copies the approval card to the client’s internal channel and updates that copy in place after the decision', async () => {
    await setUpFirm();
    await ackText(h.command('UADMIN', 'client channel @acme internal', { channel: 'CTEAM' }));
    const { id, post } = await logAndDeliver();
    const copy = h.fake
      .callsTo('chat.postMessage')
      .find((call) => call.args.channel === 'CTEAM' && blocksText(call.args.blocks).includes(id));
    if (!copy) throw new Error(`no copy of ${id}'s card in the internal channel`);
    expect(copy.token).toBe('xoxb-test-token');
    expect(blocksText(copy.args.blocks)).toContain('120');
    const approve = buttonsIn(post.args.blocks).find((b) => b.action_id.startsWith('exp:approve:'));
    if (!approve) throw new Error('no approve button');

    await h.click('U2', approve, { responseId: 'approve-dm' });
    await h.fake.waitForResponses(1);
    await h.deliver();
    const updated = h.fake.callsTo('chat.update').filter((u) => u.args.channel === 'CTEAM');
    expect(updated).toHaveLength(1);
    expect(updated[0]?.args.ts).toBe(copy.result?.ts);
    expect(buttonsIn(updated[0]?.args.blocks)).toEqual([]);
    expect(blocksText(updated[0]?.args.blocks)).toMatch(/Approved by/);
    // No second card was posted there: the copy changed in place.
    expect(
      h.fake
        .callsTo('chat.postMessage')
        .filter((call) => call.args.channel === 'CTEAM' && blocksText(call.args.blocks).includes(id)),
    ).toHaveLength(1);
  });
});
