import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../../src/bots/shared/grammar/index.js';
import { presentFailure } from '../../../../../src/bots/shared/i18n/index.js';

// Each bad input: the refusal code, then the whole sentence a person reads in English and in Chinese. The sentences
// are exact on purpose: they are product copy, and each must say what was wrong and show a correct example.
const REFUSALS: ReadonlyArray<readonly [input: string, code: string, en: string, zh: string]> = [
  [
    '',
    'EMPTY',
    'Nothing to do yet — log an expense like 45.80 @acme #meals lunch with the client, or type help.',
    '还没有内容——这样记一笔费用：记 45.80 @acme #餐饮 与客户午餐，或输入 帮助。',
  ],
  [
    '   ',
    'EMPTY',
    'Nothing to do yet — log an expense like 45.80 @acme #meals lunch with the client, or type help.',
    '还没有内容——这样记一笔费用：记 45.80 @acme #餐饮 与客户午餐，或输入 帮助。',
  ],
  [
    '"taxi to 7/11',
    'QUOTE_UNCLOSED',
    'This quote is never closed: "taxi to 7/11 — close it, e.g. "taxi to 7/11".',
    '引号没有闭合："taxi to 7/11——请补上后引号，例如 “打车到 7/11”。',
  ],
  [
    '12,5O @acme #meals',
    'AMOUNT_INVALID',
    '"12,5O" is not an amount — try 12.50',
    '“12,5O”不是有效金额——试试 12.50',
  ],
  [
    '12,50 @acme #meals',
    'AMOUNT_DECIMAL_COMMA',
    '"12,50" uses a comma as the decimal point — try 12.50',
    '“12,50”把逗号当作小数点——试试 12.50',
  ],
  [
    'log lunch',
    'AMOUNT_MISSING',
    'log needs an amount — e.g. 45.80 @acme #meals lunch with the client.',
    '记账需要金额——例如 记 45.80 @acme #餐饮 与客户午餐。',
  ],
  [
    'lsit',
    'UNKNOWN_COMMAND',
    '"lsit" is not a command — did you mean list? Type help for the list.',
    '“lsit”不是命令——你是想输入 list 吗？输入 帮助 查看全部命令。',
  ],
  [
    '#meals lunch 45.80 @acme',
    'UNKNOWN_COMMAND',
    '"#meals" is not a command — to log an expense, start with the amount (45.80 @acme #meals lunch with the client); type help for the list.',
    '“#meals”不是命令——记账请以金额开头（记 45.80 @acme #餐饮 与客户午餐）；输入 帮助 查看全部命令。',
  ],
  [
    '报表吧',
    'UNKNOWN_COMMAND',
    '"报表吧" is not a command — did you mean 报表? Type help for the list.',
    '“报表吧”不是命令——你是想输入 报表 吗？输入 帮助 查看全部命令。',
  ],
  [
    'client',
    'SUBCOMMAND_INVALID',
    '"client" needs one more word — e.g. client add acme "Acme Ltd" CNY Asia/Shanghai zh-CN, or client channel @acme internal weekly.',
    '“client”后面还需要一个词——例如 客户 添加 acme "Acme 有限公司" CNY Asia/Shanghai zh-CN，或 客户 频道 @acme 内部 每周。',
  ],
  [
    '45 #meals',
    'CLIENT_MISSING',
    'Which client? log needs @client — e.g. 45.80 @acme #meals lunch with the client.',
    '哪个客户？记账需要 @客户——例如 记 45.80 @acme #餐饮 与客户午餐。',
  ],
  [
    '45 @acme',
    'CATEGORY_MISSING',
    'Which category? Add #category — e.g. 45.80 @acme #meals lunch with the client.',
    '哪个类别？请加上 #类别——例如 记 45.80 @acme #餐饮 与客户午餐。',
  ],
  [
    '45 @Acme_Co #meals',
    'CLIENT_CODE_INVALID',
    '"@Acme_Co" is not a client code — codes are 2 to 32 lower-case letters, digits or dashes, e.g. @acme.',
    '“@Acme_Co”不是有效的客户代码——代码为 2 到 32 位小写字母、数字或连字符，例如 @acme。',
  ],
  [
    '45 @acme/Web_Site #meals',
    'PROJECT_CODE_INVALID',
    '"@acme/Web_Site" is not a project — write @client/project with 2 to 32 lower-case letters, digits or dashes each, e.g. @acme/website.',
    '“@acme/Web_Site”不是有效的项目——请写 @客户/项目，各为 2 到 32 位小写字母、数字或连字符，例如 @acme/website。',
  ],
  [
    '45 @acme @beta #meals',
    'TWO_CLIENTS',
    'Two clients (@acme and @beta) — keep one, or put other text in quotes.',
    '写了两个客户（@acme 和 @beta）——请只保留一个，其他文字请加引号。',
  ],
  [
    '45 @acme #meals #travel',
    'TWO_CATEGORIES',
    'Two categories (#meals and #travel) — keep one, or put other text in quotes.',
    '写了两个类别（#meals 和 #travel）——请只保留一个，其他文字请加引号。',
  ],
  [
    '45 USD EUR @acme #meals',
    'TWO_CURRENCIES',
    'Two currencies (USD and EUR) — keep one, e.g. 45.80 @acme #meals lunch with the client.',
    '写了两种币种（USD 和 EUR）——请只保留一种，例如 记 45.80 @acme #餐饮 与客户午餐。',
  ],
  [
    '45usd @acme #meals EUR',
    'TWO_CURRENCIES',
    'Two currencies (USD and EUR) — keep one, e.g. 45.80 @acme #meals lunch with the client.',
    '写了两种币种（USD 和 EUR）——请只保留一种，例如 记 45.80 @acme #餐饮 与客户午餐。',
  ],
  [
    '45 @acme #meals 2/30',
    'DATE_INVALID',
    '"2/30" is not a date — write 2026-03-02, 3/2, today, yesterday or a weekday such as mon.',
    '“2/30”不是有效日期——可写 2026-03-02、3/2、今天、昨天 或 周一 这样的星期。',
  ],
  [
    '45 @acme #meals 2026-02-30',
    'DATE_INVALID',
    '"2026-02-30" is not a date — write 2026-03-02, 3/2, today, yesterday or a weekday such as mon.',
    '“2026-02-30”不是有效日期——可写 2026-03-02、3/2、今天、昨天 或 周一 这样的星期。',
  ],
  [
    '45 @acme #meals today 3/2',
    'TWO_DATES',
    'Two dates (today and 3/2) — keep one, or put other text in quotes, e.g. "taxi to 7/11".',
    '写了两个日期（today 和 3/2）——请只保留一个，其他文字请加引号，例如 "打车到 7/11"。',
  ],
  [
    '45 @acme #meals pay:bitcoin',
    'PAY_METHOD_INVALID',
    '"bitcoin" is not a way to pay — use pay:card, pay:personal, pay:cash or pay:transfer.',
    '“bitcoin”不是支付方式——可用 支付:公司卡、支付:个人、支付:现金 或 支付:转账。',
  ],
  [
    '45 @acme #meals billable nonbillable',
    'BILLABLE_CONFLICT',
    'Both billable and nonbillable — keep one.',
    '同时写了 计费 和 不计费——请只保留一个。',
  ],
  [
    '45 @acme #meals vendor:Starbucks',
    'FIELD_UNKNOWN',
    '"vendor:" is not a field — did you mean merchant:? Fields are merchant:, pay:, invoice:, no-receipt:, billable and nonbillable; put other text in quotes.',
    '“vendor:”不是字段——你是想写 merchant: 吗？可用字段：商户:、支付:、发票:、无票:、计费、不计费；其他文字请加引号。',
  ],
  [
    '45 @acme #meals merchant:',
    'FIELD_VALUE_MISSING',
    'merchant: needs a value — e.g. merchant:"Blue Bottle".',
    'merchant: 后面需要内容——例如 商户:"星巴克"。',
  ],
  [
    '45 @acme #meals merchant:a merchant:b',
    'FIELD_REPEATED',
    'merchant: is given twice — keep one.',
    'merchant: 写了两次——请只保留一个。',
  ],
  [
    'show',
    'EXPENSE_ID_MISSING',
    'show needs an expense id — e.g. show ACME-7K3Q.',
    '查看需要费用编号——例如 查看 ACME-7K3Q。',
  ],
  [
    'show 12345',
    'EXPENSE_ID_INVALID',
    '"12345" is not an expense id — ids look like ACME-7K3Q.',
    '“12345”不是费用编号——编号形如 ACME-7K3Q。',
  ],
  [
    'void ACME-7K3Q',
    'REASON_MISSING',
    'void needs a reason — e.g. void ACME-7K3Q duplicate of ACME-9X2M.',
    '作废需要填写原因——例如 作废 ACME-7K3Q 与 ACME-9X2M 重复。',
  ],
  [
    'answer',
    'DISPUTE_ID_MISSING',
    "answer needs the question it answers — e.g. answer ACME-7K3Q the taxi went to the client's office.",
    '答复需要指明答复哪条质询——例如 答复 ACME-7K3Q 这次打车是去客户办公室。',
  ],
  [
    'dispute ACME-7K3Q',
    'REASON_MISSING',
    'dispute needs a comment — e.g. dispute ACME-7K3Q this dinner was not with us.',
    '质询需要填写意见——例如 质询 ACME-7K3Q 这顿饭与我方无关。',
  ],
  [
    'edit ACME-7K3Q',
    'EDIT_NOTHING',
    'Nothing to change on ACME-7K3Q — say what changes, e.g. edit ACME-7K3Q 52.30 #travel.',
    'ACME-7K3Q 没有要修改的内容——请写明修改项，例如 修改 ACME-7K3Q 52.30 #差旅。',
  ],
  [
    'mark ACME-7K3Q paid',
    'MARK_INVALID',
    '"paid" is not a mark — mark takes billed or reimbursed, e.g. mark ACME-7K3Q billed.',
    '“paid”不是可用的标记——可标记 已开票 或 已报销，例如 标记 ACME-7K3Q 已开票。',
  ],
  [
    'list last-fortnight',
    'PERIOD_INVALID',
    '"last-fortnight" is not a period — use this-week, last-week, this-month, last-month, 2026-03, 2026-Q1 or 2026.',
    '“last-fortnight”不是有效期间——可用 本周、上周、本月、上月、2026-03、2026-Q1 或 2026。',
  ],
  [
    'close @acme',
    'PERIOD_MISSING',
    'close needs a period — e.g. close @acme 2026-02.',
    '结账需要期间——例如 结账 @acme 2026-02。',
  ],
  [
    'close @acme/web 2026-02',
    'PROJECT_NOT_ALLOWED',
    'close applies to a whole client, not a project (@acme/web) — e.g. close @acme 2026-02.',
    '结账针对整个客户，不能指定项目（@acme/web）——例如 结账 @acme 2026-02。',
  ],
  [
    'export @acme pdf',
    'EXPORT_FORMAT_INVALID',
    '"pdf" is not a format — export as csv, xlsx or zip, e.g. export @acme last-month xlsx.',
    '“pdf”不是导出格式——可导出 csv、xlsx 或 zip，例如 导出 @acme 上月 xlsx。',
  ],
  [
    'budget set @acme 5000 weekly',
    'BUDGET_PERIOD_INVALID',
    '"weekly" is not a budget period — budgets are monthly, quarterly, yearly or total, e.g. budget set @acme 50000 monthly block.',
    '“weekly”不是预算周期——预算周期为 每月、每季度、每年 或 总额，例如 预算 设置 @acme 50000 每月 阻止。',
  ],
  [
    'role <@U1> boss',
    'ROLE_INVALID',
    '"boss" is not a role — roles are admin, finance or member (approvers are set with approvers), e.g. role <@U123> finance.',
    '“boss”不是角色——角色可为 管理员、财务 或 成员（审批人用 审批人 命令设置），例如 角色 <@U123> 财务。',
  ],
  [
    'role bob admin',
    'MEMBER_INVALID',
    '"bob" is not a mention — @mention the person (or write <@their-user-id>), e.g. role <@U123> finance.',
    '“bob”不是提及——请 @ 提及对方（或写 <@对方用户ID>），例如 角色 <@U123> 财务。',
  ],
  [
    'approvers @acme 4 <@U1>',
    'STAGE_INVALID',
    '"4" is not a stage — stages are 1, 2 or 3, e.g. approvers @acme 1 <@U123> <@U456>.',
    '“4”不是审批级别——级别为 1、2 或 3，例如 审批人 @acme 1 <@U123> <@U456>。',
  ],
  [
    'approvers @acme 1',
    'MEMBER_MISSING',
    'approvers needs a person — mention them, e.g. approvers @acme 1 <@U123> <@U456>.',
    '审批人需要指定成员——请 @ 提及对方，例如 审批人 @acme 1 <@U123> <@U456>。',
  ],
  [
    'delegate <@U1> until',
    'DATE_MISSING',
    'delegate needs a date — e.g. delegate <@U123> until 2026-03-20.',
    '代理需要日期——例如 代理 <@U123> 至 2026-03-20。',
  ],
  [
    'rate USD CNY abc',
    'RATE_INVALID',
    '"abc" is not a rate — write a plain decimal, e.g. rate USD CNY 7.1234 2026-03-02.',
    '“abc”不是有效汇率——请写普通小数，例如 汇率 USD CNY 7.1234 2026-03-02。',
  ],
  [
    'rate USD CNY -7',
    'RATE_NOT_POSITIVE',
    'A rate must be above zero, not "-7" — e.g. rate USD CNY 7.1234 2026-03-02.',
    '汇率必须大于零，不能是“-7”——例如 汇率 USD CNY 7.1234 2026-03-02。',
  ],
  [
    'rate USD XYZ 7',
    'CURRENCY_INVALID',
    '"XYZ" is not a currency code — use ISO codes such as CNY, USD or EUR, e.g. rate USD CNY 7.1234 2026-03-02.',
    '“XYZ”不是币种代码——请用 CNY、USD、EUR 等 ISO 代码，例如 汇率 USD CNY 7.1234 2026-03-02。',
  ],
  [
    'client add acme "Acme" CNY Mars/Base',
    'TIMEZONE_INVALID',
    '"Mars/Base" is not a time zone — use an IANA name such as Asia/Shanghai or Europe/London, e.g. client add acme "Acme Ltd" CNY Asia/Shanghai zh-CN.',
    '“Mars/Base”不是时区——请用 IANA 时区名，如 Asia/Shanghai 或 Europe/London，例如 客户 添加 acme "Acme 有限公司" CNY Asia/Shanghai zh-CN。',
  ],
  [
    'client add acme "Acme" CNY Asia/Shanghai fr',
    'LOCALE_INVALID',
    '"fr" is not a language Outlay speaks — use en or zh-CN.',
    '“fr”不是 Outlay 支持的语言——请用 en 或 zh-CN。',
  ],
  [
    'client add acme CNY Asia/Shanghai',
    'NAME_MISSING',
    'client add needs a name in quotes — e.g. client add acme "Acme Ltd" CNY Asia/Shanghai zh-CN.',
    '客户 添加需要用引号写出名称——例如 客户 添加 acme "Acme 有限公司" CNY Asia/Shanghai zh-CN。',
  ],
  [
    'project add @acme "Web"',
    'PROJECT_MISSING',
    'Which project? Write @client/project — e.g. project add @acme/website "Website redesign" 2026-03-01 2026-06-30.',
    '哪个项目？请写 @客户/项目——例如 项目 添加 @acme/website "官网改版" 2026-03-01 2026-06-30。',
  ],
  [
    'client channel @acme',
    'AUDIENCE_INVALID',
    'Internal or client? A channel is internal (the team) or client (client-facing), e.g. client channel @acme internal weekly.',
    '内部还是客户？频道为 内部（团队）或 客户（面向客户），例如 客户 频道 @acme 内部 每周。',
  ],
  [
    'client channel @acme client webhook ftp://x',
    'URL_INVALID',
    '"ftp://x" is not a web address — paste the full https:// URL of the group robot.',
    '“ftp://x”不是网址——请粘贴群机器人完整的 https:// 地址。',
  ],
  [
    'client channel @acme internal "every monday"',
    'CRON_INVALID',
    '"every monday" is not a cron schedule — five fields, e.g. "0 9 * * 1" for Mondays at 09:00.',
    '“every monday”不是 cron 计划——需要五个字段，例如 "0 9 * * 1" 表示每周一 09:00。',
  ],
  [
    'recurring @acme #software 99 "Figma"',
    'RECURRENCE_INVALID',
    'How often? Recurring expenses are monthly or quarterly, e.g. recurring @acme #software 99 USD monthly "Figma".',
    '多久一次？周期费用为 每月 或 每季度，例如 周期费用 @acme #软件 99 USD 每月 "Figma"。',
  ],
  [
    'recurring @acme #software 99 monthly',
    'MERCHANT_MISSING',
    'recurring needs the merchant in quotes — e.g. recurring @acme #software 99 USD monthly "Figma".',
    '周期费用需要用引号写出商户——例如 周期费用 @acme #软件 99 USD 每月 "Figma"。',
  ],
  [
    'policy set @acme frequency 3',
    'POLICY_SETTING_INVALID',
    '"frequency" is not a policy setting — use tiers, limit, receipt, auto-approve, reminder-hours, escalation-hours, max-age, audit-sample, prohibit or allow, e.g. policy set @acme tiers 500 5000.',
    '“frequency”不是制度设置项——可用 层级、限额、票据门槛、自动批准、提醒小时、升级小时、最长天数、抽检比例、禁止 或 允许，例如 制度 设置 @acme 层级 500 5000。',
  ],
  [
    'policy set reminder-hours 0',
    'NUMBER_INVALID',
    'reminder-hours needs a whole number above zero, not "0" — e.g. policy set reminder-hours 24.',
    'reminder-hours 需要大于零的整数，不能是“0”——例如 制度 设置 reminder-hours 24。',
  ],
  [
    'policy set limit 300',
    'CATEGORY_MISSING',
    'Which category? Add #category — e.g. policy set limit #meals 300.',
    '哪个类别？请加上 #类别——例如 制度 设置 限额 #餐饮 300。',
  ],
  [
    'audit verify --anchor 12:zz',
    'AUDIT_ANCHOR_INVALID',
    '"12:zz" is not an anchor — write <position>:<hash> as the daily audit head prints it (a number, a colon, 64 hex digits).',
    '“12:zz”不是锚点——请按每日审计链头的格式写 <位置>:<哈希>（数字、冒号、64 位十六进制）。',
  ],
  [
    'help foo',
    'HELP_TOPIC_UNKNOWN',
    'No help on "foo" — topics: log, list, edit, approve, finance, budget, report, export, receipt, policy, clients, people, rates, dispute, audit, link, dates.',
    '没有关于“foo”的帮助——可选主题：记账、列表、修改、批准、财务、预算、报告、导出、票据、制度、客户、人员、汇率、质询、审计、绑定、日期。',
  ],
  [
    'link 123',
    'LINK_CODE_INVALID',
    '"123" is not a valid link code — type link on your other platform for a 6-character code, then link <code> here.',
    '“123”不是有效的绑定验证码——请在另一个平台输入 绑定 获取 6 位验证码，再在这里输入 绑定 <验证码>。',
  ],
  [
    'cancel now',
    'UNEXPECTED_WORDS',
    'cancel does not take "now" — e.g. cancel. Put free text in quotes.',
    '取消不接受“now”——例如 取消。其他文字请加引号。',
  ],
  [
    'adjust @acme #meals -5',
    'REASON_MISSING',
    'adjust needs a reason — e.g. adjust @acme -120 #lodging hotel refund.',
    '调整需要填写原因——例如 调整 @acme -120 #住宿 酒店退款。',
  ],
];

describe('refusals', () => {
  it('covers at least 25 kinds of bad input', () => {
    expect(new Set(REFUSALS.map(([, code]) => code)).size).toBeGreaterThanOrEqual(25);
  });

  it.each(REFUSALS)('%j is refused as %s, explained in English and Chinese', (input, code, en, zh) => {
    const result = parseCommand(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(presentFailure(result.error, 'en')).toBe(en);
    expect(presentFailure(result.error, 'zh-CN')).toBe(zh);
  });

  it("passes the amount parser's suggestion through", () => {
    const result = parseCommand('log 1.234,50 @acme #meals');
    expect(result).toStrictEqual({
      ok: false,
      error: {
        code: 'AMOUNT_DECIMAL_COMMA',
        details: { input: '1.234,50', suggestion: '1,234.50', command: 'log' },
      },
    });
  });

  it('names the nearest keyword in either language', () => {
    expect(parseCommand('aprove ACME-7K3Q')).toMatchObject({
      error: { code: 'UNKNOWN_COMMAND', details: { word: 'aprove', suggestion: 'approve' } },
    });
    expect(parseCommand('批淮 ACME-7K3Q')).toMatchObject({
      error: { code: 'UNKNOWN_COMMAND', details: { suggestion: '批准' } },
    });
    expect(parseCommand('xyzzy plugh')).toMatchObject({
      error: { code: 'UNKNOWN_COMMAND', details: { word: 'xyzzy', suggestion: null } },
    });
  });
});
