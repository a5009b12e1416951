// The polling loop around runOnce, with a scripted store and fake timers: when it polls, that a full batch is
// followed at once by the next, that a failing poll does not end it, and that stop waits for the batch in flight.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../../src/domain/ports/logger.port.js';
import type {
  ClaimedMessage,
  OutboxDeliveryStore,
} from '../../../../src/domain/ports/outbox-delivery.port.js';
import { createOutboxWorker } from '../../../../src/scheduler/outbox/outbox-worker.js';

const T0 = new Date('2030-01-01T00:00:00Z');

const message = (n: number): ClaimedMessage => ({
  organisationId: 'org',
  id: `m${n}`,
  dedupeKey: `k${n}`,
  address: `console:#c${n}`,
  kind: 'notice',
  payload: {},
  attempts: 1,
  leaseUntil: new Date(T0.getTime() + 60_000),
  createdAt: T0,
});

type Claim = () => Promise<readonly ClaimedMessage[]>;

function scriptedStore(claims: Claim[]) {
  const delivered: string[] = [];
  let polls = 0;
  const store: OutboxDeliveryStore = {
    claimDue: () => {
      polls += 1;
      return (claims.shift() ?? (async () => []))();
    },
    markDelivered: async (m) => {
      delivered.push(m.id);
      return true;
    },
    reschedule: async () => true,
    markDead: async () => ({ buried: true, noticeQueued: false }),
    countByStatus: async () => ({ pending: 0, delivered: 0, dead: 0 }),
    deadLetters: async () => [],
  };
  return { store, delivered, polls: () => polls };
}

function recordingLogger() {
  const errors: string[] = [];
  const logger: Logger = {
    fatal: () => {},
    error: (context: unknown, text?: string) => {
      errors.push(typeof context === 'string' ? context : (text ?? ''));
    },
    warn: () => {},
    info: () => {},
    debug: () => {},
    trace: () => {},
    child: () => logger,
  };
  return { logger, errors };
}

const workerFor = (store: OutboxDeliveryStore, logger: Logger) =>
  createOutboxWorker({
    store,
    notifiers: [{ platform: 'console', deliver: async () => ({ ok: true }) }],
    resolver: { resolve: async (_org, address) => [address] },
    clock: { now: () => T0 },
    random: () => 0.5,
    logger,
    batchSize: 2,
    pollIntervalMs: 1000,
  });

describe('the outbox worker loop', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls at once, drains full batches back to back, then waits the poll interval', async () => {
    const { store, delivered, polls } = scriptedStore([
      async () => [message(1), message(2)],
      async () => [message(3)],
    ]);
    const worker = workerFor(store, recordingLogger().logger);
    worker.start();
    await vi.advanceTimersByTimeAsync(1);
    // The first batch was full, so the second followed without waiting; it was not, so the third waits.
    expect(polls()).toBe(2);
    expect(delivered).toEqual(['m1', 'm2', 'm3']);
    await vi.advanceTimersByTimeAsync(900);
    expect(polls()).toBe(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(polls()).toBe(3);
    await worker.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(polls()).toBe(3);
  });

  it('logs a failed poll and keeps polling', async () => {
    const { store, delivered, polls } = scriptedStore([
      async () => {
        throw new Error('connection reset');
      },
      async () => [message(1)],
    ]);
    const { logger, errors } = recordingLogger();
    const worker = workerFor(store, logger);
    worker.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual(['outbox batch failed']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(polls()).toBe(2);
    expect(delivered).toEqual(['m1']);
    await worker.stop();
  });

  it('stop waits for the batch in flight and polls no more', async () => {
    let release: (batch: readonly ClaimedMessage[]) => void = () => {};
    const { store, delivered, polls } = scriptedStore([
      () =>
        new Promise((resolve) => {
          release = resolve;
        }),
    ]);
    const worker = workerFor(store, recordingLogger().logger);
    worker.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(polls()).toBe(1);

    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    release([message(1), message(2)]);
    await stopping;
    expect(delivered).toEqual(['m1', 'm2']);
    // A full batch would normally be followed at once; after stop it is not.
    await vi.advanceTimersByTimeAsync(5000);
    expect(polls()).toBe(1);
  });

  it('refuses settings that cannot work', () => {
    const { store } = scriptedStore([]);
    const base = {
      store,
      notifiers: [],
      resolver: { resolve: async () => [] },
      clock: { now: () => T0 },
      random: () => 0,
      logger: recordingLogger().logger,
    };
    expect(() => createOutboxWorker({ ...base, leaseMs: 0 })).toThrow('leaseMs must be a number ≥ 1');
    expect(() => createOutboxWorker({ ...base, batchSize: 0 })).toThrow('batchSize');
    const twice = { platform: 'slack', deliver: async () => ({ ok: true as const }) };
    expect(() => createOutboxWorker({ ...base, notifiers: [twice, twice] })).toThrow(
      'two notifiers for platform slack',
    );
  });
});
