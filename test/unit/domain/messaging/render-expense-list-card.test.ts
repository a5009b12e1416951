import { describe, expect, it } from 'vitest';
import { stripMarkup } from '../../../../src/domain/messaging/card-markup.js';
import {
  type ExpenseListRow,
  renderExpenseListCard,
} from '../../../../src/domain/messaging/render-expense-list-card.js';
import { cny, usd } from './messaging-fixtures.js';

const row = (n: number, overrides: Partial<ExpenseListRow> = {}): ExpenseListRow => ({
  id: `ACME-00${String(n).padStart(2, '0')}`,
  incurredOn: '2026-03-02',
  amount: cny(10_000 * n),
  categoryName: 'Meals',
  description: `Lunch ${n}`,
  status: 'pending',
  ...overrides,
});

describe('renderExpenseListCard', () => {
  it('given my expenses for a month, when listed, then each is a line and the live ones are totalled', () => {
    const card = renderExpenseListCard({
      scope: { kind: 'mine' },
      periodKey: '2026-03',
      rows: [
        row(1),
        row(2, { status: 'approved', categoryName: 'Travel', description: 'Taxi *night*' }),
        row(3, { status: 'rejected' }),
        row(4, { amount: usd(5_000) }),
      ],
      locale: 'en',
    });
    expect(card.title).toBe('My expenses · March 2026');
    expect(card.sections).toEqual([
      {
        text: [
          '**ACME-0001** · 2 Mar · CN¥100.00 · Meals · Pending · Lunch 1',
          '**ACME-0002** · 2 Mar · CN¥200.00 · Travel · Approved · Taxi \\*night\\*',
          '**ACME-0003** · 2 Mar · CN¥300.00 · Meals · Rejected · Lunch 3',
          '**ACME-0004** · 2 Mar · $50.00 · Meals · Pending · Lunch 4',
        ].join('\n'),
      },
    ]);
    // The rejected CN¥300.00 does not count.
    expect(card.fields).toEqual([{ label: 'Total, pending and approved', value: 'CN¥300.00 + $50.00' }]);
    expect(card.actions).toEqual([]);
  });

  it('given more rows than the maximum, when listed, then the rest is counted, and the total covers all rows', () => {
    const rows = Array.from({ length: 13 }, (_, i) => row(i + 1));
    const card = renderExpenseListCard({
      scope: { kind: 'pending', clientName: 'Acme' },
      rows,
      locale: 'en',
    });
    const lines = stripMarkup(card.sections[0]?.text ?? '').split('\n');
    expect(card.title).toBe('Waiting for approval · Acme');
    expect(lines).toHaveLength(11);
    expect(lines[9]).toBe('ACME-0010 · 2 Mar · CN¥1,000.00 · Meals · Pending · Lunch 10');
    expect(lines[10]).toBe('…and 3 more');
    expect(card.fields[0]?.value).toBe('CN¥9,100.00');
  });

  it('given a maximum of 2 in Chinese, when listed, then it says how many more', () => {
    const card = renderExpenseListCard({
      scope: { kind: 'client', clientName: 'Acme' },
      periodKey: '2026-Q1',
      rows: [row(1, { submitterName: 'Wei' }), row(2), row(3)],
      maxRows: 2,
      locale: 'zh-CN',
    });
    expect(card.title).toBe('Acme 的费用 · 2026年第一季度');
    expect(card.sections[0]?.text).toBe(
      '**ACME-0001** · 3月2日 · ¥100.00 · Meals · 待审批 · Wei · Lunch 1\n' +
        '**ACME-0002** · 3月2日 · ¥200.00 · Meals · 待审批 · Lunch 2\n' +
        '……还有 1 条',
    );
    expect(card.fields).toEqual([{ label: '合计（待审批及已批准）', value: '¥600.00' }]);
  });

  it('given the client audience, when listed, then no status or people are shown', () => {
    const card = renderExpenseListCard({
      scope: { kind: 'client', clientName: 'Acme' },
      rows: [row(1, { status: 'approved', submitterName: 'Wei' })],
      audience: 'client',
      locale: 'en',
    });
    expect(card.sections[0]?.text).toBe('**ACME-0001** · 2 Mar · CN¥100.00 · Meals · Lunch 1');
    expect(card.fields).toEqual([{ label: 'Total', value: 'CN¥100.00' }]);
    expect(JSON.stringify(card)).not.toMatch(/Wei|Approved/);
  });

  it('given a long description, when listed, then it is cut', () => {
    const card = renderExpenseListCard({
      scope: { kind: 'mine' },
      rows: [row(1, { description: 'x'.repeat(100) })],
      locale: 'en',
    });
    expect(card.sections[0]?.text).toBe(
      `**ACME-0001** · 2 Mar · CN¥100.00 · Meals · Pending · ${'x'.repeat(59)}…`,
    );
  });

  it.each([
    ['en', 'No expenses found.'],
    ['zh-CN', '没有找到费用。'],
  ] as const)('given no rows in %s, when listed, then it says none were found', (locale, text) => {
    const card = renderExpenseListCard({ scope: { kind: 'mine' }, rows: [], locale });
    expect(card.sections).toEqual([{ text }]);
    expect(card.fields).toEqual([]);
  });
});
