// Every command family, said through the console API of a whole in-process Outlay, with the demo off: the reply a
// person reads and what the command did to the database. Each test starts from a fresh database and sets the firm
// up through commands alone.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../src/storage/schema/index.js';
import { createOutlayHarness, expenseIdIn, type OutlayHarness, replyText } from '../support/outlay-app.js';
import { testEngines } from '../support/test-databases.js';

const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe.each(testEngines())('console commands end to end on %s', (engine) => {
  let h: OutlayHarness;
  const say = async (as: string, text: string, address?: string) => replyText(await h.say(as, text, address));
  const db = () => h.database.db;
  const expense = async (id: string) =>
    (await db().select().from(schema.expenses).where(eq(schema.expenses.id, id)))[0];
  const expenseCount = async () => (await db().select().from(schema.expenses)).length;
  const logAs = async (as: string, text: string) => expenseIdIn(await h.say(as, text));
  const bobsRequestFor = async (id: string) => {
    await h.deliver();
    const card = (await h.feed('bob')).find(
      (m) => m.address === 'console:@bob' && m.kind === 'approval-request' && m.card.title.includes(id),
    )?.card;
    if (!card) throw new Error(`no approval request for ${id} in bob's DM`);
    return card;
  };

  beforeEach(async () => {
    h = await createOutlayHarness(engine);
    for (const name of ['alice', 'bob', 'fay']) await h.introduce(name);
  });
  afterEach(async () => {
    await h.close();
  });

  /** The firm, set up as an admin would: one client, its approver, finance, channels, a rate, a budget, a policy. */
  const setUpFirm = async () => {
    const said = [
      await say('ada', 'client add acme "Acme" CNY Asia/Shanghai'),
      await say('ada', 'approvers @acme 1 <@bob>'),
      await say('ada', 'role <@fay> finance'),
      await say('ada', 'client channel @acme internal', 'console:#acme-team'),
      await say('ada', 'admin channel', 'console:#admin'),
      await say('ada', 'rate USD CNY 7.1'),
      await say('ada', 'budget set @acme 5000 monthly block'),
      await say('ada', 'policy set receipt 500'),
    ];
    return said;
  };

  it('sets the firm up through commands: client, approvers, role, channels, rate, budget, policy', async () => {
    expect(await setUpFirm()).toEqual([
      'Added client @acme "Acme": CNY, Asia/Shanghai.',
      'Stage 1 approvers for @acme updated (1).',
      'Roles updated: finance.',
      'This channel is bound (internal).',
      'This is now the admin channel: audit heads and undeliverable messages land here.',
      'Rate added: 1 USD = 7.1 CNY from 2030-03-12.',
      'Budget set: CN¥5,000.00 monthly · block.',
      'Policy updated (version 1).',
    ]);
    const [client] = await db().select().from(schema.clients);
    expect(client).toMatchObject({ code: 'acme', name: 'Acme', currency: 'CNY', timeZone: 'Asia/Shanghai' });
    const bindings = await db().select().from(schema.channelBindings);
    expect(bindings.map((b) => [b.address, b.audience]).sort()).toEqual([
      ['console:#acme-team', 'internal'],
      ['console:#admin', 'admin'],
    ]);
    const roles = await db()
      .select({ role: schema.memberRoles.role, identity: schema.memberIdentities.identity })
      .from(schema.memberRoles)
      .innerJoin(schema.memberIdentities, eq(schema.memberIdentities.memberId, schema.memberRoles.memberId));
    expect(
      roles
        .filter((r) => r.role !== 'member')
        .map((r) => `${r.identity}=${r.role}`)
        .sort(),
    ).toEqual(['console:ada=admin', 'console:fay=finance']);
    const approvers = await db()
      .select({ stage: schema.approverAssignments.stage, identity: schema.memberIdentities.identity })
      .from(schema.approverAssignments)
      .innerJoin(
        schema.memberIdentities,
        eq(schema.memberIdentities.memberId, schema.approverAssignments.memberId),
      );
    expect(approvers).toEqual([{ stage: 1, identity: 'console:bob' }]);
    const [rate] = await db().select().from(schema.exchangeRates);
    expect(rate).toMatchObject({ fromCurrency: 'USD', toCurrency: 'CNY' });
    expect(Number(rate?.rate)).toBe(7.1);
    const [budget] = await db().select().from(schema.budgets);
    expect(budget).toMatchObject({ amountMinor: 500_000, period: 'monthly', action: 'block' });
    expect(await say('ada', 'budget @acme')).toBe(
      '2030-03: budget CN¥5,000.00, approved CN¥0.00, pending CN¥0.00 (0 %), forecast CN¥0.00',
    );
  });

  it('logs an expense: the reply names it and its approver, the row is pending, bob is asked', async () => {
    await setUpFirm();
    const reply = await h.say('alice', '120 @acme #meals lunch with the client');
    const id = expenseIdIn(reply);
    expect(replyText(reply)).toContain(`Logged ${id} — waiting for Bob (stage 1 of 1).`);
    expect(replyText(reply)).toContain('Amount: CN¥120.00');
    expect(await expense(id)).toMatchObject({
      status: 'pending',
      amountMinor: 12_000,
      currency: 'CNY',
      categoryCode: 'meals',
      description: 'lunch with the client',
      incurredOn: '2030-03-12',
      stage: 1,
      stageCount: 1,
    });
    const card = await bobsRequestFor(id);
    expect(card.title).toBe(`Approval request: ${id}`);
    expect(card.actions.map((a) => a.label)).toEqual([
      'Approve',
      'Reject',
      'Needs details',
      'Approve a different amount',
    ]);
  });

  it('logs in USD at the admin rate', async () => {
    await setUpFirm();
    const id = await logAs('alice', '10 USD @acme #meals');
    expect(await expense(id)).toMatchObject({
      amountMinor: 1_000,
      currency: 'USD',
      clientAmountMinor: 7_100,
      clientCurrency: 'CNY',
    });
  });

  it('refuses bad logs in English and writes nothing', async () => {
    await setUpFirm();
    expect(await say('alice', '10 @nope #meals')).toBe(
      'There is no client @nope — check the code; an admin adds clients with client add acme "Acme Ltd" CNY Asia/Shanghai zh-CN.',
    );
    expect(await say('alice', '10 @acme #zzz')).toBe(
      'There is no category "zzz" — use one of #travel #meals #lodging #transport #entertainment #software #supplies #other.',
    );
    expect(await say('alice', '12,5O @acme #meals')).toBe('"12,5O" is not an amount — try 12.50');
    expect(await say('alice', '0 @acme #meals')).toBe(
      'The amount is zero — log what was spent, e.g. 45.80 @acme #meals lunch with the client.',
    );
    expect(await say('alice', '10 @acme #meals 2031-01-01')).toBe(
      '1 Jan 2031 is in the future (today is 12 Mar 2030) — log an expense once it is spent.',
    );
    expect(await expenseCount()).toBe(0);
    expect(await db().select().from(schema.outbox)).toEqual([]);
  });

  it('refuses bad logs in Chinese in a zh-CN client channel, with Chinese commands, and writes nothing', async () => {
    await setUpFirm();
    await say('ada', 'client add globex "Globex" USD America/New_York zh-CN');
    await say('ada', 'client channel @globex internal', 'console:#globex-team');
    const inGlobex = (text: string) => say('alice', text, 'console:#globex-team');
    expect(await inGlobex('记 10 @globex #zzz')).toBe(
      '没有类别“zzz”——请使用 #travel #meals #lodging #transport #entertainment #software #supplies #other 之一。',
    );
    expect(await inGlobex('记 12,5O @globex #餐饮')).toBe('“12,5O”不是有效金额——试试 12.50');
    const unknownClient = await inGlobex('报销 10 @nope #餐饮');
    expect(unknownClient).toMatch(/@nope/);
    expect(unknownClient).toMatch(/[\u4e00-\u9fff]/);
    const zero = await inGlobex('记 0 @globex #餐饮');
    expect(zero).toMatch(/[\u4e00-\u9fff]/);
    expect(zero).not.toMatch(/The amount/);
    const future = await inGlobex('记 10 @globex #餐饮 2031-01-01');
    expect(future).toMatch(/2031/);
    expect(future).toMatch(/[\u4e00-\u9fff]/);
    expect(future).not.toMatch(/in the future/);
    expect(await expenseCount()).toBe(0);
  });

  it('lists and shows', async () => {
    await setUpFirm();
    const id = await logAs('alice', '120 @acme #meals lunch');
    const list = await say('alice', 'list');
    expect(list).toContain('My expenses');
    expect(list).toContain(`**${id}** · 12 Mar · CN¥120.00 · Meals · Pending · lunch`);
    const show = await say('alice', `show ${id}`);
    expect(show).toContain(`${id} · CN¥120.00`);
    expect(show).toContain('Pending · Approval · stage 1 of 1');
    expect(await say('bob', 'list pending')).toContain(id);
  });

  it('edits, withdraws and resubmits', async () => {
    await setUpFirm();
    const id = await logAs('alice', '120 @acme #meals lunch');
    expect(await say('alice', `edit ${id} 90`)).toBe(`Updated ${id} — approval starts again from stage 1.`);
    expect(await expense(id)).toMatchObject({ amountMinor: 9_000, status: 'pending' });
    expect(await say('alice', `withdraw ${id}`)).toBe(`Withdrew ${id}.`);
    expect((await expense(id))?.status).toBe('withdrawn');
    expect(await say('alice', `edit ${id} 80`)).toBe(
      `Cannot edit an expense that is withdrawn — only one that is pending or returned for details.`,
    );
    expect(await say('alice', `resubmit ${id}`)).toBe(`Resubmitted ${id} — waiting for Bob.`);
    expect(await expense(id)).toMatchObject({ status: 'pending', amountMinor: 9_000 });
  });

  it('approves by a typed command and by clicking the button on the delivered card', async () => {
    await setUpFirm();
    const typed = await logAs('alice', '120 @acme #meals lunch');
    const clicked = await logAs('alice', '80 @acme #meals taxi');
    expect(await say('alice', `approve ${typed}`)).toMatch(/./);
    expect((await expense(typed))?.status).toBe('pending');
    expect(await say('bob', `approve ${typed}`)).toBe(`Approved ${typed}. The submitter has been told.`);
    expect((await expense(typed))?.status).toBe('approved');

    const card = await bobsRequestFor(clicked);
    const approve = card.actions.find((a) => a.label === 'Approve');
    expect(approve?.id).toBe(`exp:approve:${clicked}:v1:s1`);
    const reply = await h.click('bob', approve?.id ?? '');
    expect(replyText(reply)).toContain(clicked);
    expect(await expense(clicked)).toMatchObject({ status: 'approved', approvedAmountMinor: 8_000 });

    await h.deliver();
    const notices = (await h.feed('alice')).filter((m) => m.kind === 'decision-notice');
    expect(notices.map((m) => m.card.title).sort()).toEqual(
      [`${clicked} is approved`, `${typed} is approved`].sort(),
    );
    const resolved = (await h.feed('bob')).find(
      (m) => m.address === 'console:@bob' && m.card.title === `Approval request: ${clicked}`,
    )?.card;
    expect(resolved?.actions).toEqual([]);
    expect(resolved?.resolved?.text).toMatch(/^Approved by Bob · stage 1 of 1/);
  });

  it('rejects: a click without a reason asks for it and the next message is the reason; cancel aborts another', async () => {
    await setUpFirm();
    const first = await logAs('alice', '120 @acme #meals lunch');
    const second = await logAs('alice', '80 @acme #meals taxi');
    const reject = (await bobsRequestFor(first)).actions.find((a) => a.label === 'Reject')?.id ?? '';
    expect(replyText(await h.click('bob', reject))).toBe(
      `Why are you rejecting ${first}? Reply with the reason within 10 minutes, or type cancel.`,
    );
    expect((await expense(first))?.status).toBe('pending');
    expect(await say('bob', 'not billable to the client')).toBe(
      `Rejected ${first}. The submitter has been told why.`,
    );
    expect(await expense(first)).toMatchObject({
      status: 'rejected',
      statusReason: 'not billable to the client',
    });

    const rejectSecond = (await bobsRequestFor(second)).actions.find((a) => a.label === 'Reject')?.id ?? '';
    await h.click('bob', rejectSecond);
    expect(await say('bob', 'cancel')).toBe('Cancelled — nothing was changed.');
    expect((await expense(second))?.status).toBe('pending');
    expect(await say('bob', 'cancel')).not.toBe('Cancelled — nothing was changed.');

    expect(await say('bob', `reject ${second} duplicate`)).toBe(
      `Rejected ${second}. The submitter has been told why.`,
    );
    expect((await expense(second))?.statusReason).toBe('duplicate');
  });

  it('shows a rejection at stage 1 of a two-stage chain as "stage 1 of 2", as the submitter was told', async () => {
    await setUpFirm();
    await say('ada', 'policy set tiers 100');
    await say('ada', 'approvers @acme 2 <@fay>');
    const id = await logAs('alice', '120 @acme #meals lunch');
    expect(await say('bob', `reject ${id} not billable`)).toBe(
      `Rejected ${id}. The submitter has been told why.`,
    );
    // Nothing but the round stored at log time knows there were two stages: stage 2 was never opened.
    expect(await say('alice', `show ${id}`)).toMatch(/Rejected by Bob · stage 1 of 2/);
  });

  it('returns for details, and the submitter resubmits', async () => {
    await setUpFirm();
    const id = await logAs('alice', '120 @acme #meals lunch');
    expect(await say('bob', `return ${id} the invoice please`)).toBe(
      `Returned ${id} to the submitter for details.`,
    );
    expect((await expense(id))?.status).toBe('returned');
    expect(await say('alice', `resubmit ${id}`)).toBe(`Resubmitted ${id} — waiting for Bob.`);
    expect((await expense(id))?.status).toBe('pending');
  });

  it('voids, marks billed (finance only), closes a period and adjusts', async () => {
    await setUpFirm();
    const id = await logAs('alice', '120 @acme #meals lunch');
    await say('bob', `approve ${id}`);
    expect(await say('alice', `mark ${id} billed`)).toBe(
      'Only finance or admins can mark expenses billed or reimbursed.',
    );
    expect((await expense(id))?.billedAt).toBeNull();
    expect(await say('fay', `mark ${id} billed`)).toBe(`Marked ${id} as billed.`);
    expect((await expense(id))?.billedAt).toBeInstanceOf(Date);
    expect(await say('fay', `void ${id} duplicate`)).toBe(`Voided ${id}.`);
    expect(await expense(id)).toMatchObject({ status: 'voided', statusReason: 'duplicate' });

    expect(await say('fay', 'close @acme 2030-02')).toBe('Closed @acme through 2030-02-28.');
    const [client] = await db().select().from(schema.clients);
    expect(JSON.stringify(client)).toContain('2030-02-28');

    const adjusted = await say('fay', 'adjust @acme -50 #meals refund');
    const adjustmentId = /Adjustment (\S+) recorded\./.exec(adjusted)?.[1] ?? '';
    expect(adjustmentId).toMatch(/^ACME-/);
    expect(await expense(adjustmentId)).toMatchObject({ kind: 'adjustment', amountMinor: -5_000 });
  });

  it('takes a receipt: "receipt <id>" then a PNG through the file route', async () => {
    await setUpFirm();
    const id = await logAs('alice', '99 @acme #meals lunch');
    expect(await say('alice', `receipt ${id}`)).toBe(
      `Send the receipt for ${id} (a photo or PDF) within 10 minutes, or type cancel.`,
    );
    const reply = await h.upload('alice', { bytes: ONE_PIXEL_PNG, name: 'receipt.png', type: 'image/png' });
    expect(replyText(reply)).toBe(`Receipt attached to ${id}.`);
    const receipts = await db().select().from(schema.receipts).where(eq(schema.receipts.expenseId, id));
    expect(receipts).toHaveLength(1);
    expect(await say('alice', `show ${id}`)).toContain('Receipts: 1 attached');
  });

  it('adds a project and delegates', async () => {
    await setUpFirm();
    expect(await say('ada', 'project add @acme/web "Website"')).toBe('Added project @acme/web "Website".');
    const projects = await db().select().from(schema.projects);
    expect(projects.map((p) => [p.code, p.name])).toEqual([['web', 'Website']]);
    expect(await say('bob', 'delegate <@alice> until 2030-04-01')).toBe(
      'Delegation recorded until 2030-04-01 (inclusive).',
    );
    const delegations = await db().select().from(schema.delegations);
    expect(delegations).toHaveLength(1);
    expect(JSON.stringify(delegations[0])).toContain('2030-04-01');
    const project = await logAs('alice', '50 @acme/web #meals');
    expect((await expense(project))?.projectId).toBe(projects[0]?.id);
  });

  it('refuses admin commands to members and writes nothing', async () => {
    await setUpFirm();
    const before = await db().select().from(schema.clients);
    const refused = await say('alice', 'client add globex "Globex" USD America/New_York');
    expect(refused).toMatch(/admin/i);
    expect(await db().select().from(schema.clients)).toEqual(before);
  });

  it('links a second identity with a one-time code', async () => {
    await setUpFirm();
    const reply = await say('alice', 'link');
    const code =
      /^Your link code is (\S+)\. On your other platform, send: link \1 \(valid for 10 minutes\)\.$/.exec(
        reply,
      )?.[1];
    expect(code).toMatch(/^[0-9A-Z]{6}$/);
    const codes = await db().select().from(schema.linkCodes);
    expect(codes.map((c) => c.code)).toEqual([code]);

    // The console lists only known people, so the new identity speaks to the conversation directly, as a
    // platform adapter would for someone it has never seen.
    const linked = await h.outlay.conversation.handleMessage({
      platform: 'console',
      identity: 'console:alice2',
      address: 'console:@alice2',
      text: `link ${code}`,
    });
    expect(linked.cards[0]?.title).toBe(
      'Linked — you can now use Outlay from both platforms as the same person.',
    );
    const identities = await db().select().from(schema.memberIdentities);
    const memberOf = (identity: string) => identities.find((i) => i.identity === identity)?.memberId;
    expect(memberOf('console:alice2')).toBe(memberOf('console:alice'));
    const again = await h.outlay.conversation.handleMessage({
      platform: 'console',
      identity: 'console:carol2',
      address: 'console:@carol2',
      text: `link ${code}`,
    });
    expect(again.cards[0]?.title).toMatch(/used/i);
  });

  it('shows, sets and tests policy', async () => {
    await setUpFirm();
    expect(await say('ada', 'policy set tiers 1000 3000')).toBe('Policy updated (version 2).');
    expect(await say('ada', 'policy @acme #meals')).toMatch(
      /^@acme policy: approval tiers CN¥1,000\.00 → 1 · CN¥3,000\.00 → 2 · no limit → 3; receipts above CN¥500\.00/,
    );
    expect(await say('ada', 'policy test 2000 @acme #meals')).toBe(
      'Dry run (nothing written): CN¥2,000.00 would need 2 approval stage(s), receipt required.',
    );
    const policies = await db().select().from(schema.policies);
    expect(policies).toHaveLength(1);
    expect(JSON.stringify(policies[0])).toContain('{"upTo":"3000","stages":2}');
    expect(await expenseCount()).toBe(0);
  });

  it('verifies the audit chain, answers help, and says a risk report is not available yet', async () => {
    await setUpFirm();
    const events = await db().select().from(schema.auditEvents);
    expect(await say('ada', 'audit verify')).toMatch(
      new RegExp(
        `^The audit chain is intact: ${events.length} events, head ${events.length}:[0-9a-f]{64}\\.$`,
      ),
    );
    const help = await say('alice', 'help');
    expect(help).toMatch(/^Outlay help\n/);
    expect(help).toContain('45.80 @acme #meals lunch with the client');
    // A Chinese keyword works for anyone; the answer follows the reader's language.
    expect(await say('alice', '帮助')).toBe(help);
    expect(await say('alice', 'risk @acme')).toBe(
      'risk is not available yet — type help to see what works today.',
    );
  });

  it('counts a logged expense against the budget', async () => {
    await setUpFirm();
    await logAs('alice', '1200 @acme #meals offsite');
    expect(await say('ada', 'budget @acme')).toMatch(
      /^2030-03: budget CN¥5,000\.00, approved CN¥0\.00, pending CN¥1,200\.00/,
    );
    const revisions = await db()
      .select()
      .from(schema.budgetRevisions)
      .where(and(eq(schema.budgetRevisions.organisationId, 'default')));
    expect(revisions.length).toBeGreaterThanOrEqual(1);
  });
});
