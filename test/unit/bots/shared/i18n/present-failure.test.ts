import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GrammarCode } from '../../../../../src/bots/shared/grammar/index.js';
import type { Locale } from '../../../../../src/bots/shared/i18n/index.js';
import {
  PRESENTED_FAILURE_CODES,
  presentFailure,
  presentFeatureNotAvailable,
} from '../../../../../src/bots/shared/i18n/index.js';
import { alreadyDecidedFailure } from '../../../../../src/domain/approvals/approval-step.js';
import { checkPeriodOpen } from '../../../../../src/domain/expenses/closed-period.js';
import { parseMoney } from '../../../../../src/domain/money/index.js';
import { memberActor } from '../../../../../src/domain/people/actor.js';
import { authorise } from '../../../../../src/domain/people/permissions.js';
import { checkReceiptBytes } from '../../../../../src/domain/receipts/detect-receipt-type.js';
import type { Failure, Result } from '../../../../../src/domain/shared/result.js';

const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
const NAMES: Readonly<Record<string, string>> = { m1: 'Ann', m2: 'Alice', m3: 'Carl', m4: 'Bob' };
const context = { nameOf: (id: string) => NAMES[id], timeZone: 'Asia/Shanghai' };

const failureOf = (result: Result<unknown, Failure>): Failure => {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
};

const both = (failure: Failure): readonly [string, string] => [
  presentFailure(failure, 'en', context),
  presentFailure(failure, 'zh-CN', context),
];

// A record, so the compiler names any grammar code this list forgets.
const GRAMMAR_CODES: Readonly<Record<GrammarCode, true>> = {
  EMPTY: true,
  QUOTE_UNCLOSED: true,
  UNKNOWN_COMMAND: true,
  SUBCOMMAND_INVALID: true,
  AMOUNT_MISSING: true,
  AMOUNT_INVALID: true,
  AMOUNT_DECIMAL_COMMA: true,
  CLIENT_MISSING: true,
  CLIENT_CODE_INVALID: true,
  PROJECT_CODE_INVALID: true,
  PROJECT_MISSING: true,
  PROJECT_NOT_ALLOWED: true,
  CATEGORY_MISSING: true,
  TWO_CLIENTS: true,
  TWO_CATEGORIES: true,
  TWO_CURRENCIES: true,
  TWO_DATES: true,
  DATE_INVALID: true,
  DATE_MISSING: true,
  PERIOD_INVALID: true,
  PERIOD_MISSING: true,
  EXPENSE_ID_MISSING: true,
  EXPENSE_ID_INVALID: true,
  DISPUTE_ID_MISSING: true,
  DISPUTE_ID_INVALID: true,
  REASON_MISSING: true,
  FIELD_UNKNOWN: true,
  FIELD_VALUE_MISSING: true,
  FIELD_REPEATED: true,
  PAY_METHOD_INVALID: true,
  BILLABLE_CONFLICT: true,
  EDIT_NOTHING: true,
  MEMBER_MISSING: true,
  MEMBER_INVALID: true,
  STAGE_INVALID: true,
  ROLE_INVALID: true,
  MARK_INVALID: true,
  EXPORT_FORMAT_INVALID: true,
  AUDIENCE_INVALID: true,
  BUDGET_PERIOD_INVALID: true,
  RECURRENCE_INVALID: true,
  RATE_INVALID: true,
  RATE_NOT_POSITIVE: true,
  RATE_TOO_PRECISE: true,
  CURRENCY_INVALID: true,
  TIMEZONE_INVALID: true,
  LOCALE_INVALID: true,
  URL_INVALID: true,
  CRON_INVALID: true,
  NAME_MISSING: true,
  MERCHANT_MISSING: true,
  POLICY_SETTING_INVALID: true,
  NUMBER_INVALID: true,
  POLICY_PERCENT_INVALID: true,
  AUDIT_ANCHOR_INVALID: true,
  LINK_CODE_INVALID: true,
  HELP_TOPIC_UNKNOWN: true,
  UNEXPECTED_WORDS: true,
};

/** Every failure code the domain returns, read from its source: `fail('CODE'` and `err({ code: 'CODE'`. */
const domainFailureCodes = (): Set<string> => {
  const codes = new Set<string>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const match of source.matchAll(/\bfail\(\s*'([A-Z_]+)'/g)) codes.add(match[1] ?? '');
        for (const match of source.matchAll(/\berr\(\s*\{\s*code:\s*'([A-Z_]+)'/g)) codes.add(match[1] ?? '');
      }
    }
  };
  visit(join(import.meta.dirname, '../../../../../src/domain'));
  return codes;
};

// Details shaped as each producer sends them, so every sentence is checked with real content.
const SAMPLE_DETAILS: Readonly<Record<string, Failure['details']>> = {
  ALREADY_DECIDED: {
    winnerId: 'm2',
    decision: 'approved',
    at: '2026-03-02T06:02:00Z',
    onBehalfOf: null,
    stage: 1,
  },
  ALREADY_MARKED: { mark: 'billed', at: '2026-03-02T06:02:00Z' },
  BUDGET_WOULD_BE_EXCEEDED: {
    periodKey: '2026-03',
    budgetMinor: 5_000_000,
    currency: 'CNY',
    actualMinor: 4_200_000,
    committedMinor: 600_000,
    exceedByMinor: 120_000,
    canRaise: 'finance,admin',
  },
  FORBIDDEN: { action: 'void', allowedRoles: 'finance, admin', rule: 'role' },
  NO_ELIGIBLE_APPROVER: { stage: 2, stageKind: 'approvers', askAdmins: 'm1, m3' },
  RATE_MISSING: { from: 'USD', to: 'CNY', date: '2026-03-02', canAdd: 'finance,admin' },
  WRONG_STATUS: { action: 'edit', status: 'approved', allowedStatuses: 'pending, returned' },
  PERIOD_CLOSED: { date: '2026-02-10', closedThrough: '2026-02-28' },
  DATE_IN_FUTURE: { date: '2026-03-09', today: '2026-03-02' },
  RECEIPT_TOO_LARGE: { sizeBytes: 11 * 1024 * 1024, maxBytes: 10 * 1024 * 1024 },
  AUDIT_CHAIN_BROKEN: { position: 7, seq: 9, reason: 'previous-hash' },
};

describe('presentFailure covers every code', () => {
  const presented = new Set(PRESENTED_FAILURE_CODES);

  it('explains every grammar code', () => {
    const missing = Object.keys(GRAMMAR_CODES).filter((code) => !presented.has(code));
    expect(missing).toStrictEqual([]);
  });

  it('explains every failure code the domain returns', () => {
    const codes = domainFailureCodes();
    // The scan itself must find what it is meant to.
    for (const known of [
      'NOT_AN_APPROVER',
      'OWN_EXPENSE',
      'FORBIDDEN',
      'RATE_MISSING',
      'RECEIPT_TOO_LARGE',
    ]) {
      expect(codes.has(known), known).toBe(true);
    }
    const missing = [...codes].filter((code) => !presented.has(code)).sort();
    // A new domain code needs a sentence in src/bots/shared/i18n (both catalogues and present-failure.ts).
    expect(missing).toStrictEqual([]);
  });

  it.each(PRESENTED_FAILURE_CODES.map((code) => [code] as const))(
    '%s reads differently, and not generically, in English and Chinese',
    (code) => {
      const failure: Failure = {
        code,
        details: SAMPLE_DETAILS[code] ?? { command: 'log', text: 'x', input: 'x' },
      };
      const [english, chinese] = both(failure);
      expect(english.trim()).not.toBe('');
      expect(chinese.trim()).not.toBe('');
      expect(chinese).not.toBe(english);
      expect(english).not.toContain('did not work');
      expect(english).not.toContain('undefined');
      expect(chinese).not.toContain('undefined');
    },
  );

  it.each(PRESENTED_FAILURE_CODES.map((code) => [code] as const))('%s survives missing details', (code) => {
    for (const locale of LOCALES) {
      expect(presentFailure({ code }, locale).trim()).not.toBe('');
    }
  });

  it('never throws, whatever a failure carries', () => {
    const detailValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...PRESENTED_FAILURE_CODES), fc.string()),
        fc.dictionary(fc.string({ maxLength: 12 }), detailValue),
        fc.constantFrom(...LOCALES),
        (code, details, locale) => {
          expect(presentFailure({ code, details }, locale, context).trim()).not.toBe('');
        },
      ),
      { seed: 20_260_303, numRuns: 1000 },
    );
  });

  it('answers an unknown code with a sentence naming it', () => {
    expect(both({ code: 'SOMETHING_NEW' })).toStrictEqual([
      'That did not work (SOMETHING_NEW) — nothing was changed. Please try again, or tell an admin if it keeps happening.',
      '操作未成功（SOMETHING_NEW）——未做任何更改。请重试，如仍失败请联系管理员。',
    ]);
  });
});

describe('domain failures, as the domain produces them', () => {
  it('FORBIDDEN says who can', () => {
    expect(both(failureOf(authorise(memberActor('m1'), 'void')))).toStrictEqual([
      'Only finance or admins can void expenses.',
      '只有财务或管理员可以作废费用。',
    ]);
    expect(both(failureOf(authorise(memberActor('m1'), 'manage-clients')))).toStrictEqual([
      'Only admins can manage clients.',
      '只有管理员可以管理客户。',
    ]);
  });

  it('ALREADY_DECIDED names who decided, when, and for whom', () => {
    const failure = failureOf(
      alreadyDecidedFailure({ memberId: 'm2', decision: 'approved', at: '2026-03-02T06:02:00Z', stage: 1 }),
    );
    expect(both(failure)).toStrictEqual([
      'Already approved by Alice · stage 1 · 2 Mar 2026 14:02 — nothing changed.',
      '已由 Alice 批准 · 第 1 级 · 2026年3月2日 14:02——未做任何更改。',
    ]);
    const delegated = failureOf(
      alreadyDecidedFailure({
        memberId: 'm4',
        onBehalfOf: 'm2',
        decision: 'rejected',
        at: '2026-03-02T06:02:00Z',
      }),
    );
    expect(both(delegated)).toStrictEqual([
      'Already rejected by Bob on behalf of Alice · 2 Mar 2026 14:02 — nothing changed.',
      '已由 Bob（代 Alice） 驳回 · 2026年3月2日 14:02——未做任何更改。',
    ]);
  });

  it('RECEIPT_TOO_LARGE gives both sizes', () => {
    const failure = failureOf(checkReceiptBytes({ bytes: new Uint8Array(11 * 1024 * 1024) }));
    expect(both(failure)).toStrictEqual([
      'That file is 11.0 MB; a receipt can be at most 10.0 MB — send a smaller photo or PDF.',
      '文件大小为 11.0 MB，票据最大 10.0 MB——请发送更小的照片或 PDF。',
    ]);
  });

  it('PERIOD_CLOSED dates the closing and shows the adjustment to use', () => {
    expect(both(failureOf(checkPeriodOpen('2026-02-10', '2026-02-28')))).toStrictEqual([
      '10 Feb 2026 is in a closed period (closed through 28 Feb 2026) — finance can post an adjustment in an open period, e.g. adjust @acme -120 #lodging hotel refund.',
      '2026年2月10日 所在期间已结账（结账至 2026年2月28日）——财务可在未结账期间录入调整，例如 调整 @acme -120 #住宿 酒店退款。',
    ]);
  });

  it("money parsing failures read the same as the grammar's", () => {
    expect(both(failureOf(parseMoney('12,50', undefined)))).toStrictEqual([
      '"12,50" uses a comma as the decimal point — try 12.50',
      '“12,50”把逗号当作小数点——试试 12.50',
    ]);
  });

  it.each([
    [
      'RATE_MISSING',
      'There is no USD→CNY rate on or before 2 Mar 2026 — finance or admins can add one: rate USD CNY <rate> 2026-03-02.',
      '没有 2026年3月2日 或之前的 USD→CNY 汇率——财务或管理员可以添加：汇率 USD CNY <汇率> 2026-03-02。',
    ],
    [
      'NO_ELIGIBLE_APPROVER',
      'Nobody is left who may approve stage 2 — ask Ann or Carl to name an approver: approvers @client 2 <@person>.',
      '第 2 级已没有可审批的人——请联系 Ann或Carl 添加审批人：审批人 @客户 2 <@成员>。',
    ],
    [
      'BUDGET_WOULD_BE_EXCEEDED',
      'This would take the 2026-03 budget of CN¥50,000.00 over by CN¥1,200.00 (approved CN¥42,000.00, pending CN¥6,000.00) — finance or admins can raise the budget or log it with override.',
      '这将使 2026-03 预算 ¥50,000.00 超出 ¥1,200.00（已批准 ¥42,000.00，待审批 ¥6,000.00）——财务或管理员可以提高预算，或加上 强制 记账。',
    ],
    [
      'WRONG_STATUS',
      'Cannot edit an expense that is approved — only one that is pending or returned for details.',
      '费用已批准时不能修改——只有待审批或已退回待补充时可以。',
    ],
    [
      'AUDIT_CHAIN_BROKEN',
      'The audit chain is broken at position 7: a link does not follow the one before it.',
      '审计链在位置 7 断开：链节与前一个不衔接。',
    ],
  ])('%s', (code, english, chinese) => {
    expect(both({ code, details: SAMPLE_DETAILS[code] ?? {} })).toStrictEqual([english, chinese]);
  });

  it('REASON_REQUIRED shows the command that was missing its reason', () => {
    expect(both({ code: 'REASON_REQUIRED', details: { decision: 'return' } })).toStrictEqual([
      'Please say why — e.g. return ACME-7K3Q please attach the receipt.',
      '请说明原因——例如 退回 ACME-7K3Q 请补充票据。',
    ]);
  });
});

describe('features not built yet', () => {
  it("names the command in the reader's language", () => {
    expect(presentFeatureNotAvailable('budget-set', 'en')).toBe(
      'budget set is not available yet — type help to see what works today.',
    );
    expect(presentFeatureNotAvailable('budget-set', 'zh-CN')).toBe(
      '“预算 设置”功能暂未开放——输入 帮助 查看当前可用的命令。',
    );
    expect(presentFailure({ code: 'FEATURE_NOT_AVAILABLE', details: { command: 'export' } }, 'en')).toBe(
      'export is not available yet — type help to see what works today.',
    );
  });
});
