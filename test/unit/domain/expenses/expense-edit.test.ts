import { describe, expect, it } from 'vitest';
import type { PlannedStage } from '../../../../src/domain/approvals/approval-stage.js';
import type { Expense, ExpenseDetails } from '../../../../src/domain/expenses/expense.js';
import { detailsOf, type ExpensePatch, editExpense } from '../../../../src/domain/expenses/expense-edit.js';
import {
  admin,
  alice,
  approved,
  base,
  bob,
  cny,
  pending,
  returned,
  twoStages,
  usd,
} from './expense-fixtures.js';

const noClosedPeriods = (): undefined => undefined;

/** Edits as Alice with open periods; records which details the chain was planned for. */
const edit = (
  expense: Expense,
  patch: ExpensePatch,
  options: {
    closedThroughFor?: (clientId: string) => string | undefined;
    chain?: readonly PlannedStage[];
  } = {},
) => {
  const plannedFor: ExpenseDetails[] = [];
  const result = editExpense(expense, {
    actor: alice,
    patch,
    closedThroughFor: options.closedThroughFor ?? noClosedPeriods,
    chainFor: (edited) => {
      plannedFor.push(edited);
      return options.chain ?? twoStages;
    },
  });
  return { result, plannedFor };
};

describe('editExpense', () => {
  it('given a pending expense at stage 2, when the description changes, then it stays at stage 2 with a new version', () => {
    const expense = pending({ stage: 2, stageCount: 3, approvedAmountMinor: 40000 });
    const { result, plannedFor } = edit(expense, { description: 'Taxi to Acme HQ' });
    expect(result).toEqual({
      ok: true,
      value: {
        expense: { ...expense, description: 'Taxi to Acme HQ', version: 2 },
        changes: [{ field: 'description', old: 'Taxi to the client', new: 'Taxi to Acme HQ' }],
        restartsApproval: false,
      },
    });
    expect(plannedFor).toEqual([]);
  });

  it('given a pending expense, when the amount changes, then approval restarts at stage 1 of a new round', () => {
    const expense = pending({ stage: 2, stageCount: 2, approvedAmountMinor: 40000, version: 3 });
    const { result, plannedFor } = edit(expense, { original: cny(52000), clientAmount: cny(52000) });
    expect(result).toEqual({
      ok: true,
      value: {
        expense: {
          ...base,
          original: cny(52000),
          clientAmount: cny(52000),
          version: 4,
          approvalRound: 2,
          status: 'pending',
          stage: 1,
          stageCount: 2,
          financeStage: false,
        },
        changes: [
          { field: 'original', old: cny(48000), new: cny(52000) },
          { field: 'clientAmount', old: cny(48000), new: cny(52000) },
        ],
        restartsApproval: true,
      },
    });
    expect(plannedFor).toEqual([{ ...detailsOf(expense), original: cny(52000), clientAmount: cny(52000) }]);
    expect(plannedFor[0]).not.toHaveProperty('stage');
  });

  it.each<[string, ExpensePatch]>([
    ['client', { clientId: 'c-globex' }],
    ['category', { categoryCode: 'meals' }],
  ])('given a pending expense, when the %s changes, then approval restarts', (_label, patch) => {
    const { result } = edit(pending({ stage: 2, stageCount: 2 }), patch);
    expect(result.ok && result.value).toMatchObject({
      restartsApproval: true,
      expense: { stage: 1, approvalRound: 2 },
    });
  });

  it('given a returned expense, when the amount changes, then it stays returned for the submitter to resubmit', () => {
    const { result } = edit(returned(), { original: cny(30000), clientAmount: cny(30000) });
    expect(result.ok && result.value).toEqual({
      expense: { ...returned(), original: cny(30000), clientAmount: cny(30000), version: 2 },
      changes: [
        { field: 'original', old: cny(48000), new: cny(30000) },
        { field: 'clientAmount', old: cny(48000), new: cny(30000) },
      ],
      restartsApproval: false,
    });
  });

  it('given optional fields, when set and cleared, then the changes show null for "not set"', () => {
    const { result } = edit(pending({ merchant: 'Didi' }), { merchant: null, invoiceNumber: '04400123' });
    expect(result.ok && result.value.changes).toEqual([
      { field: 'merchant', old: 'Didi', new: null },
      { field: 'invoiceNumber', old: null, new: '04400123' },
    ]);
    expect(result.ok && 'merchant' in result.value.expense).toBe(false);
    expect(result.ok && result.value.expense.invoiceNumber).toBe('04400123');
  });

  it('given a patch that changes nothing, then the expense comes back as it was, same version', () => {
    const expense = pending();
    const { result } = edit(expense, { description: expense.description, original: cny(48000) });
    expect(result).toEqual({ ok: true, value: { expense, changes: [], restartsApproval: false } });
  });

  it('given an approved expense, then editing is refused', () => {
    const { result } = edit(approved(), { description: 'x' });
    expect(result.ok ? undefined : result.error).toEqual({
      code: 'WRONG_STATUS',
      details: { action: 'edit', status: 'approved', allowedStatuses: 'pending, returned' },
    });
  });

  it('given someone other than the submitter, then editing is forbidden', () => {
    for (const actor of [bob, admin]) {
      const result = editExpense(pending(), {
        actor,
        patch: { description: 'x' },
        closedThroughFor: noClosedPeriods,
        chainFor: () => twoStages,
      });
      expect(result.ok ? undefined : result.error.code).toBe('FORBIDDEN');
    }
  });

  it('given the expense is dated in a closed period, then editing is refused', () => {
    const { result } = edit(pending(), { description: 'x' }, { closedThroughFor: () => '2026-03-31' });
    expect(result.ok ? undefined : result.error.code).toBe('PERIOD_CLOSED');
  });

  it('given a new date inside a closed period, then editing is refused', () => {
    const { result } = edit(
      pending(),
      { incurredOn: '2026-02-27' },
      { closedThroughFor: () => '2026-02-28' },
    );
    expect(result.ok ? undefined : result.error).toEqual({
      code: 'PERIOD_CLOSED',
      details: { date: '2026-02-27', closedThrough: '2026-02-28' },
    });
  });

  it('given a move to a client whose period is closed, then editing is refused', () => {
    const closedThroughFor = (clientId: string) => (clientId === 'c-globex' ? '2026-03-31' : undefined);
    const { result } = edit(pending(), { clientId: 'c-globex' }, { closedThroughFor });
    expect(result.ok ? undefined : result.error.code).toBe('PERIOD_CLOSED');
  });

  it('given a currency change without a rate, then it throws: conversion is the use case’s job', () => {
    expect(() => edit(pending(), { original: usd(1000) })).toThrow(/rate/);
  });
});
