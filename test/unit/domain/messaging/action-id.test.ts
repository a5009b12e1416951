import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROCKFORD_ALPHABET } from '../../../../src/domain/expenses/expense-id.js';
import {
  decodeActionId,
  EXPENSE_ACTION_KINDS,
  type ExpenseAction,
  encodeActionId,
  isExpenseActionId,
  MAX_ACTION_ID_LENGTH,
} from '../../../../src/domain/messaging/action-id.js';

const clientCode = fc
  .stringMatching(/^[A-Z0-9][A-Z0-9-]{0,30}[A-Z0-9]$/)
  .filter((code) => code.length >= 2 && code.length <= 32);
const randomCode = fc
  .array(fc.constantFrom(...CROCKFORD_ALPHABET), { minLength: 4, maxLength: 8 })
  .map((symbols) => symbols.join(''));

const action: fc.Arbitrary<ExpenseAction> = fc.record({
  kind: fc.constantFrom(...EXPENSE_ACTION_KINDS),
  expenseId: fc.tuple(clientCode, randomCode).map(([client, code]) => `${client}-${code}`),
  version: fc.integer({ min: 1, max: 999_999 }),
  stage: fc.integer({ min: 1, max: 4 }),
});

describe('encodeActionId', () => {
  it('given an approval of stage 1 at version 3, when encoded, then it reads like the spec example', () => {
    expect(encodeActionId({ kind: 'approve', expenseId: 'ACME-7K3Q', version: 3, stage: 1 })).toBe(
      'exp:approve:ACME-7K3Q:v3:s1',
    );
    expect(encodeActionId({ kind: 'approve-amount', expenseId: 'ACME-7K3Q', version: 12, stage: 4 })).toBe(
      'exp:amount:ACME-7K3Q:v12:s4',
    );
  });

  it('given the longest client code with an 8-symbol id and a 6-digit version, when encoded, then it fits 64 characters', () => {
    const id = encodeActionId({
      kind: 'reject',
      expenseId: `${'A'.repeat(32)}-ABCDEFGH`,
      version: 999_999,
      stage: 4,
    });
    expect(id.length).toBeLessThanOrEqual(MAX_ACTION_ID_LENGTH);
  });

  it('given an action no card should carry, when encoded, then it throws', () => {
    const good = { kind: 'approve', expenseId: 'ACME-7K3Q', version: 1, stage: 1 } as const;
    expect(() => encodeActionId({ ...good, expenseId: 'acme-7k3q' })).toThrow(RangeError);
    expect(() => encodeActionId({ ...good, version: 0 })).toThrow(RangeError);
    expect(() => encodeActionId({ ...good, version: 1.5 })).toThrow(RangeError);
    expect(() => encodeActionId({ ...good, stage: 5 })).toThrow(RangeError);
    expect(() =>
      encodeActionId({ ...good, expenseId: `${'A'.repeat(32)}-ABCDEFGHJKMN`, version: 10 ** 9 }),
    ).toThrow(RangeError);
  });
});

describe('decodeActionId', () => {
  it('round-trips every action a card can carry', () => {
    fc.assert(
      fc.property(action, (a) => {
        const id = encodeActionId(a);
        expect(id.length).toBeLessThanOrEqual(MAX_ACTION_ID_LENGTH);
        expect(isExpenseActionId(id)).toBe(true);
        expect(decodeActionId(id)).toEqual(a);
      }),
      { seed: 20260325, numRuns: 500 },
    );
  });

  it('never throws on garbage, and returns undefined for anything but a well-formed id', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const decoded = decodeActionId(value);
        if (decoded !== undefined) expect(encodeActionId(decoded)).toBe(value);
      }),
      { seed: 7, numRuns: 1_000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const decoded = decodeActionId(text);
        if (decoded !== undefined) expect(encodeActionId(decoded)).toBe(text);
      }),
      { seed: 8, numRuns: 1_000 },
    );
  });

  it('never throws on a mutated id', () => {
    fc.assert(
      fc.property(action, fc.nat(), fc.string({ minLength: 0, maxLength: 3 }), (a, at, insert) => {
        const id = encodeActionId(a);
        const cut = at % (id.length + 1);
        const mutated = `${id.slice(0, cut)}${insert}${id.slice(cut + 1)}`;
        const decoded = decodeActionId(mutated);
        if (decoded !== undefined) expect(encodeActionId(decoded)).toBe(mutated);
      }),
      { seed: 9, numRuns: 1_000 },
    );
  });

  it.each([
    ['exp:approve:ACME-7K3Q:v3', 'no stage'],
    ['exp:approve:acme-7k3q:v3:s1', 'lower case id'],
    ['exp:approve:ACME-7K3O:v3:s1', 'O is not a Crockford symbol'],
    ['exp:approve:ACME-7K3Q:v03:s1', 'leading zero'],
    ['exp:approve:ACME-7K3Q:v0:s1', 'version 0'],
    ['exp:approve:ACME-7K3Q:v3:s5', 'stage 5'],
    ['exp:approve-amount:ACME-7K3Q:v3:s1', 'the kind name is not the wire verb'],
    ['exp:approve:ACME-7K3Q:v99999999999999999:s1', 'version beyond 2^53'],
    ['exp:delete:ACME-7K3Q:v3:s1', 'unknown verb'],
    [' exp:approve:ACME-7K3Q:v3:s1', 'leading space'],
    ['exp:approve:ACME-7K3Q:v3:s1\n', 'trailing newline'],
    ['dispute:ACME-7K3Q', 'another kind of button'],
    ['', 'empty'],
  ])('given %j (%s), when decoded, then it is undefined', (text) => {
    expect(decodeActionId(text)).toBeUndefined();
  });

  it('given a non-string, when decoded, then it is undefined', () => {
    expect(decodeActionId(undefined)).toBeUndefined();
    expect(decodeActionId(42)).toBeUndefined();
    expect(decodeActionId({ id: 'exp:approve:ACME-7K3Q:v3:s1' })).toBeUndefined();
    expect(isExpenseActionId(42)).toBe(false);
  });
});
