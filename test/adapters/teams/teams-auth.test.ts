// Inbound authentication through the real CloudAdapter: a channel token signed with the published key is accepted;
// every forged or stale one is answered 401 before Outlay runs, so nothing is written and nothing is sent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_OUTBOUND_TOKEN } from '../../fakes/fake-bot-connector.js';
import { testEngines } from '../../support/test-databases.js';
import { ADA, APP_ID, createTeamsHarness, type TeamsHarness } from './teams-harness.js';

describe.each(testEngines())('Teams authentication on %s', { timeout: 60_000 }, (engine) => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await createTeamsHarness(engine);
  });
  afterEach(async () => {
    await h.close();
  });

  it('accepts a properly signed activity and answers through the connector with the bot token', async () => {
    const response = await h.post(h.message(ADA, 'help'));
    expect(response.status).toBe(200);
    const [sent, ...others] = h.connector.activities();
    expect(others).toEqual([]);
    expect(sent).toMatchObject({ kind: 'reply', conversationId: ADA.personalChat });
    expect(sent?.authorization).toBe(`Bearer ${FAKE_OUTBOUND_TOKEN}`);
    const attachments = (sent?.body as { attachments?: { contentType: string }[] } | undefined)?.attachments;
    expect(attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const token = h.connector.calls.find((c) => c.kind === 'token');
    expect(token?.body).toMatchObject({
      grant_type: 'client_credentials',
      client_id: APP_ID,
      client_secret: 'app-secret',
    });
  });

  const now = () => Math.floor(Date.now() / 1000);
  const refusals: [string, (h: TeamsHarness) => string | null][] = [
    ['a missing token', () => null],
    [
      'a wrong audience',
      (t) => `Bearer ${t.keys.sign({ aud: 'someone-else', serviceurl: t.connector.serviceUrl })}`,
    ],
    [
      'an expired token',
      (t) =>
        `Bearer ${t.keys.sign({ aud: APP_ID, serviceurl: t.connector.serviceUrl, nbf: now() - 7_200, exp: now() - 3_600 })}`,
    ],
    [
      'a token signed by a key that is not published',
      (t) => `Bearer ${t.keys.signWithUnpublishedKey({ aud: APP_ID, serviceurl: t.connector.serviceUrl })}`,
    ],
    ['a serviceurl claim that is not the activity’s', (t) => `Bearer ${t.validToken('http://127.0.0.1:9/')}`],
    [
      'a token from another issuer',
      (t) =>
        `Bearer ${t.keys.sign({ aud: APP_ID, serviceurl: t.connector.serviceUrl, iss: 'https://evil.example' })}`,
    ],
  ];

  it.each(refusals)('answers 401 to %s and writes nothing', async (_case, authorization) => {
    const before = await h.rowCounts();
    const response = await h.post(
      h.message(ADA, 'client add acme "Acme" CNY Asia/Shanghai'),
      authorization(h),
    );
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toEqual({ error: 'unauthorized' });
    expect(await h.rowCounts()).toEqual(before);
    expect(h.connector.calls).toEqual([]);
  });
});

describe.each(testEngines())('Teams emulator mode on %s', { timeout: 60_000 }, (engine) => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await createTeamsHarness(engine, { emulator: true });
  });
  afterEach(async () => {
    await h.close();
  });

  it('accepts an activity without a token and answers without one', async () => {
    const response = await h.post(h.message(ADA, 'help'), null);
    expect(response.status).toBe(200);
    const [sent] = h.connector.activities();
    expect(sent).toMatchObject({ kind: 'reply', conversationId: ADA.personalChat });
    expect(sent?.authorization).toBeUndefined();
    expect(h.connector.calls.filter((c) => c.kind === 'token')).toEqual([]);
  });
});
