import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWecomApiClient } from '../../../src/bots/wecom/wecom-api-client.js';
import { createWecomMessenger, type WecomMessenger } from '../../../src/bots/wecom/wecom-messenger.js';
import { createWecomNotifier } from '../../../src/bots/wecom/wecom-notifier.js';
import type { Card } from '../../../src/domain/messaging/card.js';
import { renderTextCard } from '../../../src/domain/messaging/render-text-card.js';
import type { ChatNotifier, OutboundMessage } from '../../../src/domain/ports/chat-notifier.port.js';
import type { ChatAddress } from '../../../src/domain/ports/outbox.port.js';
import { type FakeWecomApi, startFakeWecomApi } from '../../fakes/fake-wecom-api.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { memoryRecords, passThroughUow, recordId } from './memory-ports.js';

const CORP = 'ww0123456789abcdef';
const AGENT = 1000002;

const buttonCard: Card = {
  title: 'Approval request: ACME-7K3Q',
  fields: [{ label: 'Amount', value: 'CN¥120.00' }],
  sections: [],
  images: [],
  actions: [{ id: 'exp:approve:ACME-7K3Q:v1:s1', label: 'Approve', style: 'primary' }],
};

describe('WeCom notifier', () => {
  let fake: FakeWecomApi;
  let clock: FixedClock;
  let store: Map<string, unknown>;
  let refs: Map<string, unknown>;
  let notifier: ChatNotifier;
  let messenger: WecomMessenger;
  let cards: Map<string, Card | undefined>;
  let n = 0;

  const message = (address: string, kind = 'note', payload: unknown = {}): OutboundMessage => {
    n += 1;
    return {
      organisationId: 'org',
      id: `row-${n}`,
      address: address as ChatAddress,
      kind,
      payload,
      dedupeKey: `key-${n}`,
      attempt: 1,
    };
  };

  beforeEach(async () => {
    fake = await startFakeWecomApi({ corpId: CORP, secret: 'sec', agentId: AGENT });
    clock = new FixedClock('2030-03-12T04:00:00Z');
    const memory = memoryRecords();
    store = memory.store;
    refs = new Map();
    cards = new Map([
      ['note', renderTextCard('Hello there')],
      ['approval', buttonCard],
      ['nothing', undefined],
    ]);
    const api = createWecomApiClient({ apiBase: fake.url, corpId: CORP, secret: 'sec', clock });
    messenger = createWecomMessenger({
      api,
      agentId: AGENT,
      organisationId: 'org',
      uow: passThroughUow,
      records: memory.records,
      clock,
      perMemberPerMinute: 2,
    });
    notifier = createWecomNotifier({
      corpId: CORP,
      messenger,
      render: async (m) => cards.get(m.kind),
      uow: passThroughUow,
      deliveryRefs: { refOf: async (_tx, _org, key) => refs.get(key) },
    });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('sends a member 1:1 whether the address carries the @ marker or not', async () => {
    expect(await notifier.deliver(message(`wecom:${CORP}:@bob`))).toEqual({
      ok: true,
      ref: { msgid: 'msg-1' },
    });
    expect((await notifier.deliver(message(`wecom:${CORP}:carol`))).ok).toBe(true);
    expect(fake.callsTo('/cgi-bin/message/send').map((c) => c.body)).toEqual([
      {
        touser: 'bob',
        agentid: AGENT,
        msgtype: 'text',
        text: { content: 'Hello there' },
        enable_duplicate_check: 0,
      },
      {
        touser: 'carol',
        agentid: AGENT,
        msgtype: 'text',
        text: { content: 'Hello there' },
        enable_duplicate_check: 0,
      },
    ]);
  });

  it('sends a button card as a template card and remembers its task with the response code', async () => {
    const outcome = await notifier.deliver(message(`wecom:${CORP}:@bob`, 'approval'));
    expect(outcome).toEqual({ ok: true, ref: { task_id: `outlay-row-${n}`, msgid: 'msg-1' } });
    expect(
      store.get(
        recordId({ organisationId: 'org', platform: 'wecom', kind: 'card-task', key: `outlay-row-${n}` }),
      ),
    ).toEqual({
      userId: 'bob',
      responseCode: 'send-code-1',
    });
  });

  it('posts to an app group chat through appchat/send as markdown, never a template card', async () => {
    const outcome = await notifier.deliver(
      message(`wecom:${CORP}:chat:wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA`, 'approval'),
    );
    expect(outcome).toEqual({ ok: true, ref: {} });
    const [call] = fake.callsTo('/cgi-bin/appchat/send');
    expect(call?.body).toMatchObject({ chatid: 'wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA', msgtype: 'markdown' });
    expect(fake.callsTo('/cgi-bin/message/send')).toHaveLength(0);
  });

  it('refuses for good an address of another corp and a message with nothing to show', async () => {
    expect(await notifier.deliver(message('wecom:wwOther:@bob'))).toMatchObject({
      ok: false,
      permanent: true,
    });
    expect(await notifier.deliver(message('slack:T1:U2'))).toMatchObject({ ok: false, permanent: true });
    expect(await notifier.deliver(message(`wecom:${CORP}:@bob`, 'nothing'))).toMatchObject({
      ok: false,
      permanent: true,
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('passes on frequency limits as retry-after and invalid recipients as permanent', async () => {
    await notifier.deliver(message(`wecom:${CORP}:@bob`));
    fake.failNext('/cgi-bin/message/send', 45009);
    expect(await notifier.deliver(message(`wecom:${CORP}:@carol`))).toMatchObject({
      ok: false,
      retryAfterMs: 60_000,
    });
    fake.failNext('/cgi-bin/message/send', 81013);
    const invalid = await notifier.deliver(message(`wecom:${CORP}:@dave`));
    expect(invalid).toMatchObject({ ok: false, permanent: true });
  });

  it('spreads deliveries: beyond the per-member minute budget it asks to come back instead of sending', async () => {
    expect((await notifier.deliver(message(`wecom:${CORP}:@bob`))).ok).toBe(true);
    clock.advance(10_000);
    expect((await notifier.deliver(message(`wecom:${CORP}:@bob`))).ok).toBe(true);
    clock.advance(10_000);
    expect(await notifier.deliver(message(`wecom:${CORP}:@bob`))).toMatchObject({
      ok: false,
      retryAfterMs: 40_000,
    });
    expect((await notifier.deliver(message(`wecom:${CORP}:@carol`))).ok).toBe(true);
    clock.advance(40_000);
    expect((await notifier.deliver(message(`wecom:${CORP}:@bob`))).ok).toBe(true);
    expect(fake.callsTo('/cgi-bin/message/send')).toHaveLength(4);
  });

  it('counts replies to commands in the same budget as notifications', async () => {
    expect((await messenger.sendToUser('bob', renderTextCard('reply 1'), 't1')).ok).toBe(true);
    expect((await messenger.sendToUser('bob', renderTextCard('reply 2'), 't2')).ok).toBe(true);
    expect(await notifier.deliver(message(`wecom:${CORP}:@bob`))).toMatchObject({
      ok: false,
      retryAfterMs: 60_000,
    });
    expect(fake.callsTo('/cgi-bin/message/send')).toHaveLength(2);
  });

  it('updates a card in place with its stored code once, then falls back to a new message', async () => {
    const first = message(`wecom:${CORP}:@bob`, 'approval');
    const sent = await notifier.deliver(first);
    refs.set(first.dedupeKey, sent.ok ? sent.ref : undefined);
    cards.set('resolved', {
      ...buttonCard,
      actions: [],
      resolved: { text: 'Approved by Bob', at: '2030-03-12T04:00:00Z' },
    });
    const update = await notifier.deliver(
      message(`wecom:${CORP}:@bob`, 'resolved', { replaces: first.dedupeKey }),
    );
    expect(update).toEqual({ ok: true, ref: { task_id: `outlay-${first.id}` } });
    expect(fake.callsTo('/cgi-bin/message/update_template_card').map((c) => c.body)).toEqual([
      {
        userids: ['bob'],
        agentid: AGENT,
        response_code: 'send-code-1',
        template_card: expect.objectContaining({
          task_id: `outlay-${first.id}`,
          button_list: [],
          replace_text: 'Approved by Bob',
        }),
      },
    ]);
    clock.advance(60_000);
    // The code is spent: a second update goes out as a new message rather than being lost.
    const again = await notifier.deliver(
      message(`wecom:${CORP}:@bob`, 'resolved', { replaces: first.dedupeKey }),
    );
    expect(again.ok).toBe(true);
    expect(fake.callsTo('/cgi-bin/message/update_template_card')).toHaveLength(1);
    expect(fake.callsTo('/cgi-bin/message/send').at(-1)?.body).toMatchObject({
      touser: 'bob',
      msgtype: 'markdown',
    });
  });
});
