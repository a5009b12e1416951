// Acceptance table for closing periods and adjusting: a closed period refuses logging, editing and voiding of
// what is dated inside it, and corrections go in as adjustments dated today.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AdjustClientSpendInput,
  adjustClientSpend,
} from '../../../../src/domain/expenses/lifecycle/adjust-client-spend.js';
import { closePeriod } from '../../../../src/domain/expenses/lifecycle/close-period.js';
import { editSubmittedExpense } from '../../../../src/domain/expenses/lifecycle/edit-submitted-expense.js';
import { voidApprovedExpense } from '../../../../src/domain/expenses/lifecycle/void-approved-expense.js';
import { submitExpense } from '../../../../src/domain/expenses/submit-expense.js';
import { asCurrencyCode } from '../../../../src/domain/money/index.js';
import * as schema from '../../../../src/storage/schema/index.js';
import { amountOf, ORG, type Person } from '../../../support/expense-world.js';
import { testEngines } from '../../../support/test-databases.js';
import { createHarness, type Harness, NOTHING } from './lifecycle-harness.js';

describe.each(testEngines())('closing periods and adjusting on %s', (engine) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(engine);
  });
  afterEach(async () => {
    await h.destroy();
  });

  const close = async (person: Person, period: string, clientCode = 'acme') =>
    closePeriod(h.deps)(await h.world.ctx(person), { clientCode, period });
  const adjust = async (person: Person, amount: string, more: Partial<AdjustClientSpendInput> = {}) =>
    adjustClientSpend(h.deps)(await h.world.ctx(person), {
      clientCode: 'acme',
      amount: amountOf(amount),
      categoryText: 'meals',
      reason: 'restaurant refunded a double charge',
      ...more,
    });
  const feb = (day: number) =>
    ({ kind: 'absolute', date: `2026-02-${String(day).padStart(2, '0')}` }) as const;

  it('close a period, then logging, editing and voiding inside it are PERIOD_CLOSED and write nothing', async () => {
    const pending = await h.log('alice', '120', { date: feb(15) });
    const approved = await h.log('alice', '80', { date: feb(20) });
    await h.decide('bob', { expenseId: approved, decision: { kind: 'approve' } });
    const march = await h.log('erin', '60', { date: { kind: 'absolute', date: '2026-03-02' } });

    await h.checkpoint();
    const closed = await close('fay', 'last-month');
    expect(closed).toMatchObject({
      ok: true,
      value: {
        closedThrough: '2026-02-28',
        period: { key: '2026-02', start: '2026-02-01', end: '2026-02-28' },
        client: { code: 'acme', closedThrough: '2026-02-28' },
      },
    });
    expect(await h.written()).toEqual({ ...NOTHING, audit: ['period.closed'] });
    const [event] = await h.newEvents();
    expect(event).toMatchObject({
      actorId: 'fay',
      entityType: 'client',
      entityId: 'c-acme',
      before: { closedThrough: null },
      after: { closedThrough: '2026-02-28', period: '2026-02' },
    });

    await h.checkpoint();
    const logged = await submitExpense(h.world.deps)(await h.world.ctx('alice'), {
      amount: amountOf('50'),
      clientCode: 'acme',
      categoryText: 'meals',
      description: 'late entry',
      date: feb(27),
    });
    expect(logged).toMatchObject({ ok: false, error: { code: 'PERIOD_CLOSED' } });
    const edit = editSubmittedExpense(h.deps);
    expect(await edit(await h.world.ctx('alice'), { expenseId: pending, description: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'PERIOD_CLOSED', details: { date: '2026-02-15', closedThrough: '2026-02-28' } },
    });
    // Moving an open expense into the closed period is refused too.
    expect(await edit(await h.world.ctx('erin'), { expenseId: march, date: feb(10) })).toMatchObject({
      ok: false,
      error: { code: 'PERIOD_CLOSED', details: { date: '2026-02-10' } },
    });
    const voided = await voidApprovedExpense(h.deps)(await h.world.ctx('fay'), {
      expenseId: approved,
      reason: 'duplicate',
    });
    expect(voided).toMatchObject({ ok: false, error: { code: 'PERIOD_CLOSED' } });
    expect(await h.written()).toEqual(NOTHING);

    // March is still open.
    expect(await edit(await h.world.ctx('erin'), { expenseId: march, description: 'taxi' })).toMatchObject({
      ok: true,
    });
  });

  it('the closed date never moves back: an earlier or the same period is PERIOD_ALREADY_CLOSED', async () => {
    expect((await close('fay', '2026-02')).ok).toBe(true);
    await h.checkpoint();
    expect(await close('adam', '2026-01')).toMatchObject({
      ok: false,
      error: {
        code: 'PERIOD_ALREADY_CLOSED',
        details: { closedThrough: '2026-02-28', requestedThrough: '2026-01-31' },
      },
    });
    expect(await close('fay', '上月')).toMatchObject({ ok: false, error: { code: 'PERIOD_ALREADY_CLOSED' } });
    expect(await h.written()).toEqual(NOTHING);
    expect(
      (await h.world.database.db.select().from(schema.clients)).find((c) => c.id === 'c-acme'),
    ).toMatchObject({
      closedThrough: '2026-02-28',
    });
    // A quarter that has not ended cannot move it forward either.
    expect(await close('fay', '2026-Q1')).toMatchObject({ ok: false, error: { code: 'PERIOD_NOT_ENDED' } });
  });

  it('closing a later period moves the closed date forward', async () => {
    expect(await close('fay', '2026-01')).toMatchObject({ ok: true, value: { closedThrough: '2026-01-31' } });
    await h.checkpoint();
    expect(await close('adam', '2026-02')).toMatchObject({
      ok: true,
      value: { closedThrough: '2026-02-28', previouslyClosedThrough: '2026-01-31' },
    });
    expect(await h.written()).toEqual({ ...NOTHING, audit: ['period.closed'] });
    const [event] = await h.newEvents();
    expect(event).toMatchObject({
      actorId: 'adam',
      before: { closedThrough: '2026-01-31' },
      after: { closedThrough: '2026-02-28' },
    });
  });

  it.each([
    ['a member', 'alice', 'last-month', 'acme', 'FORBIDDEN'],
    ['an approver', 'bob', 'last-month', 'acme', 'FORBIDDEN'],
    ['the running month', 'fay', 'this-month', 'acme', 'PERIOD_NOT_ENDED'],
    ['a period that is not one', 'fay', 'sometime', 'acme', 'PERIOD_INVALID'],
    ['an unknown client', 'fay', 'last-month', 'nobody', 'CLIENT_UNKNOWN'],
  ] as const)('closing by or for %s is refused with %s', async (_name, person, period, client, code) => {
    await h.checkpoint();
    expect(await close(person, period, client)).toMatchObject({ ok: false, error: { code } });
    expect(await h.written()).toEqual(NOTHING);
  });

  it('a negative adjustment: approved at once, dated today in the client’s zone, audited', async () => {
    await h.log('alice', '480');
    await h.checkpoint();
    const result = await adjust('fay', '-120.50');
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    expect(result.value.expense).toMatchObject({
      status: 'approved',
      original: { amountMinor: -12_050, currency: 'CNY' },
      clientAmount: { amountMinor: -12_050, currency: 'CNY' },
      approvedAmountMinor: -12_050,
      incurredOn: '2026-03-10',
      description: 'restaurant refunded a double charge',
      billable: true,
      submitterId: 'fay',
    });
    expect(result.value.expense.id).toMatch(/^ACME-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await h.written()).toEqual({ ...NOTHING, expenses: 1, audit: ['expense.adjusted'] });
    expect(await h.world.expenseRow(result.value.expense.id)).toMatchObject({
      kind: 'adjustment',
      status: 'approved',
      amountMinor: -12_050,
      approvedAmountMinor: -12_050,
    });
    const [event] = await h.newEvents();
    expect(event).toMatchObject({ actorId: 'fay', entityId: result.value.expense.id });
    expect(event?.after).toMatchObject({ kind: 'adjustment', clientAmount: { amountMinor: -12_050 } });

    // It counts as actual spend: pending 480 stays committed, the adjustment lowers the approved total.
    const consumption = await h.deps.uow.run((tx) =>
      h.deps.expenses.consumption(tx, ORG, { clientId: 'c-acme', from: '2026-03-01', through: '2026-03-31' }),
    );
    expect(consumption).toEqual({ actualMinor: -12_050, committedMinor: 48_000 });
  });

  it('an adjustment in another currency is converted at today’s rate, half away from zero', async () => {
    const result = await adjust('adam', '-10.05', { currency: asCurrencyCode('USD'), categoryText: '招待' });
    // 1005 × 7.1234 = 7159.017 → -7159; entertainment is not billable by default.
    expect(result).toMatchObject({
      ok: true,
      value: {
        expense: {
          original: { amountMinor: -1005, currency: 'USD' },
          clientAmount: { amountMinor: -7159, currency: 'CNY' },
          rate: '7.1234',
          rateDate: '2026-03-01',
          billable: false,
        },
      },
    });
  });

  it('a positive adjustment that crosses a budget threshold warns the team once', async () => {
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
    await h.checkpoint();
    // Finance corrects the record: even a blocking budget does not refuse it.
    const result = await adjust('fay', '1,200');
    expect(result.ok).toBe(true);
    expect(await h.written()).toEqual({
      ...NOTHING,
      expenses: 1,
      audit: ['expense.adjusted'],
      outbox: [
        'budget-warning → console:#acme-team',
        'budget-warning → console:#acme-team',
        'budget-warning → console:#acme-team',
      ],
    });
  });

  it.each([
    ['by a member', 'alice', '-10', {}, 'FORBIDDEN'],
    ['by an approver', 'bob', '-10', {}, 'FORBIDDEN'],
    ['without a reason', 'fay', '-10', { reason: '  ' }, 'REASON_REQUIRED'],
    ['of zero', 'fay', '0', {}, 'AMOUNT_ZERO'],
    ['too precise', 'fay', '-1.234', {}, 'AMOUNT_TOO_PRECISE'],
    ['for an unknown client', 'fay', '-10', { clientCode: 'nobody' }, 'CLIENT_UNKNOWN'],
    ['without a rate', 'fay', '-10', { currency: asCurrencyCode('JPY') }, 'RATE_MISSING'],
  ] as const)(
    'an adjustment %s is refused with %s and writes nothing',
    async (_name, person, amount, more, code) => {
      await h.checkpoint();
      expect(await adjust(person, amount, more)).toMatchObject({ ok: false, error: { code } });
      expect(await h.written()).toEqual(NOTHING);
    },
  );

  it('an adjustment is refused while today itself is in a closed period', async () => {
    await h.setClosedThrough('c-acme', '2026-03-31');
    await h.checkpoint();
    expect(await adjust('fay', '-10')).toMatchObject({
      ok: false,
      error: { code: 'PERIOD_CLOSED', details: { date: '2026-03-10' } },
    });
    expect(await h.written()).toEqual(NOTHING);
  });
});

describe.each(testEngines())('closing in the client’s time zone on %s', (engine) => {
  let h: Harness;
  beforeEach(async () => {
    // 1 April 10:00 in Shanghai, still 31 March 22:00 in New York.
    h = await createHarness(engine, '2026-04-01T02:00:00Z');
  });
  afterEach(async () => {
    await h.destroy();
  });

  it('March is over for Acme (Shanghai) but not yet for Globex (New York)', async () => {
    const ctx = await h.world.ctx('fay');
    expect(await closePeriod(h.deps)(ctx, { clientCode: 'acme', period: '2026-03' })).toMatchObject({
      ok: true,
      value: { closedThrough: '2026-03-31' },
    });
    expect(await closePeriod(h.deps)(ctx, { clientCode: 'globex', period: '2026-03' })).toMatchObject({
      ok: false,
      error: { code: 'PERIOD_NOT_ENDED', details: { today: '2026-03-31' } },
    });
  });
});
