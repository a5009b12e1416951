// The report card: what each audience's card holds, its links and chart, both languages, and how every platform
// shows the links.
import { describe, expect, it } from 'vitest';
import { renderCardBlocks } from '../../../../src/bots/slack/slack-blocks.js';
import { renderAdaptiveCard } from '../../../../src/bots/teams/render-adaptive-card.js';
import { renderWecomMarkdown } from '../../../../src/bots/wecom/wecom-card.js';
import { renderReportCard } from '../../../../src/domain/messaging/render-report-card.js';
import { asCurrencyCode } from '../../../../src/domain/money/currency.js';
import type { ClientReport, InternalReport } from '../../../../src/domain/reports/report-model.js';

const base = {
  version: 1 as const,
  client: {
    id: 'c-acme',
    code: 'acme',
    name: 'Acme',
    currency: asCurrencyCode('CNY'),
    timeZone: 'Asia/Shanghai',
  },
  period: { key: '2026-02', start: '2026-02-01', end: '2026-02-28' },
  previous: { key: '2026-01', start: '2026-01-01', end: '2026-01-31' },
  asOf: '2026-03-10',
  total: { currentMinor: 15_000, previousMinor: 20_000, deltaMinor: -5_000, deltaBp: -2_500 },
  byCategory: [
    {
      categoryCode: 'travel',
      name: { en: 'Travel', 'zh-CN': '差旅' },
      amountMinor: 10_000,
      count: 2,
      shareBp: 6_666,
    },
    {
      categoryCode: 'meals',
      name: { en: 'Meals', 'zh-CN': '餐饮' },
      amountMinor: 5_000,
      count: 1,
      shareBp: 3_333,
    },
  ],
  byProject: [{ amountMinor: 15_000, count: 3, shareBp: 10_000 }],
};

const line = (id: string, amountMinor: number) => ({
  id,
  kind: 'expense' as const,
  incurredOn: '2026-02-03',
  categoryCode: 'travel',
  description: `trip ${id}`,
  amountMinor,
});

const clientReport: ClientReport = {
  ...base,
  audience: 'client',
  lines: {
    count: 20,
    items: Array.from({ length: 20 }, (_, i) => line(`ACME-L${String(i).padStart(3, '0')}`, 750)),
  },
};

const internalReport: InternalReport = {
  ...base,
  audience: 'internal',
  billableMinor: 12_000,
  budgets: [
    {
      budgetId: 'b1',
      scope: {},
      periodKey: '2026-02',
      budgetMinor: 16_000,
      actualMinor: 15_000,
      committedMinor: 2_000,
      percentBp: 10_625,
    },
  ],
  topItems: [{ ...line('ACME-TOP1', 8_000), status: 'approved', billable: false, submitterId: 'alice' }],
  pending: {
    count: 3,
    totalMinor: 2_000,
    items: [{ ...line('ACME-PEN1', 1_000), status: 'pending', billable: true, submitterId: 'bob' }],
  },
  risk: {
    counts: [{ code: 'WEEKEND', severity: 'info', count: 2 }],
    top: [],
  },
};

const links = { csv: 'https://o.test/csv', xlsx: 'https://o.test/xlsx', chart: 'https://o.test/chart.png' };

describe('the report card', () => {
  it('client-facing: totals, categories and lines, capped with a pointer to the exports; links and the chart', () => {
    const card = renderReportCard({ report: clientReport, locale: 'en', links });
    expect(card.title).toBe('Expense report · Acme · February 2026');
    expect(card.fields).toEqual([
      { label: 'Total', value: 'CN¥150.00', short: true },
      { label: 'Compared with before', value: '-25 % (-CN¥50.00) vs January 2026' },
    ]);
    expect(card.sections.map((s) => s.heading)).toEqual(['By category', 'Expenses']);
    const lines = card.sections[1]?.text.split('\n') ?? [];
    expect(lines).toHaveLength(16);
    expect(lines.at(-1)).toBe('…and 5 more in the CSV and XLSX');
    expect(card.links).toEqual([
      { label: 'CSV', url: links.csv },
      { label: 'Excel (XLSX)', url: links.xlsx },
      { label: 'Chart', url: links.chart },
    ]);
    expect(card.images).toEqual([{ url: links.chart, alt: expect.any(String) }]);
  });

  it('internal: approved and billable, pending, budgets over, risk counts', () => {
    const card = renderReportCard({ report: internalReport, locale: 'en' });
    expect(card.subtitle).toBe('Internal · 1 Feb – Sat 28 Feb 2026');
    expect(card.fields.map((f) => [f.label, f.value])).toEqual([
      ['Approved spend', 'CN¥150.00'],
      ['Billable', 'CN¥120.00'],
      ['Compared with before', '-25 % (-CN¥50.00) vs January 2026'],
      ['Waiting for approval', 'CN¥20.00 · 3 items'],
    ]);
    const byHeading = new Map(card.sections.map((s) => [s.heading, s]));
    expect(byHeading.get('Budgets')?.tone).toBe('danger');
    expect(byHeading.get('Budgets')?.text).toContain('Over budget by CN¥10.00');
    expect(byHeading.get('Largest items')?.text).toContain('Billable: No');
    expect(byHeading.get('Waiting for approval')?.text).toContain('…and 2 more');
    expect(byHeading.get('Risk findings')?.text).toBe('Weekend: 2');
    expect(card.links).toEqual([]);
  });

  it('in Chinese', () => {
    const card = renderReportCard({ report: clientReport, locale: 'zh-CN', links });
    expect(card.title).toBe('费用报告 · Acme · 2026年2月');
    expect(card.fields[1]?.value).toBe('较2026年1月 -25%（-¥50.00）');
    expect(card.sections[0]?.text).toContain('差旅 · ¥100.00 · 66% · 2 笔');
    expect(card.links?.map((l) => l.label)).toEqual(['CSV', 'Excel（XLSX）', '图表']);
  });

  it('every platform shows the links', () => {
    const card = renderReportCard({ report: clientReport, locale: 'en', links });
    expect(JSON.stringify(renderCardBlocks(card))).toContain('<https://o.test/xlsx|Excel (XLSX)>');
    expect(renderAdaptiveCard(card).actions).toContainEqual({
      type: 'Action.OpenUrl',
      title: 'CSV',
      url: 'https://o.test/csv',
    });
    expect(renderWecomMarkdown(card)).toContain('[Chart](https://o.test/chart.png)');
  });
});
