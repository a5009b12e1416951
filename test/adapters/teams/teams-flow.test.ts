// The whole Teams path through the real CloudAdapter, signed tokens and the loopback Bot Connector: the firm is set
// up by typed commands (bot mention stripped, people mentions resolved), an expense is logged, its approval card is
// delivered proactively to the approver (whose 1:1 is opened first), an Action.Execute click decides it once, the
// invoke answers with a card, the approver's copy is updated in place and the submitter is told.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../../src/storage/schema/index.js';
import type { ConnectorCall } from '../../fakes/fake-bot-connector.js';
import { testEngines } from '../../support/test-databases.js';
import {
  ADA,
  BOB,
  BOT_ID,
  CHANNEL,
  createTeamsHarness,
  SAM,
  TENANT_ID,
  type TeamsHarness,
} from './teams-harness.js';

const EXPENSE_ID = /\b[A-Z0-9]{2,32}-[0-9A-HJKMNP-TV-Z]{4,}\b/;

type Element = Record<string, unknown>;

const unescapeMarkdown = (text: string): string => text.replace(/\\(.)/g, '$1');

/** Every TextBlock and fact of a card, nested containers and show-cards included, markdown escapes removed. */
const cardText = (card: unknown): string => {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const element = node as Element;
    if (element.type === 'TextBlock' && typeof element.text === 'string')
      out.push(unescapeMarkdown(element.text));
    if (element.type === 'FactSet') {
      for (const fact of element.facts as { title: string; value: string }[]) {
        out.push(`${unescapeMarkdown(fact.title)}: ${unescapeMarkdown(fact.value)}`);
      }
    }
    for (const value of Object.values(element)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return out.join('\n');
};

const cardsOf = (call: ConnectorCall | undefined): Element[] =>
  (
    (call?.body as { attachments?: { contentType: string; content: Element }[] } | undefined)?.attachments ??
    []
  )
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content);

const textOf = (call: ConnectorCall | undefined): string => cardsOf(call).map(cardText).join('\n');

/** The Action.Execute buttons of a card, wherever they sit (top level or inside a ShowCard form). */
const executesIn = (card: unknown): Element[] => {
  const found: Element[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      if ((node as Element).type === 'Action.Execute') found.push(node as Element);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
};

describe.each(testEngines())('Teams end to end on %s', { timeout: 60_000 }, (engine) => {
  let h: TeamsHarness;
  const sentTo = (conversationId: string) =>
    h.connector.activities().filter((c) => c.conversationId === conversationId);
  const expenseRow = async (id: string) =>
    (await h.database.db.select().from(schema.expenses).where(eq(schema.expenses.id, id)))[0];

  const say = async (...args: Parameters<TeamsHarness['message']>) => {
    const activity = h.message(...args);
    const before = h.connector.calls.length;
    const answer = await h.post(activity);
    expect(answer.status).toBe(200);
    return h.connector.calls.slice(before).map(textOf).join('\n');
  };

  const inChannel = (text: string, mentions: { text: string; id: string; name: string }[]) => ({
    conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TENANT_ID },
    text,
    entities: mentions.map((m) => ({ type: 'mention', text: m.text, mentioned: { id: m.id, name: m.name } })),
  });

  beforeEach(async () => {
    h = await createTeamsHarness(engine);
    h.connector.addMember({ id: BOB.userId, name: BOB.name, aadObjectId: BOB.aadObjectId });
  });
  afterEach(async () => {
    await h.close();
  });

  /** Ada adds the client in her 1:1 and names Bob, who has only spoken in the channel, as its approver there. */
  const setUpFirm = async () => {
    expect(await say(ADA, 'client add acme "Acme" CNY Asia/Shanghai')).toContain('Added client @acme');
    await say(
      BOB,
      '<at>Outlay</at> help',
      inChannel('<at>Outlay</at> help', [{ text: '<at>Outlay</at>', id: BOT_ID, name: 'Outlay' }]),
    );
    const text = '<at>Outlay</at> approvers @acme 1 <at>Bob</at>';
    expect(
      await say(
        ADA,
        text,
        inChannel(text, [
          { text: '<at>Outlay</at>', id: BOT_ID, name: 'Outlay' },
          { text: '<at>Bob</at>', id: BOB.userId, name: 'Bob' },
        ]),
      ),
    ).toContain('Stage 1 approvers for @acme updated (1).');
    const approvers = await h.database.db
      .select({ identity: schema.memberIdentities.identity })
      .from(schema.approverAssignments)
      .innerJoin(
        schema.memberIdentities,
        eq(schema.memberIdentities.memberId, schema.approverAssignments.memberId),
      );
    expect(approvers).toEqual([{ identity: `teams:${BOB.aadObjectId}` }]);
  };

  const logAndDeliver = async (amount = '120') => {
    const logged = await say(SAM, `${amount} @acme #meals lunch with the client`);
    const id = EXPENSE_ID.exec(logged)?.[0];
    if (!id) throw new Error(`no expense id in ${logged}`);
    expect(logged).toContain(`Logged ${id}`);
    await h.deliver();
    const bobsChats = h.connector.calls
      .filter((c) => c.kind === 'create')
      .map((c) => (c.body as { members: { id: string }[] }).members[0]?.id);
    expect(bobsChats).toContain(BOB.userId);
    const card = h.connector
      .activities()
      .find(
        (c) =>
          c.kind === 'send' &&
          c.conversationId?.startsWith('a:personal-') &&
          textOf(c).includes(`Approval request: ${id}`),
      );
    if (!card) throw new Error(`no approval card for ${id} reached Bob`);
    return { id, card };
  };

  it('logs, delivers the approval card to a new 1:1, decides by Action.Execute, updates the card and tells the submitter', async () => {
    await setUpFirm();
    const { id, card } = await logAndDeliver();
    const content = cardsOf(card)[0];
    expect(content).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const verbs = executesIn(content).map((a) => a.verb);
    expect(verbs).toEqual([
      `exp:approve:${id}:v1:s1`,
      `exp:reject:${id}:v1:s1`,
      `exp:return:${id}:v1:s1`,
      `exp:amount:${id}:v1:s1`,
    ]);
    const bobsChat = card.conversationId ?? '';

    const click = h.cardAction(
      BOB,
      `exp:approve:${id}:v1:s1`,
      { outlayAction: `exp:approve:${id}:v1:s1` },
      {
        conversation: { id: bobsChat, conversationType: 'personal', tenantId: TENANT_ID },
      },
    );
    const answer = await h.post(click);
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as { statusCode: number; type: string; value: Element };
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(cardText(body.value)).toContain(id);
    expect(cardText(body.value)).toContain(`Approval request: ${id}`);
    expect(cardText(body.value)).toContain('Approved by Bob · stage 1 of 1 · 12:00');
    expect(executesIn(body.value)).toEqual([]);
    expect((await expenseRow(id))?.status).toBe('approved');

    // Teams resends an unanswered invoke with the same id; a second click is a new invoke. Neither decides again.
    const settled = await h.rowCounts();
    expect((await h.post(click)).status).toBe(200);
    const again = await h.post(
      h.cardAction(
        BOB,
        `exp:approve:${id}:v1:s1`,
        { outlayAction: `exp:approve:${id}:v1:s1` },
        {
          conversation: { id: bobsChat, conversationType: 'personal', tenantId: TENANT_ID },
        },
      ),
    );
    expect(again.status).toBe(200);
    const { platform_records: _refs, ...after } = await h.rowCounts();
    const { platform_records: _refsBefore, ...before } = settled;
    expect(after).toEqual(before);
    const steps = await h.database.db
      .select()
      .from(schema.approvalSteps)
      .where(eq(schema.approvalSteps.expenseId, id));
    expect(steps.map((s) => [s.decision, s.deciderId === null])).toEqual([['approved', false]]);

    await h.deliver();
    const update = h.connector.activities().find((c) => c.kind === 'update' && c.conversationId === bobsChat);
    expect(update?.activityId).toBe((card.answer as { id: string }).id);
    expect(executesIn(cardsOf(update)[0])).toEqual([]);
    expect(textOf(update)).toMatch(/Approved by Bob/);
    const toSam = sentTo(SAM.personalChat).filter(
      (c) => c.kind === 'send' && textOf(c).includes(`${id} is approved`),
    );
    expect(toSam).toHaveLength(1);
  });

  const clickAs = (verb: string, data: Record<string, unknown>, chat: string) =>
    h.post(
      h.cardAction(BOB, verb, data, {
        conversation: { id: chat, conversationType: 'personal', tenantId: TENANT_ID },
      }),
    );

  const invokeBody = (answer: { status: number; body: string }) => {
    expect(answer.status).toBe(200);
    return JSON.parse(answer.body) as { statusCode: number; type: string; value: unknown };
  };

  it('answers a decided click with the resolved card (stage 1 of 2), the same card the outbox puts in every copy', async () => {
    await setUpFirm();
    expect(await say(ADA, `approvers @acme 2 <@${ADA.aadObjectId}>`)).toContain(
      'Stage 2 approvers for @acme updated (1).',
    );
    // Above 500 the default policy asks two stages.
    const { id, card } = await logAndDeliver('1200');
    const bobsChat = card.conversationId ?? '';
    const click = h.cardAction(
      BOB,
      `exp:approve:${id}:v1:s1`,
      { outlayAction: `exp:approve:${id}:v1:s1` },
      { conversation: { id: bobsChat, conversationType: 'personal', tenantId: TENANT_ID } },
    );
    const body = invokeBody(await h.post(click));
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const resolved = body.value as Element;
    expect(cardText(resolved)).toContain(`Approval request: ${id}`);
    expect(cardText(resolved)).toContain('Approved by Bob · stage 1 of 2 · 12:00');
    expect(executesIn(resolved)).toEqual([]);
    expect(JSON.stringify(resolved)).not.toContain('Action.ShowCard');

    // Teams resends the unanswered invoke: the same card again, and nothing decided twice.
    expect(invokeBody(await h.post(click)).value).toEqual(resolved);

    await h.deliver();
    const update = h.connector.activities().find((c) => c.kind === 'update' && c.conversationId === bobsChat);
    expect(cardsOf(update)[0]).toEqual(resolved);
    const steps = await h.database.db
      .select()
      .from(schema.approvalSteps)
      .where(eq(schema.approvalSteps.expenseId, id));
    // Stage 1 decided once; stage 2 is open for Ada.
    expect(steps.map((s) => [s.stage, s.decision])).toEqual([
      [1, 'approved'],
      [2, null],
    ]);
  });

  it('answers a refused click with the reason as a message, leaving the card as it was', async () => {
    await setUpFirm();
    const { id, card } = await logAndDeliver();
    // Sam is not an approver: a click on a copy of the card is refused in words.
    const notEntitled = invokeBody(
      await h.post(h.cardAction(SAM, `exp:approve:${id}:v1:s1`, { outlayAction: `exp:approve:${id}:v1:s1` })),
    );
    expect(notEntitled).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
    });
    expect(String(notEntitled.value)).toMatch(/Nobody decides their own expense|not an approver/);

    const bobsChat = {
      conversation: { id: card.conversationId ?? '', conversationType: 'personal', tenantId: TENANT_ID },
    };
    const stale = invokeBody(
      await h.post(
        h.cardAction(BOB, `exp:approve:${id}:v9:s1`, { outlayAction: `exp:approve:${id}:v9:s1` }, bobsChat),
      ),
    );
    expect(stale).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(String(stale.value)).toContain('This card is out of date');

    const first = invokeBody(
      await h.post(
        h.cardAction(BOB, `exp:approve:${id}:v1:s1`, { outlayAction: `exp:approve:${id}:v1:s1` }, bobsChat),
      ),
    );
    expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
    // A second click (a new invoke) on the card Bob still sees.
    const again = invokeBody(
      await h.post(
        h.cardAction(BOB, `exp:approve:${id}:v1:s1`, { outlayAction: `exp:approve:${id}:v1:s1` }, bobsChat),
      ),
    );
    expect(again).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(String(again.value)).toMatch(/nothing changed/);

    const foreign = invokeBody(await h.post(h.cardAction(BOB, 'vote', { choice: 2 }, bobsChat)));
    expect(foreign).toMatchObject({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest' },
    });
    const chinese = invokeBody(
      await h.post(h.cardAction(BOB, 'vote', { choice: 2 }, { ...bobsChat, locale: 'zh-cn' })),
    );
    expect((chinese.value as { message: string }).message).toContain('Outlay');
    expect((chinese.value as { message: string }).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('rejects with the reason typed into the card form', async () => {
    await setUpFirm();
    const { id, card } = await logAndDeliver();
    const reject = executesIn(cardsOf(card)[0]).find((a) => a.verb === `exp:reject:${id}:v1:s1`);
    const data = reject?.data as { reasonInput?: string } | undefined;
    expect(data?.reasonInput).toBeDefined();
    const answer = await clickAs(
      `exp:reject:${id}:v1:s1`,
      { ...data, [data?.reasonInput ?? '']: 'no receipt for the wine' },
      card.conversationId ?? '',
    );
    expect(answer.status).toBe(200);
    expect((await expenseRow(id))?.status).toBe('rejected');
    const steps = await h.database.db
      .select()
      .from(schema.approvalSteps)
      .where(eq(schema.approvalSteps.expenseId, id));
    expect(steps.map((s) => [s.decision, s.reason])).toEqual([['rejected', 'no receipt for the wine']]);
  });

  it('approves a different amount from the amount form', async () => {
    await setUpFirm();
    const { id, card } = await logAndDeliver();
    const partial = executesIn(cardsOf(card)[0]).find((a) => a.verb === `exp:amount:${id}:v1:s1`);
    const data = partial?.data as { reasonInput?: string; amountInput?: string } | undefined;
    const answer = await clickAs(
      `exp:amount:${id}:v1:s1`,
      { ...data, [data?.amountInput ?? '']: '90', [data?.reasonInput ?? '']: 'wine is not billable' },
      card.conversationId ?? '',
    );
    expect(answer.status).toBe(200);
    const steps = await h.database.db
      .select()
      .from(schema.approvalSteps)
      .where(eq(schema.approvalSteps.expenseId, id));
    expect(steps.map((s) => [s.decision, s.approvedAmountMinor])).toEqual([['approved', 9_000]]);
  });

  it('backs off when the connector answers 429 and delivers after Retry-After', async () => {
    await setUpFirm();
    await say(SAM, '120 @acme #meals lunch');
    h.connector.failNext(429, { 'retry-after': '30' });
    const first = await h.outlay.worker.runOnce();
    expect(first.delivered).toBe(0);
    const [row] = await h.database.db.select().from(schema.outbox);
    expect(row?.status).toBe('pending');
    expect(row?.lastError).toMatch(/rate limited for 30000 ms: 429/);
    expect(new Date(row?.nextAttemptAt ?? 0).getTime() - h.clock.now().getTime()).toBeGreaterThanOrEqual(
      30_000,
    );
    expect((await h.outlay.worker.runOnce()).delivered).toBe(0);
    h.clock.advance(30_000);
    expect(await h.deliver()).toBe(1);
    expect(h.connector.activities().filter((c) => textOf(c).includes('Approval request:'))).toHaveLength(2);
  });

  it('takes a receipt sent as a file in the 1:1', async () => {
    await setUpFirm();
    const logged = await say(SAM, '120 @acme #meals lunch');
    const id = EXPENSE_ID.exec(logged)?.[0] ?? '';
    expect(await say(SAM, `receipt ${id}`)).toContain(`Send the receipt for ${id}`);
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const downloadUrl = h.connector.addFile('receipt.png', png);
    await say(SAM, '', {
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'receipt.png',
          content: { downloadUrl, uniqueId: 'file-1', fileType: 'png' },
        },
      ],
    });
    const receipts = await h.database.db
      .select()
      .from(schema.receipts)
      .where(eq(schema.receipts.expenseId, id));
    expect(receipts).toHaveLength(1);
  });

  it('offers the log form when installed in a 1:1 and logs an expense from it', async () => {
    await setUpFirm();
    const installed = await h.post({
      ...h.message(SAM, ''),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: BOT_ID }],
    });
    expect(installed.status).toBe(200);
    const form = sentTo(SAM.personalChat).at(-1);
    expect(textOf(form)).toContain('Log an expense');
    expect(executesIn(cardsOf(form)[0]).map((a) => a.verb)).toEqual(['outlay:log-expense']);

    const answer = await h.post(
      h.cardAction(SAM, 'outlay:log-expense', {
        amount: '120',
        client: 'acme',
        category: '#meals',
        description: 'lunch with the client',
      }),
    );
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.body) as { type: string; value: Element };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const id = EXPENSE_ID.exec(cardText(body.value))?.[0] ?? '';
    expect(await expenseRow(id)).toMatchObject({
      amountMinor: 12_000,
      categoryCode: 'meals',
      description: 'lunch with the client',
    });

    const incomplete = await h.post(h.cardAction(SAM, 'outlay:log-expense', { amount: '120' }));
    expect(cardText((JSON.parse(incomplete.body) as { value: Element }).value)).toContain('Log an expense');
    expect(await h.database.db.select().from(schema.expenses)).toHaveLength(1);
  });

  it('handles an Action.Submit fallback (a message whose value is the button data) like a click', async () => {
    await setUpFirm();
    const { id, card } = await logAndDeliver();
    const answer = await h.post({
      ...h.message(BOB, '', {
        conversation: { id: card.conversationId ?? '', conversationType: 'personal', tenantId: TENANT_ID },
      }),
      text: undefined,
      value: { outlayAction: `exp:approve:${id}:v1:s1` },
    });
    expect(answer.status).toBe(200);
    expect((await expenseRow(id))?.status).toBe('approved');
  });

  it('opens the 1:1 from the notifier when only the channel where a person was seen is known', async () => {
    await setUpFirm();
    // Forget Bob's 1:1: what is left is the channel where he spoke, as for someone who never wrote to the bot.
    const key = and(
      eq(schema.platformRecords.platform, 'teams'),
      eq(schema.platformRecords.key, `@${BOB.aadObjectId}`),
    );
    const [bobsRecord] = await h.database.db.select().from(schema.platformRecords).where(key);
    expect(bobsRecord?.value).toMatchObject({ personal: true });
    const [channelRecord] = await h.database.db
      .select()
      .from(schema.platformRecords)
      .where(and(eq(schema.platformRecords.platform, 'teams'), eq(schema.platformRecords.key, CHANNEL)));
    await h.database.db
      .update(schema.platformRecords)
      .set({ value: { ...(channelRecord?.value as object), userId: BOB.userId } })
      .where(key);

    const creates = () => h.connector.calls.filter((c) => c.kind === 'create');
    const before = creates().length;
    const { card } = await logAndDeliver();
    const [created, ...more] = creates().slice(before);
    expect(more).toEqual([]);
    expect(created?.body).toMatchObject({
      isGroup: false,
      members: [{ id: BOB.userId }],
      tenantId: TENANT_ID,
      bot: { id: BOT_ID },
    });
    expect(card.conversationId).toBe((created?.answer as { id?: string } | undefined)?.id);
    const [remembered] = await h.database.db.select().from(schema.platformRecords).where(key);
    expect(remembered?.value).toMatchObject({
      personal: true,
      reference: { conversation: { id: card.conversationId } },
    });
  });
});
