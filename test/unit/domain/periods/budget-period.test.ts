import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { periodContaining } from '../../../../src/domain/periods/budget-period.js';
import { todayIn } from '../../../../src/domain/periods/calendar-date.js';
import {
  daysInPeriod,
  elapsedDays,
  isOpenEnded,
  isWithinPeriod,
  OPEN_END,
  OPEN_START,
} from '../../../../src/domain/periods/period-range.js';

describe('periodContaining', () => {
  it.each([
    ['monthly', '2026-03-01', { key: '2026-03', start: '2026-03-01', end: '2026-03-31' }],
    ['monthly', '2026-03-31', { key: '2026-03', start: '2026-03-01', end: '2026-03-31' }],
    ['monthly', '2026-02-15', { key: '2026-02', start: '2026-02-01', end: '2026-02-28' }],
    ['monthly', '2024-02-29', { key: '2024-02', start: '2024-02-01', end: '2024-02-29' }],
    ['quarterly', '2026-03-31', { key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' }],
    ['quarterly', '2026-04-01', { key: '2026-Q2', start: '2026-04-01', end: '2026-06-30' }],
    ['quarterly', '2026-09-30', { key: '2026-Q3', start: '2026-07-01', end: '2026-09-30' }],
    ['quarterly', '2026-12-31', { key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' }],
    ['yearly', '2026-12-31', { key: '2026', start: '2026-01-01', end: '2026-12-31' }],
    ['yearly', '2027-01-01', { key: '2027', start: '2027-01-01', end: '2027-12-31' }],
  ] as const)('Given a %s budget, When the date is %s, Then the period is %o', (kind, date, expected) => {
    expect(periodContaining(kind, date)).toEqual(expected);
  });

  it('Given a whole-engagement budget, Then the period is the engagement whatever the date', () => {
    expect(periodContaining('total', '2026-05-05', { start: '2026-02-01', end: '2026-07-31' })).toEqual({
      key: 'total',
      start: '2026-02-01',
      end: '2026-07-31',
    });
  });

  it('Given an engagement without an end date, Then the period stays open instead of guessing one', () => {
    const period = periodContaining('total', '2026-05-05', { start: '2026-02-01' });
    expect(period).toEqual({ key: 'total', start: '2026-02-01', end: OPEN_END });
    expect(isOpenEnded(period)).toBe(true);
    expect(periodContaining('total', '2026-05-05').start).toBe(OPEN_START);
  });

  it('refuses a date that does not exist, as a programming error', () => {
    expect(() => periodContaining('monthly', '2026-02-30')).toThrow(RangeError);
    expect(() => periodContaining('monthly', '2026-3-1')).toThrow(RangeError);
  });
});

describe('daysInPeriod and elapsedDays', () => {
  const march = { start: '2026-03-01', end: '2026-03-31' };

  it('counts both ends of a period', () => {
    expect(daysInPeriod(march)).toBe(31);
    expect(daysInPeriod({ start: '2024-02-01', end: '2024-02-29' })).toBe(29);
    expect(daysInPeriod(periodContaining('quarterly', '2026-02-10'))).toBe(90);
    expect(daysInPeriod(periodContaining('yearly', '2028-06-01'))).toBe(366);
  });

  it.each([
    ['2026-02-28', 0],
    ['2026-03-01', 1],
    ['2026-03-10', 10],
    ['2026-03-31', 31],
    ['2026-04-05', 31],
  ])('Given March, When today is %s, Then %i days have elapsed', (today, expected) => {
    expect(elapsedDays(march, today)).toBe(expected);
  });

  it('knows whether a date lies in a period, ends included', () => {
    expect(isWithinPeriod(march, '2026-03-01')).toBe(true);
    expect(isWithinPeriod(march, '2026-03-31')).toBe(true);
    expect(isWithinPeriod(march, '2026-04-01')).toBe(false);
  });
});

describe('todayIn', () => {
  const instant = Temporal.Instant.from('2026-03-01T16:30:00Z');

  it('Given one instant, Then Shanghai is already on the next day while New York is not', () => {
    expect(todayIn(instant, 'Asia/Shanghai')).toBe('2026-03-02');
    expect(todayIn(instant, 'America/New_York')).toBe('2026-03-01');
  });

  it('accepts epoch milliseconds from an injected clock', () => {
    expect(todayIn(instant.epochMilliseconds, 'Asia/Shanghai')).toBe('2026-03-02');
    expect(todayIn(Date.UTC(2025, 11, 31, 23, 59), 'UTC')).toBe('2025-12-31');
  });
});
