// Slack retries a request it got no good answer to (X-Slack-Retry-Num). Only a completed attempt makes a retry a
// duplicate: an attempt that failed is forgotten, so the retry does the work. Delivery records live a day.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/bots/shared/conversation.js';
import * as schema from '../../../src/storage/schema/index.js';
import { testEngines } from '../../support/test-databases.js';
import { blocksText, createSlackHarness, type SlackHarness } from './slack-harness.js';

describe.each(testEngines())('Slack retries on %s', (engine) => {
  let h: SlackHarness;
  let outage = false;
  // While `outage` is on, the database is unreachable: the Conversation's work throws, as a lost connection would.
  const flaky = (conversation: Conversation): Conversation => ({
    ...conversation,
    handleMessage: async (message) => {
      if (outage) throw new Error('connection terminated unexpectedly');
      return conversation.handleMessage(message);
    },
  });
  beforeEach(async () => {
    outage = false;
    h = await createSlackHarness(engine, { wrapConversation: flaky });
  });
  afterEach(async () => {
    await h.close();
  });
  const deliveryKeys = async (harness: SlackHarness) =>
    (
      await harness.database.db
        .select()
        .from(schema.platformRecords)
        .where(eq(schema.platformRecords.kind, 'delivery'))
    ).map((row) => row.key);

  it('processes the retry of an attempt that failed, and absorbs retries of the one that completed', async () => {
    const harness = h;
    await harness.command('UADMIN', 'client add acme "Acme" CNY Asia/Shanghai');

    outage = true;
    const failed = await harness.command('U1', '120 @acme #meals lunch', { triggerId: 'trig-flaky' });
    expect(failed.status).toBe(200);
    expect((failed.json() as { text: string }).text).toBe(
      'Something went wrong; please try again. · 出了点问题，请重试。',
    );
    expect(await harness.database.db.select().from(schema.expenses)).toHaveLength(0);
    expect(await deliveryKeys(harness)).not.toContain('T1:trig-flaky');

    outage = false;
    const retried = await harness.command('U1', '120 @acme #meals lunch', {
      triggerId: 'trig-flaky',
      retryNum: 1,
    });
    expect(retried.status).toBe(200);
    const [expense] = await harness.database.db.select().from(schema.expenses);
    expect(expense?.amountMinor).toBe(12_000);
    const answer = retried.json() as { text: string; blocks: unknown };
    expect(`${answer.text}\n${blocksText(answer.blocks)}`).toContain(expense?.id ?? '?');

    const again = await harness.command('U1', '120 @acme #meals lunch', {
      triggerId: 'trig-flaky',
      retryNum: 2,
    });
    expect(again.status).toBe(200);
    expect(again.body).toBe('');
    expect(await harness.database.db.select().from(schema.expenses)).toHaveLength(1);
  });

  it('forgets delivery records older than a day when it writes a new one', async () => {
    const harness = h;
    await harness.command('U1', 'help', { triggerId: 'trig-old' });
    expect(await deliveryKeys(harness)).toContain('T1:trig-old');

    harness.clock.advance(23 * 60 * 60_000);
    await harness.command('U1', 'help', { triggerId: 'trig-recent' });
    expect(await deliveryKeys(harness)).toEqual(expect.arrayContaining(['T1:trig-old', 'T1:trig-recent']));

    harness.clock.advance(2 * 60 * 60_000);
    await harness.command('U1', 'help', { triggerId: 'trig-new' });
    const keys = await deliveryKeys(harness);
    expect(keys).not.toContain('T1:trig-old');
    expect(keys).toEqual(expect.arrayContaining(['T1:trig-recent', 'T1:trig-new']));
  });
});
