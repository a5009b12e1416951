import { describe, expect, it } from 'vitest';
import {
  activeDelegatesOf,
  checkNewDelegation,
  isDelegationActive,
} from '../../../../src/domain/people/delegation.js';

const away = { fromMemberId: 'm-dave', toMemberId: 'm-erin', until: '2026-03-10' };

describe('isDelegationActive', () => {
  it.each([
    ['2026-03-01', true],
    ['2026-03-10', true],
    ['2026-03-11', false],
  ])('on %s → %s (runs through its last day)', (today, active) => {
    expect(isDelegationActive(away, today)).toBe(active);
  });

  it('never counts a delegation to oneself', () => {
    expect(isDelegationActive({ ...away, toMemberId: 'm-dave' }, '2026-03-01')).toBe(false);
  });

  it('lists the delegates acting for someone today', () => {
    const delegations = [
      away,
      { ...away, toMemberId: 'm-gina', until: '2026-03-05' },
      { ...away, fromMemberId: 'm-bob' },
    ];
    expect(activeDelegatesOf('m-dave', delegations, '2026-03-04')).toEqual(['m-erin', 'm-gina']);
    expect(activeDelegatesOf('m-dave', delegations, '2026-03-06')).toEqual(['m-erin']);
  });
});

describe('checkNewDelegation', () => {
  it('accepts a delegation ending today or later', () => {
    expect(checkNewDelegation(away, '2026-03-10')).toEqual({ ok: true, value: away });
  });

  it('refuses a delegation to oneself or one that has already ended', () => {
    expect(checkNewDelegation({ ...away, toMemberId: 'm-dave' }, '2026-03-01')).toEqual({
      ok: false,
      error: { code: 'DELEGATE_TO_SELF', details: { memberId: 'm-dave' } },
    });
    expect(checkNewDelegation(away, '2026-03-11')).toEqual({
      ok: false,
      error: { code: 'DELEGATION_IN_PAST', details: { until: '2026-03-10', today: '2026-03-11' } },
    });
  });
});
