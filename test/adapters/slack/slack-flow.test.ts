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
});
