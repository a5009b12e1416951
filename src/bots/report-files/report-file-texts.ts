// Everything a reader of an export, a chart or a refused link reads, in both languages.
import type { Locale } from '../shared/i18n/locale.js';

export type ExportColumn =
  | 'id'
  | 'date'
  | 'category'
  | 'project'
  | 'description'
  | 'merchant'
  | 'originalAmount'
  | 'originalCurrency'
  | 'amount'
  | 'currency'
  | 'billable'
  | 'status'
  | 'submitter'
  | 'payment'
  | 'invoice'
  | 'receipts'
  | 'missingReceipt'
  | 'findings';

type ReportFileTexts = {
  readonly columns: Readonly<Record<ExportColumn, string>>;
  readonly yes: string;
  readonly no: string;
  readonly adjustment: string;
  readonly total: string;
  readonly sheetName: string;
  readonly chart: {
    readonly byCategory: string;
    readonly cumulative: string;
    readonly budget: (amount: string) => string;
    readonly noBudget: string;
    readonly noSpend: string;
    readonly spend: string;
  };
  readonly page: {
    readonly expiredTitle: string;
    readonly expired: string;
    readonly invalidTitle: string;
    readonly invalid: string;
  };
};

const en: ReportFileTexts = {
  columns: {
    id: 'ID',
    date: 'Date',
    category: 'Category',
    project: 'Project',
    description: 'Description',
    merchant: 'Merchant',
    originalAmount: 'Original amount',
    originalCurrency: 'Original currency',
    amount: 'Amount',
    currency: 'Currency',
    billable: 'Billable',
    status: 'Status',
    submitter: 'Submitted by',
    payment: 'Payment',
    invoice: 'Invoice number',
    receipts: 'Receipts',
    missingReceipt: 'Missing receipt reason',
    findings: 'Risk findings',
  },
  yes: 'yes',
  no: 'no',
  adjustment: 'adjustment',
  total: 'Total',
  sheetName: 'Expenses',
  chart: {
    byCategory: 'Spend by category',
    cumulative: 'Cumulative spend against budget',
    budget: (amount) => `Budget ${amount}`,
    noBudget: 'No budget covers this period',
    noSpend: 'No spend in this period',
    spend: 'Spend',
  },
  page: {
    expiredTitle: 'This link has expired',
    expired: 'Report links last 30 days. Ask Outlay for a new one, e.g. "export @acme last-month csv".',
    invalidTitle: 'This link is not valid',
    invalid: 'The link is incomplete or has been changed. Copy the whole link from the message again.',
  },
};

const zhCN: ReportFileTexts = {
  columns: {
    id: '编号',
    date: '日期',
    category: '类别',
    project: '项目',
    description: '说明',
    merchant: '商户',
    originalAmount: '原始金额',
    originalCurrency: '原始币种',
    amount: '金额',
    currency: '币种',
    billable: '计费',
    status: '状态',
    submitter: '提交人',
    payment: '支付方式',
    invoice: '发票号码',
    receipts: '票据',
    missingReceipt: '无票原因',
    findings: '风险提示',
  },
  yes: '是',
  no: '否',
  adjustment: '调整',
  total: '合计',
  sheetName: '费用明细',
  chart: {
    byCategory: '各类别支出',
    cumulative: '累计支出与预算',
    budget: (amount) => `预算 ${amount}`,
    noBudget: '本期没有适用的预算',
    noSpend: '本期没有支出',
    spend: '支出',
  },
  page: {
    expiredTitle: '链接已过期',
    expired: '报表链接有效期为 30 天。请向 Outlay 重新获取，例如“导出 @acme 上月 csv”。',
    invalidTitle: '链接无效',
    invalid: '链接不完整或已被改动。请从消息中重新复制完整的链接。',
  },
};

export const reportFileTexts = (locale: Locale): ReportFileTexts => (locale === 'zh-CN' ? zhCN : en);
