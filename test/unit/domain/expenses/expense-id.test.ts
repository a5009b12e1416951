import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CROCKFORD_ALPHABET,
  generateExpenseId,
  MAX_CODE_LENGTH,
  nextIdLength,
  normaliseExpenseId,
  parseExpenseId,
} from '../../../../src/domain/expenses/expense-id.js';
import { seededRandomInt } from './expense-fixtures.js';

const ID_SHAPE = /^[A-Z0-9-]{2,32}-[0-9A-HJKMNP-TV-Z]{4,12}$/;

describe('generateExpenseId', () => {
  it('given a seeded random source, when generating, then the id is the same every run', () => {
    const first = [1, 2, 3].map(() => generateExpenseId('acme', seededRandomInt(42)));
    expect(first).toEqual(['ACME-KEVN', 'ACME-KEVN', 'ACME-KEVN']);
    const sequence = seededRandomInt(42);
    expect([generateExpenseId('acme', sequence), generateExpenseId('acme', sequence)]).toEqual([
      'ACME-KEVN',
      'ACME-5G8K',
    ]);
  });

  it('given a random source, when drawing symbols, then each index picks that symbol of the Crockford alphabet', () => {
    const draws = [7, 20, 3, 23];
    const randomInt = (max: number): number => {
      expect(max).toBe(32);
      return draws.shift() ?? 0;
    };
    expect(generateExpenseId('acme', randomInt)).toBe('ACME-7M3Q');
  });

  it('given a client code with a dash, when generating, then the whole code leads the id in capitals', () => {
    expect(generateExpenseId('acme-asia', () => 0, 5)).toBe('ACME-ASIA-00000');
  });

  it('given a longer length, when generating, then the code has that many symbols', () => {
    expect(generateExpenseId('acme', seededRandomInt(7), 6)).toMatch(/^ACME-[0-9A-Z]{6}$/);
  });

  it('never uses I, L, O or U', () => {
    expect(CROCKFORD_ALPHABET).toHaveLength(32);
    expect(CROCKFORD_ALPHABET).not.toMatch(/[ILOU]/);
    const random = seededRandomInt(1);
    const codes = Array.from({ length: 500 }, () => generateExpenseId('acme', random).slice(5)).join('');
    expect(codes).toMatch(/^[0-9A-HJKMNP-TV-Z]+$/);
    expect(new Set(codes).size).toBe(32);
  });

  it('refuses a bad client code, a bad length, or a random source out of range', () => {
    expect(() => generateExpenseId('a', () => 0)).toThrow(RangeError);
    expect(() => generateExpenseId('ac me', () => 0)).toThrow(RangeError);
    expect(() => generateExpenseId('acme', () => 0, 3)).toThrow(RangeError);
    expect(() => generateExpenseId('acme', () => 0, 13)).toThrow(RangeError);
    expect(() => generateExpenseId('acme', () => 32)).toThrow(RangeError);
    expect(() => generateExpenseId('acme', () => 1.5)).toThrow(RangeError);
  });
});

describe('nextIdLength', () => {
  it('starts at four and grows by one per collision, up to twelve', () => {
    expect([0, 1, 2, 3, 7, 8, 100].map(nextIdLength)).toEqual([4, 5, 6, 7, 11, 12, 12]);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => nextIdLength(-1)).toThrow(RangeError);
    expect(() => nextIdLength(0.5)).toThrow(RangeError);
  });
});

describe('normaliseExpenseId', () => {
  it.each([
    ['acme-7k3q', 'ACME-7K3Q'],
    ['ACME-7K3O', 'ACME-7K30'],
    ['acme-7kio', 'ACME-7K10'],
    ['Acme-7L3q', 'ACME-713Q'],
    ['  ACME - 7K 3Q ', 'ACME-7K3Q'],
    ['ＡＣＭＥ－７Ｋ３Ｑ', 'ACME-7K3Q'],
    ['acme—7k3q', 'ACME-7K3Q'],
    ['acme-\u30007k3q', 'ACME-7K3Q'],
    ['acme-asia-7k3q', 'ACME-ASIA-7K3Q'],
    ['ACME-7K3Q9ABC', 'ACME-7K3Q9ABC'],
  ])('reads %j as %s', (typed, canonical) => {
    expect(normaliseExpenseId(typed)).toBe(canonical);
  });

  it('keeps the client code literal: only the random code gets Crockford decoding', () => {
    expect(parseExpenseId('polo-7k3o')).toEqual({ id: 'POLO-7K30', clientCode: 'polo', code: '7K30' });
  });

  it.each([
    ['acme7k3q', 'no dash'],
    ['acme-7k3', 'code too short'],
    ['acme-7k3q7k3q7k3q7', 'code too long'],
    ['acme-7k3u', 'U is not a Crockford symbol'],
    ['acme-7k3!', 'punctuation'],
    ['a-7k3q', 'client code too short'],
    ['', 'empty'],
  ])('refuses %j (%s)', (typed) => {
    expect(normaliseExpenseId(typed)).toBeUndefined();
  });

  it('property: every generated id normalises to itself, also when typed in lower case', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,31}$/),
        fc.integer({ min: 4, max: MAX_CODE_LENGTH }),
        fc.integer(),
        (clientCode, length, seed) => {
          const id = generateExpenseId(clientCode, seededRandomInt(seed), length);
          expect(id).toMatch(ID_SHAPE);
          expect(normaliseExpenseId(id)).toBe(id);
          expect(normaliseExpenseId(id.toLowerCase())).toBe(id);
        },
      ),
      { seed: 20260302, numRuns: 300 },
    );
  });
});
