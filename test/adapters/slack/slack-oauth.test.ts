// The multi-workspace install: /slack/install sends the browser to Slack with a signed state bound to a cookie; the
// redirect trades the code for the workspace's bot token, which then answers that workspace's requests.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInstallState, isValidInstallState } from '../../../src/bots/slack/slack-oauth.js';
import * as schema from '../../../src/storage/schema/index.js';
import { testEngines } from '../../support/test-databases.js';
import { blocksText, createSlackHarness, type SlackHarness } from './slack-harness.js';

const EXPENSE_ID = /\b[A-Z0-9]{2,32}-[0-9A-HJKMNP-TV-Z]{4,}\b/;

describe('install state', () => {
  it('is valid for ten minutes with its secret, and never after or with another', () => {
    const state = createInstallState('s3cret', 1_000_000, 'nonce-123456');
    expect(isValidInstallState('s3cret', state, 1_000_000 + 599_000)).toBe(true);
    expect(isValidInstallState('s3cret', state, 1_000_000 + 601_000)).toBe(false);
    expect(isValidInstallState('other', state, 1_000_001)).toBe(false);
    expect(
      isValidInstallState(
        's3cret',
        state.replace(/.$/, (c) => (c === '0' ? '1' : '0')),
        1_000_001,
      ),
    ).toBe(false);
  });
});

describe.each(testEngines())('Slack OAuth install on %s', (engine) => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness(engine, { oauth: true });
  });
  afterEach(async () => {
    await h.close();
  });
  const installations = () => h.database.db.select().from(schema.platformRecords);

  const startInstall = async () => {
    const response = await h.outlay.app.inject({ method: 'GET', url: '/slack/install' });
    expect(response.statusCode).toBe(302);
    const location = new URL(String(response.headers.location));
    const cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
    return { location, cookie, state: location.searchParams.get('state') ?? '' };
  };

  it('installs a workspace and answers its requests with that workspace’s token', async () => {
    const { location, cookie, state } = await startInstall();
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe('client-1');
    expect(location.searchParams.get('scope')).toBe('commands,chat:write,im:write,users:read,files:read');
    expect(location.searchParams.get('redirect_uri')).toMatch(/\/slack\/oauth_redirect$/);

    const done = await h.outlay.app.inject({
      method: 'GET',
      url: `/slack/oauth_redirect?code=T1-abc&state=${encodeURIComponent(state)}`,
      headers: { cookie },
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Outlay is installed');
    expect(h.fake.callsTo('oauth.v2.access')[0]?.args).toMatchObject({
      client_id: 'client-1',
      client_secret: 'client-secret',
      code: 'T1-abc',
    });
    const stored = (await installations()).filter((r) => r.kind === 'installation');
    expect(stored.map((r) => [r.key, (r.value as { botToken: string }).botToken])).toEqual([
      ['T1', 'xoxb-T1'],
    ]);

    const answer = await h.command('U1', 'help');
    expect(answer.status).toBe(200);
    expect(String((answer.json() as { text: string }).text)).toMatch(/help/i);
  });

  it('refuses a redirect without the matching state cookie or with a forged state, and stores nothing', async () => {
    const { state } = await startInstall();
    const withoutCookie = await h.outlay.app.inject({
      method: 'GET',
      url: `/slack/oauth_redirect?code=T1-abc&state=${encodeURIComponent(state)}`,
    });
    expect(withoutCookie.statusCode).toBe(400);
    const forged = createInstallState('guessed-secret', h.clock.now().getTime(), 'nonce-123456');
    const withForged = await h.outlay.app.inject({
      method: 'GET',
      url: `/slack/oauth_redirect?code=T1-abc&state=${encodeURIComponent(forged)}`,
      headers: { cookie: `outlay-slack-state=${forged}` },
    });
    expect(withForged.statusCode).toBe(400);
    expect(h.fake.callsTo('oauth.v2.access')).toEqual([]);
    expect((await installations()).filter((r) => r.kind === 'installation')).toEqual([]);
  });

  it('makes each installed workspace its own organisation with its installer as admin, and keeps them apart', async () => {
    expect((await h.install('T1-abc-UBOSS1')).status).toBe(200);
    expect((await h.install('T2-def-UBOSS2')).status).toBe(200);
    const organisations = await h.database.db.select().from(schema.organisations);
    expect(organisations.map((o) => [o.id, o.name]).sort()).toEqual([
      ['default', 'Outlay'],
      ['slack-t1', 'Workspace T1'],
      ['slack-t2', 'Workspace T2'],
    ]);
    const text = async (answer: Promise<{ json: () => unknown }>) => {
      const body = (await answer).json() as { text: string; blocks: unknown };
      return `${body.text}\n${blocksText(body.blocks)}`;
    };

    // Each installer administers their own workspace's organisation, and nobody else's.
    expect(await text(h.command('UBOSS1', 'client add acme "Acme" CNY Asia/Shanghai'))).toContain(
      'Added client @acme',
    );
    expect(
      await text(h.command('UBOSS2', 'client add acme "Acme Two" CNY Asia/Shanghai', { team: 'T2' })),
    ).toContain('Added client @acme');
    expect(
      await text(h.command('U9', 'client add globex "Globex" CNY Asia/Shanghai', { team: 'T2' })),
    ).not.toContain('Added client');
    const admins = await h.database.db
      .select({
        organisationId: schema.memberIdentities.organisationId,
        identity: schema.memberIdentities.identity,
      })
      .from(schema.memberRoles)
      .innerJoin(
        schema.memberIdentities,
        and(
          eq(schema.memberIdentities.organisationId, schema.memberRoles.organisationId),
          eq(schema.memberIdentities.memberId, schema.memberRoles.memberId),
        ),
      )
      .where(eq(schema.memberRoles.role, 'admin'));
    expect(admins.filter((a) => a.organisationId !== 'default')).toEqual(
      expect.arrayContaining([
        { organisationId: 'slack-t1', identity: 'slack:T1:UBOSS1' },
        { organisationId: 'slack-t2', identity: 'slack:T2:UBOSS2' },
      ]),
    );
    expect(admins.filter((a) => a.organisationId !== 'default')).toHaveLength(2);
    const clients = await h.database.db.select().from(schema.clients);
    expect(clients.map((c) => [c.organisationId, c.code, c.name]).sort()).toEqual([
      ['slack-t1', 'acme', 'Acme'],
      ['slack-t2', 'acme', 'Acme Two'],
    ]);

    // An expense logged in one workspace lands in its organisation and cannot be seen from the other.
    await h.command('U2', 'help');
    await h.command('UBOSS1', 'approvers @acme 1 <@U2>');
    await h.command('U3', 'help', { team: 'T2' });
    await h.command('UBOSS2', 'approvers @acme 1 <@U3>', { team: 'T2' });
    const one = EXPENSE_ID.exec(await text(h.command('U1', '120 @acme #meals lunch')))?.[0];
    const two = EXPENSE_ID.exec(await text(h.command('U1', '80 @acme #travel taxi', { team: 'T2' })))?.[0];
    if (one === undefined || two === undefined) throw new Error('an expense was not logged');
    const expenses = await h.database.db.select().from(schema.expenses);
    expect(expenses.map((e) => [e.id, e.organisationId]).sort()).toEqual(
      [
        [one, 'slack-t1'],
        [two, 'slack-t2'],
      ].sort(),
    );
    expect(await text(h.command('U3', `show ${one}`, { team: 'T2' }))).not.toContain('120');
    expect(await text(h.command('U1', 'list mine', { team: 'T2' }))).not.toContain(one);

    // Each workspace's approver gets the card with that workspace's own token.
    await h.deliver();
    const cards = h.fake
      .callsTo('chat.postMessage')
      .filter((c) => [one, two].some((id) => blocksText(c.args.blocks).includes(id)));
    const tokenFor = (id: string) =>
      cards.filter((c) => blocksText(c.args.blocks).includes(id)).map((c) => [c.args.channel, c.token]);
    expect(tokenFor(one)).toContainEqual(['D2', 'xoxb-T1']);
    expect(tokenFor(two)).toContainEqual(['D3', 'xoxb-T2']);
    expect(
      cards.every((c) => c.token === (blocksText(c.args.blocks).includes(one) ? 'xoxb-T1' : 'xoxb-T2')),
    ).toBe(true);
  });

  it('keeps the organisation on a reinstall and grants the reinstaller nothing', async () => {
    await h.install('T2-abc-UBOSS2');
    expect((await h.install('T2-xyz-UOTHER')).status).toBe(200);
    expect((await h.database.db.select().from(schema.organisations)).map((o) => o.id).sort()).toEqual([
      'default',
      'slack-t2',
    ]);
    const answer = (
      await h.command('UOTHER', 'client add acme "Acme" CNY Asia/Shanghai', { team: 'T2' })
    ).json() as {
      text: string;
    };
    expect(answer.text).not.toContain('Added client');
  });
});
