// `show` and `list`: who may see what, newest first a page at a time — and reading writes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ListExpensesInput,
  listExpenses,
} from '../../../../src/domain/expenses/lifecycle/list-expenses.js';
import { showExpense } from '../../../../src/domain/expenses/lifecycle/show-expense.js';
import { attachReceipt } from '../../../../src/domain/receipts/attach-receipt.js';
import * as schema from '../../../../src/storage/schema/index.js';
import { ORG, type Person } from '../../../support/expense-world.js';
import { jpegBytes } from '../../../support/receipt-fixtures.js';
import { testEngines } from '../../../support/test-databases.js';
import { createHarness, type Harness, NOTHING } from './lifecycle-harness.js';

const on = (date: string) => ({ date: { kind: 'absolute', date } as const });

describe.each(testEngines())('showing and listing on %s', (engine) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(engine);
  });
  afterEach(async () => {
    await h.destroy();
  });

  const show = async (person: Person, expenseId: string) =>
    showExpense(h.deps)(await h.world.ctx(person), { expenseId });
  const list = async (person: Person, input: ListExpensesInput = {}) =>
    listExpenses(h.deps)(await h.world.ctx(person), input);
  const idsOf = (result: Awaited<ReturnType<typeof list>>): string[] => {
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.value.items.map((item) => item.id);
  };

  it('show: the expense, its decisions, who it waits on and its receipt count', async () => {
    const id = await h.log('alice', '1,200');
    await h.decide('bob', { expenseId: id, decision: { kind: 'approve', comment: 'fine' } });
    await attachReceipt(h.receiptDeps)(await h.world.ctx('alice'), { expenseId: id, bytes: jpegBytes('s') });

    await h.checkpoint();
    const result = await show('alice', id.toLowerCase());
    expect(result).toMatchObject({
      ok: true,
      value: {
        expense: { id, status: 'pending', stage: 2, stageCount: 2 },
        kind: 'expense',
        client: { code: 'acme' },
        steps: [{ round: 1, stage: 1, decision: 'approved', deciderId: 'bob', reason: 'fine' }],
        waitingOn: { round: 1, stage: 2, eligibleMemberIds: ['carol'] },
        receiptCount: 1,
      },
    });
    expect(await h.written()).toEqual(NOTHING);
  });

  it.each([
    ['the submitter', 'alice', true],
    ['an approver of the client at another stage', 'dave', true],
    ['the approver who decided', 'bob', true],
    ['finance', 'fay', true],
    ['an admin', 'adam', true],
    ['another member', 'erin', false],
  ] as const)('show by %s: allowed %s', async (_who, person, allowed) => {
    const id = await h.log('alice');
    const result = await show(person, id);
    if (allowed) expect(result).toMatchObject({ ok: true, value: { expense: { id } } });
    else
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', details: { action: 'view-client' } },
      });
  });

  it('show by someone asked to decide as a delegate, who is not otherwise an approver of the client', async () => {
    await h.world.database.db.insert(schema.delegations).values({
      organisationId: ORG,
      id: 'd-1',
      fromMemberId: 'bob',
      toMemberId: 'erin',
      until: '2026-03-31',
    });
    const id = await h.log('alice');
    expect(await show('erin', id)).toMatchObject({
      ok: true,
      value: { waitingOn: { eligibleMemberIds: ['bob', 'erin'] } },
    });
  });

  it('show of an unknown id is EXPENSE_UNKNOWN', async () => {
    expect(await show('fay', 'ACME-ZZZZ')).toMatchObject({ ok: false, error: { code: 'EXPENSE_UNKNOWN' } });
    expect(await show('fay', 'not an id')).toMatchObject({ ok: false, error: { code: 'EXPENSE_UNKNOWN' } });
  });

  describe('list', () => {
    let lunch: string;
    let offsite: string;
    let february: string;
    let erins: string;
    beforeEach(async () => {
      lunch = await h.log('alice', '480', on('2026-03-05'));
      offsite = await h.log('alice', '1,200', on('2026-03-02'));
      february = await h.log('alice', '30', on('2026-02-20'));
      erins = await h.log('erin', '60', on('2026-03-09'));
      await h.decide('bob', { expenseId: offsite, decision: { kind: 'approve' } });
      await attachReceipt(h.receiptDeps)(await h.world.ctx('alice'), {
        expenseId: lunch,
        bytes: jpegBytes('l'),
      });
    });

    it('mine: what I logged, newest first, with a period and a page at a time', async () => {
      await h.checkpoint();
      expect(idsOf(await list('alice'))).toEqual([lunch, offsite, february]);
      expect(idsOf(await list('alice', { scope: { kind: 'mine' }, period: 'this-month' }))).toEqual([
        lunch,
        offsite,
      ]);
      const first = await list('alice', { pageSize: 2 });
      expect(first).toMatchObject({ ok: true, value: { page: 1, pageSize: 2, hasMore: true } });
      expect(idsOf(first)).toEqual([lunch, offsite]);
      const second = await list('alice', { pageSize: 2, page: 2 });
      expect(second).toMatchObject({ ok: true, value: { page: 2, hasMore: false } });
      expect(idsOf(second)).toEqual([february]);
      const one = await list('alice', { pageSize: 1 });
      if (!one.ok) throw new Error(JSON.stringify(one));
      expect(one.value.items[0]).toMatchObject({
        id: lunch,
        status: 'pending',
        stage: 1,
        stageCount: 1,
        receiptCount: 1,
        clientAmount: { amountMinor: 48_000, currency: 'CNY' },
      });
      expect(await h.written()).toEqual(NOTHING);
    });

    it('pending: what waits on me at the current stage', async () => {
      expect(idsOf(await list('bob', { scope: { kind: 'pending' } }))).toEqual([erins, lunch, february]);
      expect(idsOf(await list('carol', { scope: { kind: 'pending' } }))).toEqual([offsite]);
      expect(idsOf(await list('dave', { scope: { kind: 'pending' } }))).toEqual([]);
      expect(idsOf(await list('alice', { scope: { kind: 'pending' } }))).toEqual([]);
    });

    it('@client: the client’s expenses this month by default, or in the period named', async () => {
      const acme = { kind: 'client', clientCode: 'acme' } as const;
      const thisMonth = await list('bob', { scope: acme });
      expect(thisMonth).toMatchObject({
        ok: true,
        value: {
          period: { key: '2026-03', start: '2026-03-01', end: '2026-03-31' },
          client: { code: 'acme' },
        },
      });
      expect(idsOf(thisMonth)).toEqual([erins, lunch, offsite]);
      expect(idsOf(await list('fay', { scope: acme, period: 'last-month' }))).toEqual([february]);
      expect(idsOf(await list('adam', { scope: acme, period: '2026-Q1' }))).toEqual([
        erins,
        lunch,
        offsite,
        february,
      ]);
      expect(idsOf(await list('fay', { scope: { kind: 'client', clientCode: 'globex' } }))).toEqual([]);
    });

    it.each([
      ['a member lists a client', 'erin', { scope: { kind: 'client', clientCode: 'acme' } }, 'FORBIDDEN'],
      ['an unknown client', 'fay', { scope: { kind: 'client', clientCode: 'nobody' } }, 'CLIENT_UNKNOWN'],
      [
        'an unknown project',
        'fay',
        { scope: { kind: 'client', clientCode: 'acme', projectCode: 'nope' } },
        'PROJECT_UNKNOWN',
      ],
      ['a period that is not one', 'alice', { period: 'someday' }, 'PERIOD_INVALID'],
      ['page 0', 'alice', { page: 0 }, 'PAGE_INVALID'],
      ['a page too large', 'alice', { pageSize: 1000 }, 'PAGE_INVALID'],
    ] as const)('%s is refused with %s', async (_name, person, input, code) => {
      expect(await list(person, input as ListExpensesInput)).toMatchObject({ ok: false, error: { code } });
    });
  });
});
