// The report's arithmetic: integer basis points, totals that are the sums of their groups, periods named as people
// say them, and the client-facing measure reading billable columns only.
import { describe, expect, it } from 'vitest';
import type { SpendGroup } from '../../../../src/domain/ports/report-query.port.js';
import {
  categoryShares,
  comparePeriods,
  pendingTotals,
  periodAndPrevious,
  periodOfRange,
  projectShares,
  reportLineOf,
  shareBasisPoints,
  totalOf,
} from '../../../../src/domain/reports/compose-report.js';

const group = (over: Partial<SpendGroup>): SpendGroup => ({
  categoryCode: 'travel',
  projectId: undefined,
  approvedMinor: 0,
  approvedCount: 0,
  billableMinor: 0,
  billableCount: 0,
  pendingMinor: 0,
  pendingCount: 0,
  previousApprovedMinor: 0,
  previousBillableMinor: 0,
  ...over,
});

const GROUPS: SpendGroup[] = [
  group({
    approvedMinor: 10_001,
    approvedCount: 2,
    billableMinor: 10_001,
    billableCount: 2,
    previousApprovedMinor: 9_000,
    previousBillableMinor: 9_000,
  }),
  group({
    projectId: 'p-web',
    approvedMinor: 3_333,
    approvedCount: 1,
    billableMinor: 3_333,
    billableCount: 1,
    pendingMinor: 700,
    pendingCount: 2,
  }),
  group({
    categoryCode: 'entertainment',
    approvedMinor: 6_667,
    approvedCount: 1,
    previousApprovedMinor: 1_000,
  }),
  // Only in the previous period: counts toward the comparison, never as a line of this one.
  group({ categoryCode: 'meals', previousApprovedMinor: 500, previousBillableMinor: 500 }),
];

const names = (code: string) => ({ en: code.toUpperCase(), 'zh-CN': `类-${code}` });

describe('report arithmetic', () => {
  it('shares are basis points truncated toward zero, 0 of nothing', () => {
    expect(shareBasisPoints(1, 3)).toBe(3_333);
    expect(shareBasisPoints(2, 3)).toBe(6_666);
    expect(shareBasisPoints(5, 0)).toBe(0);
    expect(shareBasisPoints(-1, 3)).toBe(-3_333);
    // Past 2^53 when multiplied: bigint keeps it exact.
    expect(shareBasisPoints(2 ** 51, 2 ** 51)).toBe(10_000);
  });

  it('compares with the previous period in integers; no percentage when there was nothing before', () => {
    expect(comparePeriods(12_609, 12_000)).toEqual({
      currentMinor: 12_609,
      previousMinor: 12_000,
      deltaMinor: 609,
      deltaBp: 507,
    });
    expect(comparePeriods(900, 1_000)).toMatchObject({ deltaMinor: -100, deltaBp: -1_000 });
    expect(comparePeriods(500, 0)).toEqual({ currentMinor: 500, previousMinor: 0, deltaMinor: 500 });
    // From a net refund to spend still reads as growth.
    expect(comparePeriods(100, -100)).toMatchObject({ deltaBp: 20_000 });
  });

  it('internal totals count approved spend; client-facing ones approved billable spend; both equal their groups', () => {
    const internal = totalOf(GROUPS, 'approved');
    expect(internal).toMatchObject({ currentMinor: 20_001, previousMinor: 10_500 });
    const client = totalOf(GROUPS, 'billable');
    expect(client).toMatchObject({ currentMinor: 13_334, previousMinor: 9_500 });
    for (const measure of ['approved', 'billable'] as const) {
      const total = totalOf(GROUPS, measure).currentMinor;
      const byCategory = categoryShares(GROUPS, measure, names);
      const byProject = projectShares(GROUPS, measure, new Map());
      expect(byCategory.reduce((n, c) => n + c.amountMinor, 0)).toBe(total);
      expect(byProject.reduce((n, p) => n + p.amountMinor, 0)).toBe(total);
      expect(byCategory.map((c) => c.categoryCode)).not.toContain('meals');
    }
    expect(categoryShares(GROUPS, 'billable', names).map((c) => c.categoryCode)).toEqual(['travel']);
    expect(categoryShares(GROUPS, 'approved', names)).toEqual([
      { categoryCode: 'travel', name: names('travel'), amountMinor: 13_334, count: 3, shareBp: 6_666 },
      {
        categoryCode: 'entertainment',
        name: names('entertainment'),
        amountMinor: 6_667,
        count: 1,
        shareBp: 3_333,
      },
    ]);
    expect(pendingTotals(GROUPS)).toEqual({ count: 2, totalMinor: 700 });
  });

  it('names projects from the directory and keeps spend without one apart', () => {
    const projects = new Map([
      [
        'p-web',
        {
          id: 'p-web',
          clientId: 'c',
          code: 'website',
          name: 'Website',
          startOn: undefined,
          endOn: undefined,
          status: 'active' as const,
        },
      ],
    ]);
    expect(projectShares(GROUPS, 'approved', projects)).toEqual([
      { amountMinor: 16_668, count: 3, shareBp: 8_333 },
      { projectId: 'p-web', projectName: 'Website', amountMinor: 3_333, count: 1, shareBp: 1_666 },
    ]);
  });

  it('a client never reads why finance adjusted', () => {
    const line = reportLineOf(
      {
        id: 'ACME-ADJ1',
        kind: 'adjustment',
        incurredOn: '2026-02-20',
        categoryCode: 'travel',
        projectId: undefined,
        description: 'overcharged, fixing',
        amountMinor: -100,
        status: 'approved',
        billable: true,
        submitterId: 'fay',
      },
      new Map(),
      () => ({ en: 'Travel', 'zh-CN': '差旅' }),
    );
    expect(line).toEqual({
      id: 'ACME-ADJ1',
      kind: 'adjustment',
      categoryName: { en: 'Travel', 'zh-CN': '差旅' },
      incurredOn: '2026-02-20',
      categoryCode: 'travel',
      description: '',
      amountMinor: -100,
    });
  });

  it('names a scheduled range as the calendar period it is, else by its dates, with the period before it', () => {
    expect(periodOfRange('2026-02-01', '2026-02-28').key).toBe('2026-02');
    expect(periodOfRange('2026-03-02', '2026-03-08').key).toBe('2026-W10');
    expect(periodOfRange('2026-01-01', '2026-03-31').key).toBe('2026-Q1');
    const odd = periodOfRange('2026-03-03', '2026-03-05');
    expect(odd).toEqual({ key: '2026-03-03..2026-03-05', start: '2026-03-03', end: '2026-03-05' });
    expect(periodAndPrevious(odd).previous).toMatchObject({ start: '2026-02-28', end: '2026-03-02' });
    expect(periodAndPrevious(periodOfRange('2026-03-01', '2026-03-31')).previous).toMatchObject({
      key: '2026-02',
      start: '2026-02-01',
      end: '2026-02-28',
    });
  });
});
