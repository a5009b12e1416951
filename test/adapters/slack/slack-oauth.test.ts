// The multi-workspace install: /slack/install sends the browser to Slack with a signed state bound to a cookie; the
// redirect trades the code for the workspace's bot token, which then answers that workspace's requests.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInstallState, isValidInstallState } from '../../../src/bots/slack/slack-oauth.js';
import * as schema from '../../../src/storage/schema/index.js';
import { testEngines } from '../../support/test-databases.js';
import { createSlackHarness, type SlackHarness } from './slack-harness.js';

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
});
