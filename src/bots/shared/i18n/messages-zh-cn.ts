// Everything the bots say in Simplified Chinese. Typed as `Messages`, so it has exactly the English keys and
// parameters. Examples use the Chinese keywords of docs/product-rules.md §10 and parse like the English ones.
import type { CommandKind, HelpTopic } from '../grammar/command.js';
import type { CommandText, Messages } from './messages-en.js';

const commands: Readonly<Record<CommandKind, CommandText>> = {
  log: {
    name: '记账',
    usage: '记 <金额> [币种] @客户[/项目] #类别 [日期] [说明] [字段] [强制]',
    example: '记 45.80 @acme #餐饮 与客户午餐',
  },
  list: { name: '列表', usage: '列表 [我的|待审批|@客户] [期间]', example: '列表 @acme 上月' },
  show: { name: '查看', usage: '查看 <编号>', example: '查看 ACME-7K3Q' },
  edit: { name: '修改', usage: '修改 <编号> <修改内容>', example: '修改 ACME-7K3Q 52.30 #差旅' },
  withdraw: { name: '撤回', usage: '撤回 <编号>', example: '撤回 ACME-7K3Q' },
  resubmit: { name: '重新提交', usage: '重新提交 <编号>', example: '重新提交 ACME-7K3Q' },
  approve: { name: '批准', usage: '批准 <编号> [金额] [备注]', example: '批准 ACME-7K3Q' },
  reject: { name: '驳回', usage: '驳回 <编号> <原因>', example: '驳回 ACME-7K3Q 不属于客户费用' },
  return: { name: '退回', usage: '退回 <编号> <需补充的内容>', example: '退回 ACME-7K3Q 请补充票据' },
  void: { name: '作废', usage: '作废 <编号> <原因>', example: '作废 ACME-7K3Q 与 ACME-9X2M 重复' },
  mark: { name: '标记', usage: '标记 <编号> 已开票|已报销', example: '标记 ACME-7K3Q 已开票' },
  close: { name: '结账', usage: '结账 @客户 <期间>', example: '结账 @acme 2026-02' },
  answer: { name: '答复', usage: '答复 <质询> <内容>', example: '答复 ACME-7K3Q 这次打车是去客户办公室' },
  adjust: {
    name: '调整',
    usage: '调整 @客户 <±金额> [币种] #类别 <原因>',
    example: '调整 @acme -120 #住宿 酒店退款',
  },
  receipt: { name: '票据', usage: '票据 <编号>，然后发送文件', example: '票据 ACME-7K3Q' },
  link: { name: '绑定', usage: '绑定 [验证码]', example: '绑定 K7M2QX' },
  'admin-channel': { name: '管理频道', usage: '管理频道', example: '管理频道' },
  report: { name: '报告', usage: '报告 @客户 [期间]', example: '报告 @acme 上月' },
  budget: { name: '预算', usage: '预算 @客户', example: '预算 @acme' },
  export: { name: '导出', usage: '导出 @客户 [期间] csv|xlsx|zip', example: '导出 @acme 上月 xlsx' },
  risk: { name: '风险', usage: '风险 @客户 [期间]', example: '风险 @acme 本月' },
  'budget-set': {
    name: '预算 设置',
    usage: '预算 设置 @客户[/项目] <金额> [币种] 每月|每季度|每年|总额 [#类别] [预警|升级|阻止] ["原因"]',
    example: '预算 设置 @acme 50000 每月 阻止',
  },
  'client-add': {
    name: '客户 添加',
    usage: '客户 添加 <代码> "<名称>" <币种> <时区> [en|zh-CN]',
    example: '客户 添加 acme "Acme 有限公司" CNY Asia/Shanghai zh-CN',
  },
  'project-add': {
    name: '项目 添加',
    usage: '项目 添加 @客户/<代码> "<名称>" [开始日期] [结束日期]',
    example: '项目 添加 @acme/website "官网改版" 2026-03-01 2026-06-30',
  },
  'client-channel': {
    name: '客户 频道',
    usage: '客户 频道 @客户 内部|客户 [每周|每月|"<cron>"] [预算] [webhook <网址>]',
    example: '客户 频道 @acme 内部 每周',
  },
  approvers: {
    name: '审批人',
    usage: '审批人 @客户 <级别 1..3> <@成员…>',
    example: '审批人 @acme 1 <@U123> <@U456>',
  },
  role: { name: '角色', usage: '角色 <@成员> 管理员|财务|成员', example: '角色 <@U123> 财务' },
  delegate: { name: '代理', usage: '代理 <@成员> 至 <日期>', example: '代理 <@U123> 至 2026-03-20' },
  rate: {
    name: '汇率',
    usage: '汇率 <原币种> <目标币种> <汇率> [日期]',
    example: '汇率 USD CNY 7.1234 2026-03-02',
  },
  policy: { name: '制度', usage: '制度 [@客户] [#类别]', example: '制度 @acme #差旅' },
  'policy-set': {
    name: '制度 设置',
    usage:
      '制度 设置 [@客户] 层级 <上限> [<上限>] | 限额 #类别 <金额>|关闭 | 票据门槛 [#类别] <金额> | 自动批准 <金额>|关闭 | 提醒小时 <n> | 升级小时 <n> | 最长天数 <天数> | 抽检比例 <百分比> | 禁止|允许 #类别',
    example: '制度 设置 @acme 层级 500 5000',
  },
  'policy-test': {
    name: '制度 测试',
    usage: '制度 测试 <金额> [币种] @客户 #类别',
    example: '制度 测试 600 @acme #差旅',
  },
  recurring: {
    name: '周期费用',
    usage: '周期费用 @客户 #类别 <金额> [币种] 每月|每季度 "<商户>"',
    example: '周期费用 @acme #软件 99 USD 每月 "Figma"',
  },
  dispute: { name: '质询', usage: '质询 <编号> <意见>', example: '质询 ACME-7K3Q 这顿饭与我方无关' },
  'audit-verify': {
    name: '审计 验证',
    usage: '审计 验证 [--anchor <位置>:<哈希>]',
    example: '审计 验证',
  },
  help: { name: '帮助', usage: '帮助 [主题]', example: '帮助 记账' },
  cancel: { name: '取消', usage: '取消', example: '取消' },
};

const lines = (...kinds: CommandKind[]): string =>
  kinds.map((kind) => `• ${commands[kind].usage}\n   例如 ${commands[kind].example}`).join('\n');

const TOPICS =
  '记账、列表、修改、批准、财务、预算、报告、导出、票据、制度、客户、人员、汇率、质询、审计、绑定、日期';

const help: Readonly<Record<HelpTopic, string>> = {
  general: [
    'Outlay 在聊天中管理客户费用。以金额开头即可记账：',
    `   ${commands.log.example}`,
    '其他命令：列表、查看、修改、批准、驳回、退回、报告、预算、导出……',
    `查看某个主题：帮助 <主题>——${TOPICS}。`,
  ].join('\n'),
  log: [
    '记一笔费用（“记”字可省略）：',
    lines('log'),
    '金额之后的任意位置都可写：@客户[/项目]、#类别、币种（USD）、日期、字段、强制。',
    '字段：商户:"星巴克"  支付:公司卡|个人|现金|转账  发票:12345678  计费 / 不计费  无票:"原因"。',
    '其余文字为说明；如需保留原样，请加引号："打车到 7/11"。',
    '金额：45.8、1,234.50、¥12、12元、30 EUR（ISO 币种代码优先于符号；日元请写 JPY 或 円）。',
  ].join('\n'),
  list: lines('list', 'show'),
  edit: [
    lines('edit', 'withdraw', 'resubmit'),
    '待审批或已退回时可修改；修改金额、客户或类别会重新走审批。',
  ].join('\n'),
  approve: [
    lines('approve', 'reject', 'return'),
    '可批准较低金额并附备注：批准 ACME-7K3Q 300 仅打车费属于客户。',
    '未写原因时 Outlay 会询问；你的下一条消息即为原因（输入 取消 可放弃）。',
  ].join('\n'),
  finance: lines('void', 'mark', 'close', 'adjust', 'answer'),
  budget: [
    lines('budget', 'budget-set'),
    '在 50% / 80% / 100% 时预警；“阻止”会拒绝超预算的费用（财务可加 强制 记账）。',
  ].join('\n'),
  report: [
    lines('report', 'risk'),
    '不写期间则为本月至今。每份报告附 CSV、XLSX 和图表链接。',
    '在与客户共享的频道中，报告 发布客户可见版本：仅含已批准的计费费用。',
  ].join('\n'),
  export: lines('export'),
  receipt: [
    lines('receipt'),
    '也可在费用的消息串中回复照片或 PDF（JPEG、PNG、HEIC、PDF，最大 10 MB）。',
  ].join('\n'),
  policy: lines('policy', 'policy-set', 'policy-test', 'recurring'),
  clients: lines('client-add', 'project-add', 'client-channel', 'admin-channel'),
  people: lines('approvers', 'role', 'delegate'),
  rates: [lines('rate'), '换算使用费用日期当天或之前最近的汇率。'].join('\n'),
  dispute: lines('dispute', 'answer'),
  audit: lines('audit-verify'),
  link: [lines('link'), '在一个平台输入 绑定 获取验证码，再到另一个平台输入 绑定 <验证码>。'].join('\n'),
  dates: [
    '日期：2026-03-02、3/2（月/日）、今天、昨天、周一……周日（今天或之前最近的那一天）。',
    '期间：本周、上周、本月、上月、本季度、今年、2026-03、2026-Q1、2026。',
  ].join('\n'),
};

const ex = (command: CommandKind): string => commands[command].example;
const name = (command: CommandKind): string => commands[command].name;

export const zhCN: Messages = {
  formats: {
    date: (d) => `${d.year}年${d.month}月${d.day}日`,
    dateTime: (d) => `${d.year}年${d.month}月${d.day}日 ${d.time}`,
    alternatives: (items) =>
      items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')}或${items[items.length - 1]}`,
    quoted: (text) => `“${text}”`,
  },
  labels: {
    roles: {
      member: '成员',
      approver: '审批人',
      finance: '财务',
      admin: '管理员',
      'client-contact': '客户联系人',
    },
    statuses: {
      pending: '待审批',
      approved: '已批准',
      rejected: '已驳回',
      returned: '已退回待补充',
      withdrawn: '已撤回',
      voided: '已作废',
    },
    decisions: { approved: '批准', rejected: '驳回', returned: '退回' },
    marks: { billed: '已开票', reimbursed: '已报销' },
    actions: {
      log: '记账',
      edit: '修改这笔费用',
      withdraw: '撤回这笔费用',
      resubmit: '重新提交这笔费用',
      'view-own': '查看这笔费用',
      'view-client': '查看该客户的费用',
      decide: '审批这一级',
      void: '作废费用',
      mark: '标记开票或报销',
      'close-period': '结账',
      adjust: '录入调整',
      'answer-dispute': '答复质询',
      'manage-clients': '管理客户',
      'manage-projects': '管理项目',
      'manage-bindings': '绑定频道',
      'manage-approvers': '设置审批人',
      'manage-budgets': '设置预算',
      'manage-policy': '修改制度',
      'manage-rates': '添加汇率',
      'manage-roles': '授予角色',
      dispute: '质询报告中的费用',
      'rate-report': '评价报告',
      delegate: '委托代理审批',
      'link-identity': '绑定账号',
      'view-policy': '查看制度',
      'verify-audit': '校验审计链',
    },
    policyProblems: {
      AMOUNT_INVALID: '有金额无效',
      AUDIT_SAMPLE_OUT_OF_RANGE: '抽检比例必须在 0 到 100% 之间',
      MAX_AGE_INVALID: '最长天数至少为 1 天',
      HOURS_INVALID: '提醒小时数必须大于零',
    },
    tierProblems: {
      empty: '没有任何档位',
      stages: '每档需要 1 到 3 级审批',
      'stages-fall': '更高一档的审批级数不能更少',
      'unlimited-not-last': '只有最后一档可以不设上限',
      'no-unlimited-tier': '最后一档不能设上限',
      'not-rising': '各档上限必须递增',
    },
    chainProblems: {
      'position-missing': '缺少一个链节',
      'previous-hash': '链节与前一个不衔接',
      'event-sealed-twice': '同一事件被封存了两次',
    },
    scheduleProblems: {
      fields: '需要五个字段（分 时 日 月 星期）',
      field: '有字段超出范围',
    },
    statusActions: {
      edit: '修改',
      withdraw: '撤回',
      resubmit: '重新提交',
      void: '作废',
      'mark-billed': '标记为已开票',
      'mark-reimbursed': '标记为已报销',
    },
    onBehalfOf: (p) => `${p.by}（代 ${p.of}）`,
    anAdmin: '管理员',
    totalPeriod: '总额',
  },
  commands,
  help,
  helpTitle: 'Outlay 帮助',
  failures: {
    EMPTY: () => `还没有内容——这样记一笔费用：${ex('log')}，或输入 帮助。`,
    QUOTE_UNCLOSED: (p) => `引号没有闭合：${p.quote}${p.text}——请补上后引号，例如 “打车到 7/11”。`,
    UNKNOWN_COMMAND: (p) =>
      p.suggestion === null
        ? `“${p.word}”不是命令——记账请以金额开头（${ex('log')}）；输入 帮助 查看全部命令。`
        : `“${p.word}”不是命令——你是想输入 ${p.suggestion} 吗？输入 帮助 查看全部命令。`,
    SUBCOMMAND_INVALID: (p) => `“${p.word}”后面还需要一个词——例如 ${p.kinds.map(ex).join('，或 ')}。`,
    AMOUNT_MISSING: (p) => `${name(p.command)}需要金额——例如 ${ex(p.command)}。`,
    AMOUNT_INVALID: (p) =>
      p.suggestion === null
        ? `“${p.input}”不是有效金额——请写成 45.80 或 1,234.50 这样`
        : `“${p.input}”不是有效金额——试试 ${p.suggestion}`,
    AMOUNT_DECIMAL_COMMA: (p) => `“${p.input}”把逗号当作小数点——试试 ${p.suggestion}`,
    AMOUNT_TOO_PRECISE: (p) =>
      p.maxDecimals === 0
        ? `${p.currency} 没有小数，但“${p.input}”有 ${p.decimals} 位小数——请取整。`
        : `${p.currency} 最多 ${p.maxDecimals} 位小数，但“${p.input}”有 ${p.decimals} 位——请四舍五入。`,
    AMOUNT_TOO_LARGE: (p) => `“${p.input}” ${p.currency} 超出可记录的范围——请检查金额。`,
    AMOUNT_ZERO: () => `金额为零——请填写实际花费，例如 ${ex('log')}。`,
    AMOUNT_NEGATIVE: () => `费用不能为负数——如需冲减，由财务录入调整，例如 ${ex('adjust')}。`,
    CURRENCY_MISSING: (p) => `“${p.input}”没有币种——请加上，例如 ${p.input} USD。`,
    CURRENCY_CONFLICT: (p) => `“${p.input}”写了两种币种（${p.first} 和 ${p.second}）——请只保留一种。`,
    CURRENCY_INVALID: (p) =>
      p.text === null
        ? `${name(p.command)}需要币种代码——例如 ${ex(p.command)}。`
        : `“${p.text}”不是币种代码——请用 CNY、USD、EUR 等 ISO 代码，例如 ${ex(p.command)}。`,
    TWO_CURRENCIES: (p) => `写了两种币种（${p.first} 和 ${p.second}）——请只保留一种，例如 ${ex(p.command)}。`,
    CONVERSION_TOO_LARGE: (p) => `按汇率 ${p.rate} 换算成 ${p.to} 后超出可记录的范围——请检查金额和汇率。`,
    RATE_INVALID: (p) =>
      p.input === ''
        ? `汇率命令需要填写汇率——例如 ${ex('rate')}。`
        : `“${p.input}”不是有效汇率——请写普通小数，例如 ${ex('rate')}。`,
    RATE_NOT_POSITIVE: (p) => `汇率必须大于零，不能是“${p.input}”——例如 ${ex('rate')}。`,
    RATE_TOO_PRECISE: (p) =>
      `“${p.input}”有 ${p.decimals} 位小数，汇率最多 ${p.maxDecimals} 位——例如 7.1234。`,
    RATE_MISSING: (p) =>
      `没有 ${p.date} 或之前的 ${p.from}→${p.to} 汇率——${p.canAdd}可以添加：汇率 ${p.from} ${p.to} <汇率> ${p.isoDate}。`,
    CLIENT_MISSING: (p) => `哪个客户？${name(p.command)}需要 @客户——例如 ${ex(p.command)}。`,
    CLIENT_CODE_INVALID: (p) =>
      `“${p.text}”不是有效的客户代码——代码为 2 到 32 位小写字母、数字或连字符，例如 @acme。`,
    PROJECT_CODE_INVALID: (p) =>
      `“${p.text}”不是有效的项目——请写 @客户/项目，各为 2 到 32 位小写字母、数字或连字符，例如 @acme/website。`,
    PROJECT_MISSING: (p) => `哪个项目？请写 @客户/项目——例如 ${ex(p.command)}。`,
    PROJECT_NOT_ALLOWED: (p) =>
      `${name(p.command)}针对整个客户，不能指定项目（${p.text}）——例如 ${ex(p.command)}。`,
    CATEGORY_MISSING: (p) =>
      `哪个类别？请加上 #类别——例如 ${p.command === 'policy-set' ? '制度 设置 限额 #餐饮 300' : ex(p.command)}。`,
    TWO_CLIENTS: (p) => `写了两个客户（${p.first} 和 ${p.second}）——请只保留一个，其他文字请加引号。`,
    TWO_CATEGORIES: (p) => `写了两个类别（${p.first} 和 ${p.second}）——请只保留一个，其他文字请加引号。`,
    TWO_DATES: (p) =>
      `写了两个日期（${p.first} 和 ${p.second}）——请只保留一个，其他文字请加引号，例如 "打车到 7/11"。`,
    DATE_INVALID: (p) => `“${p.text}”不是有效日期——可写 2026-03-02、3/2、今天、昨天 或 周一 这样的星期。`,
    DATE_MISSING: (p) => `${name(p.command)}需要日期——例如 ${ex(p.command)}。`,
    DATE_IN_FUTURE: (p) => `${p.date} 是将来的日期（今天是 ${p.today}）——费用发生后再记账。`,
    PERIOD_INVALID: (p) => `“${p.text}”不是有效期间——可用 本周、上周、本月、上月、2026-03、2026-Q1 或 2026。`,
    PERIOD_MISSING: (p) => `${name(p.command)}需要期间——例如 ${ex(p.command)}。`,
    PERIOD_CLOSED: (p) =>
      `${p.date} 所在期间已结账（结账至 ${p.closedThrough}）——财务可在未结账期间录入调整，例如 ${ex('adjust')}。`,
    EXPENSE_ID_MISSING: (p) => `${name(p.command)}需要费用编号——例如 ${ex(p.command)}。`,
    EXPENSE_ID_INVALID: (p) => `“${p.text}”不是费用编号——编号形如 ACME-7K3Q。`,
    EXPENSE_UNKNOWN: (p) => `没有编号为 ${p.expenseId} 的费用——请检查编号（列表 我的 可查看你的费用）。`,
    DISPUTE_ID_MISSING: (p) => `${name(p.command)}需要指明答复哪条质询——例如 ${ex(p.command)}。`,
    DISPUTE_ID_INVALID: (p) => `“${p.text}”不是质询编号——请使用质询附带的编号，例如 ${ex('answer')}。`,
    REASON_MISSING: (p) => {
      const what = p.command === 'answer' ? '答复内容' : p.command === 'dispute' ? '意见' : '原因';
      return `${name(p.command)}需要填写${what}——例如 ${ex(p.command)}。`;
    },
    REASON_REQUIRED: (p) => `请说明原因——例如 ${ex(p.command)}。`,
    FIELD_UNKNOWN: (p) =>
      `“${p.field}”不是字段${p.suggestion === null ? '。' : `——你是想写 ${p.suggestion} 吗？`}可用字段：商户:、支付:、发票:、无票:、计费、不计费；其他文字请加引号。`,
    FIELD_VALUE_MISSING: (p) => `${p.field} 后面需要内容——例如 商户:"星巴克"。`,
    FIELD_REPEATED: (p) => `${p.field} 写了两次——请只保留一个。`,
    PAY_METHOD_INVALID: (p) =>
      `“${p.text}”不是支付方式——可用 支付:公司卡、支付:个人、支付:现金 或 支付:转账。`,
    BILLABLE_CONFLICT: () => '同时写了 计费 和 不计费——请只保留一个。',
    EDIT_NOTHING: (p) =>
      `${p.expenseId} 没有要修改的内容——请写明修改项，例如 修改 ${p.expenseId} 52.30 #差旅。`,
    MEMBER_MISSING: (p) => `${name(p.command)}需要指定成员——请 @ 提及对方，例如 ${ex(p.command)}。`,
    MEMBER_INVALID: (p) =>
      `“${p.text}”不是提及——请 @ 提及对方（或写 <@对方用户ID>），例如 ${ex(p.command)}。`,
    STAGE_INVALID: (p) =>
      `${p.text === null ? '缺少审批级别' : `“${p.text}”不是审批级别`}——级别为 1、2 或 3，例如 ${ex('approvers')}。`,
    ROLE_INVALID: (p) =>
      `${p.text === null ? '哪个角色？' : `“${p.text}”不是角色——`}角色可为 管理员、财务 或 成员（审批人用 审批人 命令设置），例如 ${ex('role')}。`,
    MARK_INVALID: (p) =>
      `${p.text === null ? '标记为什么？' : `“${p.text}”不是可用的标记——`}可标记 已开票 或 已报销，例如 ${ex('mark')}。`,
    EXPORT_FORMAT_INVALID: (p) =>
      `${p.text === null ? '导出什么格式？' : `“${p.text}”不是导出格式——`}可导出 csv、xlsx 或 zip，例如 ${ex('export')}。`,
    AUDIENCE_INVALID: (p) =>
      `${p.text === null ? '内部还是客户？' : `“${p.text}”不是频道类型——`}频道为 内部（团队）或 客户（面向客户），例如 ${ex('client-channel')}。`,
    BUDGET_PERIOD_INVALID: (p) =>
      `${p.text === null ? '哪个周期？' : `“${p.text}”不是预算周期——`}预算周期为 每月、每季度、每年 或 总额，例如 ${ex('budget-set')}。`,
    RECURRENCE_INVALID: (p) =>
      `${p.text === null ? '多久一次？' : `“${p.text}”不是周期——`}周期费用为 每月 或 每季度，例如 ${ex('recurring')}。`,
    TIMEZONE_INVALID: (p) =>
      `${p.text === null ? '缺少时区' : `“${p.text}”不是时区`}——请用 IANA 时区名，如 Asia/Shanghai 或 Europe/London，例如 ${ex('client-add')}。`,
    LOCALE_INVALID: (p) => `“${p.text}”不是 Outlay 支持的语言——请用 en 或 zh-CN。`,
    URL_INVALID: (p) =>
      p.text === null
        ? 'webhook 后面需要网址——请粘贴群机器人完整的 https:// 地址。'
        : `“${p.text}”不是网址——请粘贴群机器人完整的 https:// 地址。`,
    CRON_INVALID: (p) => `“${p.text}”不是 cron 计划——需要五个字段，例如 "0 9 * * 1" 表示每周一 09:00。`,
    NAME_MISSING: (p) => `${name(p.command)}需要用引号写出名称——例如 ${ex(p.command)}。`,
    MERCHANT_MISSING: (p) => `${name(p.command)}需要用引号写出商户——例如 ${ex(p.command)}。`,
    POLICY_SETTING_INVALID: (p) =>
      `${p.text === null ? '设置哪一项？' : `“${p.text}”不是制度设置项——`}可用 层级、限额、票据门槛、自动批准、提醒小时、升级小时、最长天数、抽检比例、禁止 或 允许，例如 ${ex('policy-set')}。`,
    NUMBER_INVALID: (p) =>
      `${p.setting} 需要大于零的整数${p.text === null ? '' : `，不能是“${p.text}”`}——例如 制度 设置 ${p.setting} ${p.example}。`,
    AUDIT_ANCHOR_INVALID: (p) =>
      `${p.anchor === null ? '缺少锚点' : `“${p.anchor}”不是锚点`}——请按每日审计链头的格式写 <位置>:<哈希>（数字、冒号、64 位十六进制）。`,
    AUDIT_ANCHOR_BEYOND_HEAD: (p) =>
      `审计链止于位置 ${p.headPosition}，早于位置 ${p.position} 的锚点——已封存的事件可能被删除。`,
    AUDIT_ANCHOR_MISMATCH: (p) => `审计链没有经过位置 ${p.position} 的锚点——该锚点记录之后审计日志被改写过。`,
    AUDIT_CHAIN_BROKEN: (p) => `审计链在位置 ${p.position} 断开：${p.problem}。`,
    AUDIT_EVENT_CHANGED: (p) => `审计事件 ${p.seq}（位置 ${p.position}）在封存后被修改。`,
    AUDIT_EVENT_MISSING: (p) => `审计事件 ${p.seq}（位置 ${p.position}）在日志中缺失。`,
    LINK_CODE_INVALID: (p) =>
      `“${p.typed}”不是有效的绑定验证码——请在另一个平台输入 绑定 获取 6 位验证码，再在这里输入 绑定 <验证码>。`,
    LINK_CODE_EXPIRED: (p) => `验证码 ${p.code} 已过期——请在另一个平台输入 绑定 获取新的验证码。`,
    LINK_CODE_USED: (p) => `验证码 ${p.code} 已被使用——请在另一个平台输入 绑定 获取新的验证码。`,
    HELP_TOPIC_UNKNOWN: (p) => `没有关于“${p.text}”的帮助——可选主题：${TOPICS}。`,
    UNEXPECTED_WORDS: (p) =>
      `${name(p.command)}不接受“${p.words}”——例如 ${ex(p.command)}。其他文字请加引号。`,
    FEATURE_NOT_AVAILABLE: (p) => `“${name(p.command)}”功能暂未开放——输入 帮助 查看当前可用的命令。`,
    ALREADY_DECIDED: (p) =>
      `已由 ${p.by} ${p.decision}${p.stage === null ? '' : ` · 第 ${p.stage} 级`} · ${p.at}——未做任何更改。`,
    ALREADY_DECIDED_STAGE_BY_YOU: (p) =>
      `你已审批过这笔费用的第 ${p.stage} 级——每人只能审批一级，这一级需由其他人审批。`,
    ALREADY_MARKED: (p) => `已于 ${p.at} 标记为${p.mark}。`,
    NOT_AN_APPROVER: (p) =>
      `你不是这笔费用第 ${p.stage} 级的审批人——管理员可以添加你：审批人 @客户 ${p.stage} <@你>。`,
    NOT_PENDING: (p) => `这笔费用${p.status}，不在待审批状态——未做任何更改。`,
    STALE_VERSION: () => '这张卡片已过期：费用之后有过改动——未做任何更改，请使用最新的卡片。',
    OWN_EXPENSE: (p) => `不能审批自己的费用——${p.expenseId} 将由其他审批人审批。`,
    NO_ELIGIBLE_APPROVER: (p) =>
      `第 ${p.stage} 级已没有可审批的人——请联系 ${p.ask} 添加审批人：审批人 @客户 ${p.stage} <@成员>。`,
    PARTIAL_AMOUNT_INVALID: (p) => {
      const claimed = p.claimed === null ? '' : `（${p.claimed}）`;
      switch (p.problem) {
        case 'comment-required':
          return '批准较低金额需要附上备注——例如 批准 ACME-7K3Q 300 仅打车费属于客户。';
        case 'not-lower':
          return `部分批准的金额必须低于申请金额${claimed}——全额批准请不要写金额。`;
        default:
          return `批准金额必须大于零且低于申请金额${claimed}。`;
      }
    },
    INVALID_TIERS: (p) => `审批层级无效：${p.problem}——例如 ${ex('policy-set')}。`,
    POLICY_INVALID: (p) => `制度设置无效：${p.problem}。`,
    BUDGET_AMOUNT_INVALID: () => `预算必须大于零——例如 ${ex('budget-set')}。`,
    BUDGET_CURRENCY_MISMATCH: (p) =>
      `该预算以 ${p.budgetCurrency} 计，不是 ${p.given}——请用 ${p.budgetCurrency} 填写金额。`,
    BUDGET_REVISION_EMPTY: () => '这不会改变预算的任何内容。',
    BUDGET_REVISION_REASON_REQUIRED: () =>
      '修改预算需要说明原因——写在最后，例如 预算 设置 @acme 60000 每月 "新范围已确认"。',
    BUDGET_THRESHOLDS_INVALID: (p) => `预警阈值必须是 1 到 1000 的整数百分比，不能是 ${p.thresholds}。`,
    BUDGET_WOULD_BE_EXCEEDED: (p) =>
      `这将使${p.period === '' ? '' : ` ${p.period} `}预算 ${p.budget} 超出 ${p.exceedBy}（已批准 ${p.actual}，待审批 ${p.committed}）——${p.canRaise}可以提高预算，或加上 强制 记账。`,
    CLIENT_UNKNOWN: (p) => `没有客户 @${p.code}——请检查代码；管理员可添加客户：${ex('client-add')}。`,
    CLIENT_ARCHIVED: (p) => `@${p.code} 已归档——请联系管理员重新启用。`,
    PROJECT_UNKNOWN: (p) =>
      `没有项目 @${p.client}/${p.code}——管理员可添加：项目 添加 @${p.client}/${p.code} "<名称>"。`,
    UNKNOWN_CATEGORY: (p) => `没有类别“${p.text}”——请使用 ${p.known} 之一。`,
    DELEGATE_TO_SELF: () => `不能委托给自己——请提及其他人，例如 ${ex('delegate')}。`,
    DELEGATION_IN_PAST: (p) => `${p.until} 已经过去（今天是 ${p.today}）——请选择今天或之后的日期。`,
    INVALID_IDENTITY: (p) => `“${p.text}”不是平台身份——请写成 ${p.expected}。`,
    ID_SPACE_EXHAUSTED: (p) =>
      `无法为 @${p.client} 生成新编号——未保存任何内容；请重试，如仍失败请联系管理员。`,
    RECEIPT_EMPTY: () => '文件是空的——请重新发送票据。',
    RECEIPT_TOO_LARGE: (p) => `文件大小为 ${p.size}，票据最大 ${p.max}——请发送更小的照片或 PDF。`,
    RECEIPT_TYPE_NOT_ALLOWED: (p) =>
      `${p.file === null ? '该文件' : `“${p.file}”`}不是 JPEG、PNG、HEIC 或 PDF——请以这些格式发送票据。`,
    WRONG_STATUS: (p) => `费用${p.status}时不能${p.action}——只有${p.allowed}时可以。`,
    FORBIDDEN: (p) => {
      if (p.rule === 'not-own-expense') return '不能审批自己的费用——将由其他审批人审批。';
      if (p.rule === 'one-stage-per-expense') return '你已审批过这笔费用的一级——这一级需由其他人审批。';
      if (p.rule === 'role') return `只有${p.roles}可以${p.action}。`;
      return `只有${p.roles}可以${p.action}，且仅限其负责的客户和审批级别。`;
    },
    CHANNEL_ADDRESS_MISSING: () => '请在要绑定的频道中输入此命令——这里不是频道。',
    CHANNEL_BOUND_TO_OTHER_CLIENT: (p) =>
      `该频道已绑定到 @${p.client}（${p.audience}）——请为这个客户使用另一个频道。`,
    CHANNEL_CLIENT_FACING: () => '面向客户的频道不能作为管理频道——请在内部频道输入 管理频道。',
    CHANNEL_IS_ADMIN_CHANNEL: () => '这是管理频道——请在其他频道绑定客户。',
    CLIENT_CODE_TAKEN: (p) => `已有客户 @${p.code}——请换一个代码。`,
    CURRENCY_UNKNOWN: (p) => `“${p.text}”不是币种代码——请用 CNY、USD、EUR 等 ISO 代码。`,
    IDENTITY_ALREADY_LINKED: () => '该账号已经绑定——无需操作。',
    IDENTITY_OTHER_ORGANISATION: () => '该账号属于 Outlay 中的另一个组织，不能在这里绑定。',
    IDENTITY_TAKEN_MEANWHILE: () => '该账号刚被另一个请求同时创建——未做任何更改，请重试。',
    LAST_ADMIN: (p) => `${p.member} 是最后一位管理员——请先将其他人设为管理员（角色 <@成员> 管理员）。`,
    LINK_CODE_EXHAUSTED: () => '暂时无法生成新的绑定验证码——请一分钟后重试。',
    MEMBER_INACTIVE: (p) => `${p.member} 已不再是 Outlay 的活跃成员。`,
    MEMBER_UNKNOWN: (p) => `Outlay 还不认识 ${p.member}——请对方先给 Outlay 发一条消息。`,
    NAME_INVALID: (p) =>
      p.length === 0
        ? '名称为空——请用引号写出名称，例如 "Acme 有限公司"。'
        : `名称太长（${p.length} 个字符，最多 ${p.maxLength} 个）。`,
    NO_RECENT_PENDING_EXPENSE: (p) =>
      `最近 ${p.minutes} 分钟内你没有待审批的费用可以附加——请输入 票据 <编号>，然后重新发送文件。`,
    PAGE_INVALID: () => '没有这一页——请重新输入 列表。',
    PERIOD_ALREADY_CLOSED: (p) => `@${p.client} 的 ${p.period} 已经结账（结账至 ${p.closedThrough}）。`,
    PERIOD_NOT_ENDED: (p) => `${p.period} 尚未结束（${p.end} 结束）——请在那天之后结账。`,
    POLICY_AMOUNT_NEGATIVE: (p) => `制度中的金额不能为负数（${p.amount}）——例如 ${ex('policy-set')}。`,
    POLICY_AMOUNT_UNFIT: (p) =>
      `${p.amount} 不符合 ${p.currency} 的小数位（${p.setting}）——请按该币种的小数位填写。`,
    POLICY_CURRENCY_MISMATCH: (p) =>
      p.expected === null
        ? `全组织的制度金额按各客户自己的币种计——请去掉 ${p.given}。`
        : `制度金额以客户币种（${p.expected}）计，不是 ${p.given}——请去掉币种。`,
    POLICY_PATCH_EMPTY: () => `制度没有需要修改的内容——例如 ${ex('policy-set')}。`,
    POLICY_PERCENT_INVALID: (p) => `“${p.text}”不是百分比——例如 制度 设置 抽检比例 5。`,
    PROJECT_CODE_TAKEN: (p) => `@${p.client}/${p.code} 已存在——请换一个项目代码。`,
    PROJECT_ENDS_BEFORE_START: (p) => `项目结束日期（${p.end}）早于开始日期（${p.start}）——请检查日期。`,
    RATE_SAME_CURRENCY: (p) => `汇率用于两种不同币种之间，不能是 ${p.currency} 对自身——例如 ${ex('rate')}。`,
    RECEIPT_ALREADY_ATTACHED: (p) => `${p.expenseId} 已有 ${p.count} 张票据——无需声明缺票。`,
    SCHEDULE_INVALID: (p) =>
      `“${p.expression}”不是可执行的计划：${p.problem}——例如 "0 9 * * 1" 表示每周一 09:00。`,
    WEBHOOK_INVALID: (p) => `“${p.text}”不是群机器人的 webhook——请粘贴企业微信为机器人显示的 https:// 地址。`,
  },
  somethingWentWrong: (p) => `操作未成功（${p.code}）——未做任何更改。请重试，如仍失败请联系管理员。`,
};
