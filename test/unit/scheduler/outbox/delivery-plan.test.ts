import { describe, expect, it } from 'vitest';
import { planDelivery, type RetryPolicy } from '../../../../src/scheduler/outbox/delivery-plan.js';

const policy = (attempt: number): RetryPolicy => ({
  attempt,
  maxAttempts: 3,
  backoffMs: (failed) => failed * 100,
});

describe('planDelivery', () => {
  it('records a success with the reference the platform gave', () => {
    expect(planDelivery({ ok: true, ref: { ts: '1.2' } }, policy(1))).toEqual({
      kind: 'delivered',
      ref: { ts: '1.2' },
    });
    expect(planDelivery({ ok: true }, policy(1))).toEqual({ kind: 'delivered', ref: null });
  });

  it('retries a failure after the backoff for the attempt that failed', () => {
    expect(planDelivery({ ok: false, error: 'HTTP 502' }, policy(2))).toEqual({
      kind: 'retry',
      delayMs: 200,
      error: 'HTTP 502',
    });
  });

  it('gives up once the last attempt has failed', () => {
    expect(planDelivery({ ok: false, error: 'HTTP 502' }, policy(3))).toEqual({
      kind: 'dead',
      error: 'gave up after 3 attempts: HTTP 502',
    });
  });

  it('gives up at once on a permanent failure, whatever the attempt', () => {
    expect(planDelivery({ ok: false, permanent: true, error: 'channel_not_found' }, policy(1))).toEqual({
      kind: 'dead',
      error: 'permanent failure: channel_not_found',
    });
  });

  it('honours Retry-After without counting it against the attempts', () => {
    expect(planDelivery({ ok: false, retryAfterMs: 1500.2, error: 'ratelimited' }, policy(3))).toEqual({
      kind: 'rate-limited',
      retryAfterMs: 1501,
      error: 'rate limited for 1501 ms: ratelimited',
    });
  });

  it('treats a nonsensical Retry-After as an ordinary failure', () => {
    expect(planDelivery({ ok: false, retryAfterMs: Number.NaN, error: 'x' }, policy(1)).kind).toBe('retry');
    expect(planDelivery({ ok: false, retryAfterMs: -5, error: 'x' }, policy(1)).kind).toBe('retry');
  });

  it('retries a notifier that threw, naming the error', () => {
    expect(planDelivery({ thrown: new TypeError('fetch failed') }, policy(1))).toEqual({
      kind: 'retry',
      delayMs: 100,
      error: 'notifier threw TypeError: fetch failed',
    });
    expect(planDelivery({ thrown: 'boom' }, policy(3))).toEqual({
      kind: 'dead',
      error: 'gave up after 3 attempts: notifier threw thrown: boom',
    });
  });

  it('draws a backoff only when it plans a retry', () => {
    let draws = 0;
    const counting: RetryPolicy = { attempt: 1, maxAttempts: 3, backoffMs: () => ++draws };
    planDelivery({ ok: true }, counting);
    planDelivery({ ok: false, permanent: true, error: 'x' }, counting);
    planDelivery({ ok: false, retryAfterMs: 10, error: 'x' }, counting);
    expect(draws).toBe(0);
  });
});
