import { describe, expect, it } from 'vitest';
import {
  renderDelegationNoticeCard,
  renderIdentityLinkedCard,
  renderReimbursedNoticeCard,
  renderVoidedNoticeCard,
} from '../../../../src/domain/messaging/render-notice-cards.js';
import {
  type ReminderDigestLine,
  renderReminderDigestCard,
} from '../../../../src/domain/messaging/render-reminder-digest-card.js';
import { asCurrencyCode } from '../../../../src/domain/money/currency.js';

const line = (overrides: Partial<ReminderDigestLine> = {}): ReminderDigestLine => ({
  kind: 'approval',
  level: 'remind',
  expenseId: 'ACME-7K3Q',
  clientName: 'Acme',
  submitterName: 'Alice',
  amount: { amountMinor: 48_000, currency: asCurrencyCode('CNY') },
  description: 'hotel',
  waitingHours: 26,
  stillWaiting: true,
  ...overrides,
});

const all = (card: unknown) => JSON.stringify(card);

describe('renderReminderDigestCard', () => {
  it('lists every item under its heading, with the count of what still waits (en)', () => {
    const card = renderReminderDigestCard({
      locale: 'en',
      lines: [
        line(),
        line({ expenseId: 'ACME-8M2P', level: 'escalate', waitingHours: 75, onBehalfOfName: 'Bob' }),
        line({ expenseId: 'ACME-9Z1Z', kind: 'returned', whatIsNeeded: 'the invoice' }),
      ],
    });
    expect(card.title).toBe('3 expenses are waiting for you');
    expect(card.sections.map((s) => s.heading)).toEqual([
      'Escalated to you: you may decide these now',
      'Waiting for your approval',
      'Returned to you for details',
      undefined,
    ]);
    expect(card.sections[0]?.text).toContain('**ACME-8M2P**');
    expect(card.sections[0]?.text).toContain('on behalf of Bob');
    expect(card.sections[0]?.text).toContain('waiting 75 working hours');
    expect(card.sections[2]?.text).toContain('needs: the invoice');
    expect(card.footer).toContain('approve <id>');
    expect(card.footer).toContain('resubmit <id>');
    expect(card.accent).toBe('warning');
  });

  it('speaks Simplified Chinese and marks an item settled since', () => {
    const card = renderReminderDigestCard({
      locale: 'zh-CN',
      lines: [line(), line({ expenseId: 'ACME-8M2P', stillWaiting: false })],
    });
    expect(card.title).toBe('有 1 笔费用等待您处理');
    expect(all(card)).toContain('已等待 26 个工作小时');
    expect(all(card)).toContain('已处理');
    expect(card.footer).toContain('批准 <编号>');
  });

  it('says so when everything was dealt with before delivery', () => {
    const card = renderReminderDigestCard({ locale: 'en', lines: [line({ stillWaiting: false })] });
    expect(card.title).toBe('Everything in this reminder has been dealt with');
    expect(card.accent).toBe('success');
  });
});

describe('notice cards', () => {
  const money = { amountMinor: 48_000, currency: asCurrencyCode('CNY') };

  it('voided and reimbursed name the expense, in both languages', () => {
    const voided = {
      expenseId: 'ACME-7K3Q',
      clientName: 'Acme',
      approved: money,
      reason: 'duplicate',
      voidedByName: 'Fay',
    };
    expect(renderVoidedNoticeCard({ ...voided, locale: 'en' }).title).toBe('ACME-7K3Q was voided');
    expect(renderVoidedNoticeCard({ ...voided, locale: 'zh-CN' }).title).toBe('ACME-7K3Q 已作废');
    const reimbursed = {
      expenseId: 'ACME-7K3Q',
      clientName: 'Acme',
      approved: money,
      at: '2026-03-10T04:00:00Z',
      timeZone: 'Asia/Shanghai',
    };
    expect(renderReimbursedNoticeCard({ ...reimbursed, locale: 'en' }).title).toBe(
      'ACME-7K3Q was reimbursed',
    );
    expect(renderReimbursedNoticeCard({ ...reimbursed, locale: 'zh-CN' }).title).toBe('ACME-7K3Q 已报销');
  });

  it('delegation and identity notices say what changed and what to do', () => {
    expect(renderDelegationNoticeCard({ fromName: 'Bob', until: '2026-03-31', locale: 'en' }).title).toBe(
      'You now decide for Bob',
    );
    expect(
      all(renderDelegationNoticeCard({ fromName: 'Bob', until: '2026-03-31', locale: 'zh-CN' })),
    ).toContain('2026年3月31日');
    expect(all(renderIdentityLinkedCard({ identity: 'slack:T1:U2', locale: 'en' }))).toContain(
      'tell an admin',
    );
    expect(all(renderIdentityLinkedCard({ identity: 'slack:T1:U2', locale: 'zh-CN' }))).toContain(
      '告知管理员',
    );
  });
});
