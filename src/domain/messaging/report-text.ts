// Every word a report card says, in English and Simplified Chinese (see card-text.ts for the pattern): one type
// for both languages, so neither can miss a key. Plain text; builders add markup and escape.
import type { CardLocale } from './card-format.js';

type Sentence<P> = (p: P) => string;

export type ReportText = {
  readonly internalTitle: Sentence<{ readonly client: string; readonly period: string }>;
  readonly clientTitle: Sentence<{ readonly client: string; readonly period: string }>;
  readonly internalSubtitle: Sentence<{ readonly range: string }>;
  readonly clientSubtitle: Sentence<{ readonly range: string }>;
  readonly range: Sentence<{ readonly from: string; readonly through: string }>;
  readonly projectScope: Sentence<{ readonly client: string; readonly project: string }>;
  readonly field: {
    readonly approved: string;
    readonly total: string;
    readonly comparison: string;
    readonly billable: string;
    readonly pending: string;
    readonly forecast: string;
  };
  readonly versus: Sentence<{ readonly percent: string; readonly amount: string; readonly previous: string }>;
  readonly versusNothing: Sentence<{ readonly previous: string }>;
  readonly pendingValue: Sentence<{ readonly amount: string; readonly count: number }>;
  readonly forecastValue: Sentence<{
    readonly projected: string;
    readonly date: string;
    readonly pace: string;
    readonly elapsed: number;
    readonly total: number;
    readonly committed: string;
  }>;
  readonly heading: {
    readonly byCategory: string;
    readonly byProject: string;
    readonly budgets: string;
    readonly topItems: string;
    readonly pendingItems: string;
    readonly risk: string;
    readonly lines: string;
  };
  readonly shareLine: Sentence<{
    readonly name: string;
    readonly amount: string;
    readonly share: string;
    readonly count: number;
  }>;
  readonly noProject: string;
  readonly adjustment: string;
  readonly nothing: string;
  readonly noPending: string;
  readonly noFindings: string;
  readonly noBudgets: string;
  readonly findingCount: Sentence<{ readonly name: string; readonly count: number }>;
  readonly moreLines: Sentence<{ readonly count: number }>;
  readonly link: {
    readonly csv: string;
    readonly xlsx: string;
    readonly zip: string;
    readonly chart: string;
  };
  readonly chartAlt: string;
  readonly footer: Sentence<{ readonly currency: string; readonly date: string }>;
};

const EN: ReportText = {
  internalTitle: (p) => `Report · ${p.client} · ${p.period}`,
  clientTitle: (p) => `Expense report · ${p.client} · ${p.period}`,
  internalSubtitle: (p) => `Internal · ${p.range}`,
  clientSubtitle: (p) => p.range,
  range: (p) => `${p.from} – ${p.through}`,
  projectScope: (p) => `${p.client} / ${p.project}`,
  field: {
    approved: 'Approved spend',
    total: 'Total',
    comparison: 'Compared with before',
    billable: 'Billable',
    pending: 'Waiting for approval',
    forecast: 'Forecast for the period',
  },
  versus: (p) => `${p.percent} (${p.amount}) vs ${p.previous}`,
  versusNothing: (p) => `Nothing in ${p.previous} to compare with`,
  pendingValue: (p) => `${p.amount} · ${p.count} ${p.count === 1 ? 'item' : 'items'}`,
  forecastValue: (p) =>
    `${p.projected} by ${p.date} (${p.pace} a day over ${p.elapsed} of ${p.total} days, plus ${p.committed} waiting)`,
  heading: {
    byCategory: 'By category',
    byProject: 'By project',
    budgets: 'Budgets',
    topItems: 'Largest items',
    pendingItems: 'Waiting for approval',
    risk: 'Risk findings',
    lines: 'Expenses',
  },
  shareLine: (p) => `${p.name} · ${p.amount} · ${p.share} · ${p.count} ${p.count === 1 ? 'item' : 'items'}`,
  noProject: 'No project',
  adjustment: 'Adjustment',
  nothing: 'No approved expenses in this period.',
  noPending: 'Nothing is waiting.',
  noFindings: 'No findings.',
  noBudgets: 'No budgets are set.',
  findingCount: (p) => `${p.name}: ${p.count}`,
  moreLines: (p) => `…and ${p.count} more in the CSV and XLSX`,
  link: { csv: 'CSV', xlsx: 'Excel (XLSX)', zip: 'Receipts (ZIP)', chart: 'Chart' },
  chartAlt: 'Spend by category, and cumulative spend against budget',
  footer: (p) => `Amounts in ${p.currency} · as of ${p.date}`,
};

const ZH: ReportText = {
  internalTitle: (p) => `报告 · ${p.client} · ${p.period}`,
  clientTitle: (p) => `费用报告 · ${p.client} · ${p.period}`,
  internalSubtitle: (p) => `内部 · ${p.range}`,
  clientSubtitle: (p) => p.range,
  range: (p) => `${p.from} 至 ${p.through}`,
  projectScope: (p) => `${p.client} / ${p.project}`,
  field: {
    approved: '已批准支出',
    total: '合计',
    comparison: '与上期相比',
    billable: '计费',
    pending: '待审批',
    forecast: '本期预测',
  },
  versus: (p) => `较${p.previous} ${p.percent}（${p.amount}）`,
  versusNothing: (p) => `${p.previous}无可比数据`,
  pendingValue: (p) => `${p.amount} · ${p.count} 笔`,
  forecastValue: (p) =>
    `${p.date}前预计 ${p.projected}（前 ${p.elapsed}/${p.total} 天日均 ${p.pace}，另有待审批 ${p.committed}）`,
  heading: {
    byCategory: '按类别',
    byProject: '按项目',
    budgets: '预算',
    topItems: '金额最大的费用',
    pendingItems: '待审批',
    risk: '风险提示',
    lines: '费用明细',
  },
  shareLine: (p) => `${p.name} · ${p.amount} · ${p.share} · ${p.count} 笔`,
  noProject: '未归属项目',
  adjustment: '调整',
  nothing: '本期没有已批准的费用。',
  noPending: '没有待审批的费用。',
  noFindings: '没有风险提示。',
  noBudgets: '尚未设置预算。',
  findingCount: (p) => `${p.name}：${p.count}`,
  moreLines: (p) => `……另有 ${p.count} 条，见 CSV 和 XLSX`,
  link: { csv: 'CSV', xlsx: 'Excel（XLSX）', zip: '票据（ZIP）', chart: '图表' },
  chartAlt: '按类别支出，及累计支出与预算对比',
  footer: (p) => `金额单位 ${p.currency} · 截至 ${p.date}`,
};

export const REPORT_TEXT: Readonly<Record<CardLocale, ReportText>> = { en: EN, 'zh-CN': ZH };

export const reportText = (locale: CardLocale): ReportText => REPORT_TEXT[locale];
