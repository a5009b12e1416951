import { describe, expect, it } from 'vitest';
import type { ApprovalDecisionView } from '../../../../src/domain/messaging/approval-decision.js';
import {
  type DecisionNoticeInput,
  renderDecisionNoticeCard,
} from '../../../../src/domain/messaging/render-decision-notice-card.js';
import {
  renderAuditHeadNoticeCard,
  renderDeadLetterNoticeCard,
} from '../../../../src/domain/messaging/render-notice-cards.js';
import { renderTextCard } from '../../../../src/domain/messaging/render-text-card.js';
import { cny, SHANGHAI } from './messaging-fixtures.js';

const at = { deciderName: 'Alice', stage: 2, stageCount: 2, at: '2026-03-25T06:02:00Z' } as const;

const notice = (decision: ApprovalDecisionView, locale: 'en' | 'zh-CN' = 'en'): DecisionNoticeInput => ({
  expenseId: 'ACME-7K3Q',
  clientName: 'Acme',
  description: 'Team lunch with the client',
  claimed: cny(48_000),
  decision,
  locale,
  timeZone: SHANGHAI,
});

describe('renderDecisionNoticeCard', () => {
  it('given an approval, when the submitter is told, then it says approved by whom and when', () => {
    const card = renderDecisionNoticeCard(notice({ kind: 'approved', ...at }));
    expect(card).toEqual({
      title: 'ACME-7K3Q is approved',
      accent: 'success',
      fields: [
        { label: 'Client', value: 'Acme', short: true },
        { label: 'Amount', value: 'CN¥480.00', short: true },
        { label: 'Decided by', value: 'Alice', short: true },
        { label: 'When', value: '25 Mar 14:02', short: true },
        { label: 'Description', value: 'Team lunch with the client' },
      ],
      sections: [],
      images: [],
      actions: [],
    });
  });

  it('given a partial approval by a delegate, when told, then both amounts and the reason are shown', () => {
    const decision = {
      kind: 'partially-approved',
      approvedAmount: cny(30_000),
      reason: 'Two people, not three',
      onBehalfOfName: 'Dan',
      ...at,
    } as const;
    const card = renderDecisionNoticeCard(notice(decision));
    expect(card.title).toBe('ACME-7K3Q is partially approved');
    expect(card.fields.slice(1, 4)).toEqual([
      { label: 'Claimed', value: 'CN¥480.00', short: true },
      { label: 'Approved', value: 'CN¥300.00', short: true },
      { label: 'Decided by', value: 'Alice on behalf of Dan', short: true },
    ]);
    expect(card.sections).toEqual([{ heading: 'Reason', text: 'Two people, not three', tone: 'success' }]);
    const zh = renderDecisionNoticeCard(notice(decision, 'zh-CN'));
    expect(zh.title).toBe('ACME-7K3Q 已部分批准');
    expect(zh.fields.slice(1, 5)).toEqual([
      { label: '申请金额', value: '¥480.00', short: true },
      { label: '批准金额', value: '¥300.00', short: true },
      { label: '审批人', value: 'Alice（代 Dan）', short: true },
      { label: '时间', value: '3月25日 14:02', short: true },
    ]);
  });

  it('given a rejection, when told, then the reason is shown in both languages', () => {
    const decision = { kind: 'rejected', reason: 'Personal expense', ...at } as const;
    const card = renderDecisionNoticeCard(notice(decision));
    expect(card.title).toBe('ACME-7K3Q is rejected');
    expect(card.accent).toBe('danger');
    expect(card.sections).toEqual([{ heading: 'Reason', text: 'Personal expense', tone: 'danger' }]);
    expect(card.footer).toBeUndefined();
    const zh = renderDecisionNoticeCard(notice(decision, 'zh-CN'));
    expect(zh.title).toBe('ACME-7K3Q 已被驳回');
    expect(zh.sections).toEqual([{ heading: '原因', text: 'Personal expense', tone: 'danger' }]);
  });

  it('given a return, when told, then it says what is needed and how to send it again', () => {
    const decision = { kind: 'returned', whatIsNeeded: 'The restaurant invoice', ...at } as const;
    const card = renderDecisionNoticeCard(notice(decision));
    expect(card.title).toBe('ACME-7K3Q needs details');
    expect(card.accent).toBe('warning');
    expect(card.sections).toEqual([
      { heading: 'What is needed', text: 'The restaurant invoice', tone: 'warning' },
    ]);
    expect(card.footer).toBe('Change it with edit ACME-7K3Q …, then send it again with resubmit ACME-7K3Q');
    const zh = renderDecisionNoticeCard(notice(decision, 'zh-CN'));
    expect(zh.title).toBe('ACME-7K3Q 需补充信息');
    expect(zh.sections[0]?.heading).toBe('需补充');
    expect(zh.footer).toBe('请用 修改 ACME-7K3Q … 更正，然后用 重新提交 ACME-7K3Q 再次提交');
  });
});

describe('admin channel notices', () => {
  const dead = {
    kind: 'approval-request',
    address: 'slack:T1:C9',
    error: 'permanent failure: channel_not_found',
  };

  it('given a dead letter, when rendered in English, then it is an English danger card naming kind, address and error', () => {
    expect(renderDeadLetterNoticeCard({ ...dead, locale: 'en' })).toEqual({
      title: 'Undeliverable message',
      accent: 'danger',
      fields: [],
      sections: [{ text: 'approval-request → slack:T1:C9: permanent failure: channel_not_found' }],
      images: [],
      actions: [],
    });
  });

  it('given a dead letter, when rendered in Chinese, then only the title changes language', () => {
    const card = renderDeadLetterNoticeCard({ ...dead, locale: 'zh-CN' });
    expect(card.title).toBe('无法送达的消息');
    expect(card.sections).toEqual([
      { text: 'approval-request → slack:T1:C9: permanent failure: channel_not_found' },
    ]);
    expect(card.accent).toBe('danger');
  });

  it('given an error with markup characters, when rendered, then they are shown literally', () => {
    const card = renderDeadLetterNoticeCard({ ...dead, error: 'bad **payload** \\x', locale: 'en' });
    expect(card.sections[0]?.text).toBe('approval-request → slack:T1:C9: bad \\*\\*payload\\*\\* \\\\x');
  });

  it.each([
    ['en', 'Audit chain head'],
    ['zh-CN', '审计链头'],
  ] as const)(
    'given an audit head in %s, when rendered, then it is titled %s with position:hash',
    (locale, title) => {
      const hash = 'ab'.repeat(32);
      expect(renderAuditHeadNoticeCard({ position: '42', hash, locale })).toEqual({
        title,
        fields: [],
        sections: [{ text: `42:${hash}` }],
        images: [],
        actions: [],
      });
    },
  );
});

describe('renderTextCard', () => {
  it('given one line, when rendered, then it is a title-only card', () => {
    expect(renderTextCard('ACME-7K3Q withdrawn.')).toEqual({
      title: 'ACME-7K3Q withdrawn.',
      fields: [],
      sections: [],
      images: [],
      actions: [],
    });
  });

  it('given several lines and a tone, when rendered, then the rest is one literal section', () => {
    expect(renderTextCard('Not an amount\n"12,5O" — try **12.50**\n', { tone: 'danger' })).toEqual({
      title: 'Not an amount',
      accent: 'danger',
      fields: [],
      sections: [{ text: '"12,5O" — try \\*\\*12.50\\*\\*' }],
      images: [],
      actions: [],
    });
  });
});
