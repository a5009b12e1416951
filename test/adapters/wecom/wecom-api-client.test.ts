import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWecomApiClient, type WecomApiClient } from '../../../src/bots/wecom/wecom-api-client.js';
import { type FakeWecomApi, startFakeWecomApi } from '../../fakes/fake-wecom-api.js';
import { FixedClock } from '../../fakes/fixed-clock.js';

const CORP = 'ww0123456789abcdef';
const text = (touser: string) => ({ touser, agentid: 7, msgtype: 'text', text: { content: 'hi' } });

describe('WeCom API client', () => {
  let fake: FakeWecomApi;
  let clock: FixedClock;
  let client: WecomApiClient;

  beforeEach(async () => {
    fake = await startFakeWecomApi({ corpId: CORP, secret: 'sec', agentId: 7 });
    clock = new FixedClock('2030-03-12T04:00:00Z');
    client = createWecomApiClient({ apiBase: fake.url, corpId: CORP, secret: 'sec', clock });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('sends every call to WECOM_API_BASE and fetches one token for many concurrent messages', async () => {
    const results = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((to) => client.post('/cgi-bin/message/send', text(to))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.callsTo('/cgi-bin/gettoken')).toEqual([
      {
        method: 'GET',
        path: '/cgi-bin/gettoken',
        query: { corpid: CORP, corpsecret: 'sec' },
        body: undefined,
      },
    ]);
    expect(fake.callsTo('/cgi-bin/message/send').map((c) => c.query.access_token)).toEqual(
      Array(5).fill('fake-token-1'),
    );
  });

  it('keeps the token for its expires_in (less a margin) and fetches a new one after', async () => {
    await client.post('/cgi-bin/message/send', text('a'));
    clock.advance(7_200_000 - 6 * 60_000);
    await client.post('/cgi-bin/message/send', text('a'));
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(1);
    clock.advance(2 * 60_000);
    await client.post('/cgi-bin/message/send', text('a'));
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(2);
    expect(fake.callsTo('/cgi-bin/message/send').at(-1)?.query.access_token).toBe('fake-token-2');
  });

  it('on 42001 fetches a new token and retries exactly once', async () => {
    await client.post('/cgi-bin/message/send', text('a'));
    fake.expireTokenOnce();
    const result = await client.post('/cgi-bin/message/send', text('b'));
    expect(result.ok).toBe(true);
    expect(
      fake
        .callsTo('/cgi-bin/message/send')
        .map((c) => [c.query.access_token, (c.body as { touser: string }).touser]),
    ).toEqual([
      ['fake-token-1', 'a'],
      ['fake-token-1', 'b'],
      ['fake-token-2', 'b'],
    ]);
  });

  it('does not retry a second token failure in a row', async () => {
    await client.post('/cgi-bin/message/send', text('a'));
    fake.failNext('/cgi-bin/message/send', 40014);
    fake.expireTokenOnce();
    const result = await client.post('/cgi-bin/message/send', text('b'));
    expect(result).toMatchObject({ ok: false, errcode: 40014 });
    expect(fake.callsTo('/cgi-bin/message/send')).toHaveLength(3);
  });

  it('turns frequency limits into a retry-after', async () => {
    await client.post('/cgi-bin/message/send', text('a'));
    fake.failNext('/cgi-bin/message/send', 45009);
    expect(await client.post('/cgi-bin/message/send', text('a'))).toEqual({
      ok: false,
      errcode: 45009,
      error: '45009 injected failure',
      retryAfterMs: 60_000,
    });
  });

  it('reports a refused gettoken as an error, not a token', async () => {
    const wrong = createWecomApiClient({ apiBase: fake.url, corpId: CORP, secret: 'wrong', clock });
    await expect(wrong.post('/cgi-bin/message/send', text('a'))).rejects.toThrow(/gettoken failed: 40013/);
    expect(fake.callsTo('/cgi-bin/message/send')).toHaveLength(0);
  });

  it('downloads media bytes with the token', async () => {
    fake.putMedia('MEDIA1', new Uint8Array([1, 2, 3]), 'image/jpeg');
    const got = await client.download('/cgi-bin/media/get', { media_id: 'MEDIA1' });
    expect(got).toEqual({ ok: true, bytes: new Uint8Array([1, 2, 3]), contentType: 'image/jpeg' });
    expect(await client.download('/cgi-bin/media/get', { media_id: 'nope' })).toMatchObject({
      ok: false,
      errcode: 40007,
    });
  });
});
