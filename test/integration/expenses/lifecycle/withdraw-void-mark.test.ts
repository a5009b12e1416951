// Acceptance table for withdrawing, voiding and marking: rows written, audit events, outbox messages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ExpenseMark, markExpense } from '../../../../src/domain/expenses/lifecycle/mark-expense.js';
import { resubmitExpense } from '../../../../src/domain/expenses/lifecycle/resubmit-expense.js';
import { voidApprovedExpense } from '../../../../src/domain/expenses/lifecycle/void-approved-expense.js';
import { withdrawSubmittedExpense } from '../../../../src/domain/expenses/lifecycle/withdraw-submitted-expense.js';
import type { Person } from '../../../support/expense-world.js';
import { testEngines } from '../../../support/test-databases.js';
import { createHarness, type Harness, NOTHING } from './lifecycle-harness.js';

describe.each(testEngines())('withdrawing, voiding and marking on %s', (engine) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(engine);
  });
  afterEach(async () => {
    await h.destroy();
  });

  const withdraw = async (person: Person, expenseId: string) =>
    withdrawSubmittedExpense(h.deps)(await h.world.ctx(person), { expenseId });
  const voidIt = async (person: Person, expenseId: string, reason: string) =>
    voidApprovedExpense(h.deps)(await h.world.ctx(person), { expenseId, reason });
  const mark = async (person: Person, expenseId: string, which: ExpenseMark) =>
    markExpense(h.deps)(await h.world.ctx(person), { expenseId, mark: which });
  const approved = async (amount = '480') => {
    const id = await h.log('alice', amount);
    const decided = await h.decide('bob', { expenseId: id, decision: { kind: 'approve' } });
    if (!decided.ok) throw new Error(JSON.stringify(decided));
    return id;
  };

  it('withdraw a pending expense: withdrawn, audited, the open card superseded', async () => {
    const id = await h.log('alice');
    await h.checkpoint();
    const result = await withdraw('alice', id);
    expect(result).toMatchObject({ ok: true, value: { expense: { id, status: 'withdrawn', version: 2 } } });
    expect(await h.written()).toEqual({
      ...NOTHING,
      audit: ['expense.withdrawn'],
      outbox: ['approval-superseded → console:#acme-team', 'approval-superseded → member:bob'],
    });
    const [event] = await h.newEvents();
    expect(event).toMatchObject({
      actorId: 'alice',
      before: { status: 'pending', stage: 1, version: 1 },
      after: { status: 'withdrawn', version: 2 },
    });
    const superseded = (await h.newMessages()).find((m) => m.address === 'member:bob');
    expect(superseded?.payload).toMatchObject({ because: 'withdrawn', round: 1, stage: 1 });
    expect((await h.world.expenseRow(id))?.status).toBe('withdrawn');

    // The card from before the withdrawal no longer decides anything.
    const click = await h.decide('bob', {
      expenseId: id,
      decision: { kind: 'approve' },
      card: { version: 1, stage: 1 },
    });
    expect(click).toMatchObject({ ok: false, error: { code: 'NOT_PENDING' } });

    // Withdrawn, it can come back through resubmission.
    const back = await resubmitExpense(h.deps)(await h.world.ctx('alice'), { expenseId: id });
    expect(back).toMatchObject({ ok: true, value: { expense: { status: 'pending', approvalRound: 2 } } });
  });

  it('withdraw a returned expense: no open card, so nothing to announce', async () => {
    const id = await h.log('alice');
    await h.decide('bob', { expenseId: id, decision: { kind: 'return', whatIsNeeded: 'a receipt' } });
    await h.checkpoint();
    expect(await withdraw('alice', id)).toMatchObject({
      ok: true,
      value: { expense: { status: 'withdrawn' } },
    });
    expect(await h.written()).toEqual({ ...NOTHING, audit: ['expense.withdrawn'] });
  });

  it.each([
    ['someone else’s expense', 'erin', false, 'FORBIDDEN'],
    ['an approved expense', 'alice', true, 'WRONG_STATUS'],
  ] as const)(
    'withdrawing %s is refused with %s and writes nothing',
    async (_name, person, approve, code) => {
      const id = approve ? await approved() : await h.log('alice');
      await h.checkpoint();
      expect(await withdraw(person, id)).toMatchObject({ ok: false, error: { code } });
      expect(await h.written()).toEqual(NOTHING);
    },
  );

  it('void after approval by finance: voided with the reason, audited, the submitter told', async () => {
    const id = await approved();
    await h.checkpoint();
    const result = await voidIt('fay', id, '  charged twice by the restaurant ');
    expect(result).toMatchObject({
      ok: true,
      value: {
        expense: {
          status: 'voided',
          reason: 'charged twice by the restaurant',
          approvedAmountMinor: 48_000,
          version: 3,
        },
      },
    });
    expect(await h.written()).toEqual({
      ...NOTHING,
      audit: ['expense.voided'],
      outbox: ['expense-voided → member:alice'],
    });
    const [event] = await h.newEvents();
    expect(event).toMatchObject({
      actorId: 'fay',
      before: { status: 'approved', approvedAmountMinor: 48_000, version: 2 },
      after: { status: 'voided', reason: 'charged twice by the restaurant', version: 3 },
    });
    const [notice] = await h.newMessages();
    expect(notice?.payload).toMatchObject({
      expenseId: id,
      voidedBy: 'fay',
      reason: 'charged twice by the restaurant',
    });
    expect(await h.world.expenseRow(id)).toMatchObject({
      status: 'voided',
      statusReason: 'charged twice by the restaurant',
    });
  });

  it.each([
    ['by a member', 'alice', 'a reason', true, 'FORBIDDEN'],
    ['by the approver', 'bob', 'a reason', true, 'FORBIDDEN'],
    ['without a reason', 'fay', '   ', true, 'REASON_REQUIRED'],
    ['of a pending expense', 'adam', 'a reason', false, 'WRONG_STATUS'],
  ] as const)(
    'a void %s is refused with %s and writes nothing',
    async (_name, person, reason, approve, code) => {
      const id = approve ? await approved() : await h.log('alice');
      await h.checkpoint();
      expect(await voidIt(person, id, reason)).toMatchObject({ ok: false, error: { code } });
      expect(await h.written()).toEqual(NOTHING);
    },
  );

  it('mark billed once: stamped and audited; the second time ALREADY_MARKED and nothing written', async () => {
    const id = await approved();
    await h.checkpoint();
    const first = await mark('fay', id, 'billed');
    expect(first).toMatchObject({
      ok: true,
      value: {
        mark: 'billed',
        at: '2026-03-10T04:00:00.000Z',
        expense: { billedAt: '2026-03-10T04:00:00.000Z' },
      },
    });
    expect(await h.written()).toEqual({ ...NOTHING, audit: ['expense.marked-billed'] });
    const [event] = await h.newEvents();
    expect(event).toMatchObject({
      actorId: 'fay',
      before: { billedAt: null, version: 2 },
      after: { billedAt: '2026-03-10T04:00:00.000Z', version: 3 },
    });

    await h.checkpoint();
    h.world.clock.advance(60_000);
    const second = await mark('adam', id, 'billed');
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_MARKED', details: { mark: 'billed', at: '2026-03-10T04:00:00.000Z' } },
    });
    expect(await h.written()).toEqual(NOTHING);
  });

  it('mark reimbursed is independent of billed, and the submitter hears of it', async () => {
    const id = await approved();
    await mark('fay', id, 'billed');
    await h.checkpoint();
    const result = await mark('fay', id, 'reimbursed');
    expect(result).toMatchObject({
      ok: true,
      value: { expense: { billedAt: '2026-03-10T04:00:00.000Z', reimbursedAt: '2026-03-10T04:00:00.000Z' } },
    });
    expect(await h.written()).toEqual({
      ...NOTHING,
      audit: ['expense.marked-reimbursed'],
      outbox: ['expense-reimbursed → member:alice'],
    });
    const row = await h.world.expenseRow(id);
    expect(row?.billedAt?.toISOString()).toBe('2026-03-10T04:00:00.000Z');
    expect(row?.reimbursedAt?.toISOString()).toBe('2026-03-10T04:00:00.000Z');
  });

  it.each([
    ['by a member', 'alice', true, 'FORBIDDEN'],
    ['of a pending expense', 'fay', false, 'WRONG_STATUS'],
  ] as const)('a mark %s is refused with %s and writes nothing', async (_name, person, approve, code) => {
    const id = approve ? await approved() : await h.log('alice');
    await h.checkpoint();
    expect(await mark(person, id, 'reimbursed')).toMatchObject({ ok: false, error: { code } });
    expect(await h.written()).toEqual(NOTHING);
  });
});
