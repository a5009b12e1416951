import { describe, expect, it } from 'vitest';
import {
  escapeAdaptiveText,
  readCardClick,
  renderAdaptiveCard,
} from '../../../src/bots/teams/render-adaptive-card.js';
import type { Card } from '../../../src/domain/messaging/card.js';
import { asCurrencyCode } from '../../../src/domain/money/currency.js';

const card: Card = {
  title: 'Approval request: ACME-7K3Q',
  subtitle: 'stage 1 of 2',
  accent: 'warning',
  fields: [{ label: 'Amount', value: 'CN¥120.00', short: true }],
  sections: [{ heading: 'Note', text: '**Over** budget\nby *10 %*', tone: 'danger' }],
  images: [],
  actions: [
    { id: 'exp:approve:ACME-7K3Q:v1:s1', label: 'Approve', style: 'primary' },
    {
      id: 'exp:reject:ACME-7K3Q:v1:s1',
      label: 'Reject',
      style: 'danger',
      input: { kind: 'reason', label: 'Why?', required: true },
    },
    {
      id: 'exp:amount:ACME-7K3Q:v1:s1',
      label: 'Approve a different amount',
      style: 'default',
      input: {
        kind: 'amount',
        label: 'Amount',
        required: true,
        currency: asCurrencyCode('CNY'),
        reason: { label: 'Why?', required: true },
      },
    },
  ],
};

describe('renderAdaptiveCard', () => {
  const rendered = renderAdaptiveCard(card);

  it('is an Adaptive Card 1.5 whose buttons are Action.Execute with the action id as verb', () => {
    expect(rendered).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(rendered.actions[0]).toEqual({
      type: 'Action.Execute',
      title: 'Approve',
      verb: 'exp:approve:ACME-7K3Q:v1:s1',
      data: { outlayAction: 'exp:approve:ACME-7K3Q:v1:s1' },
      style: 'positive',
    });
  });

  it('puts a reason form and an amount form behind ShowCard buttons with inputs named per button', () => {
    expect(rendered.actions[1]).toEqual({
      type: 'Action.ShowCard',
      title: 'Reject',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: 'reason-1',
            label: 'Why?',
            isMultiline: true,
            maxLength: 500,
            isRequired: true,
          },
        ],
        actions: [
          {
            type: 'Action.Execute',
            title: 'Reject',
            verb: 'exp:reject:ACME-7K3Q:v1:s1',
            data: { outlayAction: 'exp:reject:ACME-7K3Q:v1:s1', reasonInput: 'reason-1' },
            style: 'destructive',
          },
        ],
      },
    });
    const amountForm = (rendered.actions[2] as { card: { body: { id: string; label: string }[] } }).card.body;
    expect(amountForm.map((input) => [input.id, input.label])).toEqual([
      ['amount-2', 'Amount (CNY)'],
      ['reason-2', 'Why?'],
    ]);
  });

  it('renders markup bold, keeps literal stars escaped and gives each line its own TextBlock', () => {
    const section = rendered.body.find((e) => e.type === 'Container') as {
      style: string;
      items: { text: string }[];
    };
    expect(section.style).toBe('attention');
    expect(section.items.map((i) => i.text)).toEqual(['Note', '**Over** budget', 'by \\*10 %\\*']);
  });

  it('shows the resolution and no buttons on a decided card', () => {
    const resolved = renderAdaptiveCard({
      ...card,
      resolved: { text: 'Approved by Bob', at: '2030-03-12T04:00:00Z' },
    });
    expect(resolved.actions).toEqual([]);
    expect(resolved.body.some((e) => e.text === '**Approved by Bob**')).toBe(true);
  });
});

describe('escapeAdaptiveText', () => {
  it('keeps user text literal: markdown characters and list starts are escaped', () => {
    expect(escapeAdaptiveText('[link](http://x) _a_ <at>b</at>')).toBe(
      '\\[link\\]\\(http://x\\) \\_a\\_ \\<at\\>b\\</at\\>',
    );
    expect(escapeAdaptiveText('1. first')).toBe('1\\. first');
    expect(escapeAdaptiveText('- item')).toBe('\\- item');
  });
});

describe('readCardClick', () => {
  it('reads the verb and only the inputs of the clicked button', () => {
    expect(
      readCardClick('exp:reject:X', {
        outlayAction: 'exp:reject:X',
        reasonInput: 'reason-1',
        'reason-1': '  no receipt ',
        'reason-3': 'someone else’s form',
      }),
    ).toEqual({ actionId: 'exp:reject:X', input: { reason: 'no receipt' } });
    expect(
      readCardClick('v', {
        reasonInput: 'reason-2',
        amountInput: 'amount-2',
        'amount-2': '90',
        'reason-2': 'wine',
      }),
    ).toEqual({ actionId: 'v', input: { amount: '90', reason: 'wine' } });
  });

  it('falls back to the data’s action id (Action.Submit) and refuses a click without one', () => {
    expect(readCardClick(undefined, { outlayAction: 'exp:approve:X' })).toEqual({
      actionId: 'exp:approve:X',
    });
    expect(readCardClick(undefined, { something: 'else' })).toBeUndefined();
    expect(readCardClick('', null)).toBeUndefined();
  });
});
