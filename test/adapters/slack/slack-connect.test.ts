// Slack Connect: a person from another workspace (users.info names another home team, or calls them a stranger)
// speaking in a channel bound to a client as client-facing is that client's contact — refused anything internal, in
// the client's language, and never made a member of the firm. Elsewhere such a person is an outsider.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../../src/storage/schema/index.js';
import { testEngines } from '../../support/test-databases.js';
import { blocksText, createSlackHarness, type SlackHarness } from './slack-harness.js';

const CONTACT_ONLY_EN =
  'This conversation is for the client’s view of its reports. Questions about a line: dispute <id> <comment>.';
const CONTACT_ONLY_ZH = '此会话供客户查看报告。如对某一行有疑问：质询 <编号> <说明>。';

describe.each(testEngines())('Slack Connect contacts on %s', (engine) => {
  let h: SlackHarness;
  const said = (answer: { json: () => unknown }) => {
    const body = answer.json() as { text: string; blocks: unknown; response_type: string };
    return { type: body.response_type, all: `${body.text}\n${blocksText(body.blocks)}` };
  };
  const expenses = () => h.database.db.select().from(schema.expenses);
  const identities = async () =>
    (await h.database.db.select().from(schema.memberIdentities)).map((row) => row.identity);

  beforeEach(async () => {
    h = await createSlackHarness(engine);
    await h.command('UADMIN', 'client add acme "Acme" CNY Asia/Shanghai');
    await h.command('UADMIN', 'client add globex "Globex" CNY Asia/Shanghai zh-CN');
    await h.command('UADMIN', 'client channel @acme client', { channel: 'CACME' });
    await h.command('UADMIN', 'client channel @globex client', { channel: 'CGLOBEX' });
    await h.command('UADMIN', 'client channel @acme internal', { channel: 'CTEAM' });
    h.fake.addUser('UEXT', { team_id: 'TACME' });
    h.fake.addUser('USTRANGER', { is_stranger: true });
  });
  afterEach(async () => {
    await h.close();
  });

  it('treats someone from another workspace in a client-facing channel as the client’s contact', async () => {
    const logged = said(await h.command('UEXT', '120 @acme #meals lunch', { channel: 'CACME' }));
    expect(logged.type).toBe('ephemeral');
    expect(logged.all).toContain(CONTACT_ONLY_EN);
    const listed = said(await h.command('UEXT', 'list @acme', { channel: 'CACME' }));
    expect(listed.all).toContain(CONTACT_ONLY_EN);
    // `report` is the one thing a contact asks for: the client-facing view, posted in their channel.
    const report = said(await h.command('UEXT', 'report @acme last-month', { channel: 'CACME' }));
    expect(report.type).toBe('in_channel');
    expect(report.all).not.toContain(CONTACT_ONLY_EN);
    expect(report.all).toContain('Acme');
    expect(report.all).not.toMatch(/pending|risk/i);
    // Another client's report is refused, even asked from their own channel.
    const other = said(await h.command('UEXT', 'report @globex', { channel: 'CACME' }));
    expect(other.type).toBe('ephemeral');
    expect(other.all).not.toContain('Globex');

    expect(await expenses()).toEqual([]);
    expect(await identities()).not.toContain('slack:T1:UEXT');
    // users.info is asked once per person, not once per message.
    expect(h.fake.callsTo('users.info').filter((c) => c.args.user === 'UEXT')).toHaveLength(1);
  });

  it('answers a contact in the client’s language, and a stranger is a contact too', async () => {
    expect(said(await h.command('UEXT', 'help', { channel: 'CGLOBEX' })).all).toContain(CONTACT_ONLY_ZH);
    expect(said(await h.command('USTRANGER', 'list mine', { channel: 'CACME' })).all).toContain(
      CONTACT_ONLY_EN,
    );
    expect(await identities()).not.toContain('slack:T1:USTRANGER');
  });

  it('refuses a contact’s click on a card and changes nothing', async () => {
    await h.command('U2', 'help');
    await h.command('UADMIN', 'approvers @acme 1 <@U2>');
    await h.command('U1', '120 @acme #meals lunch');
    const [expense] = await expenses();
    await h.click(
      'UEXT',
      { action_id: `exp:approve:${expense?.id}:v1:s1` },
      { channel: 'CACME', userTeam: 'TACME', responseId: 'contact-click' },
    );
    await h.fake.waitForResponses(1);
    const answer = h.fake.responses.find((r) => r.id === 'contact-click');
    expect(`${String(answer?.body.text)}\n${blocksText(answer?.body.blocks)}`).toContain(CONTACT_ONLY_EN);
    expect((await expenses())[0]?.status).toBe('pending');
  });

  it('keeps an external person outside client-facing channels out, without making them a member', async () => {
    const outsider =
      'Outlay works for the members of this firm. People from another organisation can use it only in a channel shared with them as a client.';
    expect(said(await h.command('UEXT', '120 @acme #meals lunch', { channel: 'CTEAM' })).all).toContain(
      outsider,
    );
    expect(said(await h.command('UEXT', 'help')).all).toContain(outsider);
    expect(await expenses()).toEqual([]);
    expect(await identities()).not.toContain('slack:T1:UEXT');
  });

  it('still answers the firm’s own people in a client-facing channel, privately', async () => {
    const own = said(await h.command('U1', '120 @acme #meals lunch', { channel: 'CACME' }));
    expect(own.type).toBe('ephemeral');
    expect(own.all).toContain('Only you can see this: this channel is shared with the client.');
    expect(await expenses()).toHaveLength(1);
  });
});
