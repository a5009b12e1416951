import { describe, expect, it } from 'vitest';
import {
  checkLinkCode,
  generateLinkCode,
  LINK_CODE_ALPHABET,
  normaliseLinkCode,
} from '../../../../src/domain/people/link-code.js';
import { seededRandomInt } from '../expenses/expense-fixtures.js';

const NOW = '2026-03-02T14:00:00Z';

describe('generateLinkCode', () => {
  it('given a seeded random source and a clock, then six unambiguous characters expiring ten minutes later', () => {
    const issued = generateLinkCode(seededRandomInt(3), NOW);
    expect(issued).toEqual(generateLinkCode(seededRandomInt(3), NOW));
    expect(issued.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{6}$/);
    expect(issued.expiresAt).toBe('2026-03-02T14:10:00Z');
  });

  it('maps each draw onto the alphabet, which has no 0, 1, I, L, O or U', () => {
    const draws = [0, 1, 8, 29, 10, 19];
    expect(generateLinkCode(() => draws.shift() ?? 0, NOW).code).toBe('23AZCN');
    expect(LINK_CODE_ALPHABET).not.toMatch(/[01ILOU]/);
    expect(LINK_CODE_ALPHABET).toHaveLength(30);
  });

  it('throws when the random source leaves its range', () => {
    expect(() => generateLinkCode(() => 30, NOW)).toThrow(RangeError);
  });
});

describe('normaliseLinkCode', () => {
  it.each([
    ['23azcn', '23AZCN'],
    [' 23A-ZCN ', '23AZCN'],
    ['２３ＡＺＣＮ', '23AZCN'],
  ])('reads %j as %s', (typed, code) => {
    expect(normaliseLinkCode(typed)).toBe(code);
  });

  it.each(['23AZC', '23AZCNN', '23AZC0', '23AZCI'])('refuses %j', (typed) => {
    expect(normaliseLinkCode(typed)).toBeUndefined();
  });
});

describe('checkLinkCode', () => {
  const stored = { code: '23AZCN', expiresAt: '2026-03-02T14:10:00Z' };

  it('given the code within ten minutes, then it is accepted', () => {
    expect(checkLinkCode({ typed: '23azcn', stored, now: '2026-03-02T14:09:59Z' })).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it('given the code at or after its expiry, then it has expired', () => {
    expect(checkLinkCode({ typed: '23AZCN', stored, now: '2026-03-02T14:10:00Z' })).toEqual({
      ok: false,
      error: { code: 'LINK_CODE_EXPIRED', details: { code: '23AZCN', expiresAt: '2026-03-02T14:10:00Z' } },
    });
  });

  it('given a used code, then it cannot be used again', () => {
    const used = { ...stored, usedAt: '2026-03-02T14:05:00Z' };
    const result = checkLinkCode({ typed: '23AZCN', stored: used, now: '2026-03-02T14:06:00Z' });
    expect(result.ok ? undefined : result.error.code).toBe('LINK_CODE_USED');
  });

  it('given an unknown, different or malformed code, then it is invalid', () => {
    for (const [typed, found] of [
      ['23AZCN', undefined],
      ['23AZCP', stored],
      ['hello', stored],
    ] as const) {
      const result = checkLinkCode({ typed, stored: found, now: NOW });
      expect(result.ok ? undefined : result.error.code).toBe('LINK_CODE_INVALID');
    }
  });
});
