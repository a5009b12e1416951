// Slack gives a slash command 3 seconds. When the work behind it is slow (here the Conversation is held back until
// the test lets it go, as a slow database would), Outlay acknowledges "working on it" within the budget and the
// committed result follows through the command's response_url.
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/bots/shared/conversation.js';
import * as schema from '../../../src/storage/schema/index.js';
import { testEngines } from '../../support/test-databases.js';
import { blocksText, createSlackHarness, type SlackHarness } from './slack-harness.js';

const gate = () => {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
};

describe.each(testEngines())('a slow /expense on %s', (engine) => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
  });

  it('answers "working on it" within the budget, then posts the committed result to the response_url', async () => {
    const held = gate();
    const slow = (conversation: Conversation): Conversation => ({
      ...conversation,
      handleMessage: async (message) => {
        if (message.text.includes('lunch')) await held.opened;
        return conversation.handleMessage(message);
      },
    });
    const harness = await createSlackHarness(engine, { ackBudgetMs: 1_000, wrapConversation: slow });
    h = harness;
    await harness.command('UADMIN', 'client add acme "Acme" CNY Asia/Shanghai');

    const started = performance.now();
    const ack = await harness.command('U1', '120 @acme #meals lunch', { responseId: 'slow' });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(ack.status).toBe(200);
    expect(ack.json()).toEqual({ response_type: 'ephemeral', text: 'Working on it… · 处理中…' });
    expect(await harness.database.db.select().from(schema.expenses)).toHaveLength(0);
    const slowAnswers = () => harness.fake.responses.filter((r) => r.id === 'slow');
    expect(slowAnswers()).toEqual([]);

    held.open();
    await harness.fake.waitForResponses(harness.fake.responses.length + 1);
    const [expense] = await harness.database.db.select().from(schema.expenses);
    expect(expense?.amountMinor).toBe(12_000);
    const followUp = slowAnswers()[0];
    expect(followUp?.id).toBe('slow');
    expect(followUp?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(`${String(followUp?.body.text)}\n${blocksText(followUp?.body.blocks)}`).toContain(
      expense?.id ?? '?',
    );
  });
});
