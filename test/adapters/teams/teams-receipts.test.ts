// Receipts through the real CloudAdapter: an image pasted into a 1:1 (downloaded from the Teams service with the
// bot's token), and files posted in a channel — in the thread of an approval card Outlay posted there (the card's
// expense), or with `receipt <id>` — each answered in the sender's 1:1.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamsConversationAddress } from '../../../src/bots/teams/teams-inbound.js';
import * as schema from '../../../src/storage/schema/index.js';
import { FAKE_OUTBOUND_TOKEN } from '../../fakes/fake-bot-connector.js';
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
// A 1×1 PNG: the receipt store checks what the bytes are.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const BOT_MENTION = { text: '<at>Outlay</at>', id: BOT_ID, name: 'Outlay' };

type Mention = { text: string; id: string; name: string };

const textsOf = (node: unknown): string => {
  if (Array.isArray(node)) return node.map(textsOf).join('\n');
  if (typeof node !== 'object' || node === null) return '';
  const element = node as Record<string, unknown>;
  const own = element.type === 'TextBlock' && typeof element.text === 'string' ? [element.text] : [];
  return [...own.map((t) => t.replace(/\\(.)/g, '$1')), ...Object.values(element).map(textsOf)]
    .filter((t) => t !== '')
    .join('\n');
};

describe.each(testEngines())('Teams receipts on %s', { timeout: 60_000 }, (engine) => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await createTeamsHarness(engine);
    h.connector.addMember({ id: BOB.userId, name: BOB.name, aadObjectId: BOB.aadObjectId });
  });
  afterEach(async () => {
    await h.close();
  });

  const inConversation = (id: string, text: string, mentions: Mention[]) => ({
    conversation: { id, conversationType: 'channel', tenantId: TENANT_ID },
    text,
    entities: mentions.map((m) => ({ type: 'mention', text: m.text, mentioned: { id: m.id, name: m.name } })),
  });

  /** Every TextBlock the bot sent in answer to one activity, markdown escapes removed. */
  const say = async (...args: Parameters<TeamsHarness['message']>) => {
    const before = h.connector.calls.length;
    const answer = await h.post(h.message(...args));
    expect(answer.status).toBe(200);
    return h.connector.calls
      .slice(before)
      .map((c) => textsOf(c.body))
      .join('\n');
  };

  const inChannel = (from: typeof ADA, text: string, mentions: Mention[] = [BOT_MENTION], id = CHANNEL) =>
    say(from, text, inConversation(id, text, mentions));

  /** Acme with Bob approving, bound to the channel so its approval cards are posted there too. */
  const setUpFirm = async () => {
    expect(await say(ADA, 'client add acme "Acme" CNY Asia/Shanghai')).toContain('Added client @acme');
    await inChannel(BOB, '<at>Outlay</at> help');
    expect(
      await inChannel(ADA, '<at>Outlay</at> approvers @acme 1 <at>Bob</at>', [
        BOT_MENTION,
        { text: '<at>Bob</at>', id: BOB.userId, name: 'Bob' },
      ]),
    ).toContain('Stage 1 approvers for @acme updated (1).');
    await inChannel(ADA, '<at>Outlay</at> client channel @acme internal');
    const bindings = await h.database.db.select().from(schema.channelBindings);
    expect(bindings.map((b) => [b.address, b.audience])).toEqual([
      [teamsConversationAddress(CHANNEL), 'internal'],
    ]);
  };

  const logExpense = async (text: string) => {
    const logged = await say(SAM, text);
    const id = EXPENSE_ID.exec(logged)?.[0];
    if (!id) throw new Error(`no expense id in ${logged}`);
    return id;
  };

  const receiptsOf = (id: string) =>
    h.database.db.select().from(schema.receipts).where(eq(schema.receipts.expenseId, id));

  it('takes an image pasted into the 1:1, downloaded with the bot token', async () => {
    await setUpFirm();
    const id = await logExpense('120 @acme #meals lunch');
    const url = h.connector.addAttachment('0-eus-d1-abc', PNG);
    const answer = await say(SAM, `receipt ${id}`, {
      attachments: [
        { contentType: 'image/*', contentUrl: url },
        { contentType: 'text/html', content: `<p>receipt ${id}</p><img src="${url}">` },
      ],
    });
    expect(answer).toContain(`Receipt attached to ${id}.`);
    expect(await receiptsOf(id)).toHaveLength(1);
    const downloads = h.connector.calls.filter((c) => c.kind === 'attachment');
    expect(downloads.map((c) => c.authorization)).toEqual([`Bearer ${FAKE_OUTBOUND_TOKEN}`]);
  });

  it("takes a file posted in a channel card's thread for that card's expense, and one named with receipt <id>", async () => {
    await setUpFirm();
    const first = await logExpense('120 @acme #meals lunch');
    await h.deliver();
    const second = await logExpense('130 @acme #meals dinner');
    await h.deliver();
    const channelCard = h.connector
      .activities()
      .find(
        (c) =>
          c.kind === 'send' &&
          c.conversationId === CHANNEL &&
          textsOf(c.body).includes(`Approval request: ${first}`),
      );
    const cardId = (channelCard?.answer as { id?: string } | undefined)?.id;
    if (cardId === undefined) throw new Error(`no approval card for ${first} in the channel`);

    // Sam's latest pending expense is the second one; the thread says the first.
    const thread = `${CHANNEL};messageid=${cardId}`;
    const answer = await say(SAM, '<at>Outlay</at>', {
      ...inConversation(thread, '<at>Outlay</at>', [BOT_MENTION]),
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'lunch.png',
          content: { downloadUrl: h.connector.addFile('lunch.png', PNG), uniqueId: 'f-1', fileType: 'png' },
        },
      ],
    });
    expect(answer).toContain(`Receipt attached to ${first}.`);
    expect(await receiptsOf(first)).toHaveLength(1);
    expect(await receiptsOf(second)).toHaveLength(0);
    // Private in a channel: the answer went to Sam's 1:1.
    const toSam = h.connector.activities().filter((c) => c.conversationId === SAM.personalChat);
    expect(textsOf(toSam.at(-1)?.body)).toContain(`Receipt attached to ${first}.`);

    const named = await say(SAM, `<at>Outlay</at> receipt ${second}`, {
      ...inConversation(CHANNEL, `<at>Outlay</at> receipt ${second}`, [BOT_MENTION]),
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'dinner.pdf',
          content: { downloadUrl: h.connector.addFile('dinner.png', PNG), uniqueId: 'f-2', fileType: 'png' },
        },
      ],
    });
    expect(named).toContain(`Receipt attached to ${second}.`);
    expect(await receiptsOf(second)).toHaveLength(1);
  });
});
