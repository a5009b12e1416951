// What a notifier's answer means for the message. Pure, so each rule is one line of a unit test.
import type { DeliveryOutcome } from '../../domain/ports/chat-notifier.port.js';

export type DeliveryPlan =
  | { readonly kind: 'delivered'; readonly ref: unknown }
  /** The platform asked us to wait: the attempt does not count, and the address pauses as long. */
  | { readonly kind: 'rate-limited'; readonly retryAfterMs: number; readonly error: string }
  | { readonly kind: 'retry'; readonly delayMs: number; readonly error: string }
  | { readonly kind: 'dead'; readonly error: string };

export type RetryPolicy = {
  /** The try that just ended (1-based). */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Only called when a retry is planned, so a seeded random sequence is not consumed otherwise. */
  readonly backoffMs: (attempt: number) => number;
};

/** A notifier that threw: an exception is not a verdict on the message, so it is retried like any failure. */
export type DeliveryAnswer = DeliveryOutcome | { readonly thrown: unknown };

export const describeThrown = (thrown: unknown): string =>
  thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : `thrown: ${String(thrown)}`;

export const planDelivery = (answer: DeliveryAnswer, policy: RetryPolicy): DeliveryPlan => {
  if ('thrown' in answer) return planFailure(`notifier threw ${describeThrown(answer.thrown)}`, policy);
  if (answer.ok) return { kind: 'delivered', ref: answer.ref ?? null };
  if (answer.permanent) return { kind: 'dead', error: `permanent failure: ${answer.error}` };
  if (answer.retryAfterMs !== undefined && Number.isFinite(answer.retryAfterMs) && answer.retryAfterMs >= 0) {
    return {
      kind: 'rate-limited',
      retryAfterMs: Math.ceil(answer.retryAfterMs),
      error: `rate limited for ${Math.ceil(answer.retryAfterMs)} ms: ${answer.error}`,
    };
  }
  return planFailure(answer.error, policy);
};

const planFailure = (error: string, policy: RetryPolicy): DeliveryPlan =>
  policy.attempt >= policy.maxAttempts
    ? { kind: 'dead', error: `gave up after ${policy.attempt} attempts: ${error}` }
    : { kind: 'retry', delayMs: policy.backoffMs(policy.attempt), error };
