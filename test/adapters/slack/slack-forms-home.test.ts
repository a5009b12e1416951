// `/expense` alone opens a form whose mistakes are shown on its fields; the Home tab shows pending approvals and
// the person's own expenses.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../../src/storage/schema/index.js';
import { testEngines } from '../../support/test-databases.js';
import { blocksText, createSlackHarness, type SlackHarness, TEAM } from './slack-harness.js';

describe.each(testEngines())('Slack forms and Home on %s', (engine) => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness(engine);
    await h.command('UADMIN', 'client add acme "Acme" CNY Asia/Shanghai');
  });
  afterEach(async () => {
    await h.close();
  });
  const expenses = () => h.database.db.select().from(schema.expenses);

  it('opens the log form for /expense alone, shows errors on the fields, then logs what the form says', async () => {
    const opened = await h.command('U1', '', { triggerId: 'trig-form', responseId: 'form' });
    expect(opened.status).toBe(200);
    await h.fake.waitForCalls('views.open', 1);
    const call = h.fake.callsTo('views.open')[0];
    expect(call?.args.trigger_id).toBe('trig-form');
    const view = call?.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('outlay-log');

    const refused = await h.submitView('U1', view, {
      amount: 'lots',
      client: 'Not a code!',
      category: 'two words',
    });
    expect(refused.status).toBe(200);
    expect(refused.json()).toEqual({
      response_action: 'errors',
      errors: {
        amount: 'Write an amount such as 120, 12.50 or 10 USD.',
        client: 'Write a client code such as acme (letters, digits and dashes).',
        category: 'Write one word, such as meals.',
      },
    });
    expect(await expenses()).toEqual([]);

    const accepted = await h.submitView('U1', view, {
      amount: '120',
      client: '@acme',
      category: 'meals',
      description: 'lunch with the team',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toBe('');
    await h.fake.waitForResponses(1);
    const [expense] = await expenses();
    expect(expense).toMatchObject({ amountMinor: 12_000, description: 'lunch with the team' });
    const answer = h.fake.responses.find((r) => r.id === 'form');
    expect(String(answer?.body.text)).toContain(expense?.id ?? '?');
  });

  it('publishes the Home tab with the person’s expenses when it is opened', async () => {
    await h.command('U1', '120 @acme #meals lunch');
    const [expense] = await expenses();
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: TEAM,
      api_app_id: 'A1',
      event_id: 'Ev-home-1',
      event_time: 1_900_000_000,
      event: {
        type: 'app_home_opened',
        user: 'U1',
        channel: 'D1',
        tab: 'home',
        event_ts: '1900000000.000001',
      },
    });
    const answer = await h.post(body, { ...h.signedHeaders(body), 'content-type': 'application/json' });
    expect(answer.status).toBe(200);
    await h.fake.waitForCalls('views.publish', 1);
    const publish = h.fake.callsTo('views.publish')[0];
    expect(publish?.args.user_id).toBe('U1');
    const view = publish?.args.view as { type: string; blocks: unknown };
    expect(view.type).toBe('home');
    expect(blocksText(view.blocks)).toContain(expense?.id ?? '?');
  });

  it('shows on Home the budget status of the clients the person approves for, in their language', async () => {
    await h.command('U2', 'help');
    await h.command('UADMIN', 'approvers @acme 1 <@U2>');
    await h.command('UADMIN', 'budget set @acme 50000 monthly');
    await h.command('U1', '120 @acme #meals lunch');
    const homeOf = (user: string) => {
      const published = h.fake.callsTo('views.publish').filter((call) => call.args.user_id === user);
      return blocksText((published.at(-1)?.args.view as { blocks?: unknown } | undefined)?.blocks);
    };

    await h.openHome('U2');
    const approver = homeOf('U2');
    expect(approver).toContain('My clients’ budgets');
    expect(approver).toContain('@acme · Acme');
    expect(approver).toMatch(/2030-03: budget .*50,000.*pending .*120/);

    // A plain member sees no client's budgets (docs/product-rules.md §1), and is told whose they would see.
    await h.openHome('U1');
    expect(homeOf('U1')).toContain('No budgets to show.');

    const [identity] = await h.database.db
      .select()
      .from(schema.memberIdentities)
      .where(eq(schema.memberIdentities.identity, `slack:${TEAM}:U2`));
    await h.database.db
      .update(schema.members)
      .set({ locale: 'zh-CN' })
      .where(eq(schema.members.id, identity?.memberId ?? '?'));
    await h.openHome('U2');
    expect(homeOf('U2')).toContain('我的客户预算');
    expect(homeOf('U2')).toMatch(/2030-03：预算/);
  });
});
