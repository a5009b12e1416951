// Slack gives a slash command 3 seconds. When the database is slow — here PostgreSQL itself holds the expenses table
// locked from another connection, so the insert waits inside the database — Outlay acknowledges "working on it"
// within the budget and the committed result follows through the command's response_url. A response_url serves 5
// answers within 30 minutes; past either limit the answer goes through chat.postEphemeral instead.
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../../src/storage/schema/index.js';
import { testEngines } from '../../support/test-databases.js';
import { blocksText, createSlackHarness, type SlackHarness } from './slack-harness.js';

const onPostgres = testEngines().includes('postgres');

describe.skipIf(!onPostgres)('a /expense slowed down inside PostgreSQL', () => {
  let h: SlackHarness;
  let locker: postgres.Sql | undefined;
  beforeEach(async () => {
    h = await createSlackHarness('postgres', { ackBudgetMs: 1_000 });
  });
  afterEach(async () => {
    await locker?.end();
    await h.close();
  });

  it('answers "working on it" within 3 s, then posts the committed result to the response_url', async () => {
    const harness = h;
    await harness.command('UADMIN', 'client add acme "Acme" CNY Asia/Shanghai');
    await harness.command('U1', 'help');

    const url = harness.database.url;
    if (url === undefined) throw new Error('the PostgreSQL test database has no URL');
    locker = postgres(url, { max: 1, onnotice: () => {} });
    const lock = await locker.reserve();
    // EXCLUSIVE lets plain reads through (who is speaking, the test's own checks) and holds every write.
    await lock`begin`;
    await lock`lock table expenses in exclusive mode`;

    const started = performance.now();
    const ack = await harness.command('U1', '120 @acme #meals lunch', { responseId: 'slow' });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(ack.status).toBe(200);
    expect(ack.json()).toEqual({ response_type: 'ephemeral', text: 'Working on it… · 处理中…' });
    expect(await harness.database.db.select().from(schema.expenses)).toHaveLength(0);
    const slowAnswers = () => harness.fake.responses.filter((r) => r.id === 'slow');
    expect(slowAnswers()).toEqual([]);

    await lock`commit`;
    lock.release();
    await harness.fake.waitForResponses(harness.fake.responses.length + 1);
    const [expense] = await harness.database.db.select().from(schema.expenses);
    expect(expense?.amountMinor).toBe(12_000);
    const followUp = slowAnswers()[0];
    expect(followUp?.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(`${String(followUp?.body.text)}\n${blocksText(followUp?.body.blocks)}`).toContain(
      expense?.id ?? '?',
    );
  });
});

describe.each(testEngines())('response_url limits on %s', (engine) => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness(engine);
    await h.command('UADMIN', 'client add acme "Acme" CNY Asia/Shanghai');
  });
  afterEach(async () => {
    await h.close();
  });

  const openForm = async (responseId: string) => {
    await h.command('U1', '', { responseId });
    await h.fake.waitForCalls('views.open', 1);
    return h.fake.callsTo('views.open')[0]?.args.view as { callback_id: string; private_metadata: string };
  };
  const ephemeralTo = (user: string) =>
    h.fake.callsTo('chat.postEphemeral').filter((call) => call.args.user === user);

  it('answers through chat.postEphemeral when the form is sent more than 30 minutes after it was opened', async () => {
    const view = await openForm('late');
    h.clock.advance(31 * 60_000);
    expect(
      (await h.submitView('U1', view, { amount: '120', client: 'acme', category: 'meals' })).status,
    ).toBe(200);
    await h.fake.waitForCalls('chat.postEphemeral', 1);
    const [expense] = await h.database.db.select().from(schema.expenses);
    const [answer] = ephemeralTo('U1');
    expect(answer?.args.channel).toBe('DU1');
    expect(`${String(answer?.args.text)}\n${blocksText(answer?.args.blocks)}`).toContain(expense?.id ?? '?');
    expect(h.fake.responses.filter((r) => r.id === 'late')).toEqual([]);
  });

  it('uses a response_url 5 times, then answers through chat.postEphemeral', async () => {
    const view = await openForm('five');
    for (let i = 1; i <= 6; i += 1) {
      h.clock.advance(60_000);
      await h.submitView('U1', view, { amount: String(10 * i), client: 'acme', category: 'meals' });
      if (i <= 5) await h.fake.waitForResponses(i);
    }
    await h.fake.waitForCalls('chat.postEphemeral', 1);
    expect(h.fake.responses.filter((r) => r.id === 'five')).toHaveLength(5);
    expect(h.fake.refusedResponses).toEqual([]);
    const sixth = (await h.database.db.select().from(schema.expenses)).find((e) => e.amountMinor === 6_000);
    const [answer] = ephemeralTo('U1');
    expect(`${String(answer?.args.text)}\n${blocksText(answer?.args.blocks)}`).toContain(sixth?.id ?? '?');
  });
});
