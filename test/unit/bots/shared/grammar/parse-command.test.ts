import { describe, expect, it } from 'vitest';
import type { Command, CommandKind } from '../../../../../src/bots/shared/grammar/index.js';
import { COMMAND_KINDS, parseCommand } from '../../../../../src/bots/shared/grammar/index.js';
import type { CurrencyCode, ParsedAmount } from '../../../../../src/domain/money/index.js';

const parsed = (text: string): Command => {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(`${text} → ${JSON.stringify(result.error)}`);
  return result.value;
};

const amount = (integerDigits: string, fractionDigits = '', sign: 1 | -1 = 1): ParsedAmount => ({
  sign,
  integerDigits,
  fractionDigits,
});
const hinted = (plain: ParsedAmount, currency: string, source: 'symbol' | 'code'): ParsedAmount => ({
  ...plain,
  currencyHint: currency as CurrencyCode,
  hintSource: source,
});
const code = (c: string): CurrencyCode => c as CurrencyCode;

describe('log', () => {
  it('reads amount, client, category and description; the keyword is optional', () => {
    const expected: Command = {
      kind: 'log',
      amount: amount('45', '80'),
      client: { client: 'acme' },
      category: 'meals',
      description: 'lunch with the client',
      fields: {},
      override: false,
    };
    expect(parsed('45.80 @acme #meals lunch with the client')).toStrictEqual(expected);
    expect(parsed('log 45.80 @acme #meals lunch with the client')).toStrictEqual(expected);
  });

  it('reads the Chinese keywords 记, 记账 and 报销, a currency word, and a keyword glued to the amount', () => {
    const expected: Command = {
      kind: 'log',
      amount: hinted(amount('45'), 'CNY', 'symbol'),
      client: { client: 'acme' },
      category: '餐饮',
      date: { kind: 'relative', daysAgo: 1 },
      description: '午饭',
      fields: {},
      override: false,
    };
    expect(parsed('记 45元 @acme #餐饮 昨天 午饭')).toStrictEqual(expected);
    expect(parsed('记账 45 元 @acme #餐饮 昨天 午饭')).toStrictEqual(expected);
    expect(parsed('报销45元 @acme #餐饮 昨天 午饭')).toStrictEqual(expected);
  });

  it('recognises client, category, currency, date, fields and override anywhere after the amount', () => {
    expect(
      parsed('1200 taxi #transport JPY to the hotel @acme/web 3/2 pay:card override merchant:MK'),
    ).toStrictEqual({
      kind: 'log',
      amount: amount('1200'),
      currency: code('JPY'),
      client: { client: 'acme', project: 'web' },
      category: 'transport',
      date: { kind: 'month-day', month: 3, day: 2 },
      description: 'taxi to the hotel',
      fields: { pay: 'card', merchant: 'MK' },
      override: true,
    });
  });

  it('lets an ISO code anywhere win over a currency symbol', () => {
    expect(parsed('¥1200 @acme #travel JPY')).toMatchObject({
      amount: hinted(amount('1200'), 'CNY', 'symbol'),
      currency: code('JPY'),
    });
    expect(parsed('¥ 1200 @acme #travel')).toMatchObject({ amount: hinted(amount('1200'), 'CNY', 'symbol') });
    expect(parsed('45usd @acme #meals USD')).toMatchObject({ currency: code('USD') });
  });

  it('does not read everyday words as currencies', () => {
    expect(parsed('12 @acme #transport taxi all the way')).toMatchObject({
      description: 'taxi all the way',
    });
    expect(parsed('12 @acme #transport taxi all the way')).not.toHaveProperty('currency');
    expect(parsed('12 @acme #transport ALL')).toMatchObject({ currency: code('ALL') });
  });

  it('reads every field in English and in Chinese, with values quoted or in the next word', () => {
    const english = parsed(
      '88 @acme #meals merchant:"Blue Bottle" pay:personal invoice:04400190 nonbillable no-receipt:"lost it"',
    );
    const chinese = parsed(
      '88 @acme #meals 商户:"Blue Bottle" 支付:个人 发票:04400190 不计费 无票:"lost it"',
    );
    const fields = {
      merchant: 'Blue Bottle',
      pay: 'personal',
      invoice: '04400190',
      billable: false,
      noReceipt: 'lost it',
    };
    expect(english).toMatchObject({ fields });
    expect(chinese).toMatchObject({ fields });
    expect(parsed('88 @acme #meals merchant: Starbucks billable')).toMatchObject({
      fields: { merchant: 'Starbucks', billable: true },
    });
    expect(parsed('88 @acme #meals 支付:公司卡 计费')).toMatchObject({
      fields: { pay: 'card', billable: true },
    });
    expect(parsed('88 @acme #meals 支付:现金')).toMatchObject({ fields: { pay: 'cash' } });
    expect(parsed('88 @acme #meals pay:TRANSFER')).toMatchObject({ fields: { pay: 'transfer' } });
  });

  it('folds full-width ＠＃： and the ideographic space', () => {
    expect(parsed('４５．８　＠ａｃｍｅ　＃差旅　商户：滴滴出行')).toStrictEqual({
      kind: 'log',
      amount: amount('45', '8'),
      client: { client: 'acme' },
      category: '差旅',
      fields: { merchant: '滴滴出行' },
      override: false,
    });
  });

  it('keeps quoted text literal, in all three quote styles', () => {
    expect(parsed('12 @acme #transport "taxi to 7/11 @ noon #2"')).toMatchObject({
      description: 'taxi to 7/11 @ noon #2',
    });
    expect(parsed('12 @acme #transport “taxi today”')).toMatchObject({ description: 'taxi today' });
    expect(parsed('12 @acme #transport 「打车 今天」')).toMatchObject({ description: '打车 今天' });
    expect(parsed('12 @acme #transport 「打车 今天」')).not.toHaveProperty('date');
    // Outside quotes `7/11` is a date, which is why the product says to quote it.
    expect(parsed('12 @acme #transport taxi to 7/11')).toMatchObject({
      date: { kind: 'month-day', month: 7, day: 11 },
      description: 'taxi to',
    });
  });

  it('reads every date form', () => {
    const dateOf = (word: string): unknown => (parsed(`12 @acme #meals ${word}`) as { date?: unknown }).date;
    expect(dateOf('2026-03-02')).toStrictEqual({ kind: 'absolute', date: '2026-03-02' });
    expect(dateOf('2026/3/2')).toStrictEqual({ kind: 'absolute', date: '2026-03-02' });
    expect(dateOf('2026年3月2日')).toStrictEqual({ kind: 'absolute', date: '2026-03-02' });
    expect(dateOf('3/2')).toStrictEqual({ kind: 'month-day', month: 3, day: 2 });
    expect(dateOf('3月2日')).toStrictEqual({ kind: 'month-day', month: 3, day: 2 });
    expect(dateOf('2/29')).toStrictEqual({ kind: 'month-day', month: 2, day: 29 });
    expect(dateOf('today')).toStrictEqual({ kind: 'relative', daysAgo: 0 });
    expect(dateOf('Yesterday')).toStrictEqual({ kind: 'relative', daysAgo: 1 });
    expect(dateOf('今天')).toStrictEqual({ kind: 'relative', daysAgo: 0 });
    expect(dateOf('昨天')).toStrictEqual({ kind: 'relative', daysAgo: 1 });
    expect(dateOf('前天')).toStrictEqual({ kind: 'relative', daysAgo: 2 });
    expect(dateOf('mon')).toStrictEqual({ kind: 'weekday', weekday: 1 });
    expect(dateOf('Friday')).toStrictEqual({ kind: 'weekday', weekday: 5 });
    expect(dateOf('周一')).toStrictEqual({ kind: 'weekday', weekday: 1 });
    expect(dateOf('星期日')).toStrictEqual({ kind: 'weekday', weekday: 7 });
  });

  it('tolerates what platforms leave in front: a bot mention, expense, a colon', () => {
    const expected = parsed('42 @acme #meals lunch');
    expect(parsed('<@UBOT> 42 @acme #meals lunch')).toStrictEqual(expected);
    expect(parsed('expense 42 @acme #meals lunch')).toStrictEqual(expected);
    expect(parsed('/expense 42 @acme #meals lunch')).toStrictEqual(expected);
    expect(parsed('  : 42 @acme #meals lunch  ')).toStrictEqual(expected);
  });
});

describe('expense commands', () => {
  it('normalises ids: any case, Crockford look-alikes in the code part', () => {
    expect(parsed('show acme-7k3q')).toStrictEqual({ kind: 'show', expenseId: 'ACME-7K3Q' });
    expect(parsed('查看 acme-7kio')).toStrictEqual({ kind: 'show', expenseId: 'ACME-7K10' });
    expect(parsed('查看ACME-7K3Q')).toStrictEqual({ kind: 'show', expenseId: 'ACME-7K3Q' });
  });

  it.each([
    ['list', { kind: 'list' }],
    ['list mine', { kind: 'list', scope: { kind: 'mine' } }],
    ['列表 待审批 本月', { kind: 'list', scope: { kind: 'pending' }, period: { key: '本月' } }],
    [
      'list @acme/web last month',
      {
        kind: 'list',
        scope: { kind: 'client', client: { client: 'acme', project: 'web' } },
        period: { key: 'last-month' },
      },
    ],
    ['withdraw ACME-7K3Q', { kind: 'withdraw', expenseId: 'ACME-7K3Q' }],
    ['撤回 ACME-7K3Q', { kind: 'withdraw', expenseId: 'ACME-7K3Q' }],
    ['resubmit ACME-7K3Q', { kind: 'resubmit', expenseId: 'ACME-7K3Q' }],
    ['重新提交 ACME-7K3Q', { kind: 'resubmit', expenseId: 'ACME-7K3Q' }],
    ['approve ACME-7K3Q', { kind: 'approve', expenseId: 'ACME-7K3Q' }],
    ['同意 ACME-7K3Q 辛苦了', { kind: 'approve', expenseId: 'ACME-7K3Q', comment: '辛苦了' }],
    [
      'approve ACME-7K3Q 300 USD only the taxi',
      {
        kind: 'approve',
        expenseId: 'ACME-7K3Q',
        approvedAmount: { amount: amount('300'), currency: code('USD') },
        comment: 'only the taxi',
      },
    ],
    [
      'reject ACME-7K3Q not a client cost',
      { kind: 'reject', expenseId: 'ACME-7K3Q', reason: 'not a client cost' },
    ],
    ['拒绝 ACME-7K3Q', { kind: 'reject', expenseId: 'ACME-7K3Q' }],
    ['驳回 ACME-7K3Q 非客户费用', { kind: 'reject', expenseId: 'ACME-7K3Q', reason: '非客户费用' }],
    [
      'return ACME-7K3Q receipt please',
      { kind: 'return', expenseId: 'ACME-7K3Q', whatIsNeeded: 'receipt please' },
    ],
    ['退回 ACME-7K3Q 请补充票据', { kind: 'return', expenseId: 'ACME-7K3Q', whatIsNeeded: '请补充票据' }],
    ['void ACME-7K3Q duplicate', { kind: 'void', expenseId: 'ACME-7K3Q', reason: 'duplicate' }],
    ['作废 ACME-7K3Q 重复', { kind: 'void', expenseId: 'ACME-7K3Q', reason: '重复' }],
    ['mark ACME-7K3Q reimbursed', { kind: 'mark', expenseId: 'ACME-7K3Q', mark: 'reimbursed' }],
    ['标记 ACME-7K3Q 已开票', { kind: 'mark', expenseId: 'ACME-7K3Q', mark: 'billed' }],
    ['标记 ACME-7K3Q 已报销', { kind: 'mark', expenseId: 'ACME-7K3Q', mark: 'reimbursed' }],
    ['close @acme 2026-02', { kind: 'close', client: 'acme', period: { key: '2026-02' } }],
    ['结账 @acme 上月', { kind: 'close', client: 'acme', period: { key: '上月' } }],
    [
      'answer acme-7k3q it was a client visit',
      { kind: 'answer', disputeId: 'ACME-7K3Q', text: 'it was a client visit' },
    ],
    ['答复 D-12 已更正', { kind: 'answer', disputeId: 'D-12', text: '已更正' }],
    ['receipt ACME-7K3Q', { kind: 'receipt', expenseId: 'ACME-7K3Q' }],
    ['票据 ACME-7K3Q', { kind: 'receipt', expenseId: 'ACME-7K3Q' }],
    ['dispute ACME-7K3Q not ours', { kind: 'dispute', expenseId: 'ACME-7K3Q', comment: 'not ours' }],
    ['质询 ACME-7K3Q 与我方无关', { kind: 'dispute', expenseId: 'ACME-7K3Q', comment: '与我方无关' }],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toStrictEqual(expected);
  });

  it('edit takes the log words: amount first, the rest anywhere', () => {
    expect(parsed('edit ACME-7K3Q 52.30 #travel yesterday')).toStrictEqual({
      kind: 'edit',
      expenseId: 'ACME-7K3Q',
      changes: {
        amount: amount('52', '30'),
        category: 'travel',
        date: { kind: 'relative', daysAgo: 1 },
        fields: {},
      },
      override: false,
    });
    expect(parsed('修改 ACME-7K3Q @beta 商户:"Blue Bottle" 强制')).toStrictEqual({
      kind: 'edit',
      expenseId: 'ACME-7K3Q',
      changes: { client: { client: 'beta' }, fields: { merchant: 'Blue Bottle' } },
      override: true,
    });
    expect(parsed('edit ACME-7K3Q EUR')).toMatchObject({ changes: { currency: code('EUR') } });
  });

  it('adjust reads a signed amount, client, category and the reason', () => {
    expect(parsed('adjust @acme -120 #lodging hotel refund of 2 nights')).toStrictEqual({
      kind: 'adjust',
      client: { client: 'acme' },
      amount: amount('120', '', -1),
      category: 'lodging',
      reason: 'hotel refund of 2 nights',
    });
    expect(parsed('调整 @acme +50 USD #住宿 补差价')).toStrictEqual({
      kind: 'adjust',
      client: { client: 'acme' },
      amount: amount('50'),
      currency: code('USD'),
      category: '住宿',
      reason: '补差价',
    });
  });
});

describe('client, budget and report commands', () => {
  it.each([
    ['report @acme', { kind: 'report', client: { client: 'acme' } }],
    ['报告 @acme 上月', { kind: 'report', client: { client: 'acme' }, period: { key: '上月' } }],
    ['报表 @acme 2026-q1', { kind: 'report', client: { client: 'acme' }, period: { key: '2026-Q1' } }],
    ['budget @acme/web', { kind: 'budget', client: { client: 'acme', project: 'web' } }],
    ['预算 @acme', { kind: 'budget', client: { client: 'acme' } }],
    ['risk @acme 2026', { kind: 'risk', client: { client: 'acme' }, period: { key: '2026' } }],
    ['风险 @acme 本季度', { kind: 'risk', client: { client: 'acme' }, period: { key: '本季度' } }],
    ['export @acme csv', { kind: 'export', client: { client: 'acme' }, format: 'csv' }],
    [
      '导出 @acme 今年 zip',
      { kind: 'export', client: { client: 'acme' }, period: { key: '今年' }, format: 'zip' },
    ],
    ['admin channel', { kind: 'admin-channel' }],
    ['管理频道', { kind: 'admin-channel' }],
    ['link', { kind: 'link' }],
    ['绑定 k7m-2qx', { kind: 'link', code: 'K7M2QX' }],
    ['help', { kind: 'help', topic: 'general' }],
    ['help reject', { kind: 'help', topic: 'approve' }],
    ['帮助 预算', { kind: 'help', topic: 'budget' }],
    ['help dates', { kind: 'help', topic: 'dates' }],
    ['cancel', { kind: 'cancel' }],
    ['取消', { kind: 'cancel' }],
    ['audit verify', { kind: 'audit-verify' }],
    ['审计 验证', { kind: 'audit-verify' }],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toStrictEqual(expected);
  });

  it('budget set, in English and Chinese, with an optional reason', () => {
    expect(parsed('budget set @acme/web 50000 CNY quarterly #travel escalate')).toStrictEqual({
      kind: 'budget-set',
      client: { client: 'acme', project: 'web' },
      amount: amount('50000'),
      currency: code('CNY'),
      period: 'quarterly',
      category: 'travel',
      onExceed: 'escalate',
    });
    expect(parsed('预算 设置 @acme 1.2万 每月 阻止 "新范围已确认"')).toStrictEqual({
      kind: 'budget-set',
      client: { client: 'acme' },
      amount: amount('12000'),
      period: 'monthly',
      onExceed: 'block',
      reason: '新范围已确认',
    });
  });

  it('client add finds the name up to the currency and canonicalises zone and locale', () => {
    expect(parsed('client add ACME "Acme Ltd" cny asia/shanghai zh-cn')).toStrictEqual({
      kind: 'client-add',
      code: 'acme',
      name: 'Acme Ltd',
      currency: code('CNY'),
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
    });
    expect(parsed('客户 添加 beta Beta Trading Co USD America/New_York')).toStrictEqual({
      kind: 'client-add',
      code: 'beta',
      name: 'Beta Trading Co',
      currency: code('USD'),
      timeZone: 'America/New_York',
    });
  });

  it('project add reads the code, quoted name and optional dates', () => {
    expect(parsed('project add @acme/website "Website redesign" 2026-03-01 2026-06-30')).toStrictEqual({
      kind: 'project-add',
      client: 'acme',
      project: 'website',
      name: 'Website redesign',
      start: { kind: 'absolute', date: '2026-03-01' },
      end: { kind: 'absolute', date: '2026-06-30' },
    });
    expect(parsed('项目 添加 @acme/app 小程序')).toStrictEqual({
      kind: 'project-add',
      client: 'acme',
      project: 'app',
      name: '小程序',
    });
  });

  it('client channel: audience, schedule or cron, budget opt-in, webhook (Slack <url> wrapping removed)', () => {
    expect(
      parsed(
        'client channel @acme client monthly budget webhook <https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k>',
      ),
    ).toStrictEqual({
      kind: 'client-channel',
      client: 'acme',
      audience: 'client',
      schedule: { kind: 'monthly' },
      budgetWarnings: true,
      webhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
    });
    expect(parsed('客户 群 @acme 内部 "0  9 * * 1"')).toStrictEqual({
      kind: 'client-channel',
      client: 'acme',
      audience: 'internal',
      schedule: { kind: 'cron', expression: '0 9 * * 1' },
      budgetWarnings: false,
    });
  });
});

describe('people, rates and policy', () => {
  it.each([
    [
      'approvers @acme 2 <@U1> <@U2|bob>',
      {
        kind: 'approvers',
        client: 'acme',
        stage: 2,
        members: [
          { kind: 'mention', platformUserId: 'U1' },
          { kind: 'mention', platformUserId: 'U2' },
        ],
      },
    ],
    [
      '审批人 @acme 1 <@zhangsan>',
      {
        kind: 'approvers',
        client: 'acme',
        stage: 1,
        members: [{ kind: 'mention', platformUserId: 'zhangsan' }],
      },
    ],
    ['role <@U1> admin', { kind: 'role', member: { kind: 'mention', platformUserId: 'U1' }, role: 'admin' }],
    ['角色 <@U1> 财务', { kind: 'role', member: { kind: 'mention', platformUserId: 'U1' }, role: 'finance' }],
    [
      'delegate <@U1> until fri',
      {
        kind: 'delegate',
        member: { kind: 'mention', platformUserId: 'U1' },
        until: { kind: 'weekday', weekday: 5 },
      },
    ],
    [
      '代理 <@U1> 至 3/20',
      {
        kind: 'delegate',
        member: { kind: 'mention', platformUserId: 'U1' },
        until: { kind: 'month-day', month: 3, day: 20 },
      },
    ],
    ['rate usd cny 7.12340', { kind: 'rate', from: code('USD'), to: code('CNY'), rate: '7.1234' }],
    [
      '汇率 EUR CNY 7.8 2026-03-02',
      {
        kind: 'rate',
        from: code('EUR'),
        to: code('CNY'),
        rate: '7.8',
        date: { kind: 'absolute', date: '2026-03-02' },
      },
    ],
    ['policy', { kind: 'policy' }],
    ['制度 @acme #差旅', { kind: 'policy', client: 'acme', category: '差旅' }],
    ['政策 #meals', { kind: 'policy', category: 'meals' }],
    [
      'policy test 600 USD @acme #travel',
      {
        kind: 'policy-test',
        amount: amount('600'),
        currency: code('USD'),
        client: { client: 'acme' },
        category: 'travel',
      },
    ],
    [
      '制度 测试 600 @acme #差旅',
      { kind: 'policy-test', amount: amount('600'), client: { client: 'acme' }, category: '差旅' },
    ],
    [
      'recurring @acme #software 99 USD monthly "Figma"',
      {
        kind: 'recurring',
        client: { client: 'acme' },
        category: 'software',
        amount: amount('99'),
        currency: code('USD'),
        recurrence: 'monthly',
        merchant: 'Figma',
      },
    ],
    [
      '周期费用 @acme #软件 300元 每季度 阿里云',
      {
        kind: 'recurring',
        client: { client: 'acme' },
        category: '软件',
        amount: hinted(amount('300'), 'CNY', 'symbol'),
        recurrence: 'quarterly',
        merchant: '阿里云',
      },
    ],
  ])('%s', (text, expected) => {
    expect(parsed(text)).toStrictEqual(expected);
  });

  it.each([
    ['policy set @acme tiers 500 5000', { kind: 'tiers', limits: [amount('500'), amount('5000')] }],
    ['制度 设置 层级 1000', { kind: 'tiers', limits: [amount('1000')] }],
    ['policy set limit #meals 300', { kind: 'category-limit', category: 'meals', amount: amount('300') }],
    ['policy set limit #meals off', { kind: 'category-limit', category: 'meals', amount: null }],
    ['policy set receipt 100', { kind: 'receipt-threshold', amount: amount('100') }],
    ['制度 设置 票据门槛 #餐饮 50', { kind: 'receipt-threshold', category: '餐饮', amount: amount('50') }],
    ['policy set auto-approve 50', { kind: 'auto-approve', amount: amount('50') }],
    ['制度 设置 自动批准 关闭', { kind: 'auto-approve', amount: null }],
    ['policy set reminder-hours 24', { kind: 'reminder-hours', hours: 24 }],
    ['policy set escalation-hours 72', { kind: 'escalation-hours', hours: 72 }],
    ['policy set max-age 60', { kind: 'max-age', days: 60 }],
    ['policy set audit-sample 2.50%', { kind: 'audit-sample', percent: '2.5' }],
    ['制度 设置 抽检比例 5', { kind: 'audit-sample', percent: '5' }],
    ['policy set receipt #meals off', { kind: 'receipt-threshold', category: 'meals', amount: null }],
    [
      'policy set prohibit #entertainment',
      { kind: 'prohibited', category: 'entertainment', prohibited: true },
    ],
    ['制度 设置 允许 #招待', { kind: 'prohibited', category: '招待', prohibited: false }],
  ])('%s', (text, setting) => {
    expect(parsed(text)).toMatchObject({ kind: 'policy-set', setting });
  });

  it('policy set keeps the client when one is named', () => {
    expect(parsed('policy set @acme max-age 30')).toStrictEqual({
      kind: 'policy-set',
      client: 'acme',
      setting: { kind: 'max-age', days: 30 },
    });
  });

  it('audit verify reads an anchor in every spelling', () => {
    const hash = 'ab'.repeat(32);
    const expected = { kind: 'audit-verify', anchor: { position: 1042, hash } };
    expect(parsed(`audit verify --anchor 1042:${hash}`)).toStrictEqual(expected);
    expect(parsed(`audit verify --anchor=1042:${hash.toUpperCase()}`)).toStrictEqual(expected);
    expect(parsed(`审计 验证 —anchor 1042:${hash}`)).toStrictEqual(expected);
  });
});

describe('coverage of the command list', () => {
  const examples: Record<CommandKind, readonly [string, string]> = {
    log: ['45 @acme #meals', '记 45 @acme #餐饮'],
    list: ['list', '列表'],
    show: ['show ACME-7K3Q', '查看 ACME-7K3Q'],
    edit: ['edit ACME-7K3Q 50', '修改 ACME-7K3Q 50'],
    withdraw: ['withdraw ACME-7K3Q', '撤回 ACME-7K3Q'],
    resubmit: ['resubmit ACME-7K3Q', '重新提交 ACME-7K3Q'],
    approve: ['approve ACME-7K3Q', '批准 ACME-7K3Q'],
    reject: ['reject ACME-7K3Q', '驳回 ACME-7K3Q'],
    return: ['return ACME-7K3Q', '退回 ACME-7K3Q'],
    void: ['void ACME-7K3Q dup', '作废 ACME-7K3Q 重复'],
    mark: ['mark ACME-7K3Q billed', '标记 ACME-7K3Q 已开票'],
    close: ['close @acme 2026-02', '结账 @acme 2026-02'],
    answer: ['answer ACME-7K3Q ok', '答复 ACME-7K3Q 好的'],
    adjust: ['adjust @acme -1 #meals fix', '调整 @acme -1 #餐饮 更正'],
    receipt: ['receipt ACME-7K3Q', '票据 ACME-7K3Q'],
    link: ['link', '绑定'],
    'admin-channel': ['admin channel', '管理频道'],
    report: ['report @acme', '报告 @acme'],
    budget: ['budget @acme', '预算 @acme'],
    export: ['export @acme csv', '导出 @acme csv'],
    risk: ['risk @acme', '风险 @acme'],
    'budget-set': ['budget set @acme 1 total', '预算 设置 @acme 1 总额'],
    'client-add': ['client add acme "A" CNY UTC', '客户 添加 acme "A" CNY UTC'],
    'project-add': ['project add @acme/web "W"', '项目 添加 @acme/web "W"'],
    'client-channel': ['client channel @acme internal', '客户 频道 @acme 内部'],
    approvers: ['approvers @acme 1 <@U1>', '审批人 @acme 1 <@U1>'],
    role: ['role <@U1> member', '角色 <@U1> 成员'],
    delegate: ['delegate <@U1> until today', '代理 <@U1> 到 今天'],
    rate: ['rate USD CNY 7', '汇率 USD CNY 7'],
    policy: ['policy', '制度'],
    'policy-set': ['policy set max-age 5', '制度 设置 最长天数 5'],
    'policy-test': ['policy test 1 @acme #meals', '制度 测试 1 @acme #餐饮'],
    recurring: ['recurring @acme #software 9 monthly Figma', '周期费用 @acme #软件 9 每月 Figma'],
    dispute: ['dispute ACME-7K3Q why', '质询 ACME-7K3Q 为什么'],
    'audit-verify': ['audit verify', '审计 验证'],
    help: ['help', '帮助'],
    cancel: ['cancel', '取消'],
  };

  it.each(COMMAND_KINDS.map((kind) => [kind, ...examples[kind]] as const))(
    '%s reads in English (%s) and Chinese (%s)',
    (kind, english, chinese) => {
      expect(parsed(english).kind).toBe(kind);
      expect(parsed(chinese).kind).toBe(kind);
    },
  );
});
