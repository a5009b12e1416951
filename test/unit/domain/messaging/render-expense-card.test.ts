import { describe, expect, it } from 'vitest';
import type { ApprovedExpense, Expense } from '../../../../src/domain/expenses/expense.js';
import { baseOf } from '../../../../src/domain/expenses/expense.js';
import type { Card } from '../../../../src/domain/messaging/card.js';
import {
  type ApprovalStepView,
  type ExpenseCardInput,
  renderExpenseCard,
} from '../../../../src/domain/messaging/render-expense-card.js';
import { cny, pendingLunch, SHANGHAI, splitFinding } from './messaging-fixtures.js';

const base = baseOf(pendingLunch());

const approved = (overrides: Partial<ApprovedExpense> = {}): ApprovedExpense => ({
  ...base,
  status: 'approved',
  approvedAmountMinor: 48_000,
  ...overrides,
});

const stepOne: ApprovalStepView = {
  kind: 'approved',
  deciderName: 'Alice',
  stage: 1,
  stageCount: 2,
  at: '2026-03-03T01:15:00Z',
};
const stepTwo: ApprovalStepView = {
  kind: 'partially-approved',
  approvedAmount: cny(30_000),
  reason: 'Two people, not three',
  deciderName: 'Carol',
  onBehalfOfName: 'Dan',
  stage: 2,
  stageCount: 2,
  at: '2026-03-04T09:40:00Z',
};

const input = (expense: Expense, overrides: Partial<ExpenseCardInput> = {}): ExpenseCardInput => ({
  expense,
  submitterName: 'Wei Zhang',
  client: { name: 'Acme', code: 'acme' },
  categoryName: 'Meals',
  findings: [splitFinding],
  steps: [],
  receiptCount: 2,
  locale: 'en',
  timeZone: SHANGHAI,
  ...overrides,
});

const sectionText = (card: Card, heading: string): string | undefined =>
  card.sections.find((section) => section.heading === heading)?.text;

describe('renderExpenseCard', () => {
  it('given a pending expense, when shown, then the status names the stage and the findings are listed', () => {
    const card = renderExpenseCard(input(pendingLunch()));
    expect(card.title).toBe('ACME-7K3Q · CN¥480.00');
    expect(card.subtitle).toBe('Pending · Initial review · stage 1 of 2');
    expect(card.accent).toBe('info');
    expect(card.fields.map((field) => field.label)).toEqual([
      'Submitter',
      'Client',
      'Amount',
      'Converted',
      'Date',
      'Category',
      'Paid with',
      'Billable',
      'Receipts',
      'Description',
    ]);
    expect(card.fields.find((field) => field.label === 'Receipts')?.value).toBe('2 attached');
    expect(sectionText(card, 'Risk')).toBe(
      '• Possible split: 3 items of CN¥480.00 on 2 Mar, tier limit CN¥500.00, total CN¥1,440.00',
    );
    expect(card.actions).toEqual([]);
  });

  it('given a partially approved, billed expense with its history, when shown, then status and steps say so', () => {
    const card = renderExpenseCard(
      input(approved({ approvedAmountMinor: 30_000, billedAt: '2026-03-31T02:00:00Z' }), {
        steps: [stepOne, stepTwo],
      }),
    );
    expect(card.subtitle).toBe('Approved CN¥300.00 of CN¥480.00 · billed');
    expect(card.accent).toBe('success');
    expect(sectionText(card, 'Approvals')).toBe(
      '• Approved by Alice · stage 1 of 2 · 3 Mar 09:15\n' +
        '• Partially approved (CN¥300.00) by Carol on behalf of Dan · stage 2 of 2 · 4 Mar 17:40: Two people, not three',
    );
  });

  it('given the same in Chinese, when shown, then status and history are Chinese', () => {
    const card = renderExpenseCard(
      input(approved({ approvedAmountMinor: 30_000, reimbursedAt: '2026-03-31T02:00:00Z' }), {
        steps: [stepOne, stepTwo],
        locale: 'zh-CN',
        categoryName: '餐饮',
      }),
    );
    expect(card.subtitle).toBe('已批准 ¥300.00（申请 ¥480.00） · 已报销');
    expect(sectionText(card, '审批记录')).toBe(
      '• Alice 已批准 · 第 1/2 级 · 3月3日 09:15\n' +
        '• Carol 代 Dan 部分批准 ¥300.00 · 第 2/2 级 · 3月4日 17:40：Two people, not three',
    );
    expect(sectionText(card, '风险提示')).toBe(
      '• 疑似拆单：3月2日 共 3 笔 ¥480.00，审批档位上限 ¥500.00，合计 ¥1,440.00',
    );
    expect(card.fields.find((field) => field.label === '票据')?.value).toBe('已附 2 张');
  });

  it.each([
    [
      { ...base, status: 'rejected', reason: 'Not billable' } as Expense,
      'Rejected',
      'danger',
      'Reason',
      'Not billable',
    ],
    [
      { ...base, status: 'returned', whatIsNeeded: 'The receipt' } as Expense,
      'Needs details',
      'warning',
      'What is needed',
      'The receipt',
    ],
    [
      { ...base, status: 'voided', reason: 'Refunded', approvedAmountMinor: 48_000 } as Expense,
      'Voided',
      undefined,
      'Reason',
      'Refunded',
    ],
  ])(
    'given a %j expense, when shown, then its status and reason are shown',
    (expense, status, accent, heading, text) => {
      const card = renderExpenseCard(input(expense, { findings: [] }));
      expect(card.subtitle).toBe(status);
      expect(card.accent).toBe(accent);
      expect(card.sections[0]).toMatchObject({ heading, text });
    },
  );

  it('given a withdrawn expense in Chinese, when shown, then it says so', () => {
    const card = renderExpenseCard(
      input({ ...base, status: 'withdrawn' }, { locale: 'zh-CN', findings: [] }),
    );
    expect(card.subtitle).toBe('已撤回');
    expect(card.accent).toBeUndefined();
    expect(card.sections).toEqual([]);
  });

  it('given the client audience, when shown, then nothing internal is on the card', () => {
    const card = renderExpenseCard(
      input(approved({ approvedAmountMinor: 30_000, missingReceiptReason: 'lost it' }), {
        audience: 'client',
        steps: [stepOne, stepTwo],
        project: { name: 'Website', code: 'website' },
      }),
    );
    expect(card).toEqual({
      title: 'ACME-7K3Q · CN¥300.00',
      fields: [
        { label: 'Date', value: 'Mon 2 Mar 2026', short: true },
        { label: 'Category', value: 'Meals', short: true },
        { label: 'Project', value: 'Website (@acme/website)', short: true },
        { label: 'Amount', value: 'CN¥300.00', short: true },
        { label: 'Description', value: 'Team lunch with the client' },
      ],
      sections: [],
      images: [],
      actions: [],
    });
    const json = JSON.stringify(card);
    for (const internal of [
      'Wei Zhang',
      'Alice',
      'Carol',
      'split',
      'Personal',
      'lost it',
      'CN¥480.00',
      '$66.44',
    ]) {
      expect(json).not.toContain(internal);
    }
  });
});
