// What a chat message asks for, as docs/product-rules.md §10 spells it, before anything is looked up. Values that
// need the database or the client's time zone to mean something stay as the text said them: client and project codes,
// category words (`travel`, `差旅`), mentions, dates and periods. The dispatcher resolves them.
import type { AuditChainHead } from '../../../domain/audit/audit-chain.js';
import type { BudgetAction } from '../../../domain/budgets/budget.js';
import type { CurrencyCode, ParsedAmount } from '../../../domain/money/index.js';
import type { BudgetPeriod } from '../../../domain/periods/budget-period.js';
import type { IsoDate } from '../../../domain/periods/calendar-date.js';
import type { Locale } from '../i18n/locale.js';

/** `@acme` or `@acme/website`: codes in lower case, as clients and projects are stored. */
export type ClientRef = { readonly client: string; readonly project?: string };

/** A person named the platform's way (`<@U123>`); which member that is depends on the platform and organisation. */
export type MemberRef = { readonly kind: 'mention'; readonly platformUserId: string };

/**
 * A date as typed. Only `absolute` is a calendar date by itself; the others need today's date in the client's
 * time zone (see resolveDateSpec). `relative` counts back from today: 今天/today 0, 昨天/yesterday 1, 前天 2.
 */
export type DateSpec =
  | { readonly kind: 'absolute'; readonly date: IsoDate }
  | { readonly kind: 'month-day'; readonly month: number; readonly day: number }
  | { readonly kind: 'relative'; readonly daysAgo: 0 | 1 | 2 }
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  | { readonly kind: 'weekday'; readonly weekday: Weekday };

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A report period as typed, validated by the periods module: `this-week` … `last-year` (lower case), a calendar
 * key (`2026-03`, `2026-Q1`, `2026`, `2026-W10`, canonical case), or a Chinese word (`上月`). Resolve it with
 * `reportPeriod(key, today)` once the client's today is known.
 */
export type PeriodSpec = { readonly key: string };

export const PAY_METHODS = ['card', 'personal', 'cash', 'transfer'] as const;
export type PayMethod = (typeof PAY_METHODS)[number];

/** The `key:value` fields and flags of an expense. */
export type ExpenseFields = {
  readonly merchant?: string;
  readonly pay?: PayMethod;
  /** 发票号码, as written. */
  readonly invoice?: string;
  /** Absent: the category's default applies. */
  readonly billable?: boolean;
  /** A declared missing receipt, with the reason. */
  readonly noReceipt?: string;
};

/**
 * An amount as written plus the ISO code written anywhere in the command, which wins over a symbol on the amount
 * (`¥1200 JPY` is yen). With neither, the client's currency applies.
 */
export type StatedAmount = {
  readonly amount: ParsedAmount;
  readonly currency?: CurrencyCode;
};

/** What an `edit` changes; at least one of these is present. */
export type ExpenseChanges = Partial<StatedAmount> & {
  readonly client?: ClientRef;
  readonly category?: string;
  readonly date?: DateSpec;
  readonly description?: string;
  readonly fields: ExpenseFields;
};

export type ListScope =
  | { readonly kind: 'mine' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'client'; readonly client: ClientRef };

export const MARKS = ['billed', 'reimbursed'] as const;
export type Mark = (typeof MARKS)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const AUDIENCES = ['internal', 'client'] as const;
export type ChannelAudience = (typeof AUDIENCES)[number];

export type ReportSchedule =
  | { readonly kind: 'weekly' }
  | { readonly kind: 'monthly' }
  /** Five cron fields, in the client's time zone. */
  | { readonly kind: 'cron'; readonly expression: string };

export const ASSIGNABLE_ROLES = ['admin', 'finance', 'member'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export const RECURRENCES = ['monthly', 'quarterly'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

/** One change of `policy set`. Amounts are in the client's currency; `null` switches a limit off. */
export type PolicySetting =
  /** Upper limits of the 1-stage and 2-stage tiers; above the last, three stages. */
  | { readonly kind: 'tiers'; readonly limits: readonly ParsedAmount[] }
  | { readonly kind: 'category-limit'; readonly category: string; readonly amount: ParsedAmount | null }
  /** `null` (off) only for a category: it falls back to the general threshold. */
  | { readonly kind: 'receipt-threshold'; readonly category?: string; readonly amount: ParsedAmount | null }
  | { readonly kind: 'auto-approve'; readonly amount: ParsedAmount | null }
  | { readonly kind: 'reminder-hours'; readonly hours: number }
  | { readonly kind: 'escalation-hours'; readonly hours: number }
  | { readonly kind: 'max-age'; readonly days: number }
  /** Share of auto-approvable expenses sent through approval anyway: a percentage with up to two decimals. */
  | { readonly kind: 'audit-sample'; readonly percent: string }
  | { readonly kind: 'prohibited'; readonly category: string; readonly prohibited: boolean };

export const HELP_TOPICS = [
  'general',
  'log',
  'list',
  'edit',
  'approve',
  'finance',
  'budget',
  'report',
  'export',
  'receipt',
  'policy',
  'clients',
  'people',
  'rates',
  'dispute',
  'audit',
  'link',
  'dates',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export type LogCommand = StatedAmount & {
  readonly kind: 'log';
  readonly client: ClientRef;
  readonly category: string;
  readonly date?: DateSpec;
  readonly description?: string;
  readonly fields: ExpenseFields;
  readonly override: boolean;
};

export type Command =
  | LogCommand
  | { readonly kind: 'list'; readonly scope?: ListScope; readonly period?: PeriodSpec }
  | { readonly kind: 'show'; readonly expenseId: string }
  | {
      readonly kind: 'edit';
      readonly expenseId: string;
      readonly changes: ExpenseChanges;
      readonly override: boolean;
    }
  | { readonly kind: 'withdraw'; readonly expenseId: string }
  | { readonly kind: 'resubmit'; readonly expenseId: string }
  | {
      readonly kind: 'approve';
      readonly expenseId: string;
      /** A partial approval: less than claimed (the domain requires a comment then). */
      readonly approvedAmount?: StatedAmount;
      readonly comment?: string;
    }
  /** Without a reason, Outlay asks for one (docs/product-rules.md §10). */
  | { readonly kind: 'reject'; readonly expenseId: string; readonly reason?: string }
  | { readonly kind: 'return'; readonly expenseId: string; readonly whatIsNeeded?: string }
  | { readonly kind: 'void'; readonly expenseId: string; readonly reason: string }
  | { readonly kind: 'mark'; readonly expenseId: string; readonly mark: Mark }
  | { readonly kind: 'close'; readonly client: string; readonly period: PeriodSpec }
  | { readonly kind: 'answer'; readonly disputeId: string; readonly text: string }
  | (StatedAmount & {
      readonly kind: 'adjust';
      readonly client: ClientRef;
      readonly category: string;
      readonly reason: string;
    })
  | { readonly kind: 'receipt'; readonly expenseId: string }
  /** Without a code: show a code to type on the other platform. */
  | { readonly kind: 'link'; readonly code?: string }
  | { readonly kind: 'admin-channel' }
  | { readonly kind: 'report'; readonly client: ClientRef; readonly period?: PeriodSpec }
  | { readonly kind: 'budget'; readonly client: ClientRef }
  | (StatedAmount & {
      readonly kind: 'budget-set';
      readonly client: ClientRef;
      readonly period: BudgetPeriod;
      readonly category?: string;
      readonly onExceed?: BudgetAction;
      /** Why, when this revises an existing budget (quoted). */
      readonly reason?: string;
    })
  | {
      readonly kind: 'export';
      readonly client: ClientRef;
      readonly period?: PeriodSpec;
      readonly format: ExportFormat;
    }
  | { readonly kind: 'risk'; readonly client: ClientRef; readonly period?: PeriodSpec }
  | {
      readonly kind: 'client-add';
      readonly code: string;
      readonly name: string;
      readonly currency: CurrencyCode;
      /** IANA zone in its canonical spelling. */
      readonly timeZone: string;
      readonly locale?: Locale;
    }
  | {
      readonly kind: 'project-add';
      readonly client: string;
      readonly project: string;
      readonly name: string;
      readonly start?: DateSpec;
      readonly end?: DateSpec;
    }
  | {
      readonly kind: 'client-channel';
      readonly client: string;
      readonly audience: ChannelAudience;
      readonly schedule?: ReportSchedule;
      /** A client-facing binding opts in to budget warnings (approved spend only). */
      readonly budgetWarnings: boolean;
      /** WeCom group-robot webhook. */
      readonly webhook?: string;
    }
  | {
      readonly kind: 'approvers';
      readonly client: string;
      readonly stage: 1 | 2 | 3;
      readonly members: readonly MemberRef[];
    }
  | { readonly kind: 'role'; readonly member: MemberRef; readonly role: AssignableRole }
  | { readonly kind: 'delegate'; readonly member: MemberRef; readonly until: DateSpec }
  | {
      readonly kind: 'rate';
      readonly from: CurrencyCode;
      readonly to: CurrencyCode;
      /** Canonical decimal text (`7.1234`), as parseRate spells it. */
      readonly rate: string;
      readonly date?: DateSpec;
    }
  | { readonly kind: 'policy'; readonly client?: string; readonly category?: string }
  | { readonly kind: 'policy-set'; readonly client?: string; readonly setting: PolicySetting }
  | (StatedAmount & { readonly kind: 'policy-test'; readonly client: ClientRef; readonly category: string })
  | (StatedAmount & {
      readonly kind: 'recurring';
      readonly client: ClientRef;
      readonly category: string;
      readonly recurrence: Recurrence;
      readonly merchant: string;
    })
  | { readonly kind: 'dispute'; readonly expenseId: string; readonly comment: string }
  /** The anchor is a chain head recorded elsewhere: seal position and hash. */
  | { readonly kind: 'audit-verify'; readonly anchor?: AuditChainHead }
  | { readonly kind: 'help'; readonly topic: HelpTopic }
  | { readonly kind: 'cancel' };

export type CommandKind = Command['kind'];
export type CommandOf<K extends CommandKind> = Extract<Command, { readonly kind: K }>;

// A record, so that a new command kind cannot be forgotten here.
const KINDS: Readonly<Record<CommandKind, true>> = {
  log: true,
  list: true,
  show: true,
  edit: true,
  withdraw: true,
  resubmit: true,
  approve: true,
  reject: true,
  return: true,
  void: true,
  mark: true,
  close: true,
  answer: true,
  adjust: true,
  receipt: true,
  link: true,
  'admin-channel': true,
  report: true,
  budget: true,
  export: true,
  risk: true,
  'budget-set': true,
  'client-add': true,
  'project-add': true,
  'client-channel': true,
  approvers: true,
  role: true,
  delegate: true,
  rate: true,
  policy: true,
  'policy-set': true,
  'policy-test': true,
  recurring: true,
  dispute: true,
  'audit-verify': true,
  help: true,
  cancel: true,
};

/** Every command, in the order of the command catalogue (i18n/messages-en.ts). */
export const COMMAND_KINDS = Object.keys(KINDS) as readonly CommandKind[];
