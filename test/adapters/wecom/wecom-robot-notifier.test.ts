import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWecomRobotNotifier } from '../../../src/bots/wecom/wecom-robot-notifier.js';
import type { Card } from '../../../src/domain/messaging/card.js';
import type { ChatNotifier, OutboundMessage } from '../../../src/domain/ports/chat-notifier.port.js';
import type { ChatAddress } from '../../../src/domain/ports/outbox.port.js';
import { type FakeWecomApi, startFakeWecomApi } from '../../fakes/fake-wecom-api.js';
import { FixedClock } from '../../fakes/fixed-clock.js';

const report: Card = {
  title: 'Weekly spend · Acme',
  fields: [{ label: 'Total', value: 'CN¥1,200.00' }],
  sections: [],
  images: [],
  actions: [{ id: 'x', label: 'Open', style: 'primary' }],
};

describe('WeCom group robot notifier', () => {
  let fake: FakeWecomApi;
  let clock: FixedClock;
  let notifier: ChatNotifier;
  let n = 0;
  const message = (address: string): OutboundMessage => {
    n += 1;
    return {
      organisationId: 'org',
      id: `r${n}`,
      address: address as ChatAddress,
      kind: 'report',
      payload: {},
      dedupeKey: `k${n}`,
      attempt: 1,
    };
  };

  beforeEach(async () => {
    fake = await startFakeWecomApi({ corpId: 'ww1', secret: 's', agentId: 1 });
    clock = new FixedClock('2030-03-12T04:00:00Z');
    const hooks = new Map([
      ['acme-group', `${fake.url}/cgi-bin/webhook/send?key=robot-key`],
      ['gone', `${fake.url}/cgi-bin/webhook/send?key=removed`],
    ]);
    notifier = createWecomRobotNotifier({
      webhookOf: async (_org, id) => hooks.get(id),
      render: async () => report,
      clock,
      perRobotPerMinute: 2,
    });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('posts markdown (never a template card) to the binding’s webhook without an access token', async () => {
    expect(await notifier.deliver(message('wecom-robot:acme-group'))).toEqual({ ok: true });
    const [call] = fake.callsTo('/cgi-bin/webhook/send');
    expect(call?.query).toEqual({ key: 'robot-key' });
    expect(call?.body).toMatchObject({ msgtype: 'markdown' });
    expect(fake.callsTo('/cgi-bin/gettoken')).toHaveLength(0);
  });

  it('keeps to the per-robot minute budget and passes on frequency limits', async () => {
    await notifier.deliver(message('wecom-robot:acme-group'));
    fake.failNext('/cgi-bin/webhook/send', 45009);
    expect(await notifier.deliver(message('wecom-robot:acme-group'))).toMatchObject({
      ok: false,
      retryAfterMs: 60_000,
    });
    clock.advance(30_000);
    expect(await notifier.deliver(message('wecom-robot:acme-group'))).toMatchObject({
      ok: false,
      retryAfterMs: 30_000,
    });
    expect(fake.callsTo('/cgi-bin/webhook/send')).toHaveLength(2);
  });

  it('gives up for good on a binding without a webhook or with a removed key', async () => {
    expect(await notifier.deliver(message('wecom-robot:nobody'))).toMatchObject({
      ok: false,
      permanent: true,
    });
    expect(await notifier.deliver(message('wecom-robot:gone'))).toMatchObject({ ok: false, permanent: true });
  });
});
