// Acceptance table for editing and resubmitting: each row asserts the rows written, the audit events and the
// outbox messages of one request — and that a refused request writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type EditSubmittedExpenseInput,
  editSubmittedExpense,
} from '../../../../src/domain/expenses/lifecycle/edit-submitted-expense.js';
import { resubmitExpense } from '../../../../src/domain/expenses/lifecycle/resubmit-expense.js';
import * as schema from '../../../../src/storage/schema/index.js';
import { amountOf, ORG, type Person } from '../../../support/expense-world.js';
import { testEngines } from '../../../support/test-databases.js';
import { createHarness, type Harness, NOTHING } from './lifecycle-harness.js';

describe.each(testEngines())('editing and resubmitting on %s', (engine) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(engine);
  });
  afterEach(async () => {
    await h.destroy();
  });

  const edit = async (person: Person, input: EditSubmittedExpenseInput, key?: string) =>
    editSubmittedExpense(h.deps)(
      await h.world.ctx(person, key === undefined ? {} : { idempotencyKey: key }),
      input,
    );
  const resubmit = async (person: Person, expenseId: string) =>
    resubmitExpense(h.deps)(await h.world.ctx(person), { expenseId });

  it('returned, edited, resubmitted: a new round at stage 1 and the approver is asked again', async () => {
    const id = await h.log('alice');
    const returned = await h.decide('bob', {
      expenseId: id,
      decision: { kind: 'return', whatIsNeeded: 'which meeting was this?' },
    });
    expect(returned).toMatchObject({ ok: true, value: { expense: { status: 'returned', version: 2 } } });

    await h.checkpoint();
    const edited = await edit('alice', { expenseId: id, description: '  lunch with the Acme CFO ' });
    if (!edited.ok || edited.value.replayed) throw new Error(JSON.stringify(edited));
    expect(edited.value).toMatchObject({
      restartsApproval: false,
      expense: { status: 'returned', version: 3, approvalRound: 1, description: 'lunch with the Acme CFO' },
      changes: [{ field: 'description', old: 'team lunch', new: 'lunch with the Acme CFO' }],
    });
    // A returned expense has no open card: nothing to announce.
    expect(await h.written()).toEqual({ ...NOTHING, audit: ['expense.edited'] });
    const [editEvent] = await h.newEvents();
    expect(editEvent).toMatchObject({
      actorId: 'alice',
      entityType: 'expense',
      entityId: id,
      before: { status: 'returned', version: 2, fields: { description: 'team lunch' } },
      after: { status: 'returned', version: 3, fields: { description: 'lunch with the Acme CFO' } },
    });

    await h.checkpoint();
    const again = await resubmit('alice', id);
    if (!again.ok || again.value.replayed) throw new Error(JSON.stringify(again));
    expect(again.value.expense).toMatchObject({
      status: 'pending',
      stage: 1,
      stageCount: 1,
      approvalRound: 2,
      version: 4,
    });
    expect(again.value.approvers).toEqual([{ memberId: 'bob' }]);
    expect(await h.written()).toEqual({
      ...NOTHING,
      steps: 1,
      audit: ['expense.resubmitted'],
      outbox: ['approval-request → console:#acme-team', 'approval-request → member:bob'],
    });
    expect(await h.steps(id)).toMatchObject([
      { round: 1, stage: 1, decision: 'returned', deciderId: 'bob' },
      { round: 2, stage: 1, decision: null, eligibleMemberIds: ['bob'] },
    ]);
    const [request] = (await h.newMessages()).filter((m) => m.address === 'member:bob');
    expect(request?.payload).toMatchObject({ expenseId: id, round: 2, stage: 1, version: 4 });

    // The new card decides the new round.
    const approved = await h.decide('bob', {
      expenseId: id,
      decision: { kind: 'approve' },
      card: { version: 4, stage: 1 },
    });
    expect(approved).toMatchObject({ ok: true, value: { expense: { status: 'approved' } } });
  });

  it('an edit of the amount on a pending expense restarts the chain and supersedes the old card', async () => {
    const id = await h.log('alice', '480');
    await h.checkpoint();
    const edited = await edit('alice', { expenseId: id, amount: amountOf('1,200') });
    if (!edited.ok || edited.value.replayed) throw new Error(JSON.stringify(edited));
    // Above 500 the chain has two stages; the round restarts at stage 1.
    expect(edited.value).toMatchObject({
      restartsApproval: true,
      expense: { status: 'pending', stage: 1, stageCount: 2, approvalRound: 2, version: 2 },
      approvers: [{ memberId: 'bob' }],
    });
    expect(await h.written()).toEqual({
      ...NOTHING,
      steps: 1,
      audit: ['expense.edited'],
      outbox: [
        'approval-request → console:#acme-team',
        'approval-request → member:bob',
        'approval-superseded → console:#acme-team',
        'approval-superseded → member:bob',
      ],
    });
    const superseded = (await h.newMessages()).find(
      (m) => m.kind === 'approval-superseded' && m.address === 'member:bob',
    );
    expect(superseded?.payload).toMatchObject({
      expenseId: id,
      round: 1,
      stage: 1,
      because: 'edited',
      version: 2,
      replaces: `approval-request:${id}:r1:s1:bob`,
    });
    const [event] = await h.newEvents();
    expect(event?.before).toMatchObject({
      round: 1,
      fields: {
        original: { amountMinor: 48_000, currency: 'CNY' },
        clientAmount: { amountMinor: 48_000, currency: 'CNY' },
      },
    });
    expect(event?.after).toMatchObject({
      round: 2,
      restartsApproval: true,
      fields: { original: { amountMinor: 120_000 }, clientAmount: { amountMinor: 120_000 } },
    });

    // Round 1's card is stale: clicking it changes nothing.
    await h.checkpoint();
    const stale = await h.decide('bob', {
      expenseId: id,
      decision: { kind: 'approve' },
      card: { version: 1, stage: 1 },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE_VERSION' } });
    expect(await h.written()).toEqual(NOTHING);

    const fresh = await h.decide('bob', {
      expenseId: id,
      decision: { kind: 'approve' },
      card: { version: 2, stage: 1 },
    });
    expect(fresh).toMatchObject({
      ok: true,
      value: { expense: { status: 'pending', stage: 2 }, nextApprovers: [{ memberId: 'carol' }] },
    });
  });

  it('an amount edit after stage 1 was approved asks stage 1 again and supersedes the stage-2 card', async () => {
    const id = await h.log('alice', '1,200');
    await h.decide('bob', { expenseId: id, decision: { kind: 'approve' } });
    await h.checkpoint();
    const edited = await edit('alice', { expenseId: id, amount: amountOf('1,100') });
    expect(edited).toMatchObject({
      ok: true,
      value: { restartsApproval: true, expense: { stage: 1, approvalRound: 2, version: 3 } },
    });
    expect(await h.written()).toEqual({
      ...NOTHING,
      steps: 1,
      audit: ['expense.edited'],
      outbox: [
        'approval-request → console:#acme-team',
        'approval-request → member:bob',
        'approval-superseded → console:#acme-team',
        'approval-superseded → member:carol',
      ],
    });
    // Separation of duties counts the current round only: bob may decide stage 1 again.
    const again = await h.decide('bob', { expenseId: id, decision: { kind: 'approve' } });
    expect(again).toMatchObject({ ok: true, value: { expense: { stage: 2 } } });
  });

  it('an edit of the description only keeps the chain and refreshes the open cards', async () => {
    const id = await h.log('alice');
    await h.checkpoint();
    const edited = await edit('alice', {
      expenseId: id,
      description: 'lunch with the client',
      merchant: 'Din Tai Fung',
    });
    expect(edited).toMatchObject({
      ok: true,
      value: {
        restartsApproval: false,
        expense: { status: 'pending', stage: 1, approvalRound: 1, version: 2, merchant: 'Din Tai Fung' },
      },
    });
    expect(await h.written()).toEqual({
      ...NOTHING,
      audit: ['expense.edited'],
      outbox: ['approval-updated → console:#acme-team', 'approval-updated → member:bob'],
    });
    const [event] = await h.newEvents();
    expect(event?.after).toMatchObject({
      fields: { description: 'lunch with the client', merchant: 'Din Tai Fung' },
      restartsApproval: false,
    });
    expect(event?.before).toMatchObject({ fields: { description: 'team lunch', merchant: null } });
    const refresh = (await h.newMessages()).find((m) => m.address === 'member:bob');
    expect(refresh?.payload).toMatchObject({
      version: 2,
      round: 1,
      stage: 1,
      replaces: `approval-request:${id}:r1:s1:bob`,
    });
    expect(await h.steps(id)).toHaveLength(1);

    const stale = await h.decide('bob', {
      expenseId: id,
      decision: { kind: 'approve' },
      card: { version: 1, stage: 1 },
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE_VERSION' } });
    const approved = await h.decide('bob', {
      expenseId: id,
      decision: { kind: 'approve' },
      card: { version: 2, stage: 1 },
    });
    expect(approved).toMatchObject({ ok: true, value: { expense: { status: 'approved' } } });
  });

  it.each([
    ['another member', 'erin'],
    ['the approver', 'bob'],
    ['finance', 'fay'],
  ] as const)('an edit by %s is FORBIDDEN and writes nothing', async (_who, person) => {
    const id = await h.log('alice');
    await h.checkpoint();
    const result = await edit(person, { expenseId: id, amount: amountOf('12') });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { action: 'edit', rule: 'own-expense' } },
    });
    expect(await h.written()).toEqual(NOTHING);
  });

  it('an approved expense cannot be edited: WRONG_STATUS, nothing written', async () => {
    const id = await h.log('alice');
    await h.decide('bob', { expenseId: id, decision: { kind: 'approve' } });
    await h.checkpoint();
    const result = await edit('alice', { expenseId: id, description: 'too late' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'WRONG_STATUS', details: { status: 'approved', allowedStatuses: 'pending, returned' } },
    });
    expect(await h.written()).toEqual(NOTHING);
  });

  it('an unknown id is EXPENSE_UNKNOWN; a typed id in any case finds the expense', async () => {
    expect(await edit('alice', { expenseId: 'ACME-0000', description: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'EXPENSE_UNKNOWN' },
    });
    const id = await h.log('alice');
    const result = await edit('alice', { expenseId: id.toLowerCase(), description: 'x' });
    expect(result).toMatchObject({ ok: true, value: { expense: { id, description: 'x' } } });
  });

  it('an edit that changes nothing writes nothing', async () => {
    const id = await h.log('alice');
    await h.checkpoint();
    const result = await edit('alice', { expenseId: id, description: 'team lunch', categoryText: '餐饮' });
    expect(result).toMatchObject({ ok: true, value: { changes: [], expense: { version: 1 } } });
    expect(await h.written()).toEqual(NOTHING);
  });

  it('a new category restarts approval and brings its billable default, unless billable was chosen', async () => {
    const id = await h.log('alice');
    const edited = await edit('alice', { expenseId: id, categoryText: '#招待' });
    expect(edited).toMatchObject({
      ok: true,
      value: { restartsApproval: true, expense: { categoryCode: 'entertainment', billable: false } },
    });
    const chosen = await h.log('erin', '300', { billable: false });
    const kept = await edit('erin', { expenseId: chosen, categoryText: 'travel' });
    expect(kept).toMatchObject({ ok: true, value: { expense: { categoryCode: 'travel', billable: false } } });
  });

  it('a foreign amount is converted at the rate of the expense day; the currency stays the one paid in', async () => {
    const id = await h.log('alice', '$10', { date: { kind: 'absolute', date: '2026-03-02' } });
    const edited = await edit('alice', { expenseId: id, amount: amountOf('12.35') });
    // 1235 × 7.1234 = 8797.399 → 8797
    expect(edited).toMatchObject({
      ok: true,
      value: {
        expense: {
          original: { amountMinor: 1235, currency: 'USD' },
          clientAmount: { amountMinor: 8797, currency: 'CNY' },
          rate: '7.1234',
          rateDate: '2026-03-01',
        },
      },
    });
    const back = await edit('alice', { expenseId: id, amount: amountOf('88'), currency: undefined });
    expect(back).toMatchObject({ ok: true, value: { expense: { original: { currency: 'USD' } } } });
    const yuan = await edit('alice', { expenseId: id, amount: amountOf('¥88') });
    expect(yuan).toMatchObject({
      ok: true,
      value: {
        expense: { original: { amountMinor: 8800, currency: 'CNY' }, clientAmount: { amountMinor: 8800 } },
      },
    });
    const row = await h.world.expenseRow(id);
    expect(row).toMatchObject({ rate: null, rateDate: null });
  });

  it.each([
    ['a zero amount', { amount: amountOf('0') }, 'AMOUNT_ZERO'],
    ['a negative amount', { amount: amountOf('-5') }, 'AMOUNT_NEGATIVE'],
    ['an unknown category', { categoryText: 'yachts' }, 'UNKNOWN_CATEGORY'],
    ['an unknown client', { clientCode: 'nobody' }, 'CLIENT_UNKNOWN'],
    ['a future date', { date: { kind: 'absolute', date: '2026-03-11' } }, 'DATE_IN_FUTURE'],
    ['a currency without an amount', { currency: 'USD' }, 'AMOUNT_MISSING'],
  ] as const)('%s is refused with %s and nothing is written', async (_name, patch, code) => {
    const id = await h.log('alice');
    await h.checkpoint();
    const result = await edit('alice', { expenseId: id, ...(patch as Partial<EditSubmittedExpenseInput>) });
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(await h.written()).toEqual(NOTHING);
  });

  it('budgets are measured without the expense’s own old amount; a blocking one refuses a larger edit', async () => {
    await h.world.database.db.insert(schema.budgets).values({
      organisationId: ORG,
      id: 'budget-acme',
      clientId: 'c-acme',
      period: 'monthly',
      amountMinor: 100_000,
      currency: 'CNY',
      thresholdsPercent: [50, 80, 100],
      action: 'block',
      createdBy: 'adam',
    });
    const id = await h.log('alice', '900');
    // 950 alone fits the 1 000 budget; counting the old 900 as well would not.
    const within = await edit('alice', { expenseId: id, amount: amountOf('950') });
    expect(within).toMatchObject({ ok: true, value: { expense: { clientAmount: { amountMinor: 95_000 } } } });

    await h.checkpoint();
    const over = await edit('alice', { expenseId: id, amount: amountOf('1,100') });
    expect(over).toMatchObject({
      ok: false,
      error: { code: 'BUDGET_WOULD_BE_EXCEEDED', details: { exceedByMinor: 10_000 } },
    });
    expect(await h.written()).toEqual(NOTHING);
    // A change of wording never moves the expense against its budget.
    const wording = await edit('alice', { expenseId: id, description: 'offsite lunch' });
    expect(wording.ok).toBe(true);
  });

  it('a repeated edit with the same idempotency key changes the expense once', async () => {
    const id = await h.log('alice');
    await h.checkpoint();
    const first = await edit('alice', { expenseId: id, amount: amountOf('300') }, 'slack:edit:1');
    const second = await edit('alice', { expenseId: id, amount: amountOf('300') }, 'slack:edit:1');
    expect(first).toMatchObject({ ok: true, value: { replayed: false } });
    expect(second).toEqual({ ok: true, value: { replayed: true, expenseId: id } });
    expect((await h.written()).audit).toEqual(['expense.edited']);
  });

  it.each([
    ['a pending expense', 'pending'],
    ['an approved expense', 'approved'],
  ] as const)('resubmitting %s is WRONG_STATUS and writes nothing', async (_name, status) => {
    const id = await h.log('alice');
    if (status === 'approved') await h.decide('bob', { expenseId: id, decision: { kind: 'approve' } });
    await h.checkpoint();
    expect(await resubmit('alice', id)).toMatchObject({
      ok: false,
      error: { code: 'WRONG_STATUS', details: { status } },
    });
    expect(await h.written()).toEqual(NOTHING);
  });

  it('resubmitting someone else’s returned expense is FORBIDDEN', async () => {
    const id = await h.log('alice');
    await h.decide('bob', { expenseId: id, decision: { kind: 'return', whatIsNeeded: 'receipt' } });
    await h.checkpoint();
    expect(await resubmit('erin', id)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.written()).toEqual(NOTHING);
  });
});
