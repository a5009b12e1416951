// Delivers the transactional outbox: every chat message was written in the transaction of the change it
// announces, and is sent from here. Each batch is leased from the database, so any number of instances can run
// this loop side by side; within a batch, messages to one address go in the order they were written and respect
// the platform's spacing, while different addresses are served concurrently.
import type {
  AddressResolver,
  ChatNotifier,
  OutboundMessage,
} from '../../domain/ports/chat-notifier.port.js';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Logger } from '../../domain/ports/logger.port.js';
import type { ClaimedMessage, OutboxDeliveryStore } from '../../domain/ports/outbox-delivery.port.js';
import { decidePacing, nextReadyAt } from './address-pacing.js';
import { computeBackoffMs } from './backoff.js';
import { chooseTarget } from './choose-target.js';
import { deadLetterNoticeFor } from './dead-letter-notice.js';
import { type DeliveryAnswer, describeThrown, planDelivery, type RetryPolicy } from './delivery-plan.js';

/** No platform's spreading may hold a message back longer than this. */
const MAX_FIRST_ATTEMPT_HOLD_MS = 60 * 60_000;

/**
 * Minimum spacing between two messages to one address, per platform (ms). Slack allows about one message per
 * second per channel; Teams 60 per 30 s per conversation; WeCom 20 per minute per group robot (and silently drops
 * what exceeds 30 per minute per member), so it gets the strictest spacing.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Record<string, number>> = {
  slack: 1000,
  teams: 500,
  wecom: 3000,
  'wecom-robot': 3000,
};

export type OutboxWorkerOptions = {
  readonly store: OutboxDeliveryStore;
  /** One per platform; an address whose platform has none is dead letter. */
  readonly notifiers: readonly ChatNotifier[];
  readonly resolver: AddressResolver;
  readonly clock: Clock;
  /** Uniform in [0, 1); injected so backoff jitter is reproducible in tests. */
  readonly random: () => number;
  readonly logger: Logger;
  /** Messages leased per claim. Default 50. */
  readonly batchSize?: number;
  /** How long a claimed message stays hidden from other workers; longer than any delivery can take. Default 60 s. */
  readonly leaseMs?: number;
  /** Tries before a message that keeps failing is given up on. Default 8. */
  readonly maxAttempts?: number;
  /** Default 1 s. */
  readonly baseBackoffMs?: number;
  /** Default 15 min. */
  readonly maxBackoffMs?: number;
  /** Pause between polls when the last batch was not full. Default 1 s. */
  readonly pollIntervalMs?: number;
  /** Platform → minimum spacing per address (ms); platforms not named are not paced. Default DEFAULT_RATE_LIMITS. */
  readonly rateLimits?: Readonly<Record<string, number>>;
  /** Called after a message is given up on, e.g. for a metric. */
  readonly onDead?: (message: ClaimedMessage, error: string) => void;
};

export type OutboxRunResult = {
  /** Messages leased in this run. */
  readonly claimed: number;
  readonly delivered: number;
  /** Tried and failed, or told to wait by the platform; due again later. */
  readonly retried: number;
  /** Held back untried because their address was cooling down. */
  readonly deferred: number;
  readonly dead: number;
};

export interface OutboxWorker {
  /** Claims one batch and settles every message in it. */
  runOnce(): Promise<OutboxRunResult>;
  /** Polls until `stop`; a full batch is followed at once by the next. */
  start(): void;
  /** Stops polling and resolves when the batch in flight has settled. */
  stop(): Promise<void>;
}

type Tally = { -readonly [K in keyof OutboxRunResult]: number };

type Routed = { readonly message: ClaimedMessage; readonly address: string; readonly platform: string };

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, resolver, clock, random } = options;
  const batchSize = options.batchSize ?? 50;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = { baseMs: options.baseBackoffMs ?? 1000, maxMs: options.maxBackoffMs ?? 15 * 60_000 };
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const rateLimits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  assertSettings({ batchSize, leaseMs, maxAttempts, pollIntervalMs, ...backoff });

  const notifiers = new Map<string, ChatNotifier>();
  for (const notifier of options.notifiers) {
    if (notifiers.has(notifier.platform)) throw new Error(`two notifiers for platform ${notifier.platform}`);
    notifiers.set(notifier.platform, notifier);
  }
  const servedPlatforms: ReadonlySet<string> = new Set(notifiers.keys());
  const log = options.logger.child({ component: 'outbox-worker' });
  /** Address → when it may next receive a message (epoch ms). Only this process's own view. */
  const readyAt = new Map<string, number>();

  const retryPolicy = (attempt: number): RetryPolicy => ({
    attempt,
    maxAttempts,
    backoffMs: (failed) => computeBackoffMs(failed, backoff, random),
  });

  async function runOnce(): Promise<OutboxRunResult> {
    const now = clock.now();
    forgetCooledAddresses(now.getTime());
    const claimed = await store.claimDue(now, batchSize, leaseMs);
    const tally: Tally = { claimed: claimed.length, delivered: 0, retried: 0, deferred: 0, dead: 0 };
    const routed = await Promise.all(claimed.map((message) => guarded(message, () => route(message, tally))));

    const byAddress = new Map<string, Routed[]>();
    for (const entry of routed) {
      if (!entry) continue;
      const queue = byAddress.get(entry.address);
      if (queue) queue.push(entry);
      else byAddress.set(entry.address, [entry]);
    }
    await Promise.all([...byAddress.values()].map((queue) => sendInOrder(queue, tally)));
    return tally;
  }

  async function route(message: ClaimedMessage, tally: Tally): Promise<Routed | undefined> {
    // Claims count attempts before anything is tried, so a message that keeps killing its worker still ends.
    if (message.attempts > maxAttempts) {
      await bury(message, `claimed ${message.attempts} times without an answer`, tally);
      return undefined;
    }
    let candidates: readonly string[];
    try {
      candidates = await resolver.resolve(message.organisationId, message.address);
    } catch (thrown) {
      await settle(message, { ok: false, error: `address lookup failed: ${describeThrown(thrown)}` }, tally);
      return undefined;
    }
    const target = chooseTarget(message.address, candidates, servedPlatforms);
    if (!target.ok) {
      await bury(message, target.error, tally);
      return undefined;
    }
    return { message, address: target.address, platform: target.platform };
  }

  async function sendInOrder(queue: readonly Routed[], tally: Tally): Promise<void> {
    let queued = 0;
    for (const { message, address, platform } of queue) {
      await guarded(message, async () => {
        const spacingMs = rateLimits[platform] ?? 0;
        const now = clock.now().getTime();
        const holdMs = firstAttemptHoldMs(message, address, platform, now);
        if (holdMs > 0) {
          // Held, not tried: the claim's attempt is given back, and the address's spacing is left to others.
          tally.deferred += 1;
          await store.reschedule(message, new Date(now + holdMs), { refundAttempt: true });
          return;
        }
        const pacing = decidePacing({ now, readyAt: readyAt.get(address), queued, spacingMs });
        if (!pacing.send) {
          queued += 1;
          tally.deferred += 1;
          await store.reschedule(message, new Date(pacing.notBefore), { refundAttempt: true });
          return;
        }
        if (spacingMs > 0) readyAt.set(address, now + spacingMs);
        const answer = await deliver(message, address, platform);
        const waitAsked = await settle(message, answer, tally, address);
        if (waitAsked) queued += 1;
      });
    }
  }

  const outboundOf = (message: ClaimedMessage, address: string): OutboundMessage => ({
    organisationId: message.organisationId,
    id: message.id,
    address,
    kind: message.kind,
    payload: message.payload,
    dedupeKey: message.dedupeKey,
    attempt: message.attempts,
  });

  /** What the platform asks a first try to wait; a hook that throws or answers nonsense holds nothing back. */
  function firstAttemptHoldMs(
    message: ClaimedMessage,
    address: string,
    platform: string,
    now: number,
  ): number {
    const hook = notifiers.get(platform)?.firstAttemptDelayMs;
    if (message.attempts !== 1 || hook === undefined) return 0;
    try {
      const ms = hook.call(notifiers.get(platform), outboundOf(message, address), new Date(now));
      return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_FIRST_ATTEMPT_HOLD_MS) : 0;
    } catch (error) {
      log.warn({ err: error, messageId: message.id }, 'outbox: firstAttemptDelayMs failed; sending now');
      return 0;
    }
  }

  async function deliver(
    message: ClaimedMessage,
    address: string,
    platform: string,
  ): Promise<DeliveryAnswer> {
    const notifier = notifiers.get(platform);
    if (!notifier) return { thrown: new Error(`no notifier for ${platform}`) };
    try {
      return await notifier.deliver(outboundOf(message, address));
    } catch (thrown) {
      return { thrown };
    }
  }

  /** Records what the answer means; true when the platform asked the address to wait. */
  async function settle(
    message: ClaimedMessage,
    answer: DeliveryAnswer,
    tally: Tally,
    address?: string,
  ): Promise<boolean> {
    const plan = planDelivery(answer, retryPolicy(message.attempts));
    const at = clock.now();
    switch (plan.kind) {
      case 'delivered':
        tally.delivered += 1;
        await store.markDelivered(message, at, plan.ref);
        return false;
      case 'rate-limited': {
        const until = at.getTime() + plan.retryAfterMs;
        if (address !== undefined) readyAt.set(address, nextReadyAt(readyAt.get(address), until));
        tally.retried += 1;
        await store.reschedule(message, new Date(until), { error: plan.error, refundAttempt: true });
        return true;
      }
      case 'retry':
        tally.retried += 1;
        log.debug({ messageId: message.id, attempt: message.attempts, error: plan.error }, 'outbox retry');
        await store.reschedule(message, new Date(at.getTime() + plan.delayMs), { error: plan.error });
        return false;
      case 'dead':
        await bury(message, plan.error, tally);
        return false;
    }
  }

  async function bury(message: ClaimedMessage, error: string, tally: Tally): Promise<void> {
    const at = clock.now();
    tally.dead += 1;
    const { buried, noticeQueued } = await store.markDead(
      message,
      at,
      error,
      deadLetterNoticeFor(message, error, at),
    );
    if (!buried) return;
    log.warn(
      {
        organisationId: message.organisationId,
        messageId: message.id,
        kind: message.kind,
        address: message.address,
        attempts: message.attempts,
        error,
        noticeQueued,
      },
      'outbox message dead',
    );
    options.onDead?.(message, error);
  }

  /** A failed bookkeeping write leaves the lease to bring the message back; the rest of the batch goes on. */
  async function guarded<T>(message: ClaimedMessage, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      log.error({ err: error, messageId: message.id }, 'outbox bookkeeping failed; the lease will retry it');
      return undefined;
    }
  }

  function forgetCooledAddresses(now: number): void {
    for (const [address, at] of readyAt) if (at <= now) readyAt.delete(address);
  }

  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;

  async function cycle(): Promise<void> {
    timer = undefined;
    let full = false;
    try {
      const result = await runOnce();
      full = result.claimed >= batchSize;
    } catch (error) {
      log.error({ err: error }, 'outbox batch failed');
    }
    if (running) schedule(full ? 0 : pollIntervalMs);
  }

  function schedule(delayMs: number): void {
    timer = setTimeout(() => {
      inFlight = cycle().finally(() => {
        inFlight = undefined;
      });
    }, delayMs);
    // A server stays up on its listeners; the delivery loop alone should not keep a finished process alive.
    timer.unref?.();
  }

  return {
    runOnce,
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}

function assertSettings(settings: Readonly<Record<string, number>>): void {
  // A zero lease would make a claimed message due again at once, and the lease is also the claim's fencing token.
  const atLeastOne = new Set(['batchSize', 'maxAttempts', 'leaseMs']);
  for (const [name, value] of Object.entries(settings)) {
    const valid = Number.isFinite(value) && value >= (atLeastOne.has(name) ? 1 : 0);
    if (!valid) throw new Error(`outbox worker: ${name} must be a number ≥ ${atLeastOne.has(name) ? 1 : 0}`);
  }
}
