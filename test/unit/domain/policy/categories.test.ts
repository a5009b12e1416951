import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, resolveCategory } from '../../../../src/domain/policy/categories.js';

const codeOf = (text: string): string | undefined => {
  const result = resolveCategory(text);
  return result.ok ? result.value.code : undefined;
};

describe('default categories', () => {
  it('offers the eight categories with English and Chinese names and billable defaults', () => {
    expect(DEFAULT_CATEGORIES.map((c) => [c.code, c.names.en, c.names['zh-CN'], c.billableDefault])).toEqual([
      ['travel', 'Travel', '差旅', true],
      ['meals', 'Meals', '餐饮', true],
      ['lodging', 'Lodging', '住宿', true],
      ['transport', 'Transport', '交通', true],
      ['entertainment', 'Entertainment', '招待', false],
      ['software', 'Software', '软件', true],
      ['supplies', 'Supplies', '办公', true],
      ['other', 'Other', '其他', false],
    ]);
  });
});

describe('resolveCategory', () => {
  it.each([
    ['travel', 'travel'],
    ['#Travel', 'travel'],
    ['#TRAVEL', 'travel'],
    ['＃差旅', 'travel'],
    ['＃ｔｒａｖｅｌ', 'travel'],
    ['#餐饮', 'meals'],
    ['住宿', 'lodging'],
    ['#hotel', 'lodging'],
    ['交通', 'transport'],
    ['Taxi', 'transport'],
    ['招待', 'entertainment'],
    ['软件', 'software'],
    ['办公', 'supplies'],
    ['其他', 'other'],
    ['  #other ', 'other'],
  ])('Given "%s", Then it is #%s', (text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('Given an unknown word, Then it is refused with the known codes to choose from', () => {
    expect(resolveCategory('#groceries')).toEqual({
      ok: false,
      error: {
        code: 'UNKNOWN_CATEGORY',
        details: {
          text: '#groceries',
          known: '#travel #meals #lodging #transport #entertainment #software #supplies #other',
        },
      },
    });
  });

  it('Given only a hash, Then nothing matches', () => {
    expect(codeOf('#')).toBeUndefined();
    expect(codeOf('')).toBeUndefined();
  });

  it('resolves against an organisation’s own list', () => {
    const custom = [
      {
        code: 'legal-fees',
        names: { en: 'Legal fees', 'zh-CN': '律师费' },
        aliases: [],
        billableDefault: true,
      },
    ];
    const result = resolveCategory('#律师费', custom);
    expect(result.ok && result.value.code).toBe('legal-fees');
    expect(resolveCategory('#travel', custom).ok).toBe(false);
  });
});
