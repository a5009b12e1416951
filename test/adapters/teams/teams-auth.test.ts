// Inbound authentication through the real CloudAdapter: a channel token signed with the published key is accepted;
// every forged or stale one — and any body that arrives without a valid token, however malformed — is answered 401
// before Outlay runs, so nothing is written and nothing is sent. The attacks are counted for the README.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_OUTBOUND_TOKEN } from '../../fakes/fake-bot-connector.js';
import { expectReadmeFigures } from '../../support/security-figures.js';
import { testEngines } from '../../support/test-databases.js';
import { type Activity, ADA, APP_ID, createTeamsHarness, type TeamsHarness } from './teams-harness.js';

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
  type Attack = {
    readonly name: string;
    /** The Authorization header (null: none). */
    readonly authorization: (h: TeamsHarness) => string | null;
    /** What is posted: an admin command by default, the most a forger could want run. */
    readonly body?: (h: TeamsHarness) => unknown;
  };
  const claims = (t: TeamsHarness, extra: object = {}) => ({
    aud: APP_ID,
    serviceurl: t.connector.serviceUrl,
    ...extra,
  });
  const attacks: readonly Attack[] = [
    { name: 'a missing token', authorization: () => null },
    {
      name: 'a wrong audience',
      authorization: (t) => `Bearer ${t.keys.sign(claims(t, { aud: 'someone-else' }))}`,
    },
    {
      name: 'an expired token',
      authorization: (t) => `Bearer ${t.keys.sign(claims(t, { nbf: now() - 7_200, exp: now() - 3_600 }))}`,
    },
    {
      name: 'a token not valid until an hour from now (nbf)',
      authorization: (t) => `Bearer ${t.keys.sign(claims(t, { nbf: now() + 3_600, exp: now() + 7_200 }))}`,
    },
    {
      name: 'a token signed by a key that is not published',
      authorization: (t) => `Bearer ${t.keys.signWithUnpublishedKey(claims(t))}`,
    },
    {
      name: 'a token signed by another key under the published kid',
      authorization: (t) => `Bearer ${t.keys.forge.otherKeyUnderPublishedKid(claims(t))}`,
    },
    {
      name: 'an unsigned token (alg: none) naming the published kid',
      authorization: (t) => `Bearer ${t.keys.forge.unsigned(claims(t))}`,
    },
    {
      name: 'an HS256 token keyed with the published public key',
      authorization: (t) => `Bearer ${t.keys.forge.hmacWithPublicKey(claims(t))}`,
    },
    {
      name: 'a serviceurl claim that is not the activity’s',
      authorization: (t) => `Bearer ${t.validToken('http://127.0.0.1:9/')}`,
    },
    {
      name: 'a token from another issuer',
      authorization: (t) => `Bearer ${t.keys.sign(claims(t, { iss: 'https://evil.example' }))}`,
    },
    { name: 'an empty {} body without a token', authorization: () => null, body: () => ({}) },
    {
      name: 'an empty {} body with an unsigned token',
      authorization: (t) => `Bearer ${t.keys.forge.unsigned(claims(t))}`,
      body: () => ({}),
    },
    {
      name: 'an activity without a type and without a token',
      authorization: () => null,
      body: (t) => {
        const { type: _, ...untyped } = t.message(ADA, 'help');
        return untyped;
      },
    },
    { name: 'a JSON array without a token', authorization: () => null, body: () => [] },
  ];

  it('answers 401 to every forged, stale or missing token and to unauthenticated bodies, writing nothing', async () => {
    const tally = { tried: 0, accepted: 0, '5xx': 0 };
    for (const attack of attacks) {
      const before = await h.rowCounts();
      const response = await h.post(
        (attack.body?.(h) ?? h.message(ADA, 'client add acme "Acme" CNY Asia/Shanghai')) as Activity,
        attack.authorization(h),
      );
      tally.tried += 1;
      if (response.status >= 500) tally['5xx'] += 1;
      const wrote = JSON.stringify(await h.rowCounts()) !== JSON.stringify(before);
      if (response.status < 400 || wrote || h.connector.calls.length > 0) tally.accepted += 1;
      expect(response.status, attack.name).toBe(401);
      expect(JSON.parse(response.body), attack.name).toEqual({ error: 'unauthorized' });
      expect(wrote, `${attack.name} wrote nothing`).toBe(false);
      expect(h.connector.calls, attack.name).toEqual([]);
    }
    expect(tally.tried).toBe(attacks.length);
    expectReadmeFigures('Forged Teams tokens', tally);
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

  it('answers 400 to a body that is no activity, once authentication (off here) let it through', async () => {
    const before = await h.rowCounts();
    for (const body of [{}, [], { text: 'help' }]) {
      const response = await h.post(body as unknown as Activity, null);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toEqual({ error: 'not an activity' });
    }
    expect(await h.rowCounts()).toEqual(before);
    expect(h.connector.calls).toEqual([]);
  });
});
