import { describe, expect, it } from 'vitest';
import { describeFinding } from '../../../../src/domain/messaging/finding-text.js';
import { FINDING_CODES, type Finding, type FindingCode } from '../../../../src/domain/risk/finding.js';
import { roundFinding, splitFinding } from './messaging-fixtures.js';

const finding = (code: FindingCode, evidence: Finding['evidence']): Finding => ({
  code,
  severity: 'warn',
  evidence,
});

// Evidence shaped as src/domain/risk produces it.
const CASES: readonly [Finding, string, string][] = [
  [
    finding('PROHIBITED_CATEGORY', { category: 'entertainment', amountMinor: 48_000, currency: 'CNY' }),
    'Entertainment is a prohibited category (CN¥480.00)',
    '“招待”为禁止报销的类别（¥480.00）',
  ],
  [
    finding('OVER_BUDGET', {
      budgetId: 'b1',
      basis: 'actual',
      budgetMinor: 1_000_000,
      actualMinor: 990_000,
      committedMinor: 0,
      amountMinor: 48_000,
      exceedByMinor: 38_000,
      percentAfterBp: 10_380,
      outcome: 'warn',
      currency: 'CNY',
    }),
    'Over budget by CN¥380.00: 103 % of CN¥10,000.00 on approved spend alone',
    '超出预算 ¥380.00：仅按已批准支出计，达预算 ¥10,000.00 的 103%',
  ],
  [
    finding('OVER_CATEGORY_LIMIT', {
      category: 'entertainment',
      amountMinor: 68_000,
      limitMinor: 50_000,
      overByMinor: 18_000,
      currency: 'CNY',
    }),
    'CN¥680.00 is CN¥180.00 over the Entertainment limit of CN¥500.00',
    '¥680.00 超出“招待”单笔限额 ¥500.00，超出 ¥180.00',
  ],
  [
    finding('DUPLICATE_INVOICE', { invoiceNumber: '04400123', count: 1, otherIds: 'ACME-AB12' }),
    'Invoice 04400123 is already claimed on ACME-AB12',
    '发票号码 04400123 已在 ACME-AB12 报销',
  ],
  [
    finding('DUPLICATE_RECEIPT', { sha256: 'ab', count: 2, otherIds: 'ACME-AB12,BETA-CD34' }),
    'The same receipt file is attached to ACME-AB12, BETA-CD34',
    '相同的票据文件已附在 ACME-AB12、BETA-CD34',
  ],
  [
    finding('DUPLICATE_SUSPECTED', {
      count: 2,
      otherIds: 'ACME-AB12,ACME-CD34',
      otherDates: '2026-03-01,2026-03-02',
      incurredOn: '2026-03-02',
      amountMinor: 48_000,
      currency: 'CNY',
      windowDays: 1,
    }),
    'Same amount (CN¥480.00) by the same person within 1 day: ACME-AB12 (1 Mar), ACME-CD34 (2 Mar)',
    '同一人 1 天内有相同金额（¥480.00）：ACME-AB12（3月1日）、ACME-CD34（3月2日）',
  ],
  [
    splitFinding,
    'Possible split: 3 items of CN¥480.00 on 2 Mar, tier limit CN¥500.00, total CN¥1,440.00',
    '疑似拆单：3月2日 共 3 笔 ¥480.00，审批档位上限 ¥500.00，合计 ¥1,440.00',
  ],
  [
    finding('MISSING_RECEIPT', {
      category: 'entertainment',
      amountMinor: 68_000,
      thresholdMinor: 20_000,
      currency: 'CNY',
    }),
    'No receipt for CN¥680.00; receipts are required above CN¥200.00',
    '¥680.00 无票据；超过 ¥200.00 须提供票据',
  ],
  [
    finding('LATE_SUBMISSION', {
      incurredOn: '2026-01-02',
      today: '2026-03-18',
      ageDays: 75,
      maxAgeDays: 60,
    }),
    'Logged 75 days after it was incurred (2 Jan); the limit is 60 days',
    '发生于 1月2日，75 天后才提交，超过 60 天时限',
  ],
  [
    finding('UNUSUAL_AMOUNT', {
      category: 'entertainment',
      amountMinor: 300_000,
      medianMinor: 30_000,
      madMinor: 5_000,
      thresholdMinor: 60_000,
      sampleSize: 12,
      madMultiplier: 5,
      percentOfMedian: 1000,
      currency: 'CNY',
    }),
    'Unusually high for Entertainment: CN¥3,000.00 against a usual CN¥300.00 (median of 12)',
    '“招待”金额异常偏高：¥3,000.00，通常为 ¥300.00（12 笔的中位数）',
  ],
  [roundFinding, 'Round amount: CN¥480.00', '整数金额：¥480.00'],
  [
    finding('WEEKEND', { date: '2026-03-07', isoWeekday: 6 }),
    'Incurred on a weekend: Sat 7 Mar',
    '发生在周末：3月7日 周六',
  ],
];

describe('describeFinding', () => {
  it('covers every finding code', () => {
    expect(new Set(CASES.map(([f]) => f.code))).toEqual(new Set(FINDING_CODES));
  });

  it.each(CASES)('given %j, then it reads in English and Chinese', (f, en, zh) => {
    const categoryName = { en: 'Entertainment', 'zh-CN': '招待' };
    expect(describeFinding(f, { locale: 'en', categoryName: categoryName.en })).toBe(en);
    expect(describeFinding(f, { locale: 'zh-CN', categoryName: categoryName['zh-CN'] })).toBe(zh);
  });

  it('given split items of different amounts, then the range is shown', () => {
    const split = { ...splitFinding, evidence: { ...splitFinding.evidence, minItemMinor: 30_000 } };
    expect(describeFinding(split, { locale: 'en' })).toBe(
      'Possible split: 3 items of CN¥300.00–CN¥480.00 on 2 Mar, tier limit CN¥500.00, total CN¥1,440.00',
    );
  });

  it('given no category name, then the category code is named', () => {
    const f = finding('PROHIBITED_CATEGORY', {
      category: 'entertainment',
      amountMinor: 100,
      currency: 'CNY',
    });
    expect(describeFinding(f, { locale: 'en' })).toBe('#entertainment is a prohibited category (CN¥1.00)');
  });

  it.each([
    [finding('SPLIT_SUSPECTED', { count: 3 }), 'Possible split', '疑似拆单'],
    [finding('ROUND_NUMBER', { amountMinor: 500, currency: 'XYZ' }), 'Round amount', '整数金额'],
    [finding('WEEKEND', { date: '2026-02-30' }), 'Weekend', '周末发生'],
    [
      finding('LATE_SUBMISSION', { incurredOn: '2026-01-02', ageDays: 1.5, maxAgeDays: 60 }),
      'Late submission',
      '逾期提交',
    ],
    [finding('DUPLICATE_RECEIPT', { otherIds: ' , ' }), 'Receipt already used', '票据重复'],
  ])(
    'given evidence missing what the sentence needs (%j), then the finding is named instead',
    (f, en, zh) => {
      expect(describeFinding(f, { locale: 'en' })).toBe(en);
      expect(describeFinding(f, { locale: 'zh-CN' })).toBe(zh);
    },
  );
});
