import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../src/domain/audit/canonical-json.js';

const SEED = 20_260_302;

/** The same members, inserted in the opposite order, at every depth. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a generated "__proto__" key stays a key.
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, member]) => [key, reverseKeys(member)]),
    );
  }
  return value;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('does not depend on the order keys were inserted in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(reverseKeys(value))).toBe(canonicalJson(value));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('is valid JSON that reads back as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // -0 has no JSON form of its own; JSON.stringify writes it as 0, and so do we.
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    // U+00E9 (é) sorts before U+1F600 (😀, surrogates D83D…) and after "z".
    expect(canonicalJson({ '😀': 1, é: 2, z: 3, Z: 4, '10': 5, '9': 6 })).toBe(
      '{"10":5,"9":6,"Z":4,"z":3,"é":2,"😀":1}',
    );
  });

  it('writes numbers exactly, in their shortest round-trip form', () => {
    expect(canonicalJson([0, -0, 1, -1.5, 0.1, 1e21, 1e-7, 2 ** 53 - 1, 12345678.9])).toBe(
      '[0,0,1,-1.5,0.1,1e+21,1e-7,9007199254740991,12345678.9]',
    );
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson('a"b\\c\n\u0001中文')).toBe('"a\\"b\\\\c\\n\\u0001中文"');
  });

  it('treats undefined members as absent, and undefined array items and dates as JSON would', () => {
    const at = new Date('2026-03-02T14:02:00.000Z');
    expect(canonicalJson({ a: undefined, b: [undefined, at] })).toBe(
      '{"b":[null,"2026-03-02T14:02:00.000Z"]}',
    );
  });

  it('refuses what JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
