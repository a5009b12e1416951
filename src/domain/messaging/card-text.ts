// Every word a card says, in English and Simplified Chinese. Both languages are values of one type, `CardText`,
// so the compiler refuses a key that one of them lacks and a parameter one of them would not be given. Entries
// are plain text (builders add markup and escape); parameters arrive already formatted (amounts, dates, names).
import type { BudgetAction } from '../budgets/budget.js';
import type { ExpenseStatus, PaymentMethod } from '../expenses/expense.js';
import type { FindingCode } from '../risk/finding.js';
import type { CardLocale } from './card-format.js';

export type FieldKey =
  | 'submitter'
  | 'client'
  | 'project'
  | 'amount'
  | 'converted'
  | 'underReview'
  | 'date'
  | 'category'
  | 'description'
  | 'merchant'
  | 'payment'
  | 'billable'
  | 'receipts'
  | 'budget'
  | 'risk'
  | 'status'
  | 'history'
  | 'reason'
  | 'comment'
  | 'whatIsNeeded'
  | 'claimed'
  | 'approvedAmount'
  | 'decidedBy'
  | 'decidedAt'
  | 'total'
  | 'approvedSpend'
  | 'pendingSpend'
  | 'used'
  | 'remaining'
  | 'forecast';

export type ButtonKey = 'approve' | 'reject' | 'needsDetails' | 'approveAmount';

export type ListScope = 'mine' | 'pending' | 'client';

/** Who decided: "Bob on behalf of Alice" when a delegate acted. */
export type DeciderText = { readonly name: string; readonly onBehalfOf?: string };
type StageRef = { readonly k: number; readonly n: number };
type Resolved = DeciderText & StageRef & { readonly time: string };

export type FindingParams = {
  readonly PROHIBITED_CATEGORY: { readonly category: string; readonly amount: string };
  readonly OVER_BUDGET: {
    readonly exceedBy: string;
    readonly budget: string;
    readonly percentAfter: string;
    readonly basis: 'actual' | 'committed';
  };
  readonly OVER_CATEGORY_LIMIT: {
    readonly category: string;
    readonly amount: string;
    readonly limit: string;
    readonly overBy: string;
  };
  readonly DUPLICATE_INVOICE: { readonly invoiceNumber: string; readonly others: string };
  readonly DUPLICATE_RECEIPT: { readonly others: string };
  readonly DUPLICATE_SUSPECTED: {
    readonly amount: string;
    readonly others: string;
    readonly windowDays: number;
  };
  readonly SPLIT_SUSPECTED: {
    readonly count: number;
    readonly item: string;
    readonly date: string;
    readonly tierLimit: string;
    readonly total: string;
  };
  readonly MISSING_RECEIPT: { readonly amount: string; readonly threshold: string };
  readonly LATE_SUBMISSION: {
    readonly incurredOn: string;
    readonly ageDays: number;
    readonly maxAgeDays: number;
  };
  readonly UNUSUAL_AMOUNT: {
    readonly category: string;
    readonly amount: string;
    readonly median: string;
    readonly sampleSize: number;
  };
  readonly ROUND_NUMBER: { readonly amount: string };
  readonly WEEKEND: { readonly date: string; readonly weekday: string };
};

type Sentence<P> = (p: P) => string;

export type CardText = {
  readonly separator: string;
  /** Between the items of a list inside a sentence. */
  readonly listSeparator: string;
  readonly withDate: Sentence<{ readonly item: string; readonly date: string }>;
  /** A line followed by what someone said about it. */
  readonly withComment: Sentence<{ readonly line: string; readonly comment: string }>;
  readonly field: Readonly<Record<FieldKey, string>>;
  readonly button: Readonly<Record<ButtonKey, string>>;
  readonly input: {
    readonly reasonLabel: string;
    readonly reasonPlaceholder: string;
    readonly neededLabel: string;
    readonly neededPlaceholder: string;
    readonly amountLabel: Sentence<{ readonly currency: string }>;
    readonly amountReasonLabel: string;
    readonly amountReasonPlaceholder: string;
  };
  readonly yes: string;
  readonly no: string;
  readonly payment: Readonly<Record<PaymentMethod, string>>;
  readonly status: Readonly<Record<ExpenseStatus, string>>;
  readonly billed: string;
  readonly reimbursed: string;
  readonly stage: Sentence<{ readonly label: string } & StageRef>;
  readonly partiallyApprovedStatus: Sentence<{ readonly approved: string; readonly claimed: string }>;
  readonly approvalTitle: Sentence<{ readonly id: string }>;
  readonly expenseTitle: Sentence<{ readonly id: string; readonly amount: string }>;
  readonly replyHint: Sentence<{ readonly id: string }>;
  readonly conversion: Sentence<{
    readonly amount: string;
    readonly rate: string;
    readonly rateDate: string;
  }>;
  readonly receiptCount: Sentence<{ readonly count: number }>;
  readonly noReceipt: string;
  readonly noReceiptBecause: Sentence<{ readonly reason: string }>;
  readonly decider: Sentence<DeciderText>;
  readonly resolved: {
    readonly approved: Sentence<Resolved>;
    readonly partiallyApproved: Sentence<Resolved & { readonly amount: string }>;
    readonly rejected: Sentence<Resolved>;
    readonly returned: Sentence<Resolved>;
  };
  readonly notice: {
    readonly approved: Sentence<{ readonly id: string }>;
    readonly partiallyApproved: Sentence<{ readonly id: string }>;
    readonly rejected: Sentence<{ readonly id: string }>;
    readonly returned: Sentence<{ readonly id: string }>;
    readonly resubmitHint: Sentence<{ readonly id: string }>;
  };
  readonly findingName: Readonly<Record<FindingCode, string>>;
  readonly finding: { readonly [C in FindingCode]: Sentence<FindingParams[C]> };
  readonly budget: {
    readonly impact: Sentence<{ readonly scope: string; readonly period: string; readonly percent: string }>;
    readonly impactWithForecast: Sentence<{
      readonly scope: string;
      readonly period: string;
      readonly percent: string;
      readonly forecastPercent: string;
      readonly forecastDate: string;
    }>;
    readonly split: Sentence<{
      readonly actual: string;
      readonly committed: string;
      readonly budget: string;
    }>;
    readonly willExceedBy: Sentence<{ readonly amount: string }>;
    readonly overBy: Sentence<{ readonly amount: string }>;
    readonly forecast: Sentence<{
      readonly percent: string;
      readonly date: string;
      readonly projected: string;
    }>;
    readonly forecastBasis: Sentence<{
      readonly pace: string;
      readonly elapsed: number;
      readonly total: number;
      readonly committed: string;
    }>;
    readonly line: Sentence<{
      readonly actual: string;
      readonly committed: string;
      readonly percent: string;
    }>;
    readonly cardTitle: Sentence<{ readonly client: string }>;
    readonly none: Sentence<{ readonly client: string }>;
    readonly heading: Sentence<{ readonly scope: string; readonly period: string }>;
    readonly amountLine: Sentence<{ readonly amount: string; readonly action: string }>;
    readonly action: Readonly<Record<BudgetAction, string>>;
    readonly thresholdTitle: Sentence<{
      readonly scope: string;
      readonly period: string;
      readonly threshold: string;
    }>;
    readonly forecastTitle: Sentence<{ readonly scope: string; readonly period: string }>;
    readonly clientTitle: Sentence<{
      readonly scope: string;
      readonly period: string;
      readonly percent: string;
    }>;
    readonly clientText: Sentence<{
      readonly spent: string;
      readonly budget: string;
      readonly percent: string;
    }>;
  };
  readonly list: {
    readonly title: Readonly<Record<Exclude<ListScope, 'client'>, string>> & {
      readonly client: Sentence<{ readonly client: string }>;
    };
    readonly andMore: Sentence<{ readonly count: number }>;
    readonly empty: string;
    readonly totalLabel: string;
  };
};

const plural = (count: number, one: string, many: string): string => (count === 1 ? one : many);

const enWho = (p: DeciderText): string =>
  p.onBehalfOf === undefined ? p.name : `${p.name} on behalf of ${p.onBehalfOf}`;

const enStage = (p: StageRef): string => `stage ${p.k} of ${p.n}`;

const EN: CardText = {
  separator: ' · ',
  listSeparator: ', ',
  withDate: (p) => `${p.item} (${p.date})`,
  withComment: (p) => `${p.line}: ${p.comment}`,
  field: {
    submitter: 'Submitter',
    client: 'Client',
    project: 'Project',
    amount: 'Amount',
    converted: 'Converted',
    underReview: 'Approved so far',
    date: 'Date',
    category: 'Category',
    description: 'Description',
    merchant: 'Merchant',
    payment: 'Paid with',
    billable: 'Billable',
    receipts: 'Receipts',
    budget: 'Budget',
    risk: 'Risk',
    status: 'Status',
    history: 'Approvals',
    reason: 'Reason',
    comment: 'Comment',
    whatIsNeeded: 'What is needed',
    claimed: 'Claimed',
    approvedAmount: 'Approved',
    decidedBy: 'Decided by',
    decidedAt: 'When',
    total: 'Total',
    approvedSpend: 'Approved spend',
    pendingSpend: 'Pending',
    used: 'Used',
    remaining: 'Remaining',
    forecast: 'Forecast',
  },
  button: {
    approve: 'Approve',
    reject: 'Reject',
    needsDetails: 'Needs details',
    approveAmount: 'Approve a different amount',
  },
  input: {
    reasonLabel: 'Reason',
    reasonPlaceholder: 'Why is it rejected?',
    neededLabel: 'What is needed',
    neededPlaceholder: 'e.g. the hotel invoice',
    amountLabel: (p) => `Amount to approve (${p.currency})`,
    amountReasonLabel: 'Reason',
    amountReasonPlaceholder: 'Why a different amount?',
  },
  yes: 'Yes',
  no: 'No',
  payment: { card: 'Company card', personal: 'Personal', cash: 'Cash', transfer: 'Transfer' },
  status: {
    pending: 'Pending',
    approved: 'Approved',
    rejected: 'Rejected',
    returned: 'Needs details',
    withdrawn: 'Withdrawn',
    voided: 'Voided',
  },
  billed: 'billed',
  reimbursed: 'reimbursed',
  stage: (p) => `${p.label} · ${enStage(p)}`,
  partiallyApprovedStatus: (p) => `Approved ${p.approved} of ${p.claimed}`,
  approvalTitle: (p) => `Approval request: ${p.id}`,
  expenseTitle: (p) => `${p.id} · ${p.amount}`,
  replyHint: (p) => `Or reply: approve ${p.id} · reject ${p.id} <reason> · return ${p.id} <what is needed>`,
  conversion: (p) => `${p.amount} (rate ${p.rate}, ${p.rateDate})`,
  receiptCount: (p) => `${p.count} attached`,
  noReceipt: 'None',
  noReceiptBecause: (p) => `None: ${p.reason}`,
  decider: enWho,
  resolved: {
    approved: (p) => `Approved by ${enWho(p)} · ${enStage(p)} · ${p.time}`,
    partiallyApproved: (p) => `Partially approved (${p.amount}) by ${enWho(p)} · ${enStage(p)} · ${p.time}`,
    rejected: (p) => `Rejected by ${enWho(p)} · ${enStage(p)} · ${p.time}`,
    returned: (p) => `Returned for details by ${enWho(p)} · ${enStage(p)} · ${p.time}`,
  },
  notice: {
    approved: (p) => `${p.id} is approved`,
    partiallyApproved: (p) => `${p.id} is partially approved`,
    rejected: (p) => `${p.id} is rejected`,
    returned: (p) => `${p.id} needs details`,
    resubmitHint: (p) => `Change it with edit ${p.id} …, then send it again with resubmit ${p.id}`,
  },
  findingName: {
    PROHIBITED_CATEGORY: 'Prohibited category',
    OVER_BUDGET: 'Over budget',
    OVER_CATEGORY_LIMIT: 'Over the category limit',
    DUPLICATE_INVOICE: 'Invoice already claimed',
    DUPLICATE_RECEIPT: 'Receipt already used',
    DUPLICATE_SUSPECTED: 'Possible duplicate',
    SPLIT_SUSPECTED: 'Possible split',
    MISSING_RECEIPT: 'Missing receipt',
    LATE_SUBMISSION: 'Late submission',
    UNUSUAL_AMOUNT: 'Unusual amount',
    ROUND_NUMBER: 'Round amount',
    WEEKEND: 'Weekend',
  },
  finding: {
    PROHIBITED_CATEGORY: (p) => `${p.category} is a prohibited category (${p.amount})`,
    OVER_BUDGET: (p) =>
      `Over budget by ${p.exceedBy}: ${p.percentAfter} of ${p.budget} ${
        p.basis === 'actual' ? 'on approved spend alone' : 'counting pending items'
      }`,
    OVER_CATEGORY_LIMIT: (p) => `${p.amount} is ${p.overBy} over the ${p.category} limit of ${p.limit}`,
    DUPLICATE_INVOICE: (p) => `Invoice ${p.invoiceNumber} is already claimed on ${p.others}`,
    DUPLICATE_RECEIPT: (p) => `The same receipt file is attached to ${p.others}`,
    DUPLICATE_SUSPECTED: (p) =>
      `Same amount (${p.amount}) by the same person within ${p.windowDays} ${plural(p.windowDays, 'day', 'days')}: ${p.others}`,
    SPLIT_SUSPECTED: (p) =>
      `Possible split: ${p.count} items of ${p.item} on ${p.date}, tier limit ${p.tierLimit}, total ${p.total}`,
    MISSING_RECEIPT: (p) => `No receipt for ${p.amount}; receipts are required above ${p.threshold}`,
    LATE_SUBMISSION: (p) =>
      `Logged ${p.ageDays} days after it was incurred (${p.incurredOn}); the limit is ${p.maxAgeDays} days`,
    UNUSUAL_AMOUNT: (p) =>
      `Unusually high for ${p.category}: ${p.amount} against a usual ${p.median} (median of ${p.sampleSize})`,
    ROUND_NUMBER: (p) => `Round amount: ${p.amount}`,
    WEEKEND: (p) => `Incurred on a weekend: ${p.weekday} ${p.date}`,
  },
  budget: {
    impact: (p) => `Brings ${p.scope}'s ${p.period} budget to ${p.percent}`,
    impactWithForecast: (p) =>
      `Brings ${p.scope}'s ${p.period} budget to ${p.percent}; at the current pace ${p.forecastPercent} by ${p.forecastDate}`,
    split: (p) => `Approved ${p.actual} and pending ${p.committed} of ${p.budget}`,
    willExceedBy: (p) => `Will be exceeded by ${p.amount}`,
    overBy: (p) => `Over budget by ${p.amount}`,
    forecast: (p) => `At the current pace ${p.percent} by ${p.date} (${p.projected})`,
    forecastBasis: (p) =>
      `Basis: ${p.pace} a day over ${p.elapsed} of ${p.total} days, plus ${p.committed} pending`,
    line: (p) => `Approved ${p.actual} · pending ${p.committed} · ${p.percent} used`,
    cardTitle: (p) => `Budgets · ${p.client}`,
    none: (p) => `No budgets are set for ${p.client}. Finance or an admin can add one with budget set.`,
    heading: (p) => `${p.scope} · ${p.period}`,
    amountLine: (p) => `Budget ${p.amount} · when exceeded: ${p.action}`,
    action: {
      warn: 'warn',
      escalate: 'add a finance review',
      block: 'refuse new expenses',
    },
    thresholdTitle: (p) => `${p.scope}'s ${p.period} budget has reached ${p.threshold}`,
    forecastTitle: (p) => `${p.scope}'s ${p.period} budget is on course to be exceeded`,
    clientTitle: (p) => `${p.scope}'s ${p.period} budget: ${p.percent} used`,
    clientText: (p) => `Approved spend so far: ${p.spent} of ${p.budget} (${p.percent})`,
  },
  list: {
    title: {
      mine: 'My expenses',
      pending: 'Waiting for approval',
      client: (p) => `${p.client} expenses`,
    },
    andMore: (p) => `…and ${p.count} more`,
    empty: 'No expenses found.',
    totalLabel: 'Total, pending and approved',
  },
};

const zhStage = (p: StageRef): string => `第 ${p.k}/${p.n} 级`;

/** "Alice 已批准" or, for a delegate, "Bob 代 Alice 批准". */
const zhDid = (p: DeciderText, done: string, verb: string): string =>
  p.onBehalfOf === undefined ? `${p.name} ${done}` : `${p.name} 代 ${p.onBehalfOf} ${verb}`;

const ZH: CardText = {
  separator: ' · ',
  listSeparator: '、',
  withDate: (p) => `${p.item}（${p.date}）`,
  withComment: (p) => `${p.line}：${p.comment}`,
  field: {
    submitter: '提交人',
    client: '客户',
    project: '项目',
    amount: '金额',
    converted: '折合',
    underReview: '前级批准金额',
    date: '日期',
    category: '类别',
    description: '说明',
    merchant: '商户',
    payment: '支付方式',
    billable: '计费',
    receipts: '票据',
    budget: '预算',
    risk: '风险提示',
    status: '状态',
    history: '审批记录',
    reason: '原因',
    comment: '备注',
    whatIsNeeded: '需补充',
    claimed: '申请金额',
    approvedAmount: '批准金额',
    decidedBy: '审批人',
    decidedAt: '时间',
    total: '合计',
    approvedSpend: '已批准支出',
    pendingSpend: '待审批',
    used: '已使用',
    remaining: '剩余',
    forecast: '预测',
  },
  button: {
    approve: '批准',
    reject: '驳回',
    needsDetails: '需补充',
    approveAmount: '按其他金额批准',
  },
  input: {
    reasonLabel: '原因',
    reasonPlaceholder: '为什么驳回？',
    neededLabel: '需补充的内容',
    neededPlaceholder: '例如：酒店发票',
    amountLabel: (p) => `批准金额（${p.currency}）`,
    amountReasonLabel: '原因',
    amountReasonPlaceholder: '为什么按其他金额批准？',
  },
  yes: '是',
  no: '否',
  payment: { card: '公司卡', personal: '个人垫付', cash: '现金', transfer: '转账' },
  status: {
    pending: '待审批',
    approved: '已批准',
    rejected: '已驳回',
    returned: '需补充',
    withdrawn: '已撤回',
    voided: '已作废',
  },
  billed: '已开票',
  reimbursed: '已报销',
  stage: (p) => `${p.label} · ${zhStage(p)}`,
  partiallyApprovedStatus: (p) => `已批准 ${p.approved}（申请 ${p.claimed}）`,
  approvalTitle: (p) => `审批请求：${p.id}`,
  expenseTitle: (p) => `${p.id} · ${p.amount}`,
  replyHint: (p) => `也可回复：批准 ${p.id} · 驳回 ${p.id} <原因> · 退回 ${p.id} <需补充的内容>`,
  conversion: (p) => `${p.amount}（汇率 ${p.rate}，${p.rateDate}）`,
  receiptCount: (p) => `已附 ${p.count} 张`,
  noReceipt: '无',
  noReceiptBecause: (p) => `无：${p.reason}`,
  decider: (p) => (p.onBehalfOf === undefined ? p.name : `${p.name}（代 ${p.onBehalfOf}）`),
  resolved: {
    approved: (p) => `${zhDid(p, '已批准', '批准')} · ${zhStage(p)} · ${p.time}`,
    partiallyApproved: (p) => `${zhDid(p, '部分批准', '部分批准')} ${p.amount} · ${zhStage(p)} · ${p.time}`,
    rejected: (p) => `${zhDid(p, '已驳回', '驳回')} · ${zhStage(p)} · ${p.time}`,
    returned: (p) => `${zhDid(p, '已退回补充', '退回补充')} · ${zhStage(p)} · ${p.time}`,
  },
  notice: {
    approved: (p) => `${p.id} 已批准`,
    partiallyApproved: (p) => `${p.id} 已部分批准`,
    rejected: (p) => `${p.id} 已被驳回`,
    returned: (p) => `${p.id} 需补充信息`,
    resubmitHint: (p) => `请用 修改 ${p.id} … 更正，然后用 重新提交 ${p.id} 再次提交`,
  },
  findingName: {
    PROHIBITED_CATEGORY: '禁止报销的类别',
    OVER_BUDGET: '超出预算',
    OVER_CATEGORY_LIMIT: '超出类别限额',
    DUPLICATE_INVOICE: '发票已报销',
    DUPLICATE_RECEIPT: '票据重复',
    DUPLICATE_SUSPECTED: '疑似重复',
    SPLIT_SUSPECTED: '疑似拆单',
    MISSING_RECEIPT: '缺少票据',
    LATE_SUBMISSION: '逾期提交',
    UNUSUAL_AMOUNT: '金额异常',
    ROUND_NUMBER: '整数金额',
    WEEKEND: '周末发生',
  },
  finding: {
    PROHIBITED_CATEGORY: (p) => `“${p.category}”为禁止报销的类别（${p.amount}）`,
    OVER_BUDGET: (p) =>
      `超出预算 ${p.exceedBy}：${p.basis === 'actual' ? '仅按已批准支出计' : '计入待审批费用'}，达预算 ${p.budget} 的 ${p.percentAfter}`,
    OVER_CATEGORY_LIMIT: (p) => `${p.amount} 超出“${p.category}”单笔限额 ${p.limit}，超出 ${p.overBy}`,
    DUPLICATE_INVOICE: (p) => `发票号码 ${p.invoiceNumber} 已在 ${p.others} 报销`,
    DUPLICATE_RECEIPT: (p) => `相同的票据文件已附在 ${p.others}`,
    DUPLICATE_SUSPECTED: (p) => `同一人 ${p.windowDays} 天内有相同金额（${p.amount}）：${p.others}`,
    SPLIT_SUSPECTED: (p) =>
      `疑似拆单：${p.date} 共 ${p.count} 笔 ${p.item}，审批档位上限 ${p.tierLimit}，合计 ${p.total}`,
    MISSING_RECEIPT: (p) => `${p.amount} 无票据；超过 ${p.threshold} 须提供票据`,
    LATE_SUBMISSION: (p) => `发生于 ${p.incurredOn}，${p.ageDays} 天后才提交，超过 ${p.maxAgeDays} 天时限`,
    UNUSUAL_AMOUNT: (p) =>
      `“${p.category}”金额异常偏高：${p.amount}，通常为 ${p.median}（${p.sampleSize} 笔的中位数）`,
    ROUND_NUMBER: (p) => `整数金额：${p.amount}`,
    WEEKEND: (p) => `发生在周末：${p.date} ${p.weekday}`,
  },
  budget: {
    impact: (p) => `使 ${p.scope} 的${p.period}预算达到 ${p.percent}`,
    impactWithForecast: (p) =>
      `使 ${p.scope} 的${p.period}预算达到 ${p.percent}；按当前进度，${p.forecastDate}将达到 ${p.forecastPercent}`,
    split: (p) => `已批准 ${p.actual}，待审批 ${p.committed}，预算 ${p.budget}`,
    willExceedBy: (p) => `将超出预算 ${p.amount}`,
    overBy: (p) => `已超出预算 ${p.amount}`,
    forecast: (p) => `按当前进度，${p.date}将达到 ${p.percent}（${p.projected}）`,
    forecastBasis: (p) => `依据：前 ${p.elapsed}/${p.total} 天日均 ${p.pace}，另有待审批 ${p.committed}`,
    line: (p) => `已批准 ${p.actual} · 待审批 ${p.committed} · 已使用 ${p.percent}`,
    cardTitle: (p) => `预算 · ${p.client}`,
    none: (p) => `${p.client} 尚未设置预算。财务或管理员可用 预算 设置 添加。`,
    heading: (p) => `${p.scope} · ${p.period}`,
    amountLine: (p) => `预算 ${p.amount} · 超支时：${p.action}`,
    action: {
      warn: '提醒',
      escalate: '增加财务审核',
      block: '拒绝新的费用',
    },
    thresholdTitle: (p) => `${p.scope} 的${p.period}预算已达 ${p.threshold}`,
    forecastTitle: (p) => `按当前进度，${p.scope} 的${p.period}预算将超支`,
    clientTitle: (p) => `${p.scope} 的${p.period}预算：已使用 ${p.percent}`,
    clientText: (p) => `目前已批准支出 ${p.spent}，预算 ${p.budget}（${p.percent}）`,
  },
  list: {
    title: {
      mine: '我的费用',
      pending: '待审批',
      client: (p) => `${p.client} 的费用`,
    },
    andMore: (p) => `……还有 ${p.count} 条`,
    empty: '没有找到费用。',
    totalLabel: '合计（待审批及已批准）',
  },
};

export const CARD_TEXT: Readonly<Record<CardLocale, CardText>> = { en: EN, 'zh-CN': ZH };

export const cardText = (locale: CardLocale): CardText => CARD_TEXT[locale];
