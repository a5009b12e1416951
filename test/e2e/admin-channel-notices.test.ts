// What the admin channel reads: an undeliverable message and the day's audit chain head, each in the organisation's
// language (OUTLAY_LOCALE), one language per card. The channel belongs to no client and no member, so nothing
// else decides its language.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatNotifier } from '../../src/domain/ports/chat-notifier.port.js';
import * as schema from '../../src/storage/schema/index.js';
import { cardText, createOutlayHarness, type OutlayHarness } from '../support/outlay-app.js';
import { testEngines } from '../support/test-databases.js';

/** A channel the bot was removed from: every delivery there fails for good. */
const GONE = 'console:#gone';
const goneChannel = (notifier: ChatNotifier): ChatNotifier => ({
  platform: notifier.platform,
  deliver: async (message) =>
    message.address === GONE
      ? { ok: false, permanent: true, error: 'channel_not_found' }
      : notifier.deliver(message),
});

const EXPECTED = {
  en: { deadLetter: 'Undeliverable message', auditHead: 'Audit chain head' },
  'zh-CN': { deadLetter: '无法送达的消息', auditHead: '审计链头' },
} as const;

describe.each(testEngines())('admin channel notices on %s', (engine) => {
  let h: OutlayHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it.each(['en', 'zh-CN'] as const)(
    'given an organisation in %s, when a message dies and the audit head is recorded, then the admin channel reads both in that language only',
    async (locale) => {
      const harness = await createOutlayHarness(engine, { locale, wrapNotifier: goneChannel });
      h = harness;
      await harness.introduce('alice');
      await harness.say('ada', 'client add acme "Acme" CNY Asia/Shanghai');
      await harness.say('ada', 'client channel @acme internal', GONE);
      await harness.say('ada', 'admin channel', 'console:#admin');
      await harness.say('alice', '45.80 @acme #meals lunch with the client');
      await harness.deliver();

      const sealed = await harness.outlay.jobs.run('audit-seal', harness.clock.now(), {});
      expect(sealed.ok).toBe(true);
      await harness.deliver();

      const rows = await harness.database.db.select().from(schema.outbox);
      const dead = rows.filter((r) => r.address === GONE);
      expect(dead.length).toBeGreaterThan(0);
      expect(dead.every((r) => r.status === 'dead')).toBe(true);

      const admin = (await harness.feed('ada')).filter((m) => m.address === 'console:#admin');
      const deadLetters = admin.filter((m) => m.kind === 'dead-letter');
      expect(deadLetters).toHaveLength(dead.length);
      const other = locale === 'en' ? EXPECTED['zh-CN'] : EXPECTED.en;
      for (const { card } of deadLetters) {
        expect(card.title).toBe(EXPECTED[locale].deadLetter);
        expect(card.accent).toBe('danger');
        expect(cardText(card)).toMatch(/[a-z-]+ → console:#gone: permanent failure: channel_not_found/);
        expect(cardText(card)).not.toContain(other.deadLetter);
      }

      const heads = admin.filter((m) => m.kind === 'audit-head');
      expect(heads).toHaveLength(1);
      const [head] = heads.map((m) => m.card);
      if (!head) throw new Error('no audit head in the admin channel');
      expect(head.title).toBe(EXPECTED[locale].auditHead);
      const events = await harness.database.db.select().from(schema.auditEvents);
      expect(head.sections[0]?.text).toMatch(new RegExp(`^${events.length}:[0-9a-f]{64}$`));
      expect(cardText(head)).not.toContain(other.auditHead);
    },
  );
});
