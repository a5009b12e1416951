// Command → text that parseCommand reads back to an equal command: for "did you mean", help examples, and the
// round-trip properties that keep the grammar and this printer honest with each other. Free text is always
// quoted, so it can never be mistaken for a client, a date or a field.
import { formatAnchor } from '../../../domain/audit/audit-anchor.js';
import type { CurrencyCode, ParsedAmount } from '../../../domain/money/index.js';
import { displaySymbol, formatParsedAmount } from '../../../domain/money/index.js';
import type { Locale } from '../i18n/locale.js';
import type {
  ClientRef,
  Command,
  DateSpec,
  ExpenseFields,
  MemberRef,
  PolicySetting,
  StatedAmount,
} from './command.js';
import {
  AUDIENCE_WORDS,
  BILLABLE_WORDS,
  BUDGET_ACTION_WORDS,
  BUDGET_PERIOD_WORDS,
  CHANNEL_BUDGET_WORDS,
  COMMAND_WORDS,
  EXPORT_FORMAT_WORDS,
  FIELD_WORDS,
  HELP_TOPIC_WORDS,
  LIST_SCOPE_WORDS,
  MARK_WORDS,
  OFF_WORDS,
  OVERRIDE_WORDS,
  PAY_WORDS,
  POLICY_SETTING_WORDS,
  RECURRENCE_WORDS,
  ROLE_WORDS,
  SCHEDULE_WORDS,
  UNTIL_WORDS,
  type ValueWords,
  WEBHOOK_WORDS,
  type Words,
} from './keywords.js';
import { isBareSafe, quoteText } from './tokenize.js';

const say = (words: Words, locale: Locale): string =>
  (locale === 'zh-CN' ? words.zh[0] : undefined) ?? words.en[0] ?? '';

const sayValue = <V extends string>(table: ValueWords<V>, value: V, locale: Locale): string =>
  say(table[value], locale);

// A symbol that reads back as the same currency: ¥ for CNY (the product rule), else the display symbol.
const symbolOf = (currency: CurrencyCode): string | undefined =>
  currency === 'CNY' ? '¥' : (displaySymbol(currency, 'en') ?? displaySymbol(currency, 'zh-CN'));

export const renderAmount = (amount: ParsedAmount): string => {
  const plain = formatParsedAmount({ ...amount, sign: 1 });
  const sign = amount.sign < 0 ? '-' : '';
  const { currencyHint, hintSource } = amount;
  if (currencyHint === undefined) return `${sign}${plain}`;
  const symbol = hintSource === 'symbol' ? symbolOf(currencyHint) : undefined;
  return symbol === undefined ? `${sign}${plain}${currencyHint}` : `${sign}${symbol}${plain}`;
};

const renderStated = (stated: Partial<StatedAmount>): string[] => [
  ...(stated.amount === undefined ? [] : [renderAmount(stated.amount)]),
  ...(stated.currency === undefined ? [] : [stated.currency]),
];

export const renderClientRef = (ref: ClientRef): string =>
  `@${ref.client}${ref.project === undefined ? '' : `/${ref.project}`}`;

const WEEKDAY_WORDS: Readonly<Record<Locale, readonly string[]>> = {
  en: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  'zh-CN': ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
};

const RELATIVE_WORDS: Readonly<Record<Locale, readonly string[]>> = {
  en: ['today', 'yesterday', '前天'],
  'zh-CN': ['今天', '昨天', '前天'],
};

export const renderDateSpec = (date: DateSpec, locale: Locale): string => {
  switch (date.kind) {
    case 'absolute':
      return date.date;
    case 'month-day':
      return `${date.month}/${date.day}`;
    case 'relative':
      return RELATIVE_WORDS[locale][date.daysAgo] ?? 'today';
    case 'weekday':
      return WEEKDAY_WORDS[locale][date.weekday - 1] ?? 'mon';
  }
};

const fieldValue = (value: string): string => (isBareSafe(value) ? value : quoteText(value));

const renderFields = (fields: ExpenseFields, locale: Locale): string[] => {
  const key = (name: keyof typeof FIELD_WORDS): string => `${sayValue(FIELD_WORDS, name, locale)}:`;
  return [
    ...(fields.merchant === undefined ? [] : [`${key('merchant')}${fieldValue(fields.merchant)}`]),
    ...(fields.pay === undefined ? [] : [`${key('pay')}${sayValue(PAY_WORDS, fields.pay, locale)}`]),
    ...(fields.invoice === undefined ? [] : [`${key('invoice')}${fieldValue(fields.invoice)}`]),
    ...(fields.billable === undefined
      ? []
      : [sayValue(BILLABLE_WORDS, fields.billable ? 'billable' : 'nonbillable', locale)]),
    ...(fields.noReceipt === undefined ? [] : [`${key('no-receipt')}${fieldValue(fields.noReceipt)}`]),
  ];
};

const renderMember = (member: MemberRef): string => `<@${member.platformUserId}>`;

const optional = <T>(value: T | undefined, render: (value: T) => string): string[] =>
  value === undefined ? [] : [render(value)];

const renderLimit = (amount: ParsedAmount | null, locale: Locale): string =>
  amount === null ? say(OFF_WORDS, locale) : renderAmount(amount);

const renderSetting = (setting: PolicySetting, locale: Locale): string[] => {
  const name = (kind: keyof typeof POLICY_SETTING_WORDS): string =>
    sayValue(POLICY_SETTING_WORDS, kind, locale);
  switch (setting.kind) {
    case 'tiers':
      return [name('tiers'), ...setting.limits.map(renderAmount)];
    case 'category-limit':
      return [name('category-limit'), `#${setting.category}`, renderLimit(setting.amount, locale)];
    case 'receipt-threshold':
      return [
        name('receipt-threshold'),
        ...optional(setting.category, (c) => `#${c}`),
        renderLimit(setting.amount, locale),
      ];
    case 'auto-approve':
      return [name('auto-approve'), renderLimit(setting.amount, locale)];
    case 'reminder-hours':
      return [name('reminder-hours'), String(setting.hours)];
    case 'escalation-hours':
      return [name('escalation-hours'), String(setting.hours)];
    case 'max-age':
      return [name('max-age'), String(setting.days)];
    case 'audit-sample':
      return [name('audit-sample'), setting.percent];
    case 'prohibited':
      return [name(setting.prohibited ? 'prohibit' : 'allow'), `#${setting.category}`];
  }
};

const wordsOf = (command: Command, locale: Locale): string[] => {
  const head = say(COMMAND_WORDS[command.kind], locale);
  const period = (spec: { key: string } | undefined): string[] => optional(spec, (p) => p.key);
  switch (command.kind) {
    case 'log':
      return [
        ...renderStated(command),
        renderClientRef(command.client),
        `#${command.category}`,
        ...optional(command.date, (d) => renderDateSpec(d, locale)),
        ...renderFields(command.fields, locale),
        ...optional(command.description, quoteText),
        ...(command.override ? [say(OVERRIDE_WORDS, locale)] : []),
      ];
    case 'list': {
      const scope = command.scope;
      const scopeWord =
        scope === undefined
          ? []
          : [
              scope.kind === 'client'
                ? renderClientRef(scope.client)
                : sayValue(LIST_SCOPE_WORDS, scope.kind, locale),
            ];
      return [head, ...scopeWord, ...period(command.period)];
    }
    case 'show':
    case 'withdraw':
    case 'resubmit':
    case 'receipt':
      return [head, command.expenseId];
    case 'edit': {
      const { changes } = command;
      return [
        head,
        command.expenseId,
        ...renderStated(changes),
        ...optional(changes.client, renderClientRef),
        ...optional(changes.category, (c) => `#${c}`),
        ...optional(changes.date, (d) => renderDateSpec(d, locale)),
        ...renderFields(changes.fields, locale),
        ...optional(changes.description, quoteText),
        ...(command.override ? [say(OVERRIDE_WORDS, locale)] : []),
      ];
    }
    case 'approve':
      return [
        head,
        command.expenseId,
        ...(command.approvedAmount === undefined ? [] : renderStated(command.approvedAmount)),
        ...optional(command.comment, quoteText),
      ];
    case 'reject':
      return [head, command.expenseId, ...optional(command.reason, quoteText)];
    case 'return':
      return [head, command.expenseId, ...optional(command.whatIsNeeded, quoteText)];
    case 'void':
      return [head, command.expenseId, quoteText(command.reason)];
    case 'mark':
      return [head, command.expenseId, sayValue(MARK_WORDS, command.mark, locale)];
    case 'close':
      return [head, `@${command.client}`, command.period.key];
    case 'answer':
      return [head, command.disputeId, quoteText(command.text)];
    case 'adjust':
      return [
        head,
        renderClientRef(command.client),
        ...renderStated(command),
        `#${command.category}`,
        quoteText(command.reason),
      ];
    case 'link':
      return [head, ...optional(command.code, (c) => c)];
    case 'admin-channel':
    case 'cancel':
      return [head];
    case 'report':
    case 'risk':
      return [head, renderClientRef(command.client), ...period(command.period)];
    case 'budget':
      return [head, renderClientRef(command.client)];
    case 'budget-set':
      return [
        head,
        renderClientRef(command.client),
        ...renderStated(command),
        sayValue(BUDGET_PERIOD_WORDS, command.period, locale),
        ...optional(command.category, (c) => `#${c}`),
        ...optional(command.onExceed, (a) => sayValue(BUDGET_ACTION_WORDS, a, locale)),
        ...optional(command.reason, quoteText),
      ];
    case 'export':
      return [
        head,
        renderClientRef(command.client),
        ...period(command.period),
        sayValue(EXPORT_FORMAT_WORDS, command.format, locale),
      ];
    case 'client-add':
      return [
        head,
        command.code,
        quoteText(command.name),
        command.currency,
        command.timeZone,
        ...optional(command.locale, (l) => l),
      ];
    case 'project-add':
      return [
        head,
        `@${command.client}/${command.project}`,
        quoteText(command.name),
        ...optional(command.start, (d) => renderDateSpec(d, locale)),
        ...optional(command.end, (d) => renderDateSpec(d, locale)),
      ];
    case 'client-channel': {
      const schedule = command.schedule;
      return [
        head,
        `@${command.client}`,
        sayValue(AUDIENCE_WORDS, command.audience, locale),
        ...(schedule === undefined
          ? []
          : [
              schedule.kind === 'cron'
                ? quoteText(schedule.expression)
                : sayValue(SCHEDULE_WORDS, schedule.kind, locale),
            ]),
        ...(command.budgetWarnings ? [say(CHANNEL_BUDGET_WORDS, locale)] : []),
        ...optional(command.webhook, (url) => `${say(WEBHOOK_WORDS, locale)} ${url}`),
      ];
    }
    case 'approvers':
      return [head, `@${command.client}`, String(command.stage), ...command.members.map(renderMember)];
    case 'role':
      return [head, renderMember(command.member), sayValue(ROLE_WORDS, command.role, locale)];
    case 'delegate':
      return [
        head,
        renderMember(command.member),
        say(UNTIL_WORDS, locale),
        renderDateSpec(command.until, locale),
      ];
    case 'rate':
      return [
        head,
        command.from,
        command.to,
        command.rate,
        ...optional(command.date, (d) => renderDateSpec(d, locale)),
      ];
    case 'policy':
      return [
        head,
        ...optional(command.client, (c) => `@${c}`),
        ...optional(command.category, (c) => `#${c}`),
      ];
    case 'policy-set':
      return [head, ...optional(command.client, (c) => `@${c}`), ...renderSetting(command.setting, locale)];
    case 'policy-test':
      return [head, ...renderStated(command), renderClientRef(command.client), `#${command.category}`];
    case 'recurring':
      return [
        head,
        renderClientRef(command.client),
        `#${command.category}`,
        ...renderStated(command),
        sayValue(RECURRENCE_WORDS, command.recurrence, locale),
        quoteText(command.merchant),
      ];
    case 'dispute':
      return [head, command.expenseId, quoteText(command.comment)];
    case 'audit-verify':
      return [head, ...optional(command.anchor, (a) => `--anchor ${formatAnchor(a)}`)];
    case 'help':
      return command.topic === 'general' ? [head] : [head, sayValue(HELP_TOPIC_WORDS, command.topic, locale)];
  }
};

/**
 * The canonical text of a command, with the keywords of `locale`. A log is written without a keyword, starting
 * with its amount.
 */
export const renderCommand = (command: Command, locale: Locale = 'en'): string =>
  wordsOf(command, locale).join(' ');
