// The neutral Card as Block Kit, and the forms behind buttons.
import { describe, expect, it } from 'vitest';
import {
  decodeButtonValue,
  markupToMrkdwn,
  renderCardBlocks,
  replyMessage,
} from '../../../src/bots/slack/slack-blocks.js';
import {
  decisionModal,
  readDecisionInput,
  readDecisionMetadata,
} from '../../../src/bots/slack/slack-modals.js';
import type { Card, CardInput } from '../../../src/domain/messaging/card.js';
import { resolveCard } from '../../../src/domain/messaging/card.js';
import { asCurrencyCode } from '../../../src/domain/money/currency.js';

const amountInput: CardInput = {
  kind: 'amount',
  label: 'Approved amount',
  required: true,
  currency: asCurrencyCode('CNY'),
  reason: { label: 'Why a different amount?', required: true },
};

const card: Card = {
  title: 'Approval request: ACME-7K3Q',
  subtitle: 'Approval · stage 1 of 2',
  fields: Array.from({ length: 12 }, (_, i) => ({ label: `F${i}`, value: `v<${i}>` })),
  sections: [{ heading: 'Risk', text: 'No receipt for **CN¥120.00** & more', tone: 'warning' }],
  images: [],
  actions: [
    { id: 'exp:approve:ACME-7K3Q:v1:s1', label: 'Approve', style: 'primary' },
    {
      id: 'exp:reject:ACME-7K3Q:v1:s1',
      label: 'Reject',
      style: 'danger',
      input: { kind: 'reason', label: 'Reason', required: true },
    },
    {
      id: 'exp:amount:ACME-7K3Q:v1:s1',
      label: 'Approve a different amount',
      style: 'default',
      input: amountInput,
    },
  ],
};

describe('Slack Block Kit rendering', () => {
  it('renders title, fields ten to a section, mrkdwn sections and buttons carrying the action id', () => {
    const blocks = renderCardBlocks(card) as unknown as Record<string, unknown>[];
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'context',
      'section',
      'section',
      'section',
      'actions',
    ]);
    expect(blocks[0]).toMatchObject({ text: { type: 'plain_text', text: 'Approval request: ACME-7K3Q' } });
    expect(blocks[2]?.fields).toHaveLength(10);
    expect(blocks[3]?.fields).toHaveLength(2);
    expect(blocks[2]?.fields).toContainEqual({ type: 'mrkdwn', text: '*F0*\nv&lt;0&gt;' });
    expect(blocks[4]).toMatchObject({
      text: { type: 'mrkdwn', text: ':warning: *Risk*\nNo receipt for *CN¥120.00* &amp; more' },
    });
    const buttons = blocks[5]?.elements as { action_id: string; style?: string; value: string }[];
    expect(buttons.map((b) => [b.action_id, b.style])).toEqual([
      ['exp:approve:ACME-7K3Q:v1:s1', 'primary'],
      ['exp:reject:ACME-7K3Q:v1:s1', 'danger'],
      ['exp:amount:ACME-7K3Q:v1:s1', undefined],
    ]);
    expect(decodeButtonValue(buttons[2]?.value, 'exp:amount:ACME-7K3Q:v1:s1')).toEqual({
      id: 'exp:amount:ACME-7K3Q:v1:s1',
      input: amountInput,
    });
    // The id that counts is the one Slack returns as action_id, whatever the value says.
    expect(decodeButtonValue('{"id":"exp:approve:OTHER-1:v1:s1"}', 'exp:reject:ACME-7K3Q:v1:s1').id).toBe(
      'exp:reject:ACME-7K3Q:v1:s1',
    );
  });

  it('shows the decision instead of the buttons on a settled card', () => {
    const settled = resolveCard(card, 'Approved by Bob · stage 1 of 2', '2030-03-12T04:00:00Z', 'success');
    const blocks = renderCardBlocks(settled) as unknown as Record<string, unknown>[];
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Approved by Bob · stage 1 of 2' }],
    });
  });

  it('turns markup into mrkdwn and a reply into an ephemeral or channel message', () => {
    expect(markupToMrkdwn('**a** b\n\\*literal\\* <x>')).toBe('*a* b\n*literal* &lt;x&gt;');
    expect(replyMessage({ visibility: 'private', cards: [card] }).response_type).toBe('ephemeral');
    expect(replyMessage({ visibility: 'channel', cards: [card, card] })).toMatchObject({
      response_type: 'in_channel',
      text: 'Approval request: ACME-7K3Q\nApproval request: ACME-7K3Q',
    });
  });

  it('opens an amount form with its reason, and reads back what was typed', () => {
    const view = decisionModal('Approve a different amount', amountInput, {
      id: 'exp:amount:ACME-7K3Q:v1:s1',
      teamId: 'T1',
      channelId: 'D2',
      responseUrl: 'https://hooks.slack.com/x',
    }) as unknown as {
      title: { text: string };
      blocks: { block_id: string; optional: boolean }[];
      private_metadata: string;
    };
    expect(view.title.text).toBe('Approve a different amo…');
    expect(view.blocks.map((b) => [b.block_id, b.optional])).toEqual([
      ['amount', false],
      ['reason', false],
    ]);
    expect(readDecisionMetadata(view.private_metadata)).toEqual({
      id: 'exp:amount:ACME-7K3Q:v1:s1',
      teamId: 'T1',
      channelId: 'D2',
      responseUrl: 'https://hooks.slack.com/x',
    });
    expect(
      readDecisionInput({
        values: { amount: { value: { value: ' 90 ' } }, reason: { value: { value: '' } } },
      }),
    ).toEqual({ amount: '90' });
  });
});
