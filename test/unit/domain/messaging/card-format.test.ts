import { describe, expect, it } from 'vitest';
import {
  describePeriod,
  formatDateTime,
  formatLongDate,
  formatPercent,
  formatShortDate,
  formatTime,
  formatWeekday,
} from '../../../../src/domain/messaging/card-format.js';

describe('dates and times', () => {
  it('given a calendar date, when formatted, then English and Chinese read naturally', () => {
    expect(formatShortDate('2026-03-02', 'en')).toBe('2 Mar');
    expect(formatShortDate('2026-03-02', 'zh-CN')).toBe('3月2日');
    expect(formatLongDate('2026-03-07', 'en')).toBe('Sat 7 Mar 2026');
    expect(formatLongDate('2026-03-07', 'zh-CN')).toBe('2026年3月7日 周六');
    expect(formatWeekday('2026-03-08', 'en')).toBe('Sun');
    expect(formatWeekday('2026-03-08', 'zh-CN')).toBe('周日');
  });

  it('given an instant, when formatted in a time zone, then the wall clock of that zone is shown', () => {
    expect(formatTime('2026-03-25T06:02:00Z', 'Asia/Shanghai')).toBe('14:02');
    expect(formatTime('2026-03-25T06:02:00Z', 'America/New_York')).toBe('02:02');
    expect(formatTime('2026-03-25T14:02:00+08:00', 'UTC')).toBe('06:02');
  });

  it('given an instant late in the UTC day, when formatted in Shanghai, then the date is the next day there', () => {
    expect(formatDateTime('2026-03-31T17:30:00Z', { locale: 'en', timeZone: 'Asia/Shanghai' })).toBe(
      '1 Apr 01:30',
    );
    expect(formatDateTime('2026-03-31T17:30:00Z', { locale: 'zh-CN', timeZone: 'Asia/Shanghai' })).toBe(
      '4月1日 01:30',
    );
  });

  it('given a malformed instant or zone, when formatted, then it throws', () => {
    expect(() => formatTime('yesterday', 'UTC')).toThrow();
    expect(() => formatTime('2026-03-25T06:02:00Z', 'Mars/Olympus')).toThrow();
  });
});

describe('formatPercent', () => {
  it('rounds basis points down to whole percent, spaced in English', () => {
    expect(formatPercent(8_799, 'en')).toBe('87 %');
    expect(formatPercent(10_400, 'zh-CN')).toBe('104%');
    expect(formatPercent(0, 'en')).toBe('0 %');
  });
});

describe('describePeriod', () => {
  it.each([
    ['2026-03', 'en', 'short', 'March'],
    ['2026-03', 'en', 'long', 'March 2026'],
    ['2026-03', 'zh-CN', 'short', '3月'],
    ['2026-03', 'zh-CN', 'long', '2026年3月'],
    ['2026-Q1', 'en', 'long', 'Q1 2026'],
    ['2026-Q1', 'zh-CN', 'long', '2026年第一季度'],
    ['2026', 'en', 'long', '2026'],
    ['2026', 'zh-CN', 'long', '2026年'],
    ['2026-W10', 'en', 'long', 'week 10 of 2026'],
    ['2026-W10', 'zh-CN', 'long', '2026年第10周'],
    ['total', 'en', 'short', 'total'],
    ['total', 'en', 'long', 'whole engagement'],
    ['total', 'zh-CN', 'short', '总'],
    ['2026-13', 'en', 'long', '2026-13'],
  ] as const)('given %s in %s (%s), then it reads %s', (key, locale, style, expected) => {
    expect(describePeriod(key, locale, style)).toBe(expected);
  });
});
