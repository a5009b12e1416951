import { describe, expect, it } from 'vitest';
import { forecastPeriodEnd } from '../../../../src/domain/budgets/forecast.js';
import {
  type BudgetWarningInput,
  renderBudgetWarningCard,
} from '../../../../src/domain/messaging/render-budget-warning-card.js';
import { cny } from './messaging-fixtures.js';

// Acme's March budget of CN¥30,000.00 on 10 March: CN¥20,000.00 approved (66 %), CN¥4,123.45 pending (80 % in all),
// and at CN¥2,000.00 a day a projection of CN¥66,123.45 (220 %).
const warning = (overrides: Partial<BudgetWarningInput> = {}): BudgetWarningInput => ({
  audience: 'internal',
  reason: { kind: 'threshold', thresholdPercent: 80 },
  scopeName: 'Acme',
  periodKey: '2026-03',
  budget: cny(3_000_000),
  actualMinor: 2_000_000,
  committedMinor: 412_345,
  forecast: forecastPeriodEnd({
    actualMinor: 2_000_000,
    committedMinor: 412_345,
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    today: '2026-03-10',
  }),
  locale: 'en',
  ...overrides,
});

describe('renderBudgetWarningCard, internal', () => {
  it('given an 80 % crossing, when rendered, then it shows actual, committed, the share used and the forecast', () => {
    const card = renderBudgetWarningCard(warning());
    expect(card.title).toBe("Acme's March budget has reached 80 %");
    expect(card.subtitle).toBe('March 2026');
    expect(card.accent).toBe('warning');
    expect(card.fields).toEqual([
      { label: 'Budget', value: 'CN¥30,000.00', short: true },
      { label: 'Approved spend', value: 'CN¥20,000.00', short: true },
      { label: 'Pending', value: 'CN¥4,123.45', short: true },
      { label: 'Used', value: '80 %', short: true },
      { label: 'Remaining', value: 'CN¥5,876.55', short: true },
    ]);
    expect(card.sections).toEqual([
      {
        heading: 'Forecast',
        text:
          'At the current pace 220 % by 31 Mar (CN¥66,123.45)\n' +
          'Basis: CN¥2,000.00 a day over 10 of 31 days, plus CN¥4,123.45 pending',
        tone: 'warning',
      },
    ]);
    expect(card.actions).toEqual([]);
  });

  it('given a forecast warning in Chinese, when rendered, then it is Chinese', () => {
    const card = renderBudgetWarningCard(warning({ reason: { kind: 'forecast' }, locale: 'zh-CN' }));
    expect(card.title).toBe('按当前进度，Acme 的3月预算将超支');
    expect(card.fields.map((field) => [field.label, field.value])).toEqual([
      ['预算', '¥30,000.00'],
      ['已批准支出', '¥20,000.00'],
      ['待审批', '¥4,123.45'],
      ['已使用', '80%'],
      ['剩余', '¥5,876.55'],
    ]);
    expect(card.sections[0]?.text).toBe(
      '按当前进度，3月31日将达到 220%（¥66,123.45）\n依据：前 10/31 天日均 ¥2,000.00，另有待审批 ¥4,123.45',
    );
  });

  it('given consumption past the budget, when rendered, then it says by how much', () => {
    const { forecast: _noPace, ...withoutForecast } = warning({
      reason: { kind: 'threshold', thresholdPercent: 100 },
      committedMinor: 1_100_000,
    });
    const card = renderBudgetWarningCard(withoutForecast);
    expect(card.title).toBe("Acme's March budget has reached 100 %");
    expect(card.accent).toBe('danger');
    expect(card.sections).toEqual([{ text: 'Over budget by CN¥1,000.00', tone: 'danger' }]);
    expect(card.fields.find((field) => field.label === 'Remaining')?.value).toBe('CN¥0.00');
  });
});

describe('renderBudgetWarningCard, client audience', () => {
  it.each(['en', 'zh-CN'] as const)(
    'given the same figures in %s, when rendered for a client channel, then no committed amount and no forecast appear anywhere',
    (locale) => {
      const internal = JSON.stringify(renderBudgetWarningCard(warning({ locale })));
      const client = JSON.stringify(renderBudgetWarningCard(warning({ locale, audience: 'client' })));
      const committed = locale === 'en' ? 'CN¥4,123.45' : '¥4,123.45';
      const projected = locale === 'en' ? 'CN¥66,123.45' : '¥66,123.45';
      // The needles are real: the internal card carries every one of them.
      const needles =
        locale === 'en'
          ? [committed, projected, '220', '4,123', 'Pending', 'pending', 'pace', 'Forecast', '80 %', '31 Mar']
          : [committed, projected, '220', '4,123', '待审批', '按当前进度', '预测', '80%', '3月31日'];
      for (const needle of needles) {
        expect(internal).toContain(needle);
        expect(client).not.toContain(needle);
      }
    },
  );

  it('given the client audience, when rendered, then it shows approved spend against the budget only', () => {
    expect(renderBudgetWarningCard(warning({ audience: 'client' }))).toEqual({
      title: "Acme's March budget: 66 % used",
      subtitle: 'March 2026',
      accent: 'warning',
      fields: [
        { label: 'Budget', value: 'CN¥30,000.00', short: true },
        { label: 'Approved spend', value: 'CN¥20,000.00', short: true },
        { label: 'Used', value: '66 %', short: true },
        { label: 'Remaining', value: 'CN¥10,000.00', short: true },
      ],
      sections: [{ text: 'Approved spend so far: CN¥20,000.00 of CN¥30,000.00 (66 %)' }],
      images: [],
      actions: [],
    });
    const zh = renderBudgetWarningCard(warning({ audience: 'client', locale: 'zh-CN' }));
    expect(zh.title).toBe('Acme 的3月预算：已使用 66%');
    expect(zh.sections).toEqual([{ text: '目前已批准支出 ¥20,000.00，预算 ¥30,000.00（66%）' }]);
  });

  it('given a forecast reason for a client channel, when rendered, then it still shows approved spend only', () => {
    const card = renderBudgetWarningCard(warning({ audience: 'client', reason: { kind: 'forecast' } }));
    expect(card.title).toBe("Acme's March budget: 66 % used");
    expect(JSON.stringify(card)).not.toMatch(/pace|Forecast|220|4,123/);
  });
});
