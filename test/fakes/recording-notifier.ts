// A ChatNotifier for tests: it records every call and every delivery (stamped with the injected clock) and can be
// scripted per address: fail a few times, answer 429 with a Retry-After, throw, fail for good, or enforce a real
// per-address rate limit. With `random`, it also fails and rate-limits a share of calls at random (seeded).
import type {
  ChatNotifier,
  DeliveryOutcome,
  OutboundMessage,
} from '../../src/domain/ports/chat-notifier.port.js';
import type { Clock } from '../../src/domain/ports/clock.port.js';

export type RecordedCall = OutboundMessage & {
  readonly at: Date;
  /** What the notifier answered; `thrown` when it threw. */
  readonly outcome: DeliveryOutcome | { readonly thrown: string };
};

export type RecordedDelivery = OutboundMessage & { readonly at: Date; readonly ref: DeliveryRef };

export type DeliveryRef = { readonly platform: string; readonly address: string; readonly sequence: number };

export type RecordingNotifierOptions = {
  readonly platform: string;
  readonly clock: Clock;
  /** Drives `failureRate` and `rateLimitRate`; required when either is set. */
  readonly random?: () => number;
  /** Share of calls answered with a retryable 500. */
  readonly failureRate?: number;
  /** Share of calls answered with a 429. */
  readonly rateLimitRate?: number;
  /** The Retry-After of random 429s. Default 1000 ms. */
  readonly retryAfterMs?: number;
  /** Like Slack: a second message to one address sooner than this is refused with a 429 naming the wait. */
  readonly minSpacingMs?: number;
};

export type RecordingNotifier = ChatNotifier & {
  readonly calls: readonly RecordedCall[];
  readonly deliveries: readonly RecordedDelivery[];
  deliveriesTo(address: string): readonly RecordedDelivery[];
  /** How many times each outbox message id was delivered. */
  deliveryCounts(): ReadonlyMap<string, number>;
  /** The next `times` calls to `address` fail with a retryable error. */
  failNext(address: string, times: number, error?: string): void;
  /** The next `times` calls to `address` throw. */
  throwNext(address: string, times: number, error?: string): void;
  /** The next `times` calls to `address` answer 429 with this Retry-After. */
  rateLimitNext(address: string, retryAfterMs: number, times?: number): void;
  /** Every call to `address` fails permanently (a channel that no longer exists). */
  failPermanently(address: string, error?: string): void;
};

type Script =
  | { readonly kind: 'fail'; readonly error: string }
  | { readonly kind: 'throw'; readonly error: string }
  | { readonly kind: 'rate-limit'; readonly retryAfterMs: number };

export function createRecordingNotifier(options: RecordingNotifierOptions): RecordingNotifier {
  const calls: RecordedCall[] = [];
  const deliveries: RecordedDelivery[] = [];
  const scripts = new Map<string, Script[]>();
  const permanent = new Map<string, string>();
  const lastDeliveryAt = new Map<string, number>();
  const random = () => {
    if (!options.random) throw new Error('createRecordingNotifier: random rates need a seeded `random`');
    return options.random();
  };

  const push = (address: string, script: Script, times: number) => {
    const queue = scripts.get(address) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(script);
    scripts.set(address, queue);
  };

  const answer = (message: OutboundMessage, now: number): DeliveryOutcome => {
    const permanentError = permanent.get(message.address);
    if (permanentError !== undefined) return { ok: false, permanent: true, error: permanentError };
    const script = scripts.get(message.address)?.shift();
    if (script?.kind === 'throw') throw new Error(script.error);
    if (script?.kind === 'fail') return { ok: false, error: script.error };
    if (script?.kind === 'rate-limit') {
      return { ok: false, retryAfterMs: script.retryAfterMs, error: 'ratelimited' };
    }
    const last = lastDeliveryAt.get(message.address);
    const spacing = options.minSpacingMs ?? 0;
    if (last !== undefined && now - last < spacing) {
      return { ok: false, retryAfterMs: spacing - (now - last), error: 'ratelimited' };
    }
    if (options.failureRate && random() < options.failureRate) return { ok: false, error: 'HTTP 500' };
    if (options.rateLimitRate && random() < options.rateLimitRate) {
      return { ok: false, retryAfterMs: options.retryAfterMs ?? 1000, error: 'ratelimited' };
    }
    const ref: DeliveryRef = {
      platform: options.platform,
      address: message.address,
      sequence: deliveries.length + 1,
    };
    deliveries.push({ ...message, at: new Date(now), ref });
    lastDeliveryAt.set(message.address, now);
    return { ok: true, ref };
  };

  return {
    platform: options.platform,
    calls,
    deliveries,
    async deliver(message) {
      const at = options.clock.now();
      try {
        const outcome = answer(message, at.getTime());
        calls.push({ ...message, at, outcome });
        return outcome;
      } catch (thrown) {
        calls.push({ ...message, at, outcome: { thrown: String(thrown) } });
        throw thrown;
      }
    },
    deliveriesTo: (address) => deliveries.filter((d) => d.address === address),
    deliveryCounts() {
      const counts = new Map<string, number>();
      for (const d of deliveries) counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
      return counts;
    },
    failNext: (address, times, error = 'HTTP 500') => push(address, { kind: 'fail', error }, times),
    throwNext: (address, times, error = 'socket hang up') => push(address, { kind: 'throw', error }, times),
    rateLimitNext: (address, retryAfterMs, times = 1) =>
      push(address, { kind: 'rate-limit', retryAfterMs }, times),
    failPermanently: (address, error = 'channel_not_found') => permanent.set(address, error),
  };
}
