import { describe, expect, it } from 'vitest';
import { checkPeriodOpen, isInClosedPeriod } from '../../../../src/domain/expenses/closed-period.js';
import type { Expense } from '../../../../src/domain/expenses/expense.js';
import {
  logExpense,
  markBilled,
  markReimbursed,
  resubmitExpense,
  voidExpense,
  withdrawExpense,
} from '../../../../src/domain/expenses/expense-transitions.js';
import type { ClientContactActor } from '../../../../src/domain/people/actor.js';
import {
  admin,
  alice,
  approved,
  base,
  bob,
  cny,
  finance,
  oneStage,
  pending,
  returned,
  threeStagesAndFinance,
  twoStages,
  usd,
} from './expense-fixtures.js';

const AT = '2026-03-05T09:30:00Z';
const contact: ClientContactActor = { kind: 'client-contact', clientId: 'c-acme' };
const { id, submitterId: _s, version: _v, approvalRound: _r, ...details } = base;
const newExpense = { ...details, id };

describe('isInClosedPeriod', () => {
  it.each([
    ['2026-02-28', '2026-02-28', true],
    ['2026-02-01', '2026-02-28', true],
    ['2026-03-01', '2026-02-28', false],
    ['2025-12-31', undefined, false],
  ])('%s with closed through %s → %s', (date, closedThrough, closed) => {
    expect(isInClosedPeriod(date, closedThrough)).toBe(closed);
  });

  it('names the date and the closing day when refusing', () => {
    expect(checkPeriodOpen('2026-02-10', '2026-02-28')).toEqual({
      ok: false,
      error: { code: 'PERIOD_CLOSED', details: { date: '2026-02-10', closedThrough: '2026-02-28' } },
    });
    expect(checkPeriodOpen('2026-03-01', '2026-02-28')).toEqual({ ok: true, value: undefined });
  });

  it('throws on a date that is not YYYY-MM-DD', () => {
    expect(() => isInClosedPeriod('2026-02-30', '2026-02-28')).toThrow(RangeError);
    expect(() => isInClosedPeriod('3/2', '2026-02-28')).toThrow(RangeError);
  });
});

describe('logExpense', () => {
  it('given a two-stage chain, when a member logs, then it waits on stage 1 of 2 in round 1, version 1', () => {
    const result = logExpense({
      actor: alice,
      expense: newExpense,
      chain: twoStages,
      closedThrough: undefined,
    });
    expect(result).toEqual({
      ok: true,
      value: { ...base, status: 'pending', stage: 1, stageCount: 2, financeStage: false },
    });
  });

  it('given a chain with a finance stage, then the expense remembers it', () => {
    const result = logExpense({
      actor: alice,
      expense: newExpense,
      chain: threeStagesAndFinance,
      closedThrough: undefined,
    });
    expect(result.ok && result.value.status === 'pending' && result.value).toMatchObject({
      stageCount: 4,
      financeStage: true,
    });
  });

  it('given auto-approval, then it is approved at once for the full amount', () => {
    const result = logExpense({
      actor: alice,
      expense: newExpense,
      chain: 'auto-approve',
      closedThrough: undefined,
    });
    expect(result).toEqual({ ok: true, value: { ...base, status: 'approved', approvedAmountMinor: 48000 } });
  });

  it('given a date in a closed period, then logging is refused', () => {
    const result = logExpense({
      actor: alice,
      expense: newExpense,
      chain: oneStage,
      closedThrough: '2026-03-31',
    });
    expect(result.ok ? undefined : result.error.code).toBe('PERIOD_CLOSED');
  });

  it('given a client contact, then logging is forbidden and says members can', () => {
    const result = logExpense({
      actor: contact,
      expense: newExpense,
      chain: oneStage,
      closedThrough: undefined,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        details: { action: 'log', allowedRoles: 'member, approver, finance, admin', rule: 'role' },
      },
    });
  });

  it('throws on details that break invariants (the parser should have refused them)', () => {
    const log = (expense: typeof newExpense) =>
      logExpense({ actor: alice, expense, chain: oneStage, closedThrough: undefined });
    expect(() => log({ ...newExpense, original: cny(0), clientAmount: cny(0) })).toThrow(RangeError);
    expect(() => log({ ...newExpense, original: cny(100), clientAmount: cny(101) })).toThrow(RangeError);
    expect(() => log({ ...newExpense, original: usd(1000), clientAmount: cny(7200) })).toThrow(/rate/);
    expect(() => log({ ...newExpense, incurredOn: '2026-13-01' })).toThrow(RangeError);
  });

  it('given a conversion with its rate, then original and client amounts are both kept', () => {
    const converted = {
      ...newExpense,
      original: usd(1000),
      clientAmount: cny(7235),
      rate: '7.235',
      rateDate: '2026-03-01',
    };
    const result = logExpense({
      actor: alice,
      expense: converted,
      chain: oneStage,
      closedThrough: undefined,
    });
    expect(result.ok && result.value).toMatchObject({
      original: usd(1000),
      clientAmount: cny(7235),
      rate: '7.235',
    });
  });
});

describe('withdrawExpense', () => {
  it.each([pending({ stage: 2, stageCount: 2 }), returned()])(
    'given a $status expense, when the submitter withdraws, then it is withdrawn and its version moves on',
    (expense: Expense) => {
      expect(withdrawExpense(expense, { actor: alice })).toEqual({
        ok: true,
        value: { ...base, status: 'withdrawn', version: 2 },
      });
    },
  );

  it('given an approved expense, then withdrawal is refused as too late', () => {
    expect(withdrawExpense(approved(), { actor: alice })).toEqual({
      ok: false,
      error: {
        code: 'WRONG_STATUS',
        details: { action: 'withdraw', status: 'approved', allowedStatuses: 'pending, returned' },
      },
    });
  });

  it('given someone else, even an admin, then withdrawal is forbidden: only the submitter', () => {
    for (const actor of [bob, admin]) {
      const result = withdrawExpense(pending(), { actor });
      expect(result.ok ? undefined : result.error.details).toMatchObject({
        action: 'withdraw',
        rule: 'own-expense',
      });
    }
  });
});

describe('resubmitExpense', () => {
  it('given a returned expense, when resubmitted, then it starts again at stage 1 of a new round', () => {
    const result = resubmitExpense(returned({ version: 3 }), {
      actor: alice,
      chain: twoStages,
      closedThrough: undefined,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        ...base,
        version: 4,
        approvalRound: 2,
        status: 'pending',
        stage: 1,
        stageCount: 2,
        financeStage: false,
      },
    });
  });

  it('given a withdrawn expense, then it can be resubmitted too', () => {
    const withdrawn: Expense = { ...base, status: 'withdrawn' };
    const result = resubmitExpense(withdrawn, { actor: alice, chain: oneStage, closedThrough: undefined });
    expect(result.ok && result.value).toMatchObject({ status: 'pending', stage: 1, stageCount: 1 });
  });

  it.each([pending(), approved(), { ...base, status: 'rejected', reason: 'Personal' } as Expense])(
    'given a $status expense, then resubmission is refused',
    (expense) => {
      const result = resubmitExpense(expense, { actor: alice, chain: oneStage, closedThrough: undefined });
      expect(result.ok ? undefined : result.error.code).toBe('WRONG_STATUS');
    },
  );

  it('given its period has closed meanwhile, then resubmission is refused', () => {
    const result = resubmitExpense(returned(), {
      actor: alice,
      chain: oneStage,
      closedThrough: '2026-03-31',
    });
    expect(result.ok ? undefined : result.error.code).toBe('PERIOD_CLOSED');
  });
});

describe('voidExpense', () => {
  it('given an approved, billed expense, when finance voids it with a reason, then it keeps what was approved and billed', () => {
    const expense = approved({ approvedAmountMinor: 40000, billedAt: AT });
    const result = voidExpense(expense, {
      actor: finance,
      reason: '  Client disputed  ',
      closedThrough: undefined,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        ...base,
        version: 2,
        status: 'voided',
        reason: 'Client disputed',
        approvedAmountMinor: 40000,
        billedAt: AT,
      },
    });
  });

  it('given an admin, then voiding is allowed too', () => {
    expect(voidExpense(approved(), { actor: admin, reason: 'Duplicate', closedThrough: undefined }).ok).toBe(
      true,
    );
  });

  it('given the submitter without a finance role, then voiding is forbidden and names finance and admin', () => {
    const result = voidExpense(approved(), { actor: alice, reason: 'Oops', closedThrough: undefined });
    expect(result).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', details: { action: 'void', allowedRoles: 'finance, admin', rule: 'role' } },
    });
  });

  it('given a pending expense, then voiding is refused: only approved ones', () => {
    const result = voidExpense(pending(), { actor: finance, reason: 'Duplicate', closedThrough: undefined });
    expect(result.ok ? undefined : result.error).toEqual({
      code: 'WRONG_STATUS',
      details: { action: 'void', status: 'pending', allowedStatuses: 'approved' },
    });
  });

  it('given a blank reason, then a reason is required', () => {
    const result = voidExpense(approved(), { actor: finance, reason: '   ', closedThrough: undefined });
    expect(result.ok ? undefined : result.error.code).toBe('REASON_REQUIRED');
  });

  it('given a closed period, then voiding is refused', () => {
    const result = voidExpense(approved(), {
      actor: finance,
      reason: 'Duplicate',
      closedThrough: '2026-03-02',
    });
    expect(result.ok ? undefined : result.error.code).toBe('PERIOD_CLOSED');
  });
});

describe('markBilled and markReimbursed', () => {
  it('given an approved expense, when finance marks it billed, then billedAt is set and reimbursement is untouched', () => {
    const result = markBilled(approved(), { actor: finance, at: AT });
    expect(result).toEqual({ ok: true, value: { ...approved(), billedAt: AT, version: 2 } });
  });

  it('given a billed expense, when marked reimbursed, then both marks stand independently', () => {
    const result = markReimbursed(approved({ billedAt: AT }), { actor: admin, at: '2026-03-06T10:00:00Z' });
    expect(result.ok && result.value).toMatchObject({ billedAt: AT, reimbursedAt: '2026-03-06T10:00:00Z' });
  });

  it('given it is already billed, then a second mark is refused and says when', () => {
    expect(markBilled(approved({ billedAt: AT }), { actor: finance, at: AT })).toEqual({
      ok: false,
      error: { code: 'ALREADY_MARKED', details: { mark: 'billed', at: AT } },
    });
    const reimbursed = markReimbursed(approved({ reimbursedAt: AT }), { actor: finance, at: AT });
    expect(reimbursed.ok ? undefined : reimbursed.error.code).toBe('ALREADY_MARKED');
  });

  it('given a pending expense, then marking is refused', () => {
    const result = markReimbursed(pending(), { actor: finance, at: AT });
    expect(result.ok ? undefined : result.error.details).toMatchObject({
      action: 'mark-reimbursed',
      status: 'pending',
    });
  });

  it('given a member, then marking is forbidden', () => {
    const result = markBilled(approved(), { actor: alice, at: AT });
    expect(result.ok ? undefined : result.error.code).toBe('FORBIDDEN');
  });
});
