// The words of docs/product-rules.md §10 in English and Chinese. The first spelling in each language is the one
// renderCommand writes; the others are read too.
import type { CommandKind, HelpTopic } from './command.js';

export type Words = { readonly en: readonly string[]; readonly zh: readonly string[] };

/**
 * How each command starts. Multi-word heads are written with a space; Chinese heads are also read glued
 * together (`预算设置`), as Chinese is usually typed without spaces.
 */
export const COMMAND_WORDS: Readonly<Record<CommandKind, Words>> = {
  log: { en: ['log'], zh: ['记', '记账', '报销'] },
  list: { en: ['list'], zh: ['列表'] },
  show: { en: ['show'], zh: ['查看'] },
  edit: { en: ['edit'], zh: ['修改'] },
  withdraw: { en: ['withdraw'], zh: ['撤回'] },
  resubmit: { en: ['resubmit'], zh: ['重新提交'] },
  approve: { en: ['approve'], zh: ['批准', '同意'] },
  reject: { en: ['reject'], zh: ['驳回', '拒绝'] },
  return: { en: ['return'], zh: ['退回'] },
  void: { en: ['void'], zh: ['作废'] },
  mark: { en: ['mark'], zh: ['标记'] },
  close: { en: ['close'], zh: ['结账'] },
  answer: { en: ['answer'], zh: ['答复'] },
  adjust: { en: ['adjust'], zh: ['调整'] },
  receipt: { en: ['receipt'], zh: ['票据'] },
  link: { en: ['link'], zh: ['绑定'] },
  'admin-channel': { en: ['admin channel'], zh: ['管理频道', '管理 频道'] },
  report: { en: ['report'], zh: ['报告', '报表'] },
  budget: { en: ['budget'], zh: ['预算'] },
  export: { en: ['export'], zh: ['导出'] },
  risk: { en: ['risk'], zh: ['风险'] },
  'budget-set': { en: ['budget set'], zh: ['预算 设置', '预算设置'] },
  'client-add': { en: ['client add'], zh: ['客户 添加', '客户添加', '添加客户', '客户 新增'] },
  'project-add': { en: ['project add'], zh: ['项目 添加', '项目添加', '添加项目', '项目 新增'] },
  'client-channel': {
    en: ['client channel'],
    zh: ['客户 频道', '客户频道', '客户 群', '客户群'],
  },
  approvers: { en: ['approvers'], zh: ['审批人'] },
  role: { en: ['role'], zh: ['角色'] },
  delegate: { en: ['delegate'], zh: ['代理'] },
  rate: { en: ['rate'], zh: ['汇率'] },
  policy: { en: ['policy'], zh: ['制度', '政策'] },
  'policy-set': { en: ['policy set'], zh: ['制度 设置', '制度设置', '政策 设置', '政策设置'] },
  'policy-test': { en: ['policy test'], zh: ['制度 测试', '制度测试', '政策 测试', '政策测试'] },
  recurring: { en: ['recurring'], zh: ['周期费用'] },
  dispute: { en: ['dispute'], zh: ['质询'] },
  'audit-verify': { en: ['audit verify'], zh: ['审计 验证', '审计验证', '审计 核验'] },
  help: { en: ['help', '?'], zh: ['帮助', '？'] },
  cancel: { en: ['cancel'], zh: ['取消'] },
};

/** Words that only start a multi-word command; alone they need a second word. */
export const GROUP_WORDS: Readonly<Record<string, readonly CommandKind[]>> = {
  client: ['client-add', 'client-channel'],
  客户: ['client-add', 'client-channel'],
  project: ['project-add'],
  项目: ['project-add'],
  admin: ['admin-channel'],
  管理: ['admin-channel'],
  audit: ['audit-verify'],
  审计: ['audit-verify'],
};

/** Words in front of a command that belong to the platform, not to Outlay (Teams: "@Outlay expense 42 lunch"). */
export const PREAMBLE_WORDS: ReadonlySet<string> = new Set(['/expense', 'expense', '/outlay', 'outlay']);

/** A word → value table for one argument, in both languages; lookups are case-insensitive. */
export type ValueWords<V extends string> = Readonly<Record<V, Words>>;

export const lookupValue = <V extends string>(table: ValueWords<V>, word: string): V | undefined => {
  const wanted = word.normalize('NFKC').toLowerCase();
  for (const [value, words] of Object.entries(table) as [V, Words][]) {
    if (words.en.includes(wanted) || words.zh.includes(wanted)) return value;
  }
  return undefined;
};

export const LIST_SCOPE_WORDS: ValueWords<'mine' | 'pending'> = {
  mine: { en: ['mine'], zh: ['我的'] },
  pending: { en: ['pending'], zh: ['待审批', '待批'] },
};

export const MARK_WORDS: ValueWords<'billed' | 'reimbursed'> = {
  billed: { en: ['billed'], zh: ['已开票', '开票'] },
  reimbursed: { en: ['reimbursed'], zh: ['已报销', '报销'] },
};

export const EXPORT_FORMAT_WORDS: ValueWords<'csv' | 'xlsx' | 'zip'> = {
  csv: { en: ['csv'], zh: [] },
  xlsx: { en: ['xlsx', 'excel'], zh: ['表格'] },
  zip: { en: ['zip'], zh: ['压缩包'] },
};

export const BUDGET_PERIOD_WORDS: ValueWords<'monthly' | 'quarterly' | 'yearly' | 'total'> = {
  monthly: { en: ['monthly'], zh: ['每月', '月度'] },
  quarterly: { en: ['quarterly'], zh: ['每季度', '季度'] },
  yearly: { en: ['yearly', 'annual'], zh: ['每年', '年度'] },
  total: { en: ['total'], zh: ['总额', '全程'] },
};

export const BUDGET_ACTION_WORDS: ValueWords<'warn' | 'escalate' | 'block'> = {
  warn: { en: ['warn'], zh: ['预警', '警告'] },
  escalate: { en: ['escalate'], zh: ['升级'] },
  block: { en: ['block'], zh: ['阻止', '拦截'] },
};

export const AUDIENCE_WORDS: ValueWords<'internal' | 'client'> = {
  internal: { en: ['internal'], zh: ['内部'] },
  client: { en: ['client'], zh: ['客户'] },
};

export const SCHEDULE_WORDS: ValueWords<'weekly' | 'monthly'> = {
  weekly: { en: ['weekly'], zh: ['每周', '周报'] },
  monthly: { en: ['monthly'], zh: ['每月', '月报'] },
};

/** `client channel … budget`: the binding opts in to budget warnings. */
export const CHANNEL_BUDGET_WORDS: Words = { en: ['budget'], zh: ['预算'] };
export const WEBHOOK_WORDS: Words = { en: ['webhook'], zh: ['机器人'] };

export const ROLE_WORDS: ValueWords<'admin' | 'finance' | 'member'> = {
  admin: { en: ['admin'], zh: ['管理员'] },
  finance: { en: ['finance'], zh: ['财务'] },
  member: { en: ['member'], zh: ['成员'] },
};

export const UNTIL_WORDS: Words = { en: ['until'], zh: ['至', '到', '直到'] };

export const RECURRENCE_WORDS: ValueWords<'monthly' | 'quarterly'> = {
  monthly: { en: ['monthly'], zh: ['每月'] },
  quarterly: { en: ['quarterly'], zh: ['每季度'] },
};

export const PAY_WORDS: ValueWords<'card' | 'personal' | 'cash' | 'transfer'> = {
  card: { en: ['card'], zh: ['公司卡'] },
  personal: { en: ['personal'], zh: ['个人'] },
  cash: { en: ['cash'], zh: ['现金'] },
  transfer: { en: ['transfer'], zh: ['转账'] },
};

export const BILLABLE_WORDS: ValueWords<'billable' | 'nonbillable'> = {
  billable: { en: ['billable'], zh: ['计费'] },
  nonbillable: { en: ['nonbillable', 'non-billable'], zh: ['不计费'] },
};

export const OVERRIDE_WORDS: Words = { en: ['override'], zh: ['强制'] };

export type FieldKey = 'merchant' | 'pay' | 'invoice' | 'no-receipt';

/** `key:value` fields; `suggest` are keys people try that mean one of them. */
export const FIELD_WORDS: ValueWords<FieldKey> = {
  merchant: { en: ['merchant'], zh: ['商户'] },
  pay: { en: ['pay'], zh: ['支付'] },
  invoice: { en: ['invoice'], zh: ['发票'] },
  'no-receipt': { en: ['no-receipt'], zh: ['无票'] },
};

/** Keys that are not fields but clearly mean one, to suggest it. */
export const FIELD_HINTS: Readonly<Record<string, string>> = {
  vendor: 'merchant:',
  shop: 'merchant:',
  store: 'merchant:',
  payment: 'pay:',
  paid: 'pay:',
  method: 'pay:',
  fapiao: 'invoice:',
  receipt: 'no-receipt:',
  noreceipt: 'no-receipt:',
  商家: '商户:',
  店铺: '商户:',
  付款: '支付:',
  支付方式: '支付:',
  发票号: '发票:',
  发票号码: '发票:',
  无发票: '无票:',
};

export type PolicySettingKind =
  | 'tiers'
  | 'category-limit'
  | 'receipt-threshold'
  | 'auto-approve'
  | 'reminder-hours'
  | 'escalation-hours'
  | 'max-age'
  | 'audit-sample'
  | 'prohibit'
  | 'allow';

export const POLICY_SETTING_WORDS: ValueWords<PolicySettingKind> = {
  tiers: { en: ['tiers', 'tier'], zh: ['层级', '审批层级'] },
  'category-limit': { en: ['limit'], zh: ['限额'] },
  'receipt-threshold': { en: ['receipt', 'receipt-threshold'], zh: ['票据门槛', '发票门槛'] },
  'auto-approve': { en: ['auto-approve', 'autoapprove'], zh: ['自动批准'] },
  'reminder-hours': { en: ['reminder-hours', 'reminder'], zh: ['提醒小时', '提醒'] },
  'escalation-hours': { en: ['escalation-hours', 'escalation'], zh: ['升级小时', '升级'] },
  'max-age': { en: ['max-age'], zh: ['最长天数'] },
  'audit-sample': { en: ['audit-sample'], zh: ['抽检比例'] },
  prohibit: { en: ['prohibit'], zh: ['禁止'] },
  allow: { en: ['allow'], zh: ['允许'] },
};

/** `off` for a limit that no longer applies. */
export const OFF_WORDS: Words = { en: ['off', 'none'], zh: ['关闭', '无'] };

/** The words that name each help topic besides the commands themselves. */
export const HELP_TOPIC_WORDS: ValueWords<HelpTopic> = {
  general: { en: ['general'], zh: ['总览'] },
  log: { en: ['log', 'fields'], zh: ['记账', '字段'] },
  list: { en: ['list'], zh: ['列表'] },
  edit: { en: ['edit'], zh: ['修改'] },
  approve: { en: ['approve', 'approvals'], zh: ['批准', '审批'] },
  finance: { en: ['finance'], zh: ['财务'] },
  budget: { en: ['budget', 'budgets'], zh: ['预算'] },
  report: { en: ['report', 'reports'], zh: ['报告'] },
  export: { en: ['export'], zh: ['导出'] },
  receipt: { en: ['receipt', 'receipts'], zh: ['票据'] },
  policy: { en: ['policy'], zh: ['制度'] },
  clients: { en: ['clients'], zh: ['客户'] },
  people: { en: ['people', 'roles'], zh: ['人员'] },
  rates: { en: ['rates'], zh: ['汇率'] },
  dispute: { en: ['dispute', 'disputes'], zh: ['质询'] },
  audit: { en: ['audit'], zh: ['审计'] },
  link: { en: ['link'], zh: ['绑定'] },
  dates: { en: ['dates', 'date', 'periods', 'period'], zh: ['日期', '期间'] },
};

/** The help topic that explains each command. */
export const HELP_TOPIC_OF: Readonly<Record<CommandKind, HelpTopic>> = {
  log: 'log',
  list: 'list',
  show: 'list',
  edit: 'edit',
  withdraw: 'edit',
  resubmit: 'edit',
  approve: 'approve',
  reject: 'approve',
  return: 'approve',
  void: 'finance',
  mark: 'finance',
  close: 'finance',
  answer: 'finance',
  adjust: 'finance',
  receipt: 'receipt',
  link: 'link',
  'admin-channel': 'clients',
  report: 'report',
  budget: 'budget',
  export: 'export',
  risk: 'report',
  'budget-set': 'budget',
  'client-add': 'clients',
  'project-add': 'clients',
  'client-channel': 'clients',
  approvers: 'people',
  role: 'people',
  delegate: 'people',
  rate: 'rates',
  policy: 'policy',
  'policy-set': 'policy',
  'policy-test': 'policy',
  recurring: 'policy',
  dispute: 'dispute',
  'audit-verify': 'audit',
  help: 'general',
  cancel: 'general',
};

export const wordIn = (words: Words, word: string): boolean => {
  const wanted = word.normalize('NFKC').toLowerCase();
  return words.en.includes(wanted) || words.zh.includes(wanted);
};
