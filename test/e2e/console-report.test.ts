// `report @acme last-month` said in the console of a whole in-process Outlay: the team's channel gets the internal
// report posted there; the channel shared with the client gets the client-facing one, without what is pending,
// non-billable or internal; a member without access is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutlayHarness, expenseIdIn, type OutlayHarness, replyText } from '../support/outlay-app.js';
import { testEngines } from '../support/test-databases.js';

describe.each(testEngines())('report on demand through the console on %s', (engine) => {
  let h: OutlayHarness;
  const say = async (as: string, text: string, address?: string) => replyText(await h.say(as, text, address));

  beforeEach(async () => {
    // 12 March 2030: last month is February 2030.
    h = await createOutlayHarness(engine);
    for (const name of ['alice', 'bob', 'fay']) await h.introduce(name);
    await say('ada', 'client add acme "Acme" CNY Asia/Shanghai');
    await say('ada', 'approvers @acme 1 <@bob>');
    await say('ada', 'role <@fay> finance');
    await say('ada', 'client channel @acme internal', 'console:#acme-team');
    await say('ada', 'client channel @acme client', 'console:#acme-client');
    const taxi = expenseIdIn(await h.say('alice', '120 @acme #travel 2030-02-10 airport taxi'));
    const dinner = expenseIdIn(
      await h.say('alice', '80 @acme #meals 2030-02-11 nonbillable TEAM-DINNER-SECRET'),
    );
    await h.say('bob', `approve ${taxi}`);
    await h.say('bob', `approve ${dinner}`);
    await h.say('alice', '45 @acme #travel 2030-02-12 PENDING-TAXI-SECRET');
  });
  afterEach(async () => {
    await h.close();
  });

  it('posts the internal report in the team channel', async () => {
    const reply = await h.say('fay', 'report @acme last-month', 'console:#acme-team');
    expect(reply.visibility).toBe('channel');
    const text = replyText(reply);
    expect(text).toContain('Report · Acme · February 2030');
    expect(text).toContain('Approved spend: CN¥200.00');
    expect(text).toContain('Billable: CN¥120.00');
    expect(text).toContain('Waiting for approval: CN¥45.00 · 1 item');
    expect(text).toContain('PENDING-TAXI-SECRET');
  });

  it('posts the client-facing report in the channel shared with the client, with nothing internal in it', async () => {
    const reply = await h.say('fay', 'report @acme last-month', 'console:#acme-client');
    expect(reply.visibility).toBe('channel');
    const text = JSON.stringify(reply.cards);
    expect(replyText(reply)).toContain('Expense report · Acme · February 2030');
    expect(replyText(reply)).toContain('Total: CN¥120.00');
    expect(text).toContain('airport taxi');
    for (const hidden of [
      'TEAM-DINNER-SECRET',
      'PENDING-TAXI-SECRET',
      'CN¥80.00',
      'CN¥45.00',
      'Waiting',
      'Internal',
      'Billable',
    ]) {
      expect(text).not.toContain(hidden);
    }
  });

  it('answers in Chinese and refuses a member without access', async () => {
    expect(await say('fay', '报告 @acme 上月', 'console:#acme-team')).toContain('February 2030');
    expect(await say('alice', 'report @acme last-month', 'console:#acme-team')).toMatch(/finance|approver/);
  });
});
