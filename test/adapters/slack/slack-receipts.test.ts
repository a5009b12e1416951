// A file shared in the thread of a card Outlay posted is a receipt for that card's expense — even when the sender
// has a later pending expense, which a lone file would otherwise go to.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../../src/storage/schema/index.js';
import { pngBytes } from '../../support/receipt-fixtures.js';
import { testEngines } from '../../support/test-databases.js';
import { blocksText, createSlackHarness, type SlackHarness, TEAM } from './slack-harness.js';

const EXPENSE_ID = /\b[A-Z0-9]{2,32}-[0-9A-HJKMNP-TV-Z]{4,}\b/;

describe.each(testEngines())('Slack receipts on %s', (engine) => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness(engine);
  });
  afterEach(async () => {
    await h.close();
  });

  const logged = async (text: string) => {
    const answer = await h.command('U1', text);
    const id = EXPENSE_ID.exec(`${answer.body}`)?.[0];
    if (!id) throw new Error(`no expense id in ${answer.body}`);
    return id;
  };

  it('attaches a file shared in a card thread to that card’s expense', async () => {
    await h.command('U2', 'help');
    await h.command('UADMIN', 'client add acme "Acme" CNY Asia/Shanghai');
    await h.command('UADMIN', 'approvers @acme 1 <@U2>');
    const first = await logged('120 @acme #meals lunch');
    const second = await logged('80 @acme #meals taxi');
    await h.deliver();
    const card = h.fake
      .callsTo('chat.postMessage')
      .find((call) => call.args.channel === 'D2' && blocksText(call.args.blocks).includes(first));
    const ts = String(card?.result?.ts);

    h.fake.addFile('F1', {
      name: 'lunch.png',
      mimetype: 'image/png',
      bytes: pngBytes('x'),
      channel: 'D2',
      threadTs: ts,
    });
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: TEAM,
      api_app_id: 'A1',
      event_id: 'Ev-file-1',
      event_time: 1_900_000_000,
      event: {
        type: 'file_shared',
        file_id: 'F1',
        user_id: 'U1',
        channel_id: 'D2',
        event_ts: '1900000000.5',
      },
    });
    expect(
      (await h.post(body, { ...h.signedHeaders(body), 'content-type': 'application/json' })).status,
    ).toBe(200);
    await h.fake.waitForCalls('chat.postEphemeral', 1);

    const receipts = await h.database.db.select().from(schema.receipts);
    expect(receipts.map((r) => r.expenseId)).toEqual([first]);
    expect(
      await h.database.db.select().from(schema.receipts).where(eq(schema.receipts.expenseId, second)),
    ).toEqual([]);
    const told = h.fake.callsTo('chat.postEphemeral')[0];
    expect(told?.args).toMatchObject({ channel: 'D2', user: 'U1', thread_ts: ts });
    expect(String(told?.args.text)).toContain(first);
  });
});
