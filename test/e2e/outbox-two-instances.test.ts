// Two Outlay instances on one PostgreSQL database, each with its own connection pool and outbox worker, racing to
// deliver the same outbox through a console notifier that sometimes fails or asks to wait. Every announcement must
// end delivered, and delivered exactly once.
import { describe, expect, it } from 'vitest';
import type { ChatNotifier } from '../../src/domain/ports/chat-notifier.port.js';
import { openDatabase } from '../../src/storage/open-database.js';
import * as schema from '../../src/storage/schema/index.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { seededRandom } from '../fakes/seeded-random.js';
import { createOutlayHarnessOn, DEFAULT_NOW, expenseIdIn } from '../support/outlay-app.js';
import { createTestDatabase, testEngines } from '../support/test-databases.js';

describe.runIf(testEngines().includes('postgres'))('the outbox with two instances on PostgreSQL', () => {
  it('delivers every announcement exactly once while the notifier fails and rate-limits', async () => {
    const database = await createTestDatabase('postgres');
    const url = database.url ?? '';
    const first = await openDatabase({ kind: 'postgres', url });
    const second = await openDatabase({ kind: 'postgres', url });
    const clock = new FixedClock(DEFAULT_NOW);
    const deliveries = new Map<string, number>();
    const random = seededRandom(42);
    const outcomes = { failed: 0, limited: 0, delivered: 0 };
    const flaky = (notifier: ChatNotifier): ChatNotifier => ({
      platform: notifier.platform,
      async deliver(message) {
        const roll = random();
        if (roll < 0.1) {
          outcomes.failed += 1;
          throw new Error('the console is down (on purpose)');
        }
        if (roll < 0.2) {
          outcomes.limited += 1;
          return { ok: false, retryAfterMs: 50, error: 'slow down (on purpose)' };
        }
        const outcome = await notifier.deliver(message);
        if (outcome.ok) {
          outcomes.delivered += 1;
          deliveries.set(message.id, (deliveries.get(message.id) ?? 0) + 1);
        }
        return outcome;
      },
    });
    const a = await createOutlayHarnessOn(first, { clock, wrapNotifier: flaky });
    const b = await createOutlayHarnessOn(second, { clock, wrapNotifier: flaky });
    try {
      for (const name of ['alice', 'bob']) await a.introduce(name);
      await a.say('ada', 'client add acme "Acme" CNY Asia/Shanghai');
      await a.say('ada', 'approvers @acme 1 <@bob>');
      await a.say('ada', 'client channel @acme internal', 'console:#acme-team');
      // Each log announces to bob and the team channel; each approval tells alice and updates both cards.
      for (let i = 1; i <= 12; i += 1) {
        const harness = i % 2 === 0 ? a : b;
        const id = expenseIdIn(await harness.say('alice', `${10 + i} @acme #meals lunch ${i}`));
        if (i % 3 !== 0) await (i % 2 === 0 ? b : a).say('bob', `approve ${id}`);
      }
      const rows = await database.db.select().from(schema.outbox);
      expect(rows.length).toBeGreaterThanOrEqual(40);

      for (let round = 0; round < 200; round += 1) {
        const pending = (await database.db.select().from(schema.outbox)).filter(
          (r) => r.status === 'pending',
        );
        if (pending.length === 0) break;
        await Promise.all([a.outlay.worker.runOnce(), b.outlay.worker.runOnce()]);
        // Past any backoff or pause, and past the lease of a claim that never answered.
        clock.advance(61_000);
      }

      const final = await database.db.select().from(schema.outbox);
      expect(final.filter((r) => r.status !== 'delivered')).toEqual([]);
      expect(final.length).toBe(rows.length);
      expect([...deliveries.keys()].sort()).toEqual(final.map((r) => r.id).sort());
      expect([...deliveries.values()].filter((count) => count !== 1)).toEqual([]);
      expect(outcomes.failed).toBeGreaterThan(0);
      expect(outcomes.limited).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
      await first.close();
      await second.close();
      await database.destroy();
    }
  }, 60_000);
});
