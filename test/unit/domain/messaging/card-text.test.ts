import { describe, expect, it } from 'vitest';
import { CARD_LOCALES } from '../../../../src/domain/messaging/card-format.js';
import { CARD_TEXT, type CardText } from '../../../../src/domain/messaging/card-text.js';

/**
 * One sample argument for every sentence of the catalogue, at the same path. The type requires an entry for
 * every function, so a new sentence cannot be added without being exercised here.
 */
type Samples<T> = {
  readonly [K in keyof T as T[K] extends string ? never : K]: T[K] extends (p: infer P) => string
    ? P
    : Samples<T[K]>;
};

const decider = { name: 'Bob', k: 1, n: 2, time: '14:02' };
const stageRef = { k: 1, n: 2 };

const SAMPLES: Samples<CardText> = {
  withDate: { item: 'ACME-AB12', date: '1 Mar' },
  withComment: { line: 'Approved', comment: 'ok' },
  input: { amountLabel: { currency: 'CNY' } },
  stage: { label: 'Initial review', ...stageRef },
  partiallyApprovedStatus: { approved: '¥300.00', claimed: '¥480.00' },
  approvalTitle: { id: 'ACME-7K3Q' },
  expenseTitle: { id: 'ACME-7K3Q', amount: '¥480.00' },
  replyHint: { id: 'ACME-7K3Q' },
  conversion: { amount: '¥480.00', rate: '7.2245', rateDate: '2 Mar' },
  receiptCount: { count: 2 },
  noReceiptBecause: { reason: 'lost' },
  decider: { name: 'Bob', onBehalfOf: 'Alice' },
  resolved: {
    approved: decider,
    partiallyApproved: { ...decider, amount: '¥300.00' },
    rejected: { ...decider, onBehalfOf: 'Alice' },
    returned: decider,
  },
  notice: {
    approved: { id: 'ACME-7K3Q' },
    partiallyApproved: { id: 'ACME-7K3Q' },
    rejected: { id: 'ACME-7K3Q' },
    returned: { id: 'ACME-7K3Q' },
    resubmitHint: { id: 'ACME-7K3Q' },
  },
  field: {},
  button: {},
  payment: {},
  status: {},
  findingName: {},
  finding: {
    PROHIBITED_CATEGORY: { category: 'Entertainment', amount: '¥480.00' },
    OVER_BUDGET: { exceedBy: '¥100.00', budget: '¥1,000.00', percentAfter: '110 %', basis: 'committed' },
    OVER_CATEGORY_LIMIT: { category: 'Meals', amount: '¥680.00', limit: '¥500.00', overBy: '¥180.00' },
    DUPLICATE_INVOICE: { invoiceNumber: '12345678', others: 'ACME-AB12' },
    DUPLICATE_RECEIPT: { others: 'ACME-AB12' },
    DUPLICATE_SUSPECTED: { amount: '¥480.00', others: 'ACME-AB12 (1 Mar)', windowDays: 1 },
    SPLIT_SUSPECTED: { count: 3, item: '¥480.00', date: '2 Mar', tierLimit: '¥500.00', total: '¥1,440.00' },
    MISSING_RECEIPT: { amount: '¥680.00', threshold: '¥200.00' },
    LATE_SUBMISSION: { incurredOn: '2 Jan', ageDays: 75, maxAgeDays: 60 },
    UNUSUAL_AMOUNT: { category: 'Meals', amount: '¥3,000.00', median: '¥300.00', sampleSize: 12 },
    ROUND_NUMBER: { amount: '¥500.00' },
    WEEKEND: { date: '7 Mar', weekday: 'Sat' },
  },
  budget: {
    impact: { scope: 'Acme', period: 'March', percent: '87 %' },
    impactWithForecast: {
      scope: 'Acme',
      period: 'March',
      percent: '87 %',
      forecastPercent: '104 %',
      forecastDate: '31 Mar',
    },
    split: { actual: '¥1.00', committed: '¥2.00', budget: '¥3.00' },
    willExceedBy: { amount: '¥1.00' },
    overBy: { amount: '¥1.00' },
    forecast: { percent: '104 %', date: '31 Mar', projected: '¥3.00' },
    forecastBasis: { pace: '¥1.00', elapsed: 10, total: 31, committed: '¥2.00' },
    line: { actual: '¥1.00', committed: '¥2.00', percent: '87 %' },
    cardTitle: { client: 'Acme' },
    none: { client: 'Acme' },
    heading: { scope: 'Acme', period: 'March 2026' },
    amountLine: { amount: '¥3.00', action: 'warn' },
    action: {},
    thresholdTitle: { scope: 'Acme', period: 'March', threshold: '80 %' },
    forecastTitle: { scope: 'Acme', period: 'March' },
    clientTitle: { scope: 'Acme', period: 'March', percent: '80 %' },
    clientText: { spent: '¥1.00', budget: '¥3.00', percent: '80 %' },
  },
  list: { title: { client: { client: 'Acme' } }, andMore: { count: 5 } },
};

type Leaf = { readonly path: string; readonly value: unknown };

const leavesOf = (value: unknown, path = ''): Leaf[] =>
  typeof value === 'object' && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => leavesOf(inner, path === '' ? key : `${path}.${key}`))
    : [{ path, value }];

const sampleAt = (path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], SAMPLES);

const en = leavesOf(CARD_TEXT.en);
const zh = leavesOf(CARD_TEXT['zh-CN']);

describe('CARD_TEXT', () => {
  it('has the same keys in English and Chinese, and both locales are catalogued', () => {
    expect(Object.keys(CARD_TEXT).sort()).toEqual([...CARD_LOCALES].sort());
    expect(zh.map((leaf) => leaf.path)).toEqual(en.map((leaf) => leaf.path));
    expect(en.length).toBeGreaterThan(100);
  });

  it.each(CARD_LOCALES)('has no empty text and every sentence yields text in %s', (locale) => {
    for (const { path, value } of leavesOf(CARD_TEXT[locale])) {
      const text = typeof value === 'function' ? (value as (p: unknown) => unknown)(sampleAt(path)) : value;
      expect(typeof text, path).toBe('string');
      expect((text as string).trim(), path).not.toBe('');
      expect(text as string, path).not.toMatch(/undefined|NaN|\[object|\{|\}/);
    }
  });

  it('writes Chinese in the Chinese catalogue', () => {
    const chinese = /\p{Script=Han}/u;
    expect(CARD_TEXT['zh-CN'].field.submitter).toMatch(chinese);
    const untranslated = zh.filter(
      (leaf, i) =>
        typeof leaf.value === 'string' && leaf.value === en[i]?.value && !/^[\s·,、]+$/.test(leaf.value),
    );
    expect(untranslated.map((leaf) => leaf.path)).toEqual([]);
  });

  it('names the labels the product spec names', () => {
    expect(CARD_TEXT.en.field).toMatchObject({
      submitter: 'Submitter',
      client: 'Client',
      amount: 'Amount',
      converted: 'Converted',
      date: 'Date',
      category: 'Category',
      description: 'Description',
      budget: 'Budget',
      risk: 'Risk',
    });
    expect(CARD_TEXT['zh-CN'].field).toMatchObject({
      submitter: '提交人',
      client: '客户',
      amount: '金额',
      converted: '折合',
      date: '日期',
      category: '类别',
      description: '说明',
      budget: '预算',
      risk: '风险提示',
    });
    expect(CARD_TEXT.en.button).toEqual({
      approve: 'Approve',
      reject: 'Reject',
      needsDetails: 'Needs details',
      approveAmount: 'Approve a different amount',
    });
    expect(CARD_TEXT['zh-CN'].button).toEqual({
      approve: '批准',
      reject: '驳回',
      needsDetails: '需补充',
      approveAmount: '按其他金额批准',
    });
  });
});
