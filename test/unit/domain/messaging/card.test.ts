import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CARD_LIMITS,
  type Card,
  fitCard,
  resolveCard,
  textLength,
  truncateText,
  worstTone,
} from '../../../../src/domain/messaging/card.js';
import {
  bold,
  escapeMarkup,
  parseMarkup,
  stripMarkup,
} from '../../../../src/domain/messaging/card-markup.js';

const aCard = (overrides: Partial<Card> = {}): Card => ({
  title: 'Approval request: ACME-7K3Q',
  fields: [{ label: 'Amount', value: 'CN¥480.00', short: true }],
  sections: [{ heading: 'Risk', text: '• Round amount', tone: 'info' }],
  images: [],
  actions: [{ id: 'exp:approve:ACME-7K3Q:v3:s1', label: 'Approve', style: 'primary' }],
  footer: 'Or reply: approve ACME-7K3Q',
  ...overrides,
});

describe('resolveCard', () => {
  it('given a card with buttons, when resolved, then the buttons are gone and the outcome is set', () => {
    const card = resolveCard(
      aCard(),
      'Approved by Alice · stage 1 of 2 · 14:02',
      '2026-03-25T06:02:00Z',
      'success',
    );
    expect(card.actions).toEqual([]);
    expect(card.resolved).toEqual({
      text: 'Approved by Alice · stage 1 of 2 · 14:02',
      at: '2026-03-25T06:02:00Z',
    });
    expect(card.accent).toBe('success');
    expect(card.fields).toEqual(aCard().fields);
  });

  it('given no accent, when resolved, then the accent is kept', () => {
    expect(resolveCard(aCard({ accent: 'warning' }), 'Done', '2026-03-25T06:02:00Z').accent).toBe('warning');
  });
});

describe('truncateText', () => {
  it('given a text within the limit, when truncated, then it is unchanged', () => {
    expect(truncateText('hello', 5)).toBe('hello');
  });

  it('given a longer text, when truncated, then it ends in an ellipsis within the limit', () => {
    expect(truncateText('hello world', 6)).toBe('hello…');
  });

  it('given emoji and Chinese, when truncated, then no surrogate pair is split', () => {
    expect(truncateText('😀😀😀', 2)).toBe('😀…');
    expect(truncateText('团队午餐费用', 4)).toBe('团队午…');
  });

  it('never returns more than the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 50 }), (text, max) => {
        const cut = truncateText(text, max);
        expect(textLength(cut)).toBeLessThanOrEqual(max);
        if (textLength(text) <= max) expect(cut).toBe(text);
      }),
      { seed: 3, numRuns: 500 },
    );
  });

  it('given a limit below 1, when truncating, then it throws', () => {
    expect(() => truncateText('x', 0)).toThrow(RangeError);
  });
});

describe('fitCard', () => {
  it('given texts and lists beyond the limits, when fitted, then they are cut and the action ids are intact', () => {
    const card = fitCard(
      aCard({
        title: 'T'.repeat(200),
        fields: Array.from({ length: 20 }, (_, i) => ({ label: `L${i}`, value: 'v'.repeat(1_500) })),
        sections: [{ text: 's'.repeat(5_000) }],
        actions: [{ id: 'exp:approve:ACME-7K3Q:v3:s1', label: 'A'.repeat(100), style: 'primary' }],
      }),
    );
    expect(textLength(card.title)).toBe(CARD_LIMITS.title);
    expect(card.fields).toHaveLength(CARD_LIMITS.fields);
    expect(textLength(card.fields[0]?.value ?? '')).toBe(CARD_LIMITS.fieldValue);
    expect(textLength(card.sections[0]?.text ?? '')).toBe(CARD_LIMITS.sectionText);
    expect(card.actions[0]?.id).toBe('exp:approve:ACME-7K3Q:v3:s1');
    expect(textLength(card.actions[0]?.label ?? '')).toBe(CARD_LIMITS.actionLabel);
  });

  it('given a card within the limits, when fitted, then it is equal', () => {
    expect(fitCard(aCard())).toEqual(aCard());
  });

  it('given more actions than any platform takes, when fitted, then it throws', () => {
    const action = { id: 'x', label: 'x', style: 'default' } as const;
    expect(() => fitCard(aCard({ actions: Array.from({ length: 6 }, () => action) }))).toThrow(RangeError);
  });
});

describe('worstTone', () => {
  it('ranks danger over warning over info over success', () => {
    expect(worstTone([])).toBe('info');
    expect(worstTone(['success', undefined])).toBe('info');
    expect(worstTone(['info', 'warning', 'success'])).toBe('warning');
    expect(worstTone(['warning', 'danger', 'info'])).toBe('danger');
  });
});

describe('card markup', () => {
  it('given bold markers and line breaks, when parsed, then it yields bold spans per line', () => {
    expect(parseMarkup('**ACME-7K3Q** · CN¥480.00\nsecond **line**')).toEqual([
      [
        { text: 'ACME-7K3Q', bold: true },
        { text: ' · CN¥480.00', bold: false },
      ],
      [
        { text: 'second ', bold: false },
        { text: 'line', bold: true },
      ],
    ]);
  });

  it('given an unpaired marker, when parsed, then it stays literal and bold never crosses a line', () => {
    expect(parseMarkup('a ** b')).toEqual([[{ text: 'a ** b', bold: false }]]);
    expect(parseMarkup('**a\nb**')).toEqual([[{ text: '**a', bold: false }], [{ text: 'b**', bold: false }]]);
    expect(parseMarkup('**a** and **b')).toEqual([
      [
        { text: 'a', bold: true },
        { text: ' and **b', bold: false },
      ],
    ]);
  });

  it('given escapes, when parsed, then stars and backslashes are literal', () => {
    expect(parseMarkup('\\*\\*x\\*\\* \\\\ \\n')).toEqual([[{ text: '**x** \\ \\n', bold: false }]]);
    expect(stripMarkup(bold('5 * 3 **'))).toBe('5 * 3 **');
    expect(parseMarkup(bold('a*b'))).toEqual([[{ text: 'a*b', bold: true }]]);
  });

  it('shows any escaped text exactly as written', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).map((s) => s.replace(/\r/g, '')),
        (text) => {
          expect(stripMarkup(escapeMarkup(text))).toBe(text);
          expect(
            parseMarkup(escapeMarkup(text))
              .flat()
              .every((span) => !span.bold),
          ).toBe(true);
        },
      ),
      { seed: 5, numRuns: 1_000 },
    );
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(parseMarkup(text).length).toBe(text.split(/\r?\n/).length);
      }),
      { seed: 6, numRuns: 1_000 },
    );
  });
});
