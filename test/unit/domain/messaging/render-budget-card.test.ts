import { describe, expect, it } from 'vitest';
import { forecastPeriodEnd } from '../../../../src/domain/budgets/forecast.js';
import { type BudgetView, renderBudgetCard } from '../../../../src/domain/messaging/render-budget-card.js';
import { cny } from './messaging-fixtures.js';

// CN¥20,000.00 approved in the first 10 days of March: CN¥2,000.00 a day → CN¥62,000.00 by 31 March, plus pending.
const march: BudgetView = {
  scopeName: 'Acme',
  periodKey: '2026-03',
  amount: cny(3_000_000),
  actualMinor: 2_000_000,
  committedMinor: 410_000,
  action: 'escalate',
  forecast: forecastPeriodEnd({
    actualMinor: 2_000_000,
    committedMinor: 410_000,
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    today: '2026-03-10',
  }),
};

const engagement: BudgetView = {
  scopeName: 'Acme / Website',
  periodKey: 'total',
  amount: cny(10_000_000),
  actualMinor: 9_000_000,
  committedMinor: 1_500_000,
  action: 'block',
  forecast: forecastPeriodEnd({
    actualMinor: 9_000_000,
    committedMinor: 1_500_000,
    periodStart: '2026-01-01',
    periodEnd: '9999-12-31',
    today: '2026-03-10',
  }),
};

describe('renderBudgetCard', () => {
  it('given two budgets, when rendered in English, then each shows amount, actual, committed, % and forecast', () => {
    const card = renderBudgetCard({ clientName: 'Acme', budgets: [march, engagement], locale: 'en' });
    expect(card.title).toBe('Budgets · Acme');
    expect(card.accent).toBe('danger');
    expect(card.sections).toEqual([
      {
        heading: 'Acme · March 2026',
        text: [
          'Budget CN¥30,000.00 · when exceeded: add a finance review',
          'Approved CN¥20,000.00 · pending CN¥4,100.00 · 80 % used',
          'At the current pace 220 % by 31 Mar (CN¥66,100.00)',
          'Basis: CN¥2,000.00 a day over 10 of 31 days, plus CN¥4,100.00 pending',
        ].join('\n'),
        tone: 'warning',
      },
      {
        heading: 'Acme / Website · whole engagement',
        text: [
          'Budget CN¥100,000.00 · when exceeded: refuse new expenses',
          'Approved CN¥90,000.00 · pending CN¥15,000.00 · 105 % used',
          'Over budget by CN¥5,000.00',
        ].join('\n'),
        tone: 'danger',
      },
    ]);
  });

  it('given the same in Chinese, when rendered, then it is Chinese', () => {
    const card = renderBudgetCard({ clientName: 'Acme', budgets: [march], locale: 'zh-CN' });
    expect(card.title).toBe('预算 · Acme');
    expect(card.sections[0]).toEqual({
      heading: 'Acme · 2026年3月',
      text: [
        '预算 ¥30,000.00 · 超支时：增加财务审核',
        '已批准 ¥20,000.00 · 待审批 ¥4,100.00 · 已使用 80%',
        '按当前进度，3月31日将达到 220%（¥66,100.00）',
        '依据：前 10/31 天日均 ¥2,000.00，另有待审批 ¥4,100.00',
      ].join('\n'),
      tone: 'warning',
    });
  });

  it('given a budget well within its pace, when rendered, then it is calm', () => {
    const { forecast: _noPace, ...withoutForecast } = march;
    const calm = { ...withoutForecast, actualMinor: 500_000, committedMinor: 0 };
    const card = renderBudgetCard({ clientName: 'Acme', budgets: [calm], locale: 'en' });
    expect(card.accent).toBe('info');
    expect(card.sections[0]?.text).toBe(
      'Budget CN¥30,000.00 · when exceeded: add a finance review\nApproved CN¥5,000.00 · pending CN¥0.00 · 16 % used',
    );
  });

  it.each([
    ['en', 'No budgets are set for Acme. Finance or an admin can add one with budget set.'],
    ['zh-CN', 'Acme 尚未设置预算。财务或管理员可用 预算 设置 添加。'],
  ] as const)('given no budgets in %s, when rendered, then it says so', (locale, text) => {
    expect(renderBudgetCard({ clientName: 'Acme', budgets: [], locale }).sections).toEqual([{ text }]);
  });
});
