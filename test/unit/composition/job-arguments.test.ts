import { describe, expect, it } from 'vitest';
import { describeJobFailure, parseJobArguments } from '../../../src/composition/run-job-command.js';

const NOW = new Date('2026-03-04T05:06:07Z');

describe('outlay job arguments', () => {
  it('takes a job, an instant with its offset, and a client', () => {
    expect(
      parseJobArguments(['reports', '--at', '2026-03-02T09:00:00+08:00', '--client', 'acme'], NOW),
    ).toEqual({
      name: 'reports',
      at: new Date('2026-03-02T01:00:00Z'),
      clientCode: 'acme',
    });
    expect(parseJobArguments(['outbox', '--at=2026-03-02T01:00Z'], NOW)).toEqual({
      name: 'outbox',
      at: new Date('2026-03-02T01:00:00Z'),
    });
  });

  it('runs as of now without --at', () => {
    expect(parseJobArguments(['audit-seal'], NOW)).toEqual({ name: 'audit-seal', at: NOW });
  });

  it.each([
    [[], /name the job/],
    [['report'], /"report" is not a job\. Jobs: reports, budget-warnings, reminders, outbox, audit-seal\./],
    [['reports', 'extra'], /unexpected argument "extra"/],
    [['reports', '--at', '2026-03-02 09:00'], /not an ISO 8601 instant with a UTC offset/],
    [['reports', '--at', '2026-03-02T09:00:00'], /not an ISO 8601 instant with a UTC offset/],
    [['reports', '--at', '2026-02-30T09:00:00Z'], /not an ISO 8601 instant/],
    [['reports', '--at'], /--at/],
    [['reports', '--when', 'now'], /--when/],
    [
      ['outbox', '--client', 'acme'],
      /the outbox job works on everything; --client is for reports, budget-warnings, reminders/,
    ],
    [['reports', '--client', '@'], /--client needs a client code/],
  ])('refuses %j', (args, message) => {
    const parsed = parseJobArguments(args, NOW);
    expect(parsed).toHaveProperty('usage');
    expect((parsed as { usage: string }).usage).toMatch(message);
  });

  it('explains an unknown client', () => {
    expect(describeJobFailure({ code: 'UNKNOWN_CLIENT', details: { client: 'initech' } })).toBe(
      'no client has the code "initech".',
    );
  });
});
