import { describe, expect, it } from 'vitest';
import {
  isoWeekPeriod,
  isoWeeksInYear,
  previousPeriod,
} from '../../../../src/domain/periods/calendar-periods.js';
import { reportPeriod } from '../../../../src/domain/periods/report-period.js';

const resolve = (text: string, today: string) => {
  const result = reportPeriod(text, today);
  if (!result.ok) throw new Error(`expected ${text} to resolve, got ${result.error.code}`);
  return result.value;
};

describe('reportPeriod', () => {
  it.each([
    ['this-week', '2026-03-04', { key: '2026-W10', start: '2026-03-02', end: '2026-03-08' }],
    ['last-week', '2026-03-04', { key: '2026-W09', start: '2026-02-23', end: '2026-03-01' }],
    ['this-month', '2026-03-04', { key: '2026-03', start: '2026-03-01', end: '2026-03-31' }],
    ['last-month', '2026-03-31', { key: '2026-02', start: '2026-02-01', end: '2026-02-28' }],
    ['last-month', '2026-01-15', { key: '2025-12', start: '2025-12-01', end: '2025-12-31' }],
    ['this-quarter', '2026-05-20', { key: '2026-Q2', start: '2026-04-01', end: '2026-06-30' }],
    ['last-quarter', '2026-01-02', { key: '2025-Q4', start: '2025-10-01', end: '2025-12-31' }],
    ['this-year', '2026-07-01', { key: '2026', start: '2026-01-01', end: '2026-12-31' }],
    ['2026-03', '2030-01-01', { key: '2026-03', start: '2026-03-01', end: '2026-03-31' }],
    ['2026-Q1', '2030-01-01', { key: '2026-Q1', start: '2026-01-01', end: '2026-03-31' }],
    ['2026', '2030-01-01', { key: '2026', start: '2026-01-01', end: '2026-12-31' }],
    ['2026-W10', '2030-01-01', { key: '2026-W10', start: '2026-03-02', end: '2026-03-08' }],
  ])('Given "%s" on %s, Then the period is %o', (text, today, expected) => {
    expect(resolve(text, today)).toEqual(expected);
  });

  it('Given ISO weeks across a year boundary, Then week 1 may start in December and week 53 end in January', () => {
    expect(resolve('2026-W01', '2026-06-01')).toEqual({
      key: '2026-W01',
      start: '2025-12-29',
      end: '2026-01-04',
    });
    expect(resolve('this-week', '2027-01-01')).toEqual({
      key: '2026-W53',
      start: '2026-12-28',
      end: '2027-01-03',
    });
    expect(resolve('last-week', '2026-01-01')).toEqual({
      key: '2025-W52',
      start: '2025-12-22',
      end: '2025-12-28',
    });
    expect(resolve('this-week', '2025-12-31')).toEqual({
      key: '2026-W01',
      start: '2025-12-29',
      end: '2026-01-04',
    });
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2027)).toBe(52);
  });

  it('accepts Chinese period words and ignores case and surrounding spaces', () => {
    expect(resolve('上月', '2026-03-04').key).toBe('2026-02');
    expect(resolve('本周', '2026-03-04').key).toBe('2026-W10');
    expect(resolve('本季度', '2026-03-04').key).toBe('2026-Q1');
    expect(resolve('今年', '2026-03-04').key).toBe('2026');
    expect(resolve('  Last-Month ', '2026-03-04').key).toBe('2026-02');
    expect(resolve('2026-q1', '2026-03-04').key).toBe('2026-Q1');
  });

  it.each(['2026-13', '2026-Q5', '2027-W53', '2026-W00', 'yesterday', '', 'march'])(
    'Given "%s", Then it is refused as PERIOD_INVALID',
    (text) => {
      const result = reportPeriod(text, '2026-03-04');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('PERIOD_INVALID');
    },
  );
});

describe('previousPeriod', () => {
  it('steps back one calendar period of the same kind', () => {
    expect(previousPeriod(resolve('2026-01', '2026-01-01')).key).toBe('2025-12');
    expect(previousPeriod(resolve('2026-Q1', '2026-01-01')).key).toBe('2025-Q4');
    expect(previousPeriod(resolve('2026', '2026-01-01')).key).toBe('2025');
    expect(previousPeriod(isoWeekPeriod(2026, 1))).toEqual({
      key: '2025-W52',
      start: '2025-12-22',
      end: '2025-12-28',
    });
  });

  it('Given a custom span, Then the previous one has the same length and ends the day before', () => {
    expect(previousPeriod({ key: 'custom', start: '2026-03-10', end: '2026-03-16' })).toEqual({
      key: '2026-03-03..2026-03-09',
      start: '2026-03-03',
      end: '2026-03-09',
    });
  });
});
