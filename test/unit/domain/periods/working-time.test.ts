// When reminders may go out and when an item becomes due, in the client's time zone.
import { describe, expect, it } from 'vitest';
import { isWorkingTime, workingHoursBetween } from '../../../../src/domain/periods/working-hours.js';

const ms = (iso: string) => new Date(iso).getTime();
const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

describe('isWorkingTime', () => {
  it('Given a weekday between 09:00 and 18:00 local, Then it is working time; 18:00 itself is not', () => {
    expect(isWorkingTime(ms('2026-03-10T01:00:00Z'), SHANGHAI)).toBe(true); // Tue 09:00
    expect(isWorkingTime(ms('2026-03-10T09:59:59Z'), SHANGHAI)).toBe(true); // Tue 17:59:59
    expect(isWorkingTime(ms('2026-03-10T10:00:00Z'), SHANGHAI)).toBe(false); // Tue 18:00
    expect(isWorkingTime(ms('2026-03-10T00:59:59Z'), SHANGHAI)).toBe(false); // Tue 08:59:59
  });

  it('Given a Saturday, Then it is not working time at any hour', () => {
    expect(isWorkingTime(ms('2026-03-14T04:00:00Z'), SHANGHAI)).toBe(false);
  });

  it('Given one instant, Then it depends on the client: Shanghai evening is New York morning', () => {
    const instant = ms('2026-03-10T14:00:00Z'); // 22:00 Shanghai, 10:00 New York (EDT)
    expect(isWorkingTime(instant, SHANGHAI)).toBe(false);
    expect(isWorkingTime(instant, NEW_YORK)).toBe(true);
  });
});

describe('reminder ages in working hours', () => {
  const requested = ms('2026-03-10T04:00:00Z'); // Tue 12:00 Shanghai

  it('Given a step opened Tuesday noon, Then 24 working hours pass Thursday 18:00, not before', () => {
    expect(workingHoursBetween(requested, ms('2026-03-12T09:00:00Z'), SHANGHAI)).toBe(23);
    expect(workingHoursBetween(requested, ms('2026-03-12T10:00:00Z'), SHANGHAI)).toBe(24);
    // The night and the next morning before 09:00 add nothing.
    expect(workingHoursBetween(requested, ms('2026-03-13T00:30:00Z'), SHANGHAI)).toBe(24);
  });

  it('Given the same step, Then 72 working hours pass on the Friday after next at noon, across a weekend', () => {
    expect(workingHoursBetween(requested, ms('2026-03-20T04:00:00Z'), SHANGHAI)).toBe(72);
    expect(workingHoursBetween(requested, ms('2026-03-20T06:00:00Z'), SHANGHAI)).toBe(74);
  });
});
