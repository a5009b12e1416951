import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type {
  ClientRef,
  Command,
  DateSpec,
  ExpenseFields,
  MemberRef,
  PeriodSpec,
  PolicySetting,
  StatedAmount,
} from '../../../../../src/bots/shared/grammar/index.js';
import { HELP_TOPICS, parseCommand, renderCommand } from '../../../../../src/bots/shared/grammar/index.js';
import type { Locale } from '../../../../../src/bots/shared/i18n/index.js';
import { parseExpenseId } from '../../../../../src/domain/expenses/expense-id.js';
import type { CurrencyCode, ParsedAmount } from '../../../../../src/domain/money/index.js';
import { CURRENCY_CODES, parseRate } from '../../../../../src/domain/money/index.js';
import { LINK_CODE_ALPHABET } from '../../../../../src/domain/people/link-code.js';

const SEED = 195612878;
const RUNS = 400;
const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** Properties that may be undefined become optional ones, which is how the parser writes them. */
type Compact<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Drops undefined properties, as the parser never writes them. */
const compact = <T extends object>(value: T): Compact<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Compact<T>;

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });

// Free text: anything, including every quote, full-width `＠＃：／`, ideographic spaces and newlines.
const TRICKY = [
  '"',
  '“',
  '”',
  '「',
  '」',
  '『',
  '』',
  '＂',
  '＠',
  '＃',
  '：',
  '／',
  '\u3000',
  '\n',
  '@',
  '#',
  ':',
  ' ',
];
const freeText = fc
  .oneof(
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    fc.string({
      unit: fc.constantFrom(...TRICKY, 'a', '7/11', 'today', 'USD', '差旅'),
      minLength: 1,
      maxLength: 8,
    }),
  )
  .filter((text) => text.trim() !== '');

const code = fc.stringMatching(/^[a-z0-9-]{2,32}$/);
const clientRef: fc.Arbitrary<ClientRef> = fc
  .record({ client: code, project: optional(code) })
  .map((ref) => compact(ref));
const category = fc.oneof(
  fc.constantFrom('travel', 'meals', '差旅', '餐饮', 'office-supplies'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
);

const SYMBOL_CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'TWD', 'AUD', 'KRW', 'SGD', 'INR'];
const currency = fc.constantFrom(...CURRENCY_CODES);
const parsedAmount: fc.Arbitrary<ParsedAmount> = fc
  .record({
    sign: fc.constantFrom<1 | -1>(1, -1),
    integerDigits: fc.stringMatching(/^(0|[1-9][0-9]{0,12})$/),
    fractionDigits: fc.stringMatching(/^[0-9]{0,4}$/),
    hint: fc.oneof(
      fc.constant(undefined),
      fc.record({ currency: fc.constantFrom(...SYMBOL_CURRENCIES), source: fc.constant<'symbol'>('symbol') }),
      fc.record({ currency, source: fc.constant<'code'>('code') }),
    ),
  })
  .map(({ hint, ...amount }) =>
    hint === undefined
      ? amount
      : { ...amount, currencyHint: hint.currency as CurrencyCode, hintSource: hint.source },
  );

// An ISO code written on its own must agree with a code attached to the amount.
const stated: fc.Arbitrary<StatedAmount> = fc
  .record({ amount: parsedAmount, currency: optional(currency) })
  .map((s) => compact(s))
  .filter(
    (s) => s.currency === undefined || s.amount.hintSource !== 'code' || s.amount.currencyHint === s.currency,
  );

const dateSpec: fc.Arbitrary<DateSpec> = fc.oneof(
  fc.integer({ min: 0, max: 80_000 }).map((days) => ({
    kind: 'absolute' as const,
    date: Temporal.PlainDate.from('1900-01-01').add({ days }).toString(),
  })),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .filter(([month, day]) => day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!)
    .map(([month, day]) => ({ kind: 'month-day' as const, month, day })),
  fc.constantFrom<0 | 1 | 2>(0, 1, 2).map((daysAgo) => ({ kind: 'relative' as const, daysAgo })),
  fc
    .constantFrom<1 | 2 | 3 | 4 | 5 | 6 | 7>(1, 2, 3, 4, 5, 6, 7)
    .map((weekday) => ({ kind: 'weekday' as const, weekday })),
);

const year = fc.integer({ min: 1970, max: 2100 });
const periodSpec: fc.Arbitrary<PeriodSpec> = fc
  .oneof(
    fc.constantFrom(
      'this-week',
      'last-week',
      'this-month',
      'last-month',
      'this-quarter',
      'last-quarter',
      'this-year',
      'last-year',
      '本周',
      '上周',
      '本月',
      '上月',
      '本季度',
      '今年',
    ),
    fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
    fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    year.map(String),
    fc.tuple(year, fc.integer({ min: 1, max: 52 })).map(([y, w]) => `${y}-W${String(w).padStart(2, '0')}`),
  )
  .map((key) => ({ key }));

const expenseId = fc
  .tuple(code, fc.stringMatching(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4,12}$/))
  .map(([client, random]) => `${client.toUpperCase()}-${random}`);
const disputeId = fc
  .oneof(expenseId, fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,20}$/))
  .map((id) => parseExpenseId(id)?.id ?? id);
const member: fc.Arbitrary<MemberRef> = fc
  .stringMatching(/^[A-Za-z0-9._:@-]{1,20}$/)
  .map((platformUserId) => ({ kind: 'mention' as const, platformUserId }));

const fields: fc.Arbitrary<ExpenseFields> = fc
  .record({
    merchant: optional(freeText),
    pay: optional(
      fc.constantFrom('card', 'personal', 'cash', 'transfer') as fc.Arbitrary<ExpenseFields['pay'] & string>,
    ),
    invoice: optional(freeText),
    billable: optional(fc.boolean()),
    noReceipt: optional(freeText),
  })
  .map((f) => compact(f));

const policySetting: fc.Arbitrary<PolicySetting> = fc.oneof(
  fc
    .array(parsedAmount, { minLength: 1, maxLength: 2 })
    .map((limits) => ({ kind: 'tiers' as const, limits })),
  fc
    .record({ category, amount: fc.option(parsedAmount, { nil: null }) })
    .map((s) => ({ kind: 'category-limit' as const, ...s })),
  fc
    .record({ category: optional(category), amount: parsedAmount })
    .map((s) => compact({ kind: 'receipt-threshold' as const, ...s })),
  category.map((c) => ({ kind: 'receipt-threshold' as const, category: c, amount: null })),
  fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.stringMatching(/^(?:[0-9][1-9]|[1-9])?$/))
    .map(([whole, fraction]) => (whole === 100 || fraction === '' ? String(whole) : `${whole}.${fraction}`))
    .map((percent) => ({ kind: 'audit-sample' as const, percent })),
  fc.option(parsedAmount, { nil: null }).map((amount) => ({ kind: 'auto-approve' as const, amount })),
  fc.integer({ min: 1, max: 999_999 }).map((hours) => ({ kind: 'reminder-hours' as const, hours })),
  fc.integer({ min: 1, max: 999_999 }).map((hours) => ({ kind: 'escalation-hours' as const, hours })),
  fc.integer({ min: 1, max: 999_999 }).map((days) => ({ kind: 'max-age' as const, days })),
  fc.record({ category, prohibited: fc.boolean() }).map((s) => ({ kind: 'prohibited' as const, ...s })),
);

const rate = fc
  .tuple(fc.stringMatching(/^[0-9]{1,6}$/), fc.stringMatching(/^[0-9]{0,10}$/))
  .map(([whole, fraction]) => parseRate(fraction === '' ? whole : `${whole}.${fraction}`))
  .filter((r) => r.ok)
  .map((r) => (r.ok ? r.value.text : '1'));

const cronField = fc.stringMatching(/^[0-9*/,-]{1,5}$/);

const commands: fc.Arbitrary<Command> = fc.oneof(
  fc
    .record({
      stated,
      client: clientRef,
      category,
      date: optional(dateSpec),
      description: optional(freeText),
      fields,
      override: fc.boolean(),
    })
    .map(({ stated: s, ...rest }) => compact({ kind: 'log' as const, ...s, ...rest })),
  fc
    .record({
      scope: optional(
        fc.oneof(
          fc.constant({ kind: 'mine' as const }),
          fc.constant({ kind: 'pending' as const }),
          clientRef.map((client) => ({ kind: 'client' as const, client })),
        ),
      ),
      period: optional(periodSpec),
    })
    .map((c) => compact({ kind: 'list' as const, ...c })),
  fc
    .tuple(fc.constantFrom('show', 'withdraw', 'resubmit', 'receipt') as fc.Arbitrary<'show'>, expenseId)
    .map(([kind, id]) => ({ kind, expenseId: id })),
  fc
    .record({
      expenseId,
      amount: optional(parsedAmount),
      currency: optional(currency),
      client: optional(clientRef),
      category: optional(category),
      date: optional(dateSpec),
      description: optional(freeText),
      fields,
      override: fc.boolean(),
    })
    .filter(
      (c) =>
        c.currency === undefined || c.amount?.hintSource !== 'code' || c.amount.currencyHint === c.currency,
    )
    .map(({ expenseId: id, override, ...changes }) => ({
      kind: 'edit' as const,
      expenseId: id,
      changes: compact(changes),
      override,
    }))
    .filter((c) => Object.keys(c.changes).length > 1 || Object.keys(c.changes.fields).length > 0),
  fc
    .record({ expenseId, approvedAmount: optional(stated), comment: optional(freeText) })
    .map((c) => compact({ kind: 'approve' as const, ...c })),
  fc.record({ expenseId, reason: optional(freeText) }).map((c) => compact({ kind: 'reject' as const, ...c })),
  fc
    .record({ expenseId, whatIsNeeded: optional(freeText) })
    .map((c) => compact({ kind: 'return' as const, ...c })),
  fc.record({ expenseId, reason: freeText }).map((c) => ({ kind: 'void' as const, ...c })),
  fc
    .record({ expenseId, mark: fc.constantFrom('billed', 'reimbursed') as fc.Arbitrary<'billed'> })
    .map((c) => ({ kind: 'mark' as const, ...c })),
  fc.record({ client: code, period: periodSpec }).map((c) => ({ kind: 'close' as const, ...c })),
  fc.record({ disputeId, text: freeText }).map((c) => ({ kind: 'answer' as const, ...c })),
  fc
    .record({ stated, client: clientRef, category, reason: freeText })
    .map(({ stated: s, ...rest }) => compact({ kind: 'adjust' as const, ...s, ...rest })),
  optional(fc.stringMatching(new RegExp(`^[${LINK_CODE_ALPHABET}]{6}$`))).map((c) =>
    compact({ kind: 'link' as const, code: c }),
  ),
  fc.constantFrom({ kind: 'admin-channel' as const }, { kind: 'cancel' as const }),
  fc
    .record({
      kind: fc.constantFrom('report', 'risk') as fc.Arbitrary<'report'>,
      client: clientRef,
      period: optional(periodSpec),
    })
    .map((c) => compact(c)),
  clientRef.map((client) => ({ kind: 'budget' as const, client })),
  fc
    .record({
      client: clientRef,
      period: optional(periodSpec),
      format: fc.constantFrom('csv', 'xlsx', 'zip') as fc.Arbitrary<'csv'>,
    })
    .map((c) => compact({ kind: 'export' as const, ...c })),
  fc
    .record({
      stated,
      client: clientRef,
      period: fc.constantFrom('monthly', 'quarterly', 'yearly', 'total') as fc.Arbitrary<'monthly'>,
      category: optional(category),
      onExceed: optional(fc.constantFrom('warn', 'escalate', 'block') as fc.Arbitrary<'warn'>),
      reason: optional(freeText),
    })
    .map(({ stated: s, ...rest }) => compact({ kind: 'budget-set' as const, ...s, ...rest })),
  fc
    .record({
      code,
      name: freeText,
      currency,
      timeZone: fc.constantFrom('Asia/Shanghai', 'Europe/London', 'America/New_York', 'UTC', 'Asia/Tokyo'),
      locale: optional(fc.constantFrom<Locale>('en', 'zh-CN')),
    })
    .map((c) => compact({ kind: 'client-add' as const, ...c })),
  fc
    .record({
      client: code,
      project: code,
      name: freeText,
      start: optional(dateSpec),
      end: optional(dateSpec),
    })
    .filter((c) => c.start !== undefined || c.end === undefined)
    .map((c) => compact({ kind: 'project-add' as const, ...c })),
  fc
    .record({
      client: code,
      audience: fc.constantFrom('internal', 'client') as fc.Arbitrary<'internal'>,
      schedule: optional(
        fc.oneof(
          fc.constant({ kind: 'weekly' as const }),
          fc.constant({ kind: 'monthly' as const }),
          fc
            .array(cronField, { minLength: 5, maxLength: 5 })
            .map((parts) => ({ kind: 'cron' as const, expression: parts.join(' ') })),
        ),
      ),
      budgetWarnings: fc.boolean(),
      webhook: optional(
        fc
          .stringMatching(/^[a-z0-9]{1,12}$/)
          .map((key) => `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`),
      ),
    })
    .map((c) => compact({ kind: 'client-channel' as const, ...c })),
  fc
    .record({
      client: code,
      stage: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
      members: fc.array(member, { minLength: 1, maxLength: 4 }),
    })
    .map((c) => ({ kind: 'approvers' as const, ...c })),
  fc
    .record({ member, role: fc.constantFrom('admin', 'finance', 'member') as fc.Arbitrary<'admin'> })
    .map((c) => ({ kind: 'role' as const, ...c })),
  fc.record({ member, until: dateSpec }).map((c) => ({ kind: 'delegate' as const, ...c })),
  fc
    .record({ from: currency, to: currency, rate, date: optional(dateSpec) })
    .map((c) => compact({ kind: 'rate' as const, ...c })),
  fc
    .record({ client: optional(code), category: optional(category) })
    .map((c) => compact({ kind: 'policy' as const, ...c })),
  fc
    .record({ client: optional(code), setting: policySetting })
    .map((c) => compact({ kind: 'policy-set' as const, ...c })),
  fc
    .record({ stated, client: clientRef, category })
    .map(({ stated: s, ...rest }) => compact({ kind: 'policy-test' as const, ...s, ...rest })),
  fc
    .record({
      stated,
      client: clientRef,
      category,
      recurrence: fc.constantFrom('monthly', 'quarterly') as fc.Arbitrary<'monthly'>,
      merchant: freeText,
    })
    .map(({ stated: s, ...rest }) => compact({ kind: 'recurring' as const, ...s, ...rest })),
  fc.record({ expenseId, comment: freeText }).map((c) => ({ kind: 'dispute' as const, ...c })),
  optional(
    fc.record({
      position: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      hash: fc.stringMatching(/^[0-9a-f]{64}$/),
    }),
  ).map((anchor) => compact({ kind: 'audit-verify' as const, anchor })),
  fc.constantFrom(...HELP_TOPICS).map((topic) => ({ kind: 'help' as const, topic })),
);

// Text that looks like commands: keywords, amounts, codes, dates, fields and quotes in any order.
const WORDS = [
  'log',
  '记',
  '报销',
  'list',
  'show',
  'edit',
  'approve',
  '批准',
  'reject',
  'return',
  'void',
  'mark',
  'close',
  'answer',
  'adjust',
  'receipt',
  'link',
  'admin',
  'channel',
  'report',
  'budget',
  'set',
  '设置',
  'export',
  'risk',
  'client',
  'add',
  'project',
  'approvers',
  'role',
  'delegate',
  'until',
  'rate',
  'policy',
  'test',
  'recurring',
  'dispute',
  'audit',
  'verify',
  '--anchor',
  'help',
  'cancel',
  '45.80',
  '12,50',
  '12,5O',
  '-120',
  '¥',
  '45元',
  '1.2万',
  'USD',
  'all',
  'JPY',
  '@acme',
  '@acme/web',
  '@Bad_Code',
  '#meals',
  '#差旅',
  '#4',
  'ACME-7K3Q',
  'acme-7k3o',
  '<@U1>',
  '3/2',
  '2/30',
  '2026-03-02',
  'today',
  '昨天',
  'mon',
  '周一',
  'last-month',
  '上月',
  '2026-Q1',
  'last',
  'month',
  'merchant:"Blue Bottle"',
  'pay:card',
  '支付：个人',
  'invoice:123',
  'billable',
  'nonbillable',
  'no-receipt:"lost"',
  'override',
  'mine',
  'pending',
  'billed',
  '已开票',
  'csv',
  'monthly',
  'weekly',
  'internal',
  'finance',
  'block',
  'tiers',
  'limit',
  'off',
  'CNY',
  'Asia/Shanghai',
  'zh-CN',
  '"quoted text"',
  '「引号」',
  '"',
  '“',
  '＠acme',
  '＃meals',
  'webhook',
  'https://example.com/h',
  '7.1234',
  '1',
  '3',
  '24',
  'K7M2QX',
];
const soup = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 9 })
  .map((words) => words.join(' '));

// A valid command's text with words added or dropped somewhere: close to the grammar, often still accepted.
const mutated = fc
  .record({
    command: fc.constant(null).chain(() => commands),
    locale: fc.constantFrom(...LOCALES),
    insert: fc.array(fc.constantFrom(...WORDS), { maxLength: 2 }),
    at: fc.nat(),
    drop: fc.boolean(),
  })
  .map(({ command, locale, insert, at, drop }) => {
    const words = renderCommand(command, locale).split(' ');
    const position = at % (words.length + 1);
    if (drop && words.length > 1) words.splice(position % words.length, 1);
    words.splice(position, 0, ...insert);
    return words.join(' ');
  });

const commandLike = fc.oneof(soup, mutated);

// fast-check builds records without a prototype; the parser builds plain objects.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('parseCommand never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const result = parseCommand(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('on text made of command words', () => {
    fc.assert(
      fc.property(commandLike, (text) => {
        const result = parseCommand(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('renderCommand and parseCommand agree', () => {
  it.each(LOCALES)('every generated command reads back equal from its %s rendering', (locale) => {
    fc.assert(
      fc.property(commands, (command) => {
        expect(parseCommand(renderCommand(command, locale))).toStrictEqual({
          ok: true,
          value: plain(command),
        });
      }),
      { seed: SEED, numRuns: RUNS * 5 },
    );
  });

  it('every accepted parse, rendered in either language and read again, is the same command', () => {
    let accepted = 0;
    fc.assert(
      fc.property(commandLike, (text) => {
        const first = parseCommand(text);
        if (!first.ok) return;
        accepted++;
        for (const locale of LOCALES) {
          expect(parseCommand(renderCommand(first.value, locale))).toStrictEqual(first);
        }
      }),
      { seed: SEED, numRuns: 5000 },
    );
    // The property means little if hardly anything parses.
    expect(accepted).toBeGreaterThan(500);
  });
});
