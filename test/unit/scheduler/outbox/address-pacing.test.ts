import { describe, expect, it } from 'vitest';
import { decidePacing, nextReadyAt } from '../../../../src/scheduler/outbox/address-pacing.js';

describe('decidePacing', () => {
  it('sends to an address that is not cooling down', () => {
    expect(decidePacing({ now: 10_000, readyAt: undefined, queued: 0, spacingMs: 1000 })).toEqual({
      send: true,
    });
    expect(decidePacing({ now: 10_000, readyAt: 10_000, queued: 0, spacingMs: 1000 })).toEqual({
      send: true,
    });
    expect(decidePacing({ now: 10_000, readyAt: 9000, queued: 0, spacingMs: 1000 })).toEqual({ send: true });
  });

  it('holds a message back until its address may receive again', () => {
    expect(decidePacing({ now: 10_000, readyAt: 10_400, queued: 0, spacingMs: 1000 })).toEqual({
      send: false,
      notBefore: 10_400,
    });
  });

  it('queues later messages of a batch one spacing apart, behind those already held', () => {
    const decisions = [0, 1, 2].map((queued) =>
      decidePacing({ now: 10_000, readyAt: 11_000, queued, spacingMs: 1000 }),
    );
    expect(decisions).toEqual([
      { send: false, notBefore: 11_000 },
      { send: false, notBefore: 12_000 },
      { send: false, notBefore: 13_000 },
    ]);
  });

  it('never lets a message overtake one queued ahead of it, even once the address is free', () => {
    expect(decidePacing({ now: 10_000, readyAt: undefined, queued: 1, spacingMs: 1000 })).toEqual({
      send: false,
      notBefore: 11_000,
    });
  });

  it('does not pace a platform without spacing', () => {
    expect(decidePacing({ now: 10_000, readyAt: undefined, queued: 0, spacingMs: 0 })).toEqual({
      send: true,
    });
  });
});

describe('nextReadyAt', () => {
  it('takes the later of the current cool-down and the new one', () => {
    expect(nextReadyAt(undefined, 5000)).toBe(5000);
    expect(nextReadyAt(3000, 5000)).toBe(5000);
    expect(nextReadyAt(8000, 5000)).toBe(8000);
  });
});
