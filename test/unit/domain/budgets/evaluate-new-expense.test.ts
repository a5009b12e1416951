import { describe, expect, it } from 'vitest';
import {
  type BudgetEvaluation,
  enforceBudgets,
  evaluateNewExpense,
} from '../../../../src/domain/budgets/evaluate-new-expense.js';
import { periodContaining } from '../../../../src/domain/periods/budget-period.js';
import { aBudget } from './budget-fixtures.js';

const march = periodContaining('monthly', '2026-03-02');
const member = { override: false, actorCanOverride: false };

describe('evaluateNewExpense', () => {
  it('Given spend well under every threshold, Then the outcome is ok', () => {
    const result = evaluateNewExpense({
      budget: aBudget(10_000),
      consumption: { actualMinor: 1_000, committedMinor: 1_000 },
      newAmountMinor: 1_000,
      ...member,
    });
    expect(result).toMatchObject({
      outcome: 'ok',
      crossed: [],
      percentNowBp: 2_000,
      percentAfterBp: 3_000,
      appendFinanceStage: false,
    });
    expect(result.willExceedByMinor).toBeUndefined();
    expect(result.refusal).toBeUndefined();
  });

  it('Given committed spend counts too, When the item reaches 50 % of 333 exactly at 167, Then it warns', () => {
    const result = evaluateNewExpense({
      budget: aBudget(333, 'block'),
      consumption: { actualMinor: 100, committedMinor: 50 },
      newAmountMinor: 17,
      ...member,
    });
    expect(result).toMatchObject({
      outcome: 'warn',
      crossed: [50],
      consumedAfterMinor: 167,
      percentAfterBp: 5015,
    });
    const oneShort = evaluateNewExpense({
      budget: aBudget(333, 'block'),
      consumption: { actualMinor: 100, committedMinor: 50 },
      newAmountMinor: 16,
      ...member,
    });
    expect(oneShort).toMatchObject({ outcome: 'ok', crossed: [] });
  });

  it('Given a warn budget, When the item exceeds it, Then it warns and says by how much', () => {
    const result = evaluateNewExpense({
      budget: aBudget(10_000, 'warn'),
      consumption: { actualMinor: 6_000, committedMinor: 3_000 },
      newAmountMinor: 1_500,
      ...member,
    });
    expect(result).toMatchObject({
      outcome: 'warn',
      crossed: [100],
      willExceedByMinor: 500,
      appendFinanceStage: false,
    });
  });

  it('Given an escalate budget, When the item exceeds it, Then a finance stage is appended', () => {
    const result = evaluateNewExpense({
      budget: aBudget(10_000, 'escalate'),
      consumption: { actualMinor: 9_000, committedMinor: 0 },
      newAmountMinor: 2_000,
      ...member,
    });
    expect(result).toMatchObject({ outcome: 'escalate', willExceedByMinor: 1_000, appendFinanceStage: true });
  });

  it('Given an escalate budget, When the item only crosses 80 %, Then it warns without escalating', () => {
    const result = evaluateNewExpense({
      budget: aBudget(10_000, 'escalate'),
      consumption: { actualMinor: 7_000, committedMinor: 0 },
      newAmountMinor: 1_000,
      ...member,
    });
    expect(result).toMatchObject({ outcome: 'warn', crossed: [80], appendFinanceStage: false });
  });

  it('Given a block budget, When pending items plus the new one would exceed it, Then it is refused with the facts', () => {
    const result = evaluateNewExpense({
      budget: aBudget(10_000, 'block'),
      consumption: { actualMinor: 2_000, committedMinor: 7_500 },
      newAmountMinor: 1_200,
      period: march,
      ...member,
    });
    expect(result.outcome).toBe('blocked');
    expect(result.willExceedByMinor).toBe(700);
    expect(result.appendFinanceStage).toBe(false);
    expect(result.refusal).toEqual({
      code: 'BUDGET_WOULD_BE_EXCEEDED',
      details: {
        budgetId: 'bud-acme-monthly',
        periodKey: '2026-03',
        periodEnd: '2026-03-31',
        budgetMinor: 10_000,
        currency: 'CNY',
        actualMinor: 2_000,
        committedMinor: 7_500,
        newAmountMinor: 1_200,
        exceedByMinor: 700,
        canRaise: 'finance,admin',
        overrideRequested: false,
      },
    });
  });

  it('Given a block budget, When the item lands exactly on 100 %, Then it is allowed (reaching is not exceeding)', () => {
    const result = evaluateNewExpense({
      budget: aBudget(10_000, 'block'),
      consumption: { actualMinor: 9_000, committedMinor: 0 },
      newAmountMinor: 1_000,
      ...member,
    });
    expect(result).toMatchObject({ outcome: 'warn', crossed: [100] });
    expect(result.willExceedByMinor).toBeUndefined();
  });

  it('Given a block budget, When finance logs with override, Then it goes ahead with a finance stage', () => {
    const result = evaluateNewExpense({
      budget: aBudget(10_000, 'block'),
      consumption: { actualMinor: 9_500, committedMinor: 0 },
      newAmountMinor: 1_000,
      override: true,
      actorCanOverride: true,
    });
    expect(result).toMatchObject({ outcome: 'override', willExceedByMinor: 500, appendFinanceStage: true });
    expect(result.refusal).toBeUndefined();
  });

  it('Given a block budget, When a member writes override, Then it is still refused and the attempt is noted', () => {
    const result = evaluateNewExpense({
      budget: aBudget(10_000, 'block'),
      consumption: { actualMinor: 9_500, committedMinor: 0 },
      newAmountMinor: 1_000,
      override: true,
      actorCanOverride: false,
    });
    expect(result.outcome).toBe('blocked');
    expect(result.refusal?.details).toMatchObject({ overrideRequested: true, canRaise: 'finance,admin' });
  });

  it('Given a budget already over, When a negative correction arrives, Then it is not blocked', () => {
    const result = evaluateNewExpense({
      budget: aBudget(10_000, 'block'),
      consumption: { actualMinor: 12_000, committedMinor: 0 },
      newAmountMinor: -500,
      ...member,
    });
    expect(result.outcome).toBe('ok');
    expect(result.willExceedByMinor).toBe(1_500);
  });
});

describe('enforceBudgets', () => {
  const evaluate = (action: 'warn' | 'escalate' | 'block', id: string, override = false): BudgetEvaluation =>
    evaluateNewExpense({
      budget: aBudget(1_000, action, { id }),
      consumption: { actualMinor: 900, committedMinor: 0 },
      newAmountMinor: 200,
      override,
      actorCanOverride: override,
    });

  it('Given several budgets, When one escalates, Then one finance stage is asked for', () => {
    const gate = enforceBudgets([
      evaluate('warn', 'a'),
      evaluate('escalate', 'b'),
      evaluate('escalate', 'c'),
    ]);
    expect(gate.ok && gate.value.appendFinanceStage).toBe(true);
  });

  it('Given one blocking budget among several, Then the item is refused with that budget named', () => {
    const gate = enforceBudgets([evaluate('warn', 'a'), evaluate('block', 'b')]);
    expect(gate.ok).toBe(false);
    if (!gate.ok) expect(gate.error.details?.budgetId).toBe('b');
  });

  it('Given an overridden block, Then the overridden budget is listed for the record', () => {
    const gate = enforceBudgets([evaluate('block', 'b', true)]);
    expect(gate.ok && gate.value.overriddenBudgetIds).toEqual(['b']);
  });

  it('Given no budgets, Then nothing is appended', () => {
    const gate = enforceBudgets([]);
    expect(gate).toEqual({
      ok: true,
      value: { appendFinanceStage: false, overriddenBudgetIds: [], evaluations: [] },
    });
  });
});
