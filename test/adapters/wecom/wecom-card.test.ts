import { describe, expect, it } from 'vitest';
import {
  renderWecomCardUpdate,
  renderWecomGroupMessage,
  renderWecomMarkdown,
  renderWecomMessage,
  wecomTaskId,
} from '../../../src/bots/wecom/wecom-card.js';
import { type Card, resolveCard } from '../../../src/domain/messaging/card.js';
import { renderTextCard } from '../../../src/domain/messaging/render-text-card.js';
import type { CurrencyCode } from '../../../src/domain/money/money.js';

const approval: Card = {
  title: 'Approval request: ACME-7K3Q',
  subtitle: 'stage 1 of 2',
  accent: 'warning',
  fields: Array.from({ length: 8 }, (_, i) => ({ label: `Field ${i + 1}`, value: `value ${i + 1}` })),
  sections: [{ heading: 'Risk', text: '**No receipt** for CN¥120.00 <script>' }],
  images: [],
  actions: [
    { id: 'exp:approve:ACME-7K3Q:v1:s1', label: 'Approve', style: 'primary' },
    {
      id: 'exp:amount:ACME-7K3Q:v1:s1',
      label: 'Approve part',
      style: 'default',
      input: { kind: 'amount', label: 'Amount', required: true, currency: 'CNY' as CurrencyCode },
    },
    {
      id: 'exp:reject:ACME-7K3Q:v1:s1',
      label: 'Reject',
      style: 'danger',
      input: { kind: 'reason', label: 'Why', required: true },
    },
    { id: 'exp:return:ACME-7K3Q:v1:s1', label: 'Needs details', style: 'default' },
  ],
  footer: 'Or reply: approve ACME-7K3Q',
};

describe('renderWecomMessage', () => {
  it('renders a card with buttons as a button_interaction template card keyed by action id, without amount forms', () => {
    const content = renderWecomMessage(approval, 'outlay-task-1');
    expect(content.msgtype).toBe('template_card');
    if (content.msgtype !== 'template_card') return;
    const card = content.template_card;
    expect(card).toMatchObject({
      card_type: 'button_interaction',
      task_id: 'outlay-task-1',
      main_title: { title: 'Approval request: ACME-7K3Q', desc: 'stage 1 of 2' },
    });
    expect(card.button_list).toEqual([
      { text: 'Approve', style: 1, key: 'exp:approve:ACME-7K3Q:v1:s1' },
      { text: 'Reject', style: 3, key: 'exp:reject:ACME-7K3Q:v1:s1' },
      { text: 'Needs details', style: 2, key: 'exp:return:ACME-7K3Q:v1:s1' },
    ]);
    expect(card.horizontal_content_list).toHaveLength(6);
    expect(card.horizontal_content_list?.[0]).toEqual({ keyname: 'Field 1', value: 'value 1' });
    expect(card.sub_title_text).toBe('Risk\nNo receipt for CN¥120.00 <script>\nOr reply: approve ACME-7K3Q');
  });

  it('keeps at most six buttons', () => {
    const many: Card = {
      ...approval,
      actions: Array.from({ length: 8 }, (_, i) => ({
        id: `a${i}`,
        label: `B${i}`,
        style: 'default' as const,
      })),
    };
    const content = renderWecomMessage(many, 't');
    expect(
      content.msgtype === 'template_card' && content.template_card.button_list.map((b) => b.key),
    ).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('sends a plain text card as text and other cards as escaped markdown', () => {
    expect(renderWecomMessage(renderTextCard('ACME-7K3Q withdrawn.\nSecond line'), 't')).toEqual({
      msgtype: 'text',
      text: { content: 'ACME-7K3Q withdrawn.\nSecond line' },
    });
    const noButtons: Card = { ...approval, actions: [] };
    const content = renderWecomMessage(noButtons, 't');
    expect(content.msgtype).toBe('markdown');
    expect(content.msgtype === 'markdown' && content.markdown.content.split('\n').slice(0, 4)).toEqual([
      '<font color="warning">**Approval request: ACME-7K3Q**</font>',
      'stage 1 of 2',
      '> Field 1: value 1',
      '> Field 2: value 2',
    ]);
    expect(renderWecomMarkdown(noButtons)).toContain('**No receipt** for CN¥120.00 &lt;script&gt;');
  });

  it('shows a decided card with its resolution instead of buttons, in place and as a new message', () => {
    const decided = resolveCard(approval, 'Approved by Bob · 12:00', '2030-03-12T04:00:00Z', 'success');
    expect(renderWecomCardUpdate(decided, 'outlay-task-1')).toMatchObject({
      task_id: 'outlay-task-1',
      button_list: [],
      replace_text: 'Approved by Bob · 12:00',
    });
    const fresh = renderWecomMessage(decided, 'x');
    expect(fresh.msgtype).toBe('markdown');
    expect(fresh.msgtype === 'markdown' && fresh.markdown.content).toContain('Approved by Bob · 12:00');
  });

  it('never puts a template card into a group chat', () => {
    expect(renderWecomGroupMessage(approval).msgtype).toBe('markdown');
  });
});

describe('wecomTaskId', () => {
  it('keeps only the characters WeCom accepts and at most 128 of them', () => {
    expect(wecomTaskId('1e082b95-c16f:492b/aa0f')).toBe('outlay-1e082b95-c16f_492b_aa0f');
    expect(wecomTaskId('x'.repeat(300))).toHaveLength(128);
  });
});
