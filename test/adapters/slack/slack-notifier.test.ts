// The Slack notifier against the fake Web API: where a card goes (channel, DM through conversations.open, thread),
// how an earlier card is updated in place, and how Slack's refusals are reported to the outbox worker.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/bots/shared/conversation.js';
import type { PlatformContext } from '../../../src/bots/shared/platform-module.js';
import { createSlackNotifier } from '../../../src/bots/slack/slack-notifier.js';
import type { Card } from '../../../src/domain/messaging/card.js';
import type { OutboundMessage } from '../../../src/domain/ports/chat-notifier.port.js';
import type { ChatAddress } from '../../../src/domain/ports/outbox.port.js';
import type { Tx } from '../../../src/domain/ports/unit-of-work.port.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/fake-slack-api.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { buttonsIn } from './slack-harness.js';

const card: Card = {
  title: 'Approval request: ACME-7K3Q',
  fields: [{ label: 'Amount', value: 'CN¥120.00', short: true }],
  sections: [{ text: '**Risk** <b>not html</b>' }],
  images: [],
  actions: [{ id: 'exp:approve:ACME-7K3Q:v1:s1', label: 'Approve', style: 'primary' }],
};

const message = (address: string, payload: unknown = {}): OutboundMessage => ({
  organisationId: 'default',
  id: 'outbox-1',
  address: address as ChatAddress,
  kind: 'approval-request',
  payload,
  dedupeKey: 'approval:ACME-7K3Q:1',
  attempt: 1,
});

describe('Slack notifier', () => {
  let fake: FakeSlackApi;
  const refs = new Map<string, unknown>();
  const tokens = new Map([
    ['T1', 'xoxb-one'],
    ['T2', 'xoxb-two'],
  ]);
  const notifier = () => {
    const context: PlatformContext = {
      conversation: {} as Conversation,
      render: async () => card,
      uow: { run: (work) => work({} as Tx) },
      records: {} as PlatformContext['records'],
      deliveryRefs: { refOf: async (_tx, _org, key) => refs.get(key) },
      logger: pino({ level: 'silent' }),
      clock: new FixedClock('2030-03-12T04:00:00Z'),
      organisationId: 'default',
    };
    return createSlackNotifier(context, { apiUrl: fake.apiUrl, tokenFor: async (team) => tokens.get(team) });
  };

  beforeEach(async () => {
    fake = await startFakeSlackApi();
    refs.clear();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('posts to a channel with the blocks and returns the channel and ts', async () => {
    const outcome = await notifier().deliver(message('slack:T1:C42'));
    const [post] = fake.callsTo('chat.postMessage');
    expect(post?.token).toBe('xoxb-one');
    expect(post?.args.channel).toBe('C42');
    expect(post?.args.text).toBe('Approval request: ACME-7K3Q');
    expect(buttonsIn(post?.args.blocks)).toEqual([
      {
        action_id: 'exp:approve:ACME-7K3Q:v1:s1',
        value: JSON.stringify({ id: 'exp:approve:ACME-7K3Q:v1:s1' }),
        text: 'Approve',
      },
    ]);
    expect(JSON.stringify(post?.args.blocks)).toContain('*Risk* &lt;b&gt;not html&lt;/b&gt;');
    expect(outcome).toEqual({ ok: true, ref: { channel: 'C42', ts: post?.result?.ts } });
  });

  it('opens the DM of a person first, and uses the workspace token of the address', async () => {
    const outcome = await notifier().deliver(message('slack:T2:U7'));
    expect(fake.callsTo('conversations.open').map((c) => [c.args.users, c.token])).toEqual([
      ['U7', 'xoxb-two'],
    ]);
    expect(fake.callsTo('chat.postMessage')[0]?.args.channel).toBe('D7');
    expect(outcome).toMatchObject({ ok: true, ref: { channel: 'D7' } });
  });

  it('posts into a thread when the address names one', async () => {
    await notifier().deliver(message('slack:T1:C42:1900000000.000009'));
    expect(fake.callsTo('chat.postMessage')[0]?.args.thread_ts).toBe('1900000000.000009');
  });

  it('updates the earlier card in place when the payload replaces it', async () => {
    refs.set('approval:ACME-7K3Q:0', { channel: 'D7', ts: '1900000000.000003' });
    const outcome = await notifier().deliver(message('slack:T1:U7', { replaces: 'approval:ACME-7K3Q:0' }));
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
    expect(fake.callsTo('chat.update').map((c) => [c.args.channel, c.args.ts])).toEqual([
      ['D7', '1900000000.000003'],
    ]);
    expect(outcome).toEqual({ ok: true, ref: { channel: 'D7', ts: '1900000000.000003' } });
  });

  it('reports 429 with the Retry-After, and a channel it cannot reach as permanent', async () => {
    fake.rateLimitOnce('chat.postMessage', 7);
    expect(await notifier().deliver(message('slack:T1:C42'))).toEqual({
      ok: false,
      retryAfterMs: 7_000,
      error: 'rate_limited',
    });
    fake.failOnce('chat.postMessage', 'channel_not_found');
    expect(await notifier().deliver(message('slack:T1:C42'))).toEqual({
      ok: false,
      permanent: true,
      error: 'channel_not_found',
    });
    fake.failOnce('chat.postMessage', 'not_in_channel');
    expect(await notifier().deliver(message('slack:T1:C42'))).toMatchObject({ permanent: true });
    fake.failOnce('chat.postMessage', 'internal_error');
    expect(await notifier().deliver(message('slack:T1:C42'))).toEqual({
      ok: false,
      permanent: false,
      error: 'internal_error',
    });
  });

  it('refuses a workspace Outlay is not installed in, permanently', async () => {
    expect(await notifier().deliver(message('slack:T9:C1'))).toMatchObject({ ok: false, permanent: true });
    expect(fake.calls).toEqual([]);
  });
});
