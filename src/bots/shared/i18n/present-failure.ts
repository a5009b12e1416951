// One table from every failure code — the grammar's and the domain's — to a localised sentence that says what
// was wrong and how to say it right. Details arrive as loose records (they cross module boundaries as data), so
// every reader here has a fallback: a message must never throw, whatever a failure carries.
import { formatMoney, isCurrencyCode } from '../../../domain/money/index.js';
import type { Failure } from '../../../domain/shared/result.js';
import { COMMAND_KINDS, type CommandKind } from '../grammar/command.js';
import { formatDate, formatDateTime } from './format-date.js';
import type { Locale } from './locale.js';
import type { Messages, RoleName } from './messages-en.js';
import { translate } from './translate.js';

export type PresentContext = {
  /** A member's display name by member id, for "approved by Alice" and "ask Bob"; the id is shown without it. */
  readonly nameOf?: (memberId: string) => string | undefined;
  /** The zone times are shown in (the reader's or the client's); UTC when absent. */
  readonly timeZone?: string;
};

type Details = Failure['details'];

type Reader = {
  readonly m: Messages;
  /** A detail as text ('' when absent). */
  readonly text: (key: string) => string;
  readonly textOrNull: (key: string) => string | null;
  readonly num: (key: string) => number;
  /** The command a grammar failure is about; `fallback` for domain failures that carry none. */
  readonly command: (fallback?: CommandKind) => CommandKind;
  readonly date: (key: string) => string;
  readonly dateTime: (key: string) => string;
  readonly money: (minorKey: string, currencyKey?: string) => string;
  readonly roles: (key: string) => string;
  /** A member's display name. */
  readonly name: (memberId: string) => string;
  /** A comma-separated list of member ids as names. */
  readonly names: (key: string) => string;
  readonly label: (table: Readonly<Record<string, string>>, key: string) => string;
};

const readerFor = (details: Details, locale: Locale, context: PresentContext): Reader => {
  const m = translate(locale);
  const raw = (key: string): string | number | boolean | null | undefined =>
    details !== undefined && Object.hasOwn(details, key) ? details[key] : undefined;
  const textOrNull = (key: string): string | null => {
    const value = raw(key);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
  };
  const text = (key: string): string => textOrNull(key) ?? '';
  const label = (table: Readonly<Record<string, string>>, key: string): string =>
    Object.hasOwn(table, key) ? (table[key] ?? key) : key;
  const nameOf = (id: string): string => context.nameOf?.(id) ?? id;
  const timeZone = context.timeZone ?? 'UTC';
  return {
    m,
    text,
    textOrNull,
    num: (key) => {
      const value = raw(key);
      return typeof value === 'number' ? value : Number(value ?? Number.NaN);
    },
    command: (fallback = 'log') => {
      const value = text('command');
      return (COMMAND_KINDS as readonly string[]).includes(value) ? (value as CommandKind) : fallback;
    },
    date: (key) => {
      const value = text(key);
      try {
        return formatDate(value, locale);
      } catch {
        return value;
      }
    },
    dateTime: (key) => {
      const value = text(key);
      try {
        return formatDateTime(value, locale, timeZone);
      } catch {
        return value;
      }
    },
    money: (minorKey, currencyKey = 'currency') => {
      const minor = raw(minorKey);
      const currency = text(currencyKey);
      if (typeof minor !== 'number' || !Number.isSafeInteger(minor) || !isCurrencyCode(currency)) {
        return `${text(minorKey)} ${currency}`.trim();
      }
      return formatMoney({ amountMinor: minor, currency }, locale);
    },
    roles: (key) =>
      m.formats.alternatives(
        text(key)
          .split(',')
          .map((role) => role.trim().replace(' ', '-'))
          .filter((role) => role !== '')
          .map((role) => label(m.labels.roles as Readonly<Record<RoleName, string>>, role)),
      ),
    names: (key) =>
      m.formats.alternatives(
        text(key)
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== '')
          .map(nameOf),
      ),
    name: nameOf,
    label,
  };
};

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

const statusList = (r: Reader, key: string): string =>
  r.m.formats.alternatives(
    r
      .text(key)
      .split(',')
      .map((status) => r.label(r.m.labels.statuses, status.trim())),
  );

type Presenter = (r: Reader) => string;

const PRESENTERS: { readonly [C in keyof Messages['failures']]: Presenter } = {
  EMPTY: (r) => r.m.failures.EMPTY(),
  QUOTE_UNCLOSED: (r) => r.m.failures.QUOTE_UNCLOSED({ quote: r.text('quote') || '"', text: r.text('text') }),
  UNKNOWN_COMMAND: (r) =>
    r.m.failures.UNKNOWN_COMMAND({ word: r.text('word'), suggestion: r.textOrNull('suggestion') }),
  SUBCOMMAND_INVALID: (r) =>
    r.m.failures.SUBCOMMAND_INVALID({
      word: r.text('word'),
      kinds: r
        .text('kinds')
        .split(',')
        .filter((kind): kind is CommandKind => (COMMAND_KINDS as readonly string[]).includes(kind)),
    }),
  AMOUNT_MISSING: (r) => r.m.failures.AMOUNT_MISSING({ command: r.command() }),
  AMOUNT_INVALID: (r) =>
    r.m.failures.AMOUNT_INVALID({ input: r.text('input'), suggestion: r.textOrNull('suggestion') }),
  AMOUNT_DECIMAL_COMMA: (r) =>
    r.m.failures.AMOUNT_DECIMAL_COMMA({
      input: r.text('input'),
      suggestion: r.text('suggestion') || r.text('input').replace(',', '.'),
    }),
  AMOUNT_TOO_PRECISE: (r) =>
    r.m.failures.AMOUNT_TOO_PRECISE({
      input: r.text('input'),
      currency: r.text('currency'),
      decimals: r.num('decimals'),
      maxDecimals: r.num('maxDecimals'),
    }),
  AMOUNT_TOO_LARGE: (r) =>
    r.m.failures.AMOUNT_TOO_LARGE({ input: r.text('input'), currency: r.text('currency') }),
  AMOUNT_ZERO: (r) => r.m.failures.AMOUNT_ZERO(),
  AMOUNT_NEGATIVE: (r) => r.m.failures.AMOUNT_NEGATIVE(),
  CURRENCY_MISSING: (r) => r.m.failures.CURRENCY_MISSING({ input: r.text('input') }),
  CURRENCY_CONFLICT: (r) =>
    r.m.failures.CURRENCY_CONFLICT({
      input: r.text('input'),
      first: r.text('first'),
      second: r.text('second'),
    }),
  CURRENCY_INVALID: (r) =>
    r.m.failures.CURRENCY_INVALID({ text: r.textOrNull('text'), command: r.command() }),
  TWO_CURRENCIES: (r) =>
    r.m.failures.TWO_CURRENCIES({ first: r.text('first'), second: r.text('second'), command: r.command() }),
  CONVERSION_TOO_LARGE: (r) => r.m.failures.CONVERSION_TOO_LARGE({ to: r.text('to'), rate: r.text('rate') }),
  RATE_INVALID: (r) => r.m.failures.RATE_INVALID({ input: r.text('input') }),
  RATE_NOT_POSITIVE: (r) => r.m.failures.RATE_NOT_POSITIVE({ input: r.text('input') }),
  RATE_TOO_PRECISE: (r) =>
    r.m.failures.RATE_TOO_PRECISE({
      input: r.text('input'),
      decimals: r.num('decimals'),
      maxDecimals: r.num('maxDecimals'),
    }),
  RATE_MISSING: (r) =>
    r.m.failures.RATE_MISSING({
      from: r.text('from'),
      to: r.text('to'),
      date: r.date('date'),
      isoDate: r.text('date'),
      canAdd: r.roles('canAdd') || r.m.labels.anAdmin,
    }),
  CLIENT_MISSING: (r) => r.m.failures.CLIENT_MISSING({ command: r.command() }),
  CLIENT_CODE_INVALID: (r) => r.m.failures.CLIENT_CODE_INVALID({ text: r.text('text') }),
  PROJECT_CODE_INVALID: (r) => r.m.failures.PROJECT_CODE_INVALID({ text: r.text('text') }),
  PROJECT_MISSING: (r) => r.m.failures.PROJECT_MISSING({ command: r.command('project-add') }),
  PROJECT_NOT_ALLOWED: (r) =>
    r.m.failures.PROJECT_NOT_ALLOWED({ text: r.text('text'), command: r.command('close') }),
  CATEGORY_MISSING: (r) => r.m.failures.CATEGORY_MISSING({ command: r.command() }),
  TWO_CLIENTS: (r) => r.m.failures.TWO_CLIENTS({ first: r.text('first'), second: r.text('second') }),
  TWO_CATEGORIES: (r) => r.m.failures.TWO_CATEGORIES({ first: r.text('first'), second: r.text('second') }),
  TWO_DATES: (r) => r.m.failures.TWO_DATES({ first: r.text('first'), second: r.text('second') }),
  // The grammar says `text`, the domain's date resolver `input`.
  DATE_INVALID: (r) => r.m.failures.DATE_INVALID({ text: r.textOrNull('text') ?? r.text('input') }),
  DATE_MISSING: (r) => r.m.failures.DATE_MISSING({ command: r.command('delegate') }),
  DATE_IN_FUTURE: (r) => r.m.failures.DATE_IN_FUTURE({ date: r.date('date'), today: r.date('today') }),
  PERIOD_INVALID: (r) => r.m.failures.PERIOD_INVALID({ text: r.text('text') }),
  PERIOD_MISSING: (r) => r.m.failures.PERIOD_MISSING({ command: r.command('close') }),
  PERIOD_CLOSED: (r) =>
    r.m.failures.PERIOD_CLOSED({ date: r.date('date'), closedThrough: r.date('closedThrough') }),
  EXPENSE_ID_MISSING: (r) => r.m.failures.EXPENSE_ID_MISSING({ command: r.command('show') }),
  EXPENSE_ID_INVALID: (r) => r.m.failures.EXPENSE_ID_INVALID({ text: r.text('text') }),
  EXPENSE_UNKNOWN: (r) => r.m.failures.EXPENSE_UNKNOWN({ expenseId: r.text('expenseId') }),
  DISPUTE_ID_MISSING: (r) => r.m.failures.DISPUTE_ID_MISSING({ command: r.command('answer') }),
  DISPUTE_ID_INVALID: (r) => r.m.failures.DISPUTE_ID_INVALID({ text: r.text('text') }),
  REASON_MISSING: (r) => r.m.failures.REASON_MISSING({ command: r.command('void') }),
  // The domain says which decision (`reject`, `return`) or action (`void`) wanted a reason.
  REASON_REQUIRED: (r) => {
    const asked = r.text('decision') || r.text('action');
    const command: CommandKind = asked === 'return' ? 'return' : asked === 'void' ? 'void' : 'reject';
    return r.m.failures.REASON_REQUIRED({ command });
  },
  FIELD_UNKNOWN: (r) =>
    r.m.failures.FIELD_UNKNOWN({ field: r.text('field'), suggestion: r.textOrNull('suggestion') }),
  FIELD_VALUE_MISSING: (r) => r.m.failures.FIELD_VALUE_MISSING({ field: r.text('field') }),
  FIELD_REPEATED: (r) => r.m.failures.FIELD_REPEATED({ field: r.text('field') }),
  PAY_METHOD_INVALID: (r) => r.m.failures.PAY_METHOD_INVALID({ text: r.text('text') }),
  BILLABLE_CONFLICT: (r) => r.m.failures.BILLABLE_CONFLICT(),
  EDIT_NOTHING: (r) => r.m.failures.EDIT_NOTHING({ expenseId: r.text('expenseId') || 'ACME-7K3Q' }),
  MEMBER_MISSING: (r) => r.m.failures.MEMBER_MISSING({ command: r.command('role') }),
  MEMBER_INVALID: (r) => r.m.failures.MEMBER_INVALID({ text: r.text('text'), command: r.command('role') }),
  STAGE_INVALID: (r) => r.m.failures.STAGE_INVALID({ text: r.textOrNull('text') }),
  ROLE_INVALID: (r) => r.m.failures.ROLE_INVALID({ text: r.textOrNull('text') }),
  MARK_INVALID: (r) => r.m.failures.MARK_INVALID({ text: r.textOrNull('text') }),
  EXPORT_FORMAT_INVALID: (r) => r.m.failures.EXPORT_FORMAT_INVALID({ text: r.textOrNull('text') }),
  AUDIENCE_INVALID: (r) => r.m.failures.AUDIENCE_INVALID({ text: r.textOrNull('text') }),
  BUDGET_PERIOD_INVALID: (r) => r.m.failures.BUDGET_PERIOD_INVALID({ text: r.textOrNull('text') }),
  RECURRENCE_INVALID: (r) => r.m.failures.RECURRENCE_INVALID({ text: r.textOrNull('text') }),
  TIMEZONE_INVALID: (r) => r.m.failures.TIMEZONE_INVALID({ text: r.textOrNull('text') }),
  LOCALE_INVALID: (r) => r.m.failures.LOCALE_INVALID({ text: r.text('text') }),
  URL_INVALID: (r) => r.m.failures.URL_INVALID({ text: r.textOrNull('text') }),
  CRON_INVALID: (r) => r.m.failures.CRON_INVALID({ text: r.text('text') }),
  NAME_MISSING: (r) => r.m.failures.NAME_MISSING({ command: r.command('client-add') }),
  MERCHANT_MISSING: (r) => r.m.failures.MERCHANT_MISSING({ command: r.command('recurring') }),
  POLICY_SETTING_INVALID: (r) => r.m.failures.POLICY_SETTING_INVALID({ text: r.textOrNull('text') }),
  NUMBER_INVALID: (r) => {
    const setting = r.text('setting') || 'reminder-hours';
    const example = setting === 'max-age' ? '60' : setting === 'escalation-hours' ? '72' : '24';
    return r.m.failures.NUMBER_INVALID({ text: r.textOrNull('text'), setting, example });
  },
  AUDIT_ANCHOR_INVALID: (r) => r.m.failures.AUDIT_ANCHOR_INVALID({ anchor: r.textOrNull('anchor') }),
  AUDIT_ANCHOR_BEYOND_HEAD: (r) =>
    r.m.failures.AUDIT_ANCHOR_BEYOND_HEAD({
      position: r.text('position'),
      headPosition: r.text('headPosition'),
    }),
  AUDIT_ANCHOR_MISMATCH: (r) => r.m.failures.AUDIT_ANCHOR_MISMATCH({ position: r.text('position') }),
  AUDIT_CHAIN_BROKEN: (r) =>
    r.m.failures.AUDIT_CHAIN_BROKEN({
      position: r.text('position'),
      problem: r.label(r.m.labels.chainProblems, r.text('reason')),
    }),
  AUDIT_EVENT_CHANGED: (r) =>
    r.m.failures.AUDIT_EVENT_CHANGED({ position: r.text('position'), seq: r.text('seq') }),
  AUDIT_EVENT_MISSING: (r) =>
    r.m.failures.AUDIT_EVENT_MISSING({ position: r.text('position'), seq: r.text('seq') }),
  LINK_CODE_INVALID: (r) => r.m.failures.LINK_CODE_INVALID({ typed: r.text('typed') }),
  LINK_CODE_EXPIRED: (r) => r.m.failures.LINK_CODE_EXPIRED({ code: r.text('code') }),
  LINK_CODE_USED: (r) => r.m.failures.LINK_CODE_USED({ code: r.text('code') }),
  HELP_TOPIC_UNKNOWN: (r) => r.m.failures.HELP_TOPIC_UNKNOWN({ text: r.text('text') }),
  UNEXPECTED_WORDS: (r) => r.m.failures.UNEXPECTED_WORDS({ words: r.text('words'), command: r.command() }),
  FEATURE_NOT_AVAILABLE: (r) => r.m.failures.FEATURE_NOT_AVAILABLE({ command: r.command('help') }),
  ALREADY_DECIDED: (r) => {
    const winner = r.name(r.text('winnerId'));
    const onBehalfOf = r.textOrNull('onBehalfOf');
    return r.m.failures.ALREADY_DECIDED({
      decision: r.label(r.m.labels.decisions, r.text('decision')),
      by: onBehalfOf === null ? winner : r.m.labels.onBehalfOf({ by: winner, of: r.name(onBehalfOf) }),
      at: r.dateTime('at'),
      stage: r.textOrNull('stage'),
    });
  },
  ALREADY_DECIDED_STAGE_BY_YOU: (r) => r.m.failures.ALREADY_DECIDED_STAGE_BY_YOU({ stage: r.text('stage') }),
  ALREADY_MARKED: (r) =>
    r.m.failures.ALREADY_MARKED({ mark: r.label(r.m.labels.marks, r.text('mark')), at: r.dateTime('at') }),
  NOT_AN_APPROVER: (r) => r.m.failures.NOT_AN_APPROVER({ stage: r.text('stage') }),
  NOT_PENDING: (r) => r.m.failures.NOT_PENDING({ status: r.label(r.m.labels.statuses, r.text('status')) }),
  STALE_VERSION: (r) => r.m.failures.STALE_VERSION(),
  OWN_EXPENSE: (r) => r.m.failures.OWN_EXPENSE({ expenseId: r.text('expenseId') }),
  NO_ELIGIBLE_APPROVER: (r) =>
    r.m.failures.NO_ELIGIBLE_APPROVER({
      stage: r.text('stage'),
      ask: r.names('askAdmins') || r.m.labels.anAdmin,
    }),
  PARTIAL_AMOUNT_INVALID: (r) =>
    r.m.failures.PARTIAL_AMOUNT_INVALID({
      problem: r.text('problem'),
      claimed: r.textOrNull('currency') === null ? null : r.money('underReviewMinor'),
    }),
  INVALID_TIERS: (r) =>
    r.m.failures.INVALID_TIERS({ problem: r.label(r.m.labels.tierProblems, r.text('problem')) }),
  POLICY_INVALID: (r) =>
    r.m.failures.POLICY_INVALID({ problem: r.label(r.m.labels.policyProblems, r.text('problem')) }),
  BUDGET_AMOUNT_INVALID: (r) => r.m.failures.BUDGET_AMOUNT_INVALID(),
  BUDGET_CURRENCY_MISMATCH: (r) =>
    r.m.failures.BUDGET_CURRENCY_MISMATCH({
      budgetCurrency: r.text('budgetCurrency'),
      given: r.text('given'),
    }),
  BUDGET_REVISION_EMPTY: (r) => r.m.failures.BUDGET_REVISION_EMPTY(),
  BUDGET_REVISION_REASON_REQUIRED: (r) => r.m.failures.BUDGET_REVISION_REASON_REQUIRED(),
  BUDGET_THRESHOLDS_INVALID: (r) =>
    r.m.failures.BUDGET_THRESHOLDS_INVALID({ thresholds: r.text('thresholds') }),
  BUDGET_WOULD_BE_EXCEEDED: (r) => {
    const key = r.text('periodKey');
    return r.m.failures.BUDGET_WOULD_BE_EXCEEDED({
      period: key === 'total' ? r.m.labels.totalPeriod : key,
      budget: r.money('budgetMinor'),
      exceedBy: r.money('exceedByMinor'),
      actual: r.money('actualMinor'),
      committed: r.money('committedMinor'),
      canRaise: r.roles('canRaise') || r.m.labels.anAdmin,
    });
  },
  CLIENT_UNKNOWN: (r) => r.m.failures.CLIENT_UNKNOWN({ code: r.text('code') }),
  CLIENT_ARCHIVED: (r) => r.m.failures.CLIENT_ARCHIVED({ code: r.text('code') }),
  PROJECT_UNKNOWN: (r) => r.m.failures.PROJECT_UNKNOWN({ client: r.text('client'), code: r.text('code') }),
  UNKNOWN_CATEGORY: (r) => r.m.failures.UNKNOWN_CATEGORY({ text: r.text('text'), known: r.text('known') }),
  DELEGATE_TO_SELF: (r) => r.m.failures.DELEGATE_TO_SELF(),
  DELEGATION_IN_PAST: (r) =>
    r.m.failures.DELEGATION_IN_PAST({ until: r.date('until'), today: r.date('today') }),
  INVALID_IDENTITY: (r) =>
    r.m.failures.INVALID_IDENTITY({ text: r.text('text'), expected: r.text('expected') }),
  ID_SPACE_EXHAUSTED: (r) => r.m.failures.ID_SPACE_EXHAUSTED({ client: r.text('client') }),
  RECEIPT_EMPTY: (r) => r.m.failures.RECEIPT_EMPTY(),
  RECEIPT_TOO_LARGE: (r) =>
    r.m.failures.RECEIPT_TOO_LARGE({
      size: megabytes(r.num('sizeBytes')),
      max: megabytes(r.num('maxBytes')),
    }),
  RECEIPT_TYPE_NOT_ALLOWED: (r) => r.m.failures.RECEIPT_TYPE_NOT_ALLOWED({ file: r.textOrNull('fileName') }),
  WRONG_STATUS: (r) =>
    r.m.failures.WRONG_STATUS({
      action: r.label(r.m.labels.statusActions, r.text('action')),
      status: r.label(r.m.labels.statuses, r.text('status')),
      allowed: statusList(r, 'allowedStatuses'),
    }),
  FORBIDDEN: (r) =>
    r.m.failures.FORBIDDEN({
      rule: r.text('rule'),
      roles: r.roles('allowedRoles') || r.m.labels.anAdmin,
      action: r.label(r.m.labels.actions, r.text('action')),
    }),
  CHANNEL_ADDRESS_MISSING: (r) => r.m.failures.CHANNEL_ADDRESS_MISSING(),
  CHANNEL_BOUND_TO_OTHER_CLIENT: (r) =>
    r.m.failures.CHANNEL_BOUND_TO_OTHER_CLIENT({ client: r.text('client'), audience: r.text('audience') }),
  CHANNEL_CLIENT_FACING: (r) => r.m.failures.CHANNEL_CLIENT_FACING(),
  CHANNEL_IS_ADMIN_CHANNEL: (r) => r.m.failures.CHANNEL_IS_ADMIN_CHANNEL(),
  CLIENT_CODE_TAKEN: (r) => r.m.failures.CLIENT_CODE_TAKEN({ code: r.text('code') }),
  CURRENCY_UNKNOWN: (r) => r.m.failures.CURRENCY_UNKNOWN({ text: r.text('text') }),
  IDENTITY_ALREADY_LINKED: (r) => r.m.failures.IDENTITY_ALREADY_LINKED(),
  IDENTITY_OTHER_ORGANISATION: (r) => r.m.failures.IDENTITY_OTHER_ORGANISATION(),
  IDENTITY_TAKEN_MEANWHILE: (r) => r.m.failures.IDENTITY_TAKEN_MEANWHILE(),
  LAST_ADMIN: (r) => r.m.failures.LAST_ADMIN({ member: r.name(r.text('memberId')) }),
  LINK_CODE_EXHAUSTED: (r) => r.m.failures.LINK_CODE_EXHAUSTED(),
  MEMBER_INACTIVE: (r) => r.m.failures.MEMBER_INACTIVE({ member: r.name(r.text('memberId')) }),
  MEMBER_UNKNOWN: (r) => r.m.failures.MEMBER_UNKNOWN({ member: r.text('member') }),
  NAME_INVALID: (r) =>
    r.m.failures.NAME_INVALID({ length: r.num('length') || 0, maxLength: r.num('maxLength') }),
  NO_RECENT_PENDING_EXPENSE: (r) =>
    r.m.failures.NO_RECENT_PENDING_EXPENSE({ minutes: r.text('withinMinutes') || '30' }),
  PAGE_INVALID: (r) => r.m.failures.PAGE_INVALID(),
  PERIOD_ALREADY_CLOSED: (r) =>
    r.m.failures.PERIOD_ALREADY_CLOSED({
      client: r.text('client'),
      period: r.text('period'),
      closedThrough: r.date('closedThrough'),
    }),
  PERIOD_NOT_ENDED: (r) => r.m.failures.PERIOD_NOT_ENDED({ period: r.text('period'), end: r.date('end') }),
  POLICY_AMOUNT_NEGATIVE: (r) => r.m.failures.POLICY_AMOUNT_NEGATIVE({ amount: r.text('amount') }),
  POLICY_AMOUNT_UNFIT: (r) =>
    r.m.failures.POLICY_AMOUNT_UNFIT({
      setting: r.text('setting'),
      amount: r.text('amount'),
      currency: r.text('currency'),
    }),
  POLICY_CURRENCY_MISMATCH: (r) =>
    r.m.failures.POLICY_CURRENCY_MISMATCH({ given: r.text('given'), expected: r.textOrNull('expected') }),
  POLICY_PATCH_EMPTY: (r) => r.m.failures.POLICY_PATCH_EMPTY(),
  POLICY_PERCENT_INVALID: (r) => r.m.failures.POLICY_PERCENT_INVALID({ text: r.text('text') }),
  PROJECT_CODE_TAKEN: (r) =>
    r.m.failures.PROJECT_CODE_TAKEN({ client: r.text('client'), code: r.text('code') }),
  PROJECT_ENDS_BEFORE_START: (r) =>
    r.m.failures.PROJECT_ENDS_BEFORE_START({ start: r.date('start'), end: r.date('end') }),
  RATE_SAME_CURRENCY: (r) => r.m.failures.RATE_SAME_CURRENCY({ currency: r.text('currency') }),
  RECEIPT_ALREADY_ATTACHED: (r) =>
    r.m.failures.RECEIPT_ALREADY_ATTACHED({ expenseId: r.text('expenseId'), count: r.text('count') }),
  SCHEDULE_INVALID: (r) =>
    r.m.failures.SCHEDULE_INVALID({
      expression: r.text('expression'),
      problem: r.label(r.m.labels.scheduleProblems, r.text('problem')),
    }),
  WEBHOOK_INVALID: (r) => r.m.failures.WEBHOOK_INVALID({ text: r.text('text') }),
};

/** Every code presentFailure explains in its own words (others get a generic sentence naming the code). */
export const PRESENTED_FAILURE_CODES: readonly string[] = Object.keys(PRESENTERS);

const isPresented = (code: string): code is keyof typeof PRESENTERS => Object.hasOwn(PRESENTERS, code);

/** What went wrong and how to say it right, in the reader's language. Never throws. */
export const presentFailure = (failure: Failure, locale: Locale, context: PresentContext = {}): string => {
  const reader = readerFor(failure.details, locale, context);
  if (!isPresented(failure.code)) return reader.m.somethingWentWrong({ code: failure.code });
  try {
    return PRESENTERS[failure.code](reader);
  } catch {
    return reader.m.somethingWentWrong({ code: failure.code });
  }
};

/** The answer for a command whose feature is not built yet, naming the command in the reader's language. */
export const presentFeatureNotAvailable = (command: CommandKind, locale: Locale): string =>
  translate(locale).failures.FEATURE_NOT_AVAILABLE({ command });
