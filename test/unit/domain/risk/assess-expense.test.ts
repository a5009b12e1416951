import { describe, expect, it } from 'vitest';
import { evaluateNewExpense } from '../../../../src/domain/budgets/evaluate-new-expense.js';
import type { CurrencyCode } from '../../../../src/domain/money/money.js';
import type { AssessmentInput } from '../../../../src/domain/risk/assess-expense.js';
import { assessExpense } from '../../../../src/domain/risk/assess-expense.js';
import type { Finding, FindingCode } from '../../../../src/domain/risk/finding.js';
import { needsAttention, sortFindings } from '../../../../src/domain/risk/finding.js';
import { aCandidate, aNeighbour, aPolicy, CNY, TODAY, USD } from './risk-fixtures.js';

const assess = (input: Partial<AssessmentInput>): Finding[] =>
  assessExpense({ candidate: aCandidate(), policy: aPolicy(), today: TODAY, ...input });
const codes = (input: Partial<AssessmentInput>): FindingCode[] => assess(input).map((f) => f.code);
const find = (code: FindingCode, input: Partial<AssessmentInput>): Finding | undefined =>
  assess(input).find((f) => f.code === code);

describe('assessExpense', () => {
  it('Given a clean weekday meal with a receipt, Then there are no findings', () => {
    expect(assess({})).toEqual([]);
  });

  describe('PROHIBITED_CATEGORY', () => {
    it('Given a prohibited category, Then a high finding', () => {
      const policy = aPolicy({ prohibitedCategories: new Set(['meals']) });
      expect(find('PROHIBITED_CATEGORY', { policy })).toEqual({
        code: 'PROHIBITED_CATEGORY',
        severity: 'high',
        evidence: { category: 'meals', amountMinor: 4_580, currency: 'CNY' },
      });
    });
    it('Given another category is prohibited, Then nothing', () => {
      expect(codes({ policy: aPolicy({ prohibitedCategories: new Set(['entertainment']) }) })).toEqual([]);
    });
  });

  describe('OVER_CATEGORY_LIMIT', () => {
    const policy = aPolicy({ categoryLimits: new Map([['meals', 30_000]]) });
    it('Given ¥300.01 against a ¥300 meals limit, Then a warning with the overrun', () => {
      const candidate = aCandidate({
        clientAmountMinor: 30_001,
        amount: { amountMinor: 30_001, currency: CNY },
      });
      expect(find('OVER_CATEGORY_LIMIT', { candidate, policy })).toEqual({
        code: 'OVER_CATEGORY_LIMIT',
        severity: 'warn',
        evidence: {
          category: 'meals',
          amountMinor: 30_001,
          limitMinor: 30_000,
          overByMinor: 1,
          currency: 'CNY',
        },
      });
    });
    it('Given exactly the limit, Then nothing', () => {
      const candidate = aCandidate({
        clientAmountMinor: 30_000,
        amount: { amountMinor: 29_999, currency: CNY },
      });
      expect(codes({ candidate, policy })).toEqual([]);
    });
  });

  describe('OVER_BUDGET', () => {
    const budget = {
      id: 'acme-march',
      clientId: 'acme',
      period: 'monthly' as const,
      amount: { amountMinor: 10_000, currency: CNY },
      thresholdsPercent: [50, 80, 100],
      action: 'warn' as const,
    };
    const evaluate = (actualMinor: number, committedMinor: number, newAmountMinor: number) =>
      evaluateNewExpense({
        budget,
        consumption: { actualMinor, committedMinor },
        newAmountMinor,
        override: false,
        actorCanOverride: false,
      });

    it('Given approved spend plus the item exceeds the budget, Then a high finding on the actual basis', () => {
      expect(find('OVER_BUDGET', { budgetEvaluations: [evaluate(9_000, 0, 4_580)] })).toEqual({
        code: 'OVER_BUDGET',
        severity: 'high',
        evidence: {
          budgetId: 'acme-march',
          basis: 'actual',
          budgetMinor: 10_000,
          actualMinor: 9_000,
          committedMinor: 0,
          amountMinor: 4_580,
          exceedByMinor: 3_580,
          percentAfterBp: 13_580,
          outcome: 'warn',
          currency: 'CNY',
        },
      });
    });
    it('Given only pending spend pushes it over, Then a warning on the committed basis', () => {
      const finding = find('OVER_BUDGET', { budgetEvaluations: [evaluate(1_000, 8_000, 4_580)] });
      expect(finding).toMatchObject({
        severity: 'warn',
        evidence: { basis: 'committed', exceedByMinor: 3_580 },
      });
    });
    it('Given the budget holds, Then nothing', () => {
      expect(codes({ budgetEvaluations: [evaluate(1_000, 1_000, 4_580)] })).toEqual([]);
    });
  });

  describe('DUPLICATE_SUSPECTED', () => {
    it('Given the same person, client and amount one day apart, Then a warning naming the other item', () => {
      const recentSimilar = [aNeighbour('ACME-7K3Q', { incurredOn: '2026-03-03' })];
      expect(find('DUPLICATE_SUSPECTED', { recentSimilar })).toEqual({
        code: 'DUPLICATE_SUSPECTED',
        severity: 'warn',
        evidence: {
          count: 1,
          otherIds: 'ACME-7K3Q',
          otherDates: '2026-03-03',
          incurredOn: '2026-03-02',
          amountMinor: 4_580,
          currency: 'CNY',
          windowDays: 1,
        },
      });
    });
    it.each([
      ['two days apart', aNeighbour('X', { incurredOn: '2026-03-04' })],
      ['another submitter', aNeighbour('X', { submitterId: 'bob' })],
      ['another client', aNeighbour('X', { clientId: 'globex' })],
      ['another amount', aNeighbour('X', { amount: { amountMinor: 4_581, currency: CNY } })],
      [
        'the same figure in another currency',
        aNeighbour('X', { amount: { amountMinor: 4_580, currency: USD } }),
      ],
      ['a withdrawn item', aNeighbour('X', { status: 'withdrawn' })],
    ])('Given %s, Then nothing', (_label, neighbour) => {
      expect(codes({ recentSimilar: [neighbour] })).not.toContain('DUPLICATE_SUSPECTED');
    });
    it('Given the expense itself among the neighbours (an edit), Then it is not its own duplicate', () => {
      const candidate = aCandidate({ id: 'ACME-SELF' });
      expect(codes({ candidate, recentSimilar: [aNeighbour('ACME-SELF')] })).toEqual([]);
    });
  });

  describe('DUPLICATE_RECEIPT', () => {
    it('Given the same receipt hash on another client’s item, Then a high finding', () => {
      const candidate = aCandidate({ receiptSha256: ['ABCDEF01'] });
      const recentSimilar = [
        aNeighbour('GLOB-22QX', { clientId: 'globex', submitterId: 'bob', receiptSha256: ['abcdef01'] }),
      ];
      expect(find('DUPLICATE_RECEIPT', { candidate, recentSimilar })).toEqual({
        code: 'DUPLICATE_RECEIPT',
        severity: 'high',
        evidence: { sha256: 'abcdef01', count: 1, otherIds: 'GLOB-22QX' },
      });
    });
    it('Given different hashes, no receipt or a rejected item, Then nothing', () => {
      const other = aNeighbour('X', { clientId: 'globex', receiptSha256: ['ffff'] });
      expect(codes({ recentSimilar: [other] })).toEqual([]);
      expect(
        codes({
          candidate: aCandidate({ receiptSha256: [], missingReceiptReason: 'lost' }),
          recentSimilar: [other],
        }),
      ).toEqual([]);
      const rejected = aNeighbour('Y', { clientId: 'globex', receiptSha256: ['aa11'], status: 'rejected' });
      expect(codes({ recentSimilar: [rejected] })).toEqual([]);
    });
  });

  describe('DUPLICATE_INVOICE', () => {
    it('Given the same 发票号码 written with spaces and full-width digits, Then a high finding', () => {
      const candidate = aCandidate({ invoiceNumber: ' 0442 0001 ' });
      const recentSimilar = [
        aNeighbour('ACME-9ZZZ', { clientId: 'globex', invoiceNumber: '０４４２０００１' }),
      ];
      expect(find('DUPLICATE_INVOICE', { candidate, recentSimilar })).toEqual({
        code: 'DUPLICATE_INVOICE',
        severity: 'high',
        evidence: { invoiceNumber: '04420001', count: 1, otherIds: 'ACME-9ZZZ' },
      });
    });
    it('Given another number or none, Then nothing', () => {
      const recentSimilar = [aNeighbour('X', { clientId: 'globex', invoiceNumber: '04420002' })];
      expect(codes({ candidate: aCandidate({ invoiceNumber: '04420001' }), recentSimilar })).toEqual([]);
      expect(codes({ recentSimilar })).toEqual([]);
    });
  });

  describe('SPLIT_SUSPECTED', () => {
    const item = (amountMinor: number) => ({
      amount: { amountMinor, currency: CNY },
      clientAmountMinor: amountMinor,
    });
    const candidate = aCandidate(item(48_000));

    it('Given 3 items of ¥480 on 2 Mar under a ¥500 tier, Then a warning: total ¥1 440', () => {
      const recentSimilar = [
        aNeighbour('ACME-0001', { ...item(48_000), receiptSha256: ['r1'] }),
        aNeighbour('ACME-0002', { ...item(48_000), receiptSha256: ['r2'], status: 'approved' }),
      ];
      const finding = find('SPLIT_SUSPECTED', { candidate, recentSimilar });
      expect(finding).toEqual({
        code: 'SPLIT_SUSPECTED',
        severity: 'warn',
        evidence: {
          count: 3,
          date: '2026-03-02',
          category: 'meals',
          minItemMinor: 48_000,
          maxItemMinor: 48_000,
          tierLimitMinor: 50_000,
          totalMinor: 144_000,
          currency: 'CNY',
          otherIds: 'ACME-0001,ACME-0002',
        },
      });
    });

    it('Given two-stage items that together need three stages, Then it is caught at that tier', () => {
      const big = aCandidate(item(300_000));
      const finding = find('SPLIT_SUSPECTED', {
        candidate: big,
        recentSimilar: [aNeighbour('X', item(300_000))],
      });
      expect(finding?.evidence).toMatchObject({ tierLimitMinor: 500_000, totalMinor: 600_000 });
    });

    it.each([
      ['a total within the tier', aNeighbour('X', item(2_000))],
      ['another day', aNeighbour('X', { ...item(48_000), incurredOn: '2026-03-03' })],
      ['another category', aNeighbour('X', { ...item(48_000), categoryCode: 'travel' })],
      ['another person', aNeighbour('X', { ...item(48_000), submitterId: 'bob' })],
      ['a voided item', aNeighbour('X', { ...item(48_000), status: 'voided' })],
    ])('Given %s, Then nothing', (_label, neighbour) => {
      expect(codes({ candidate, recentSimilar: [neighbour] })).not.toContain('SPLIT_SUSPECTED');
    });

    it('Given items already in the top tier, Then there is no higher tier to dodge', () => {
      const top = aCandidate(item(600_000));
      expect(codes({ candidate: top, recentSimilar: [aNeighbour('X', item(600_000))] })).not.toContain(
        'SPLIT_SUSPECTED',
      );
    });
  });

  describe('MISSING_RECEIPT', () => {
    const noReceipt = (amountMinor: number, reason?: string) =>
      aCandidate({
        amount: { amountMinor, currency: CNY },
        clientAmountMinor: amountMinor,
        receiptSha256: [],
        ...(reason === undefined ? {} : { missingReceiptReason: reason }),
      });

    it('Given ¥100.01 without a receipt or a reason, Then a warning citing the ¥100 threshold', () => {
      expect(find('MISSING_RECEIPT', { candidate: noReceipt(10_001) })).toEqual({
        code: 'MISSING_RECEIPT',
        severity: 'warn',
        evidence: { category: 'meals', amountMinor: 10_001, thresholdMinor: 10_000, currency: 'CNY' },
      });
    });
    it('Given exactly the threshold, a declared reason, or a receipt, Then nothing', () => {
      expect(codes({ candidate: noReceipt(10_000) })).toEqual(['ROUND_NUMBER']);
      expect(codes({ candidate: noReceipt(10_001, 'taxi had no printer') })).toEqual([]);
      expect(codes({ candidate: noReceipt(10_001, '   ') })).toEqual(['MISSING_RECEIPT']);
      expect(
        codes({
          candidate: aCandidate({
            clientAmountMinor: 10_001,
            amount: { amountMinor: 10_001, currency: CNY },
          }),
        }),
      ).toEqual([]);
    });
    it('Given a category-specific threshold, Then it applies', () => {
      const policy = aPolicy({ categoryReceiptThresholds: new Map([['meals', 0]]) });
      expect(codes({ candidate: noReceipt(4_580), policy })).toEqual(['MISSING_RECEIPT']);
    });
  });

  describe('LATE_SUBMISSION', () => {
    it('Given an item 61 days old against a 60-day maximum, Then a warning with its age', () => {
      const candidate = aCandidate({ incurredOn: '2026-01-02' });
      expect(find('LATE_SUBMISSION', { candidate, today: '2026-03-04' })).toEqual({
        code: 'LATE_SUBMISSION',
        severity: 'warn',
        evidence: { incurredOn: '2026-01-02', today: '2026-03-04', ageDays: 61, maxAgeDays: 60 },
      });
    });
    it('Given exactly 60 days, Then nothing', () => {
      expect(codes({ candidate: aCandidate({ incurredOn: '2026-01-05' }), today: '2026-03-06' })).toEqual([]);
    });
  });

  describe('ROUND_NUMBER and WEEKEND', () => {
    it('Given ¥500.00 as entered, Then an info flag', () => {
      const candidate = aCandidate({
        amount: { amountMinor: 50_000, currency: CNY },
        clientAmountMinor: 50_000,
      });
      expect(find('ROUND_NUMBER', { candidate })).toEqual({
        code: 'ROUND_NUMBER',
        severity: 'info',
        evidence: { amountMinor: 50_000, currency: 'CNY', multipleOfMajor: 100 },
      });
    });
    it('Given ¥10 000 in yen (no minor digits), Then an info flag; ¥480 or $45.80 is not round', () => {
      const yen = aCandidate({
        amount: { amountMinor: 10_000, currency: 'JPY' as CurrencyCode },
        amountExponent: 0,
      });
      expect(codes({ candidate: yen })).toEqual(['ROUND_NUMBER']);
      expect(codes({ candidate: aCandidate({ amount: { amountMinor: 48_000, currency: CNY } }) })).toEqual(
        [],
      );
      expect(codes({ candidate: aCandidate({ amount: { amountMinor: 4_580, currency: USD } }) })).toEqual([]);
    });
    it('Given Saturday 7 March, Then an info flag; Friday is a working day', () => {
      expect(find('WEEKEND', { candidate: aCandidate({ incurredOn: '2026-03-07' }) })).toEqual({
        code: 'WEEKEND',
        severity: 'info',
        evidence: { date: '2026-03-07', isoWeekday: 6 },
      });
      expect(codes({ candidate: aCandidate({ incurredOn: '2026-03-06' }) })).toEqual([]);
    });
  });

  it('Given several findings, Then they come in the fixed code order, and info alone does not need attention', () => {
    const candidate = aCandidate({
      amount: { amountMinor: 50_000, currency: CNY },
      clientAmountMinor: 50_000,
      incurredOn: '2025-12-27',
      receiptSha256: [],
    });
    const findings = assess({ candidate, policy: aPolicy({ prohibitedCategories: new Set(['meals']) }) });
    expect(findings.map((f) => f.code)).toEqual([
      'PROHIBITED_CATEGORY',
      'MISSING_RECEIPT',
      'LATE_SUBMISSION',
      'ROUND_NUMBER',
      'WEEKEND',
    ]);
    expect(needsAttention(findings)).toBe(true);
    expect(needsAttention(findings.filter((f) => f.severity === 'info'))).toBe(false);
    expect(sortFindings([...findings].reverse()).map((f) => f.code)).toEqual(findings.map((f) => f.code));
  });
});
