// Slack's v0 signature: the published example verifies; anything else — a wrong signature, a timestamp more than
// five minutes off in either direction, a missing header — is answered 401 before anything is parsed or written.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signSlackRequest, verifySlackSignature } from '../../../src/bots/slack/slack-signature.js';
import * as schema from '../../../src/storage/schema/index.js';
import { testEngines } from '../../support/test-databases.js';
import { createSlackHarness, type SlackHarness } from './slack-harness.js';

type SigningExample = {
  readonly signingSecret: string;
  readonly timestamp: string;
  readonly body: string;
  readonly expectedSignature: string;
};
const example = JSON.parse(
  readFileSync('/work/shared/fixtures/slack-signing-example.json', 'utf8'),
) as SigningExample;

describe('verifySlackSignature', () => {
  const at = (offsetSeconds: number) => (Number(example.timestamp) + offsetSeconds) * 1000;
  const check = (overrides: Partial<Parameters<typeof verifySlackSignature>[0]>) =>
    verifySlackSignature({
      signingSecret: example.signingSecret,
      signature: example.expectedSignature,
      timestamp: example.timestamp,
      rawBody: example.body,
      nowMs: at(0),
      ...overrides,
    });

  it("verifies Slack's published example", () => {
    expect(signSlackRequest(example.signingSecret, example.timestamp, example.body)).toBe(
      example.expectedSignature,
    );
    expect(check({})).toEqual({ ok: true });
  });

  it('accepts up to five minutes off either way and refuses beyond', () => {
    expect(check({ nowMs: at(300) })).toEqual({ ok: true });
    expect(check({ nowMs: at(-300) })).toEqual({ ok: true });
    expect(check({ nowMs: at(301) })).toEqual({ ok: false, reason: 'stale' });
    expect(check({ nowMs: at(-301) })).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses a changed body, a changed signature, another secret and missing headers', () => {
    expect(check({ rawBody: `${example.body}&x=1` })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ signature: example.expectedSignature.replace(/.$/, '0') })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(check({ signature: 'v0=short' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ signingSecret: 'another-secret' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ signature: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(check({ timestamp: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(check({ timestamp: 'soon' })).toEqual({ ok: false, reason: 'missing' });
  });
});

describe.each(testEngines())('POST /slack/events signature checks on %s', (engine) => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness(engine);
  });
  afterEach(async () => {
    await h.close();
  });

  const body = new URLSearchParams({
    team_id: 'T1',
    user_id: 'U9',
    user_name: 'mallory',
    channel_id: 'C1',
    command: '/expense',
    text: '120 @acme #meals lunch',
    response_url: 'http://127.0.0.1:9/response/x',
    trigger_id: 'trigger-forged',
  }).toString();
  const rowCounts = async () => {
    const db = h.database.db;
    return {
      members: (await db.select().from(schema.members)).length,
      identities: (await db.select().from(schema.memberIdentities)).length,
      records: (await db.select().from(schema.platformRecords)).length,
      audit: (await db.select().from(schema.auditEvents)).length,
      outbox: (await db.select().from(schema.outbox)).length,
    };
  };
  const now = () => Math.floor(h.clock.now().getTime() / 1000);

  it('answers 401 and writes nothing for a wrong signature, a stale or future timestamp, or missing headers', async () => {
    const before = await rowCounts();
    const signed = h.signedHeaders(body);
    const attempts: Record<string, string>[] = [
      { ...signed, 'x-slack-signature': signSlackRequest('wrong-secret', String(now()), body) },
      h.signedHeaders(body, now() - 301),
      h.signedHeaders(body, now() + 301),
      { 'content-type': signed['content-type'] ?? '', 'x-slack-request-timestamp': String(now()) },
      {
        'content-type': signed['content-type'] ?? '',
        'x-slack-signature': signed['x-slack-signature'] ?? '',
      },
      { 'content-type': signed['content-type'] ?? '' },
    ];
    for (const headers of attempts) {
      const answer = await h.post(body, headers);
      expect(answer.status).toBe(401);
    }
    // The same body tampered after signing.
    expect((await h.post(body.replace('120', '999'), signed)).status).toBe(401);
    expect(await rowCounts()).toEqual(before);
    expect(h.fake.calls).toEqual([]);
    expect(h.fake.responses).toEqual([]);
  });

  it('accepts the same request properly signed, up to five minutes off', async () => {
    const answer = await h.post(
      body.replace('120 @acme #meals lunch', 'help'),
      h.signedHeaders(body.replace('120 @acme #meals lunch', 'help'), now() - 290),
    );
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ response_type: 'ephemeral' });
  });
});
