import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addWorkingHours,
  hasWorkingHoursElapsed,
  workingHoursBetween,
  workingMillisecondsBetween,
} from '../../../../src/domain/periods/working-hours.js';

const at = (iso: string) => Temporal.Instant.from(iso);
const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

describe('workingHoursBetween', () => {
  it('Given a span inside one working day, Then it counts the span', () => {
    // Tue 3 Mar 2026, 10:00 → 12:30 Shanghai
    expect(workingHoursBetween(at('2026-03-03T02:00:00Z'), at('2026-03-03T04:30:00Z'), SHANGHAI)).toBe(2.5);
  });

  it('Given a span across a weekend in Shanghai, Then Saturday and Sunday count for nothing', () => {
    // Fri 6 Mar 17:00 → Mon 9 Mar 10:00 Shanghai: 1 h on Friday + 1 h on Monday
    expect(workingHoursBetween(at('2026-03-06T09:00:00Z'), at('2026-03-09T02:00:00Z'), SHANGHAI)).toBe(2);
  });

  it('Given the same two instants in New York, Then the local calendar decides: all of Friday, none of Monday', () => {
    // Fri 6 Mar 04:00 EST → Sun 8 Mar 22:00 EDT
    expect(workingHoursBetween(at('2026-03-06T09:00:00Z'), at('2026-03-09T02:00:00Z'), NEW_YORK)).toBe(9);
  });

  it('Given a span across the spring DST change in New York, Then 9 working hours remain though 71 real hours pass', () => {
    const fridayNoonEst = at('2026-03-06T17:00:00Z');
    const mondayNoonEdt = at('2026-03-09T16:00:00Z');
    expect(fridayNoonEst.until(mondayNoonEdt).total('hours')).toBe(71);
    expect(workingHoursBetween(fridayNoonEst, mondayNoonEdt, NEW_YORK)).toBe(9);
  });

  it('Given a start in the evening or on a weekend, Then counting starts at the next opening', () => {
    // Sat 7 Mar 11:00 → Mon 9 Mar 10:00 Shanghai
    expect(workingHoursBetween(at('2026-03-07T03:00:00Z'), at('2026-03-09T02:00:00Z'), SHANGHAI)).toBe(1);
    // Tue 3 Mar 20:00 → Wed 4 Mar 09:30 Shanghai
    expect(workingHoursBetween(at('2026-03-03T12:00:00Z'), at('2026-03-04T01:30:00Z'), SHANGHAI)).toBe(0.5);
  });

  it('Given an end before the start, Then no working time has passed', () => {
    expect(workingMillisecondsBetween(at('2026-03-04T05:00:00Z'), at('2026-03-03T05:00:00Z'), SHANGHAI)).toBe(
      0,
    );
  });

  it('accepts epoch milliseconds', () => {
    const from = at('2026-03-02T01:00:00Z').epochMilliseconds; // Mon 09:00 Shanghai
    const to = at('2026-03-02T10:00:00Z').epochMilliseconds; // Mon 18:00
    expect(workingHoursBetween(from, to, SHANGHAI)).toBe(9);
  });
});

describe('hasWorkingHoursElapsed', () => {
  // Mon 2 Mar 2026 09:00 Shanghai; 24 working hours later is Wed 4 Mar 15:00.
  const loggedAt = at('2026-03-02T01:00:00Z');

  it('Given exactly 24 working hours, Then the reminder is due; a millisecond earlier it is not', () => {
    const due = at('2026-03-04T07:00:00Z');
    expect(hasWorkingHoursElapsed(loggedAt, due, 24, SHANGHAI)).toBe(true);
    expect(hasWorkingHoursElapsed(loggedAt, due.subtract({ milliseconds: 1 }), 24, SHANGHAI)).toBe(false);
  });
});

describe('addWorkingHours', () => {
  it('Given a Monday-morning item, Then 24 working hours fall on Wednesday at 15:00 local', () => {
    expect(addWorkingHours(at('2026-03-02T01:00:00Z'), 24, SHANGHAI).toString()).toBe('2026-03-04T07:00:00Z');
  });

  it('Given a Friday-afternoon item, Then the clock skips the weekend', () => {
    // Fri 6 Mar 16:00 Shanghai + 3 h = Mon 9 Mar 10:00
    expect(addWorkingHours(at('2026-03-06T08:00:00Z'), 3, SHANGHAI).toString()).toBe('2026-03-09T02:00:00Z');
  });

  it('Given New York across the DST change, Then it lands on Monday at noon EDT', () => {
    expect(addWorkingHours(at('2026-03-06T17:00:00Z'), 9, NEW_YORK).toString()).toBe('2026-03-09T16:00:00Z');
  });

  it('Given 72 working hours, Then it agrees with workingHoursBetween', () => {
    const start = at('2026-03-05T06:13:00Z');
    const due = addWorkingHours(start, 72, NEW_YORK);
    expect(workingHoursBetween(start, due, NEW_YORK)).toBe(72);
    // Thu 5 Mar 01:13 EST: counting starts at 09:00; eight working days later is Mon 16 Mar 18:00 EDT.
    expect(due.toString()).toBe('2026-03-16T22:00:00Z');
  });

  it('Given zero hours, Then it is the start itself', () => {
    const start = at('2026-03-07T03:00:00Z');
    expect(addWorkingHours(start, 0, SHANGHAI).equals(start)).toBe(true);
  });
});
