// Everything the bots say in English. `Messages` is this object's type: the Chinese catalogue must have the same
// keys and take the same parameters, or it does not compile. Parameters arrive formatted (amounts, dates, names);
// entries are plain text that each platform renderer may escape and mark up.
import type { StepDecision } from '../../../domain/approvals/approval-step.js';
import type { TierProblem } from '../../../domain/approvals/approval-tiers.js';
import type { ExpenseStatus } from '../../../domain/expenses/expense.js';
import type { Action } from '../../../domain/people/permissions.js';
import type { PolicyProblem } from '../../../domain/policy/policy.js';
import type { CommandKind, HelpTopic, Mark } from '../grammar/command.js';

export type CommandText = {
  /** What the command is called in this language (`budget set`, `预算 设置`). */
  readonly name: string;
  readonly usage: string;
  /** A command that parses as this kind; tests hold every example to that. */
  readonly example: string;
};

/** `SCHEDULE_INVALID` problems (admin/report-schedule.ts). */
export type ScheduleProblem = 'fields' | 'field';

/** What `WRONG_STATUS` says was attempted (expenses/expense-transitions.ts, expense-edit.ts). */
export type StatusAction = 'edit' | 'withdraw' | 'resubmit' | 'void' | 'mark-billed' | 'mark-reimbursed';

/** `AUDIT_CHAIN_BROKEN` reasons (audit/verify-chain.ts). */
export type ChainProblem = 'position-missing' | 'previous-hash' | 'event-sealed-twice';

export type DateParts = { readonly year: number; readonly month: number; readonly day: number };

/** Role names as they appear in permission details (`finance,admin`, `client contact`). */
export type RoleName = 'member' | 'approver' | 'finance' | 'admin' | 'client-contact';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const commands: Readonly<Record<CommandKind, CommandText>> = {
  log: {
    name: 'log',
    usage: '<amount> [currency] @client[/project] #category [date] [description] [fields] [override]',
    example: '45.80 @acme #meals lunch with the client',
  },
  list: { name: 'list', usage: 'list [mine|pending|@client] [period]', example: 'list @acme last-month' },
  show: { name: 'show', usage: 'show <id>', example: 'show ACME-7K3Q' },
  edit: { name: 'edit', usage: 'edit <id> <what changes>', example: 'edit ACME-7K3Q 52.30 #travel' },
  withdraw: { name: 'withdraw', usage: 'withdraw <id>', example: 'withdraw ACME-7K3Q' },
  resubmit: { name: 'resubmit', usage: 'resubmit <id>', example: 'resubmit ACME-7K3Q' },
  approve: { name: 'approve', usage: 'approve <id> [amount] [comment]', example: 'approve ACME-7K3Q' },
  reject: { name: 'reject', usage: 'reject <id> <reason>', example: 'reject ACME-7K3Q not a client expense' },
  return: {
    name: 'return',
    usage: 'return <id> <what is needed>',
    example: 'return ACME-7K3Q please attach the receipt',
  },
  void: { name: 'void', usage: 'void <id> <reason>', example: 'void ACME-7K3Q duplicate of ACME-9X2M' },
  mark: { name: 'mark', usage: 'mark <id> billed|reimbursed', example: 'mark ACME-7K3Q billed' },
  close: { name: 'close', usage: 'close @client <period>', example: 'close @acme 2026-02' },
  answer: {
    name: 'answer',
    usage: 'answer <dispute> <text>',
    example: "answer ACME-7K3Q the taxi went to the client's office",
  },
  adjust: {
    name: 'adjust',
    usage: 'adjust @client <±amount> [currency] #category <reason>',
    example: 'adjust @acme -120 #lodging hotel refund',
  },
  receipt: { name: 'receipt', usage: 'receipt <id>, then send the file', example: 'receipt ACME-7K3Q' },
  link: { name: 'link', usage: 'link [code]', example: 'link K7M2QX' },
  'admin-channel': { name: 'admin channel', usage: 'admin channel', example: 'admin channel' },
  report: { name: 'report', usage: 'report @client [period]', example: 'report @acme last-month' },
  budget: { name: 'budget', usage: 'budget @client', example: 'budget @acme' },
  export: {
    name: 'export',
    usage: 'export @client [period] csv|xlsx|zip',
    example: 'export @acme last-month xlsx',
  },
  risk: { name: 'risk', usage: 'risk @client [period]', example: 'risk @acme this-month' },
  'budget-set': {
    name: 'budget set',
    usage:
      'budget set @client[/project] <amount> [currency] monthly|quarterly|yearly|total [#category] [warn|escalate|block] ["reason"]',
    example: 'budget set @acme 50000 monthly block',
  },
  'client-add': {
    name: 'client add',
    usage: 'client add <code> "<name>" <currency> <time zone> [en|zh-CN]',
    example: 'client add acme "Acme Ltd" CNY Asia/Shanghai zh-CN',
  },
  'project-add': {
    name: 'project add',
    usage: 'project add @client/<code> "<name>" [start] [end]',
    example: 'project add @acme/website "Website redesign" 2026-03-01 2026-06-30',
  },
  'client-channel': {
    name: 'client channel',
    usage: 'client channel @client internal|client [weekly|monthly|"<cron>"] [budget] [webhook <url>]',
    example: 'client channel @acme internal weekly',
  },
  approvers: {
    name: 'approvers',
    usage: 'approvers @client <stage 1..3> <@person…>',
    example: 'approvers @acme 1 <@U123> <@U456>',
  },
  role: { name: 'role', usage: 'role <@person> admin|finance|member', example: 'role <@U123> finance' },
  delegate: {
    name: 'delegate',
    usage: 'delegate <@person> until <date>',
    example: 'delegate <@U123> until 2026-03-20',
  },
  rate: { name: 'rate', usage: 'rate <FROM> <TO> <rate> [date]', example: 'rate USD CNY 7.1234 2026-03-02' },
  policy: { name: 'policy', usage: 'policy [@client] [#category]', example: 'policy @acme #travel' },
  'policy-set': {
    name: 'policy set',
    usage:
      'policy set [@client] tiers <limit> [<limit>] | limit #category <amount>|off | receipt [#category] <amount> | auto-approve <amount>|off | reminder-hours <n> | escalation-hours <n> | max-age <days> | audit-sample <percent> | prohibit|allow #category',
    example: 'policy set @acme tiers 500 5000',
  },
  'policy-test': {
    name: 'policy test',
    usage: 'policy test <amount> [currency] @client #category',
    example: 'policy test 600 @acme #travel',
  },
  recurring: {
    name: 'recurring',
    usage: 'recurring @client #category <amount> [currency] monthly|quarterly "<merchant>"',
    example: 'recurring @acme #software 99 USD monthly "Figma"',
  },
  dispute: {
    name: 'dispute',
    usage: 'dispute <id> <comment>',
    example: 'dispute ACME-7K3Q this dinner was not with us',
  },
  'audit-verify': {
    name: 'audit verify',
    usage: 'audit verify [--anchor <position>:<hash>]',
    example: 'audit verify',
  },
  help: { name: 'help', usage: 'help [topic]', example: 'help log' },
  cancel: { name: 'cancel', usage: 'cancel', example: 'cancel' },
};

const lines = (...kinds: CommandKind[]): string =>
  kinds.map((kind) => `• ${commands[kind].usage}\n   e.g. ${commands[kind].example}`).join('\n');

const TOPICS =
  'log, list, edit, approve, finance, budget, report, export, receipt, policy, clients, people, rates, dispute, audit, link, dates';

const help: Readonly<Record<HelpTopic, string>> = {
  general: [
    'Outlay keeps client expenses in chat. Start with the amount to log one:',
    `   ${commands.log.example}`,
    'Then: list, show, edit, approve, reject, return, report, budget, export…',
    `More on a topic: help <topic> — ${TOPICS}.`,
  ].join('\n'),
  log: [
    'Log an expense (the word log is optional):',
    lines('log'),
    'Anywhere after the amount: @client[/project], #category, a currency (USD), a date, fields, override.',
    'Fields: merchant:"Blue Bottle"  pay:card|personal|cash|transfer  invoice:12345678  billable / nonbillable  no-receipt:"reason".',
    'Other words are the description; quote it to keep such words literal: "taxi to 7/11".',
    'Amounts: 45.8, 1,234.50, ¥12, 30 EUR (an ISO code wins over a symbol; yen must be written JPY).',
  ].join('\n'),
  list: lines('list', 'show'),
  edit: [
    lines('edit', 'withdraw', 'resubmit'),
    'Edits are allowed while pending or returned; changing amount, client or category restarts approval.',
  ].join('\n'),
  approve: [
    lines('approve', 'reject', 'return'),
    'Approve a lower amount with a comment: approve ACME-7K3Q 300 only the taxi was for the client.',
    'Without a reason, Outlay asks for one; your next message is the reason (cancel to stop).',
  ].join('\n'),
  finance: lines('void', 'mark', 'close', 'adjust', 'answer'),
  budget: [
    lines('budget', 'budget-set'),
    'Warnings at 50 / 80 / 100 %; block refuses expenses that would exceed it (finance can log with override).',
  ].join('\n'),
  report: [
    lines('report', 'risk'),
    'Without a period: this month so far. Each report links to a CSV, an XLSX and a chart.',
    'In a channel shared with the client, report posts the client-facing view: approved billable expenses only.',
  ].join('\n'),
  export: lines('export'),
  receipt: [
    lines('receipt'),
    'Or reply in the expense thread with a photo or PDF (JPEG, PNG, HEIC, PDF; at most 10 MB).',
  ].join('\n'),
  policy: lines('policy', 'policy-set', 'policy-test', 'recurring'),
  clients: lines('client-add', 'project-add', 'client-channel', 'admin-channel'),
  people: lines('approvers', 'role', 'delegate'),
  rates: [lines('rate'), 'Conversion uses the latest rate on or before the expense date.'].join('\n'),
  dispute: lines('dispute', 'answer'),
  audit: lines('audit-verify'),
  link: [lines('link'), 'Type link on one platform to get a code, then link <code> on the other.'].join('\n'),
  dates: [
    'Dates: 2026-03-02, 3/2 (month/day), today, yesterday, mon…sun (the latest one on or before today).',
    'Periods: this-week, last-week, this-month, last-month, this-quarter, 2026-03, 2026-Q1, 2026.',
  ].join('\n'),
};

const roleNames: Readonly<Record<RoleName, string>> = {
  member: 'members',
  approver: 'approvers',
  finance: 'finance',
  admin: 'admins',
  'client-contact': 'client contacts',
};

const ex = (command: CommandKind): string => commands[command].example;
const name = (command: CommandKind): string => commands[command].name;

export const en = {
  formats: {
    date: (d: DateParts): string => `${d.day} ${MONTHS[d.month - 1] ?? d.month} ${d.year}`,
    dateTime: (d: DateParts & { readonly time: string }): string =>
      `${d.day} ${MONTHS[d.month - 1] ?? d.month} ${d.year} ${d.time}`,
    /** `a`, `a or b`, `a, b or c`. */
    alternatives: (items: readonly string[]): string =>
      items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`,
    quoted: (text: string): string => `"${text}"`,
  },
  labels: {
    roles: roleNames,
    statuses: {
      pending: 'pending',
      approved: 'approved',
      rejected: 'rejected',
      returned: 'returned for details',
      withdrawn: 'withdrawn',
      voided: 'voided',
    } satisfies Readonly<Record<ExpenseStatus, string>>,
    decisions: {
      approved: 'approved',
      rejected: 'rejected',
      returned: 'returned',
    } satisfies Readonly<Record<StepDecision, string>>,
    marks: { billed: 'billed', reimbursed: 'reimbursed' } satisfies Readonly<Record<Mark, string>>,
    actions: {
      log: 'log expenses',
      edit: 'edit this expense',
      withdraw: 'withdraw this expense',
      resubmit: 'resubmit this expense',
      'view-own': 'see this expense',
      'view-client': "see this client's expenses",
      decide: 'decide this stage',
      void: 'void expenses',
      mark: 'mark expenses billed or reimbursed',
      'close-period': 'close periods',
      adjust: 'post adjustments',
      'answer-dispute': 'answer disputes',
      'manage-clients': 'manage clients',
      'manage-projects': 'manage projects',
      'manage-bindings': 'bind channels',
      'manage-approvers': 'set approvers',
      'manage-budgets': 'set budgets',
      'manage-policy': 'change the policy',
      'manage-rates': 'add exchange rates',
      'manage-roles': 'grant roles',
      dispute: 'question report lines',
      'rate-report': 'rate reports',
      delegate: 'delegate approvals',
      'link-identity': 'link accounts',
      'view-policy': 'read the policy',
      'verify-audit': 'verify the audit chain',
    } satisfies Readonly<Record<Action, string>>,
    policyProblems: {
      AMOUNT_INVALID: 'an amount is not valid',
      AUDIT_SAMPLE_OUT_OF_RANGE: 'the audit sample must be 0 to 100 %',
      MAX_AGE_INVALID: 'the maximum age must be at least one day',
      HOURS_INVALID: 'reminder hours must be above zero',
    } satisfies Readonly<Record<PolicyProblem, string>>,
    tierProblems: {
      empty: 'there are no tiers',
      stages: 'a tier needs 1 to 3 stages',
      'stages-fall': 'a higher tier cannot need fewer stages',
      'unlimited-not-last': 'only the last tier may be unlimited',
      'no-unlimited-tier': 'the last tier must be unlimited',
      'not-rising': 'tier limits must rise',
    } satisfies Readonly<Record<TierProblem, string>>,
    chainProblems: {
      'position-missing': 'a link is missing',
      'previous-hash': 'a link does not follow the one before it',
      'event-sealed-twice': 'an event was sealed twice',
    } satisfies Readonly<Record<ChainProblem, string>>,
    scheduleProblems: {
      fields: 'it needs five fields (minute hour day month weekday)',
      field: 'one field is out of range',
    } satisfies Readonly<Record<ScheduleProblem, string>>,
    statusActions: {
      edit: 'edit',
      withdraw: 'withdraw',
      resubmit: 'resubmit',
      void: 'void',
      'mark-billed': 'mark as billed',
      'mark-reimbursed': 'mark as reimbursed',
    } satisfies Readonly<Record<StatusAction, string>>,
    onBehalfOf: (p: { by: string; of: string }): string => `${p.by} on behalf of ${p.of}`,
    anAdmin: 'an admin',
    totalPeriod: 'total',
  },
  commands,
  help,
  /** The first line of every help card, above the topic's text. */
  helpTitle: 'Outlay help',
  failures: {
    EMPTY: (): string => `Nothing to do yet — log an expense like ${ex('log')}, or type help.`,
    QUOTE_UNCLOSED: (p: { quote: string; text: string }): string =>
      `This quote is never closed: ${p.quote}${p.text} — close it, e.g. "taxi to 7/11".`,
    UNKNOWN_COMMAND: (p: { word: string; suggestion: string | null }): string =>
      p.suggestion === null
        ? `"${p.word}" is not a command — to log an expense, start with the amount (${ex('log')}); type help for the list.`
        : `"${p.word}" is not a command — did you mean ${p.suggestion}? Type help for the list.`,
    SUBCOMMAND_INVALID: (p: { word: string; kinds: readonly CommandKind[] }): string =>
      `"${p.word}" needs one more word — e.g. ${p.kinds.map(ex).join(', or ')}.`,
    AMOUNT_MISSING: (p: { command: CommandKind }): string =>
      `${name(p.command)} needs an amount — e.g. ${ex(p.command)}.`,
    AMOUNT_INVALID: (p: { input: string; suggestion: string | null }): string =>
      p.suggestion === null
        ? `"${p.input}" is not an amount — write it like 45.80 or 1,234.50`
        : `"${p.input}" is not an amount — try ${p.suggestion}`,
    AMOUNT_DECIMAL_COMMA: (p: { input: string; suggestion: string }): string =>
      `"${p.input}" uses a comma as the decimal point — try ${p.suggestion}`,
    AMOUNT_TOO_PRECISE: (p: {
      input: string;
      currency: string;
      decimals: number;
      maxDecimals: number;
    }): string =>
      p.maxDecimals === 0
        ? `${p.currency} has no decimals, but "${p.input}" has ${p.decimals} — round it to a whole amount.`
        : `${p.currency} has ${p.maxDecimals} decimals, but "${p.input}" has ${p.decimals} — round it.`,
    AMOUNT_TOO_LARGE: (p: { input: string; currency: string }): string =>
      `"${p.input}" ${p.currency} is more than Outlay can record — check the amount.`,
    AMOUNT_ZERO: (): string => `The amount is zero — log what was spent, e.g. ${ex('log')}.`,
    AMOUNT_NEGATIVE: (): string =>
      `An expense cannot be negative — finance corrects totals with an adjustment, e.g. ${ex('adjust')}.`,
    CURRENCY_MISSING: (p: { input: string }): string =>
      `"${p.input}" has no currency — add one, e.g. ${p.input} USD.`,
    CURRENCY_CONFLICT: (p: { input: string; first: string; second: string }): string =>
      `"${p.input}" names two currencies (${p.first} and ${p.second}) — keep one.`,
    CURRENCY_INVALID: (p: { text: string | null; command: CommandKind }): string =>
      p.text === null
        ? `${name(p.command)} needs a currency code — e.g. ${ex(p.command)}.`
        : `"${p.text}" is not a currency code — use ISO codes such as CNY, USD or EUR, e.g. ${ex(p.command)}.`,
    TWO_CURRENCIES: (p: { first: string; second: string; command: CommandKind }): string =>
      `Two currencies (${p.first} and ${p.second}) — keep one, e.g. ${ex(p.command)}.`,
    CONVERSION_TOO_LARGE: (p: { to: string; rate: string }): string =>
      `Converted to ${p.to} at ${p.rate} this is more than Outlay can record — check the amount and the rate.`,
    RATE_INVALID: (p: { input: string }): string =>
      p.input === ''
        ? `rate needs the rate itself — e.g. ${ex('rate')}.`
        : `"${p.input}" is not a rate — write a plain decimal, e.g. ${ex('rate')}.`,
    RATE_NOT_POSITIVE: (p: { input: string }): string =>
      `A rate must be above zero, not "${p.input}" — e.g. ${ex('rate')}.`,
    RATE_TOO_PRECISE: (p: { input: string; decimals: number; maxDecimals: number }): string =>
      `"${p.input}" has ${p.decimals} decimals; a rate may have at most ${p.maxDecimals} — e.g. 7.1234.`,
    RATE_MISSING: (p: { from: string; to: string; date: string; isoDate: string; canAdd: string }): string =>
      `There is no ${p.from}→${p.to} rate on or before ${p.date} — ${p.canAdd} can add one: rate ${p.from} ${p.to} <rate> ${p.isoDate}.`,
    CLIENT_MISSING: (p: { command: CommandKind }): string =>
      `Which client? ${name(p.command)} needs @client — e.g. ${ex(p.command)}.`,
    CLIENT_CODE_INVALID: (p: { text: string }): string =>
      `"${p.text}" is not a client code — codes are 2 to 32 lower-case letters, digits or dashes, e.g. @acme.`,
    PROJECT_CODE_INVALID: (p: { text: string }): string =>
      `"${p.text}" is not a project — write @client/project with 2 to 32 lower-case letters, digits or dashes each, e.g. @acme/website.`,
    PROJECT_MISSING: (p: { command: CommandKind }): string =>
      `Which project? Write @client/project — e.g. ${ex(p.command)}.`,
    PROJECT_NOT_ALLOWED: (p: { text: string; command: CommandKind }): string =>
      `${name(p.command)} applies to a whole client, not a project (${p.text}) — e.g. ${ex(p.command)}.`,
    CATEGORY_MISSING: (p: { command: CommandKind }): string =>
      `Which category? Add #category — e.g. ${p.command === 'policy-set' ? 'policy set limit #meals 300' : ex(p.command)}.`,
    TWO_CLIENTS: (p: { first: string; second: string }): string =>
      `Two clients (${p.first} and ${p.second}) — keep one, or put other text in quotes.`,
    TWO_CATEGORIES: (p: { first: string; second: string }): string =>
      `Two categories (${p.first} and ${p.second}) — keep one, or put other text in quotes.`,
    TWO_DATES: (p: { first: string; second: string }): string =>
      `Two dates (${p.first} and ${p.second}) — keep one, or put other text in quotes, e.g. "taxi to 7/11".`,
    DATE_INVALID: (p: { text: string }): string =>
      `"${p.text}" is not a date — write 2026-03-02, 3/2, today, yesterday or a weekday such as mon.`,
    DATE_MISSING: (p: { command: CommandKind }): string =>
      `${name(p.command)} needs a date — e.g. ${ex(p.command)}.`,
    DATE_IN_FUTURE: (p: { date: string; today: string }): string =>
      `${p.date} is in the future (today is ${p.today}) — log an expense once it is spent.`,
    PERIOD_INVALID: (p: { text: string }): string =>
      `"${p.text}" is not a period — use this-week, last-week, this-month, last-month, 2026-03, 2026-Q1 or 2026.`,
    PERIOD_MISSING: (p: { command: CommandKind }): string =>
      `${name(p.command)} needs a period — e.g. ${ex(p.command)}.`,
    PERIOD_CLOSED: (p: { date: string; closedThrough: string }): string =>
      `${p.date} is in a closed period (closed through ${p.closedThrough}) — finance can post an adjustment in an open period, e.g. ${ex('adjust')}.`,
    EXPENSE_ID_MISSING: (p: { command: CommandKind }): string =>
      `${name(p.command)} needs an expense id — e.g. ${ex(p.command)}.`,
    EXPENSE_ID_INVALID: (p: { text: string }): string =>
      `"${p.text}" is not an expense id — ids look like ACME-7K3Q.`,
    EXPENSE_UNKNOWN: (p: { expenseId: string }): string =>
      `There is no expense ${p.expenseId} — check the id (list mine shows yours).`,
    DISPUTE_ID_MISSING: (p: { command: CommandKind }): string =>
      `${name(p.command)} needs the question it answers — e.g. ${ex(p.command)}.`,
    DISPUTE_ID_INVALID: (p: { text: string }): string =>
      `"${p.text}" is not a question's reference — use the id shown with it, e.g. ${ex('answer')}.`,
    REASON_MISSING: (p: { command: CommandKind }): string => {
      const what =
        p.command === 'answer' ? 'your answer' : p.command === 'dispute' ? 'a comment' : 'a reason';
      return `${name(p.command)} needs ${what} — e.g. ${ex(p.command)}.`;
    },
    REASON_REQUIRED: (p: { command: CommandKind }): string => `Please say why — e.g. ${ex(p.command)}.`,
    FIELD_UNKNOWN: (p: { field: string; suggestion: string | null }): string =>
      `"${p.field}" is not a field${p.suggestion === null ? '.' : ` — did you mean ${p.suggestion}?`} Fields are merchant:, pay:, invoice:, no-receipt:, billable and nonbillable; put other text in quotes.`,
    FIELD_VALUE_MISSING: (p: { field: string }): string =>
      `${p.field} needs a value — e.g. merchant:"Blue Bottle".`,
    FIELD_REPEATED: (p: { field: string }): string => `${p.field} is given twice — keep one.`,
    PAY_METHOD_INVALID: (p: { text: string }): string =>
      `"${p.text}" is not a way to pay — use pay:card, pay:personal, pay:cash or pay:transfer.`,
    BILLABLE_CONFLICT: (): string => 'Both billable and nonbillable — keep one.',
    EDIT_NOTHING: (p: { expenseId: string }): string =>
      `Nothing to change on ${p.expenseId} — say what changes, e.g. edit ${p.expenseId} 52.30 #travel.`,
    MEMBER_MISSING: (p: { command: CommandKind }): string =>
      `${name(p.command)} needs a person — mention them, e.g. ${ex(p.command)}.`,
    MEMBER_INVALID: (p: { text: string; command: CommandKind }): string =>
      `"${p.text}" is not a mention — @mention the person (or write <@their-user-id>), e.g. ${ex(p.command)}.`,
    STAGE_INVALID: (p: { text: string | null }): string =>
      `${p.text === null ? 'A stage is missing' : `"${p.text}" is not a stage`} — stages are 1, 2 or 3, e.g. ${ex('approvers')}.`,
    ROLE_INVALID: (p: { text: string | null }): string =>
      `${p.text === null ? 'Which role? Roles' : `"${p.text}" is not a role — roles`} are admin, finance or member (approvers are set with approvers), e.g. ${ex('role')}.`,
    MARK_INVALID: (p: { text: string | null }): string =>
      `${p.text === null ? 'Mark as what? Mark' : `"${p.text}" is not a mark — mark`} takes billed or reimbursed, e.g. ${ex('mark')}.`,
    EXPORT_FORMAT_INVALID: (p: { text: string | null }): string =>
      `${p.text === null ? 'Which format? Export' : `"${p.text}" is not a format — export`} as csv, xlsx or zip, e.g. ${ex('export')}.`,
    AUDIENCE_INVALID: (p: { text: string | null }): string =>
      `${p.text === null ? 'Internal or client? A' : `"${p.text}" is not an audience — a`} channel is internal (the team) or client (client-facing), e.g. ${ex('client-channel')}.`,
    BUDGET_PERIOD_INVALID: (p: { text: string | null }): string =>
      `${p.text === null ? 'Which period? Budgets' : `"${p.text}" is not a budget period — budgets`} are monthly, quarterly, yearly or total, e.g. ${ex('budget-set')}.`,
    RECURRENCE_INVALID: (p: { text: string | null }): string =>
      `${p.text === null ? 'How often? Recurring' : `"${p.text}" is not a frequency — recurring`} expenses are monthly or quarterly, e.g. ${ex('recurring')}.`,
    TIMEZONE_INVALID: (p: { text: string | null }): string =>
      `${p.text === null ? 'A time zone is missing' : `"${p.text}" is not a time zone`} — use an IANA name such as Asia/Shanghai or Europe/London, e.g. ${ex('client-add')}.`,
    LOCALE_INVALID: (p: { text: string }): string =>
      `"${p.text}" is not a language Outlay speaks — use en or zh-CN.`,
    URL_INVALID: (p: { text: string | null }): string =>
      p.text === null
        ? 'webhook needs the address — paste the full https:// URL of the group robot.'
        : `"${p.text}" is not a web address — paste the full https:// URL of the group robot.`,
    CRON_INVALID: (p: { text: string }): string =>
      `"${p.text}" is not a cron schedule — five fields, e.g. "0 9 * * 1" for Mondays at 09:00.`,
    NAME_MISSING: (p: { command: CommandKind }): string =>
      `${name(p.command)} needs a name in quotes — e.g. ${ex(p.command)}.`,
    MERCHANT_MISSING: (p: { command: CommandKind }): string =>
      `${name(p.command)} needs the merchant in quotes — e.g. ${ex(p.command)}.`,
    POLICY_SETTING_INVALID: (p: { text: string | null }): string =>
      `${p.text === null ? 'Set what? Use' : `"${p.text}" is not a policy setting — use`} tiers, limit, receipt, auto-approve, reminder-hours, escalation-hours, max-age, audit-sample, prohibit or allow, e.g. ${ex('policy-set')}.`,
    NUMBER_INVALID: (p: { text: string | null; setting: string; example: string }): string =>
      `${p.setting} needs a whole number above zero${p.text === null ? '' : `, not "${p.text}"`} — e.g. policy set ${p.setting} ${p.example}.`,
    AUDIT_ANCHOR_INVALID: (p: { anchor: string | null }): string =>
      `${p.anchor === null ? 'The anchor is missing' : `"${p.anchor}" is not an anchor`} — write <position>:<hash> as the daily audit head prints it (a number, a colon, 64 hex digits).`,
    AUDIT_ANCHOR_BEYOND_HEAD: (p: { position: string; headPosition: string }): string =>
      `The chain ends at position ${p.headPosition}, before the anchor at ${p.position} — sealed events may have been removed.`,
    AUDIT_ANCHOR_MISMATCH: (p: { position: string }): string =>
      `The chain does not pass through the anchor at position ${p.position} — the audit log was rewritten after that anchor was recorded.`,
    AUDIT_CHAIN_BROKEN: (p: { position: string; problem: string }): string =>
      `The audit chain is broken at position ${p.position}: ${p.problem}.`,
    AUDIT_EVENT_CHANGED: (p: { position: string; seq: string }): string =>
      `Audit event ${p.seq} (position ${p.position}) was changed after it was sealed.`,
    AUDIT_EVENT_MISSING: (p: { position: string; seq: string }): string =>
      `Audit event ${p.seq} (position ${p.position}) is missing from the log.`,
    LINK_CODE_INVALID: (p: { typed: string }): string =>
      `"${p.typed}" is not a valid link code — type link on your other platform for a 6-character code, then link <code> here.`,
    LINK_CODE_EXPIRED: (p: { code: string }): string =>
      `Code ${p.code} has expired — type link on the other platform for a new one.`,
    LINK_CODE_USED: (p: { code: string }): string =>
      `Code ${p.code} was already used — type link on the other platform for a new one.`,
    HELP_TOPIC_UNKNOWN: (p: { text: string }): string => `No help on "${p.text}" — topics: ${TOPICS}.`,
    UNEXPECTED_WORDS: (p: { words: string; command: CommandKind }): string =>
      `${name(p.command)} does not take "${p.words}" — e.g. ${ex(p.command)}. Put free text in quotes.`,
    FEATURE_NOT_AVAILABLE: (p: { command: CommandKind }): string =>
      `${name(p.command)} is not available yet — type help to see what works today.`,
    ALREADY_DECIDED: (p: { decision: string; by: string; at: string; stage: string | null }): string =>
      `Already ${p.decision} by ${p.by}${p.stage === null ? '' : ` · stage ${p.stage}`} · ${p.at} — nothing changed.`,
    ALREADY_DECIDED_STAGE_BY_YOU: (p: { stage: string }): string =>
      `You already decided stage ${p.stage} of this expense — one person decides one stage, so someone else decides this one.`,
    ALREADY_MARKED: (p: { mark: string; at: string }): string => `Already marked ${p.mark} on ${p.at}.`,
    NOT_AN_APPROVER: (p: { stage: string }): string =>
      `You are not an approver for stage ${p.stage} of this expense — an admin can add you: approvers @client ${p.stage} <@you>.`,
    NOT_PENDING: (p: { status: string }): string =>
      `This expense is ${p.status}, not waiting for a decision — nothing changed.`,
    STALE_VERSION: (): string =>
      'This card is out of date: the expense has changed since — nothing changed; use the latest card.',
    OWN_EXPENSE: (p: { expenseId: string }): string =>
      `Nobody decides their own expense — another approver will decide ${p.expenseId}.`,
    NO_ELIGIBLE_APPROVER: (p: { stage: string; ask: string }): string =>
      `Nobody is left who may approve stage ${p.stage} — ask ${p.ask} to name an approver: approvers @client ${p.stage} <@person>.`,
    PARTIAL_AMOUNT_INVALID: (p: { problem: string; claimed: string | null }): string => {
      const claimed = p.claimed === null ? '' : ` (${p.claimed})`;
      switch (p.problem) {
        case 'comment-required':
          return 'Approving a lower amount needs a comment — e.g. approve ACME-7K3Q 300 only the taxi was for the client.';
        case 'not-lower':
          return `A partial approval must be lower than the amount claimed${claimed} — to approve it all, leave the amount out.`;
        default:
          return `An approved amount must be above zero and below the amount claimed${claimed}.`;
      }
    },
    INVALID_TIERS: (p: { problem: string }): string =>
      `Approval tiers are not valid: ${p.problem} — e.g. ${ex('policy-set')}.`,
    POLICY_INVALID: (p: { problem: string }): string => `That policy is not valid: ${p.problem}.`,
    BUDGET_AMOUNT_INVALID: (): string => `A budget must be above zero — e.g. ${ex('budget-set')}.`,
    BUDGET_CURRENCY_MISMATCH: (p: { budgetCurrency: string; given: string }): string =>
      `This budget is in ${p.budgetCurrency}, not ${p.given} — give the amount in ${p.budgetCurrency}.`,
    BUDGET_REVISION_EMPTY: (): string => 'That changes nothing in the budget.',
    BUDGET_REVISION_REASON_REQUIRED: (): string =>
      'Changing a budget needs a reason — add it at the end, e.g. budget set @acme 60000 monthly "new scope agreed".',
    BUDGET_THRESHOLDS_INVALID: (p: { thresholds: string }): string =>
      `Warning thresholds must be whole percentages from 1 to 1000, not ${p.thresholds}.`,
    BUDGET_WOULD_BE_EXCEEDED: (p: {
      period: string;
      budget: string;
      exceedBy: string;
      actual: string;
      committed: string;
      canRaise: string;
    }): string =>
      `This would take the ${p.period === '' ? '' : `${p.period} `}budget of ${p.budget} over by ${p.exceedBy} (approved ${p.actual}, pending ${p.committed}) — ${p.canRaise} can raise the budget or log it with override.`,
    CLIENT_UNKNOWN: (p: { code: string }): string =>
      `There is no client @${p.code} — check the code; an admin adds clients with ${ex('client-add')}.`,
    CLIENT_ARCHIVED: (p: { code: string }): string =>
      `@${p.code} is archived — ask an admin to reactivate it.`,
    PROJECT_UNKNOWN: (p: { client: string; code: string }): string =>
      `There is no project @${p.client}/${p.code} — an admin adds it with project add @${p.client}/${p.code} "<name>".`,
    UNKNOWN_CATEGORY: (p: { text: string; known: string }): string =>
      `There is no category "${p.text}" — use one of ${p.known}.`,
    DELEGATE_TO_SELF: (): string =>
      `You cannot delegate to yourself — mention someone else, e.g. ${ex('delegate')}.`,
    DELEGATION_IN_PAST: (p: { until: string; today: string }): string =>
      `${p.until} has passed (today is ${p.today}) — pick today or a later date.`,
    INVALID_IDENTITY: (p: { text: string; expected: string }): string =>
      `"${p.text}" is not a platform identity — write ${p.expected}.`,
    ID_SPACE_EXHAUSTED: (p: { client: string }): string =>
      `No new id could be made for @${p.client} — nothing was saved; please try again, and tell an admin if it keeps happening.`,
    RECEIPT_EMPTY: (): string => 'That file is empty — send the receipt again.',
    RECEIPT_TOO_LARGE: (p: { size: string; max: string }): string =>
      `That file is ${p.size}; a receipt can be at most ${p.max} — send a smaller photo or PDF.`,
    RECEIPT_TYPE_NOT_ALLOWED: (p: { file: string | null }): string =>
      `${p.file === null ? 'That file' : `"${p.file}"`} is not a JPEG, PNG, HEIC or PDF — send the receipt as one of those.`,
    WRONG_STATUS: (p: { action: string; status: string; allowed: string }): string =>
      `Cannot ${p.action} an expense that is ${p.status} — only one that is ${p.allowed}.`,
    FORBIDDEN: (p: { rule: string; roles: string; action: string }): string => {
      if (p.rule === 'not-own-expense') return 'Nobody decides their own expense — another approver will.';
      if (p.rule === 'one-stage-per-expense') {
        return 'You already decided a stage of this expense — someone else decides this one.';
      }
      if (p.rule === 'role') return `Only ${p.roles} can ${p.action}.`;
      return `Only ${p.roles} can ${p.action}, and only for their own clients and stages.`;
    },
    CHANNEL_ADDRESS_MISSING: (): string =>
      'Type this in the channel you want to bind — there is no channel here.',
    CHANNEL_BOUND_TO_OTHER_CLIENT: (p: { client: string; audience: string }): string =>
      `This channel is already bound to @${p.client} (${p.audience}) — use another channel for this client.`,
    CHANNEL_CLIENT_FACING: (): string =>
      'A client-facing channel cannot be the admin channel — type admin channel in an internal one.',
    CHANNEL_IS_ADMIN_CHANNEL: (): string => 'This is the admin channel — bind clients in other channels.',
    CLIENT_CODE_TAKEN: (p: { code: string }): string =>
      `There is already a client @${p.code} — choose another code.`,
    CURRENCY_UNKNOWN: (p: { text: string }): string =>
      `"${p.text}" is not a currency code — use ISO codes such as CNY, USD or EUR.`,
    IDENTITY_ALREADY_LINKED: (): string => 'This account is already linked — nothing to do.',
    IDENTITY_OTHER_ORGANISATION: (): string =>
      'This account belongs to another organisation in Outlay, so it cannot be linked here.',
    IDENTITY_TAKEN_MEANWHILE: (): string =>
      'This account was set up by another request at the same moment — nothing was changed; please try again.',
    LAST_ADMIN: (p: { member: string }): string =>
      `${p.member} is the last admin — make someone else admin first (role <@person> admin).`,
    LINK_CODE_EXHAUSTED: (): string =>
      'No free link code could be made just now — please try again in a minute.',
    MEMBER_INACTIVE: (p: { member: string }): string => `${p.member} is no longer active in Outlay.`,
    MEMBER_UNKNOWN: (p: { member: string }): string =>
      `Outlay does not know ${p.member} yet — they need to send Outlay a message first.`,
    NAME_INVALID: (p: { length: number; maxLength: number }): string =>
      p.length === 0
        ? 'The name is empty — write it in quotes, e.g. "Acme Ltd".'
        : `The name is too long (${p.length} characters; at most ${p.maxLength}).`,
    NO_RECENT_PENDING_EXPENSE: (p: { minutes: string }): string =>
      `You have no pending expense from the last ${p.minutes} minutes to attach this to — type receipt <id>, then send the file again.`,
    PAGE_INVALID: (): string => 'That page does not exist — start again with list.',
    PERIOD_ALREADY_CLOSED: (p: { client: string; period: string; closedThrough: string }): string =>
      `${p.period} is already closed for @${p.client} (closed through ${p.closedThrough}).`,
    PERIOD_NOT_ENDED: (p: { period: string; end: string }): string =>
      `${p.period} has not ended yet (it ends on ${p.end}) — close it after that day.`,
    POLICY_AMOUNT_NEGATIVE: (p: { amount: string }): string =>
      `Policy amounts cannot be negative (${p.amount}) — e.g. ${ex('policy-set')}.`,
    POLICY_AMOUNT_UNFIT: (p: { setting: string; amount: string; currency: string }): string =>
      `${p.amount} does not fit ${p.currency} (${p.setting}) — use at most the currency's decimals.`,
    POLICY_CURRENCY_MISMATCH: (p: { given: string; expected: string | null }): string =>
      p.expected === null
        ? `Organisation-wide policy amounts apply in each client's own currency — leave ${p.given} out.`
        : `Policy amounts are in the client's currency (${p.expected}), not ${p.given} — leave the currency out.`,
    POLICY_PATCH_EMPTY: (): string => `Nothing to change in the policy — e.g. ${ex('policy-set')}.`,
    POLICY_PERCENT_INVALID: (p: { text: string }): string =>
      `"${p.text}" is not a percentage — e.g. policy set audit-sample 5.`,
    PROJECT_CODE_TAKEN: (p: { client: string; code: string }): string =>
      `@${p.client}/${p.code} already exists — choose another project code.`,
    PROJECT_ENDS_BEFORE_START: (p: { start: string; end: string }): string =>
      `The project would end (${p.end}) before it starts (${p.start}) — check the dates.`,
    RATE_SAME_CURRENCY: (p: { currency: string }): string =>
      `A rate converts between two currencies, not ${p.currency} to itself — e.g. ${ex('rate')}.`,
    RECEIPT_ALREADY_ATTACHED: (p: { expenseId: string; count: string }): string =>
      `${p.expenseId} already has ${p.count} receipt(s) — no missing-receipt declaration is needed.`,
    SCHEDULE_INVALID: (p: { expression: string; problem: string }): string =>
      `"${p.expression}" is not a schedule Outlay can run: ${p.problem} — e.g. "0 9 * * 1" for Mondays at 09:00.`,
    WEBHOOK_INVALID: (p: { text: string }): string =>
      `"${p.text}" is not a group robot webhook — paste the https:// URL WeCom shows for the robot.`,
  },
  somethingWentWrong: (p: { code: string }): string =>
    `That did not work (${p.code}) — nothing was changed. Please try again, or tell an admin if it keeps happening.`,
};

export type Messages = typeof en;
