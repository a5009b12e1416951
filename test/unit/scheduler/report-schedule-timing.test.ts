import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  coverageBetween,
  dueReport,
  latestOccurrences,
} from '../../../src/scheduler/reports/report-schedule-timing.js';

const CREATED_LONG_AGO = new Date('2020-01-01T00:00:00Z');

const due = (schedule: string, timeZone: string, at: string, createdAt = CREATED_LONG_AGO) =>
  dueReport({ schedule, timeZone, createdAt }, new Date(at));

/** The wall-clock reading of an instant in a time zone, e.g. `2026-03-09T09:00 Mon`. */
const localTime = (instant: Date, timeZone: string): string => {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][zoned.dayOfWeek - 1];
  return `${zoned.toPlainDate().toString()}T${zoned.toPlainTime().toString({ smallestUnit: 'minute' })} ${weekday}`;
};

describe('a weekly report for a client in Asia/Shanghai', () => {
  it('fires at Monday 09:00 Shanghai time and covers the previous ISO week there', () => {
    // Monday 2 March 2026, 09:00 in Shanghai is 01:00 UTC.
    const report = due('weekly', 'Asia/Shanghai', '2026-03-02T01:00:00Z');
    expect(report).toEqual({
      due: true,
      occurrence: new Date('2026-03-02T01:00:00Z'),
      from: '2026-02-23',
      through: '2026-03-01',
    });
    if (report.due) expect(localTime(report.occurrence, 'Asia/Shanghai')).toBe('2026-03-02T09:00 Mon');
  });

  it('has not fired at 08:59 Shanghai time, though it is Monday in UTC too; the week before is still the latest', () => {
    expect(due('weekly', 'Asia/Shanghai', '2026-03-02T00:59:59.999Z')).toEqual({
      due: true,
      occurrence: new Date('2026-02-23T01:00:00Z'),
      from: '2026-02-16',
      through: '2026-02-22',
    });
  });

  it('is still the same occurrence later in the week, so a tick on Wednesday owes the same report', () => {
    expect(due('weekly', 'Asia/Shanghai', '2026-03-04T12:00:00Z')).toMatchObject({
      occurrence: new Date('2026-03-02T01:00:00Z'),
      from: '2026-02-23',
      through: '2026-03-01',
    });
  });

  it('fires on the Shanghai Monday even when it is still Sunday in UTC', () => {
    // 2026-03-01T01:00Z is Sunday in UTC and Sunday 09:00 in Shanghai: not a Monday anywhere that matters.
    const sunday = due('weekly', 'Asia/Shanghai', '2026-03-01T23:30:00Z');
    expect(sunday).toMatchObject({ occurrence: new Date('2026-02-23T01:00:00Z') });
  });
});

describe('a monthly report', () => {
  it('fires on the 1st at 09:00 and covers the whole previous month, 29 February included in a leap year', () => {
    expect(due('monthly', 'Asia/Shanghai', '2028-03-01T01:00:00Z')).toEqual({
      due: true,
      occurrence: new Date('2028-03-01T01:00:00Z'),
      from: '2028-02-01',
      through: '2028-02-29',
    });
  });

  it('covers 28 days of February in a common year', () => {
    expect(due('monthly', 'Asia/Shanghai', '2026-03-01T01:00:00Z')).toMatchObject({
      from: '2026-02-01',
      through: '2026-02-28',
    });
  });

  it('crosses the year: 1 January covers December of the year before', () => {
    expect(due('monthly', 'America/New_York', '2027-01-01T14:00:00Z')).toEqual({
      due: true,
      occurrence: new Date('2027-01-01T14:00:00Z'),
      from: '2026-12-01',
      through: '2026-12-31',
    });
  });

  it('reads the month in the client time zone: 31 March 22:00 UTC is already 1 April in Shanghai', () => {
    expect(due('monthly', 'Asia/Shanghai', '2026-04-01T01:00:00Z')).toMatchObject({
      from: '2026-03-01',
      through: '2026-03-31',
    });
  });
});

describe('a client in America/New_York across daylight-saving changes', () => {
  it('keeps Monday 09:00 local when clocks go forward (8 March 2026): 14:00 UTC before, 13:00 UTC after', () => {
    const before = due('weekly', 'America/New_York', '2026-03-02T14:00:00Z');
    const after = due('weekly', 'America/New_York', '2026-03-09T13:00:00Z');
    expect(before).toMatchObject({ occurrence: new Date('2026-03-02T14:00:00Z'), from: '2026-02-23' });
    expect(after).toEqual({
      due: true,
      occurrence: new Date('2026-03-09T13:00:00Z'),
      from: '2026-03-02',
      through: '2026-03-08',
    });
    for (const report of [before, after]) {
      if (report.due) expect(localTime(report.occurrence, 'America/New_York')).toMatch(/T09:00 Mon$/);
    }
    // 13:30 UTC on the 2nd was 08:30 local (EST): the report of the 2nd had not fired yet.
    expect(due('weekly', 'America/New_York', '2026-03-02T13:30:00Z')).toMatchObject({
      occurrence: new Date('2026-02-23T14:00:00Z'),
    });
  });

  it('keeps 09:00 local when clocks go back (1 November 2026): 13:00 UTC before, 14:00 UTC after', () => {
    const before = due('weekly', 'America/New_York', '2026-10-26T13:00:00Z');
    const after = due('weekly', 'America/New_York', '2026-11-02T14:00:00Z');
    expect(before).toMatchObject({ occurrence: new Date('2026-10-26T13:00:00Z') });
    expect(after).toEqual({
      due: true,
      occurrence: new Date('2026-11-02T14:00:00Z'),
      from: '2026-10-26',
      through: '2026-11-01',
    });
    // 13:30 UTC on 2 November is 08:30 EST: still the week before.
    expect(due('weekly', 'America/New_York', '2026-11-02T13:30:00Z')).toMatchObject({
      occurrence: new Date('2026-10-26T13:00:00Z'),
    });
  });

  it('keeps the monthly report at 09:00 local on 1 November, the day the clocks go back', () => {
    const report = due('monthly', 'America/New_York', '2026-11-01T14:00:00Z');
    expect(report).toMatchObject({ occurrence: new Date('2026-11-01T14:00:00Z'), from: '2026-10-01' });
    if (report.due) expect(localTime(report.occurrence, 'America/New_York')).toBe('2026-11-01T09:00 Sun');
  });
});

describe('a cron schedule', () => {
  it('covers every whole day since its previous occurrence: Friday 18:00 covers Friday to Thursday', () => {
    expect(due('0 18 * * 5', 'Europe/London', '2026-03-06T18:00:00Z')).toEqual({
      due: true,
      occurrence: new Date('2026-03-06T18:00:00Z'),
      from: '2026-02-27',
      through: '2026-03-05',
    });
  });

  it('on weekdays at 09:00: Monday covers Friday to Sunday, Tuesday covers Monday', () => {
    expect(due('0 9 * * 1-5', 'Asia/Shanghai', '2026-03-02T01:00:00Z')).toMatchObject({
      from: '2026-02-27',
      through: '2026-03-01',
    });
    expect(due('0 9 * * 1-5', 'Asia/Shanghai', '2026-03-03T01:00:00Z')).toMatchObject({
      from: '2026-03-02',
      through: '2026-03-02',
    });
  });

  it('reports each day once even when it runs several times a day: only the run after midnight has a day to cover', () => {
    expect(due('0 */6 * * *', 'UTC', '2026-03-02T00:00:00Z')).toEqual({
      due: true,
      occurrence: new Date('2026-03-02T00:00:00Z'),
      from: '2026-03-01',
      through: '2026-03-01',
    });
    expect(due('0 */6 * * *', 'UTC', '2026-03-02T06:00:00Z')).toEqual({
      due: false,
      reason: 'nothing-to-cover',
    });
  });

  it('throws on a day that never exists (30 February), for the caller to log', () => {
    expect(() => due('0 9 30 2 *', 'UTC', '2026-03-02T06:00:00Z')).toThrow(/day of month/);
  });

  it('throws on a time zone the parser does not know, for the caller to log', () => {
    expect(() => due('weekly', 'Mars/Olympus_Mons', '2026-03-02T06:00:00Z')).toThrow();
  });
});

describe('the latest occurrence only', () => {
  it('after three weeks of downtime owes only the latest missed week', () => {
    // Down from Sunday 8 Feb to Wednesday 4 March: the reports of 9, 16, 23 February and 2 March were all missed.
    expect(due('weekly', 'Asia/Shanghai', '2026-03-04T03:00:00Z')).toEqual({
      due: true,
      occurrence: new Date('2026-03-02T01:00:00Z'),
      from: '2026-02-23',
      through: '2026-03-01',
    });
  });

  it('ignores an occurrence from before the binding existed', () => {
    const createdAt = new Date('2026-03-03T00:00:00Z');
    expect(due('weekly', 'Asia/Shanghai', '2026-03-04T03:00:00Z', createdAt)).toEqual({
      due: false,
      reason: 'before-binding',
    });
    expect(due('weekly', 'Asia/Shanghai', '2026-03-09T01:00:00Z', createdAt)).toMatchObject({
      due: true,
      from: '2026-03-02',
      through: '2026-03-08',
    });
  });

  it('counts an occurrence at exactly the instant asked about', () => {
    expect(latestOccurrences('weekly', 'UTC', new Date('2026-03-02T09:00:00Z'))).toEqual({
      occurrence: new Date('2026-03-02T09:00:00Z'),
      previous: new Date('2026-02-23T09:00:00Z'),
    });
  });

  it('has no days to cover between two occurrences on one day', () => {
    expect(
      coverageBetween(new Date('2026-03-02T01:00:00Z'), new Date('2026-03-02T07:00:00Z'), 'UTC'),
    ).toBeUndefined();
  });
});
