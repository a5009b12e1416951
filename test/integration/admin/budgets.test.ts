// `budget set` keeps every version in budget_revisions; `budget @client` shows actual, committed and the forecast.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBudget } from '../../../src/domain/admin/set-budget.js';
import { showBudgets } from '../../../src/domain/admin/show-budgets.js';
import { decideExpense } from '../../../src/domain/approvals/decide-expense.js';
import { submitExpense } from '../../../src/domain/expenses/submit-expense.js';
import { asCurrencyCode } from '../../../src/domain/money/index.js';
import * as schema from '../../../src/storage/schema/index.js';
import { amountOf, ORG } from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';
import { type AdminWorld, createAdminWorld, expectNothingWritten } from './admin-world.js';

describe.each(testEngines())('budgets on %s', (engine) => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await createAdminWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  const budgetRows = () => world.database.db.select().from(schema.budgets);
  const revisionRows = () =>
    world.database.db.select().from(schema.budgetRevisions).orderBy(schema.budgetRevisions.revision);

  it('a new budget: revision 1 with the command as its reason, defaults filled in, audited budget.created', async () => {
    const result = await setBudget(world.admin)(await world.ctx('fay'), {
      clientCode: 'acme',
      amount: amountOf('50,000'),
      period: 'monthly',
      categoryText: '#差旅',
      reason: 'budget set @acme 50,000 monthly #差旅',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.value).toMatchObject({ outcome: 'created', revision: 1 });
    const id = result.value.budget.id;
    expect(await budgetRows()).toMatchObject([
      {
        id,
        clientId: 'c-acme',
        projectId: null,
        categoryCode: 'travel',
        period: 'monthly',
        amountMinor: 5_000_000,
        currency: 'CNY',
        thresholdsPercent: [50, 80, 100],
        action: 'warn',
        revision: 1,
        createdBy: 'fay',
      },
    ]);
    expect(await revisionRows()).toMatchObject([
      {
        budgetId: id,
        revision: 1,
        before: null,
        after: { amount: { amountMinor: 5_000_000, currency: 'CNY' }, action: 'warn' },
        changedBy: 'fay',
        reason: 'budget set @acme 50,000 monthly #差旅',
      },
    ]);
    expect(await world.audit()).toMatchObject([
      { action: 'budget.created', entityType: 'budget', entityId: id, actorId: 'fay' },
    ]);
  });

  it('the same scope and period again is a revision: history kept across two budget sets', async () => {
    const fay = await world.ctx('fay');
    const first = await setBudget(world.admin)(fay, {
      clientCode: 'acme',
      amount: amountOf('10000'),
      period: 'monthly',
    });
    world.clock.advance(3_600_000);
    const second = await setBudget(world.admin)(await world.ctx('adam'), {
      clientCode: 'acme',
      amount: amountOf('12000'),
      period: 'monthly',
      action: 'block',
    });
    world.clock.advance(3_600_000);
    const third = await setBudget(world.admin)(fay, {
      clientCode: 'acme',
      amount: amountOf('15000'),
      period: 'monthly',
      reason: 'scope grew',
    });
    if (!first.ok || !second.ok || !third.ok) throw new Error('refused');
    expect(second.value).toMatchObject({
      outcome: 'revised',
      revision: 2,
      budget: { id: first.value.budget.id },
    });
    expect(third.value).toMatchObject({ outcome: 'revised', revision: 3 });

    expect(await budgetRows()).toMatchObject([{ amountMinor: 1_500_000, action: 'block', revision: 3 }]);
    const history = await revisionRows();
    expect(
      history.map((r) => [
        r.revision,
        (r.before as { amount: { amountMinor: number } } | null)?.amount.amountMinor ?? null,
        (r.after as { amount: { amountMinor: number } }).amount.amountMinor,
        r.changedBy,
        r.reason,
      ]),
    ).toEqual([
      [1, null, 1_000_000, 'fay', 'set via chat'],
      [2, 1_000_000, 1_200_000, 'adam', 'set via chat'],
      [3, 1_200_000, 1_500_000, 'fay', 'scope grew'],
    ]);
    expect(history.map((r) => r.createdAt.toISOString())).toEqual([
      '2026-03-10T04:00:00.000Z',
      '2026-03-10T05:00:00.000Z',
      '2026-03-10T06:00:00.000Z',
    ]);
    const audit = await world.audit();
    expect(audit.map((e) => e.action)).toEqual(['budget.created', 'budget.revised', 'budget.revised']);
    expect(audit[1]).toMatchObject({
      before: { amount: { amountMinor: 1_000_000 }, action: 'warn', revision: 1 },
      after: {
        amount: { amountMinor: 1_200_000 },
        action: 'block',
        revision: 2,
        changed: ['amount', 'action'],
      },
    });

    // The same again changes nothing and records nothing.
    const same = await setBudget(world.admin)(fay, {
      clientCode: 'acme',
      amount: amountOf('15000'),
      period: 'monthly',
    });
    expect(same).toMatchObject({ ok: true, value: { outcome: 'unchanged', revision: 3 } });
    expect(await world.count('audit_events')).toBe(3);
  });

  it('two first budget sets of one scope at once make one budget with two revisions', async () => {
    const [fay, adam] = [await world.ctx('fay'), await world.ctx('adam')];
    const results = await Promise.all([
      setBudget(world.admin)(fay, { clientCode: 'acme', amount: amountOf('10000'), period: 'monthly' }),
      setBudget(world.admin)(adam, { clientCode: 'acme', amount: amountOf('20000'), period: 'monthly' }),
    ]);
    expect(results.map((r) => (r.ok ? r.value.outcome : r.error.code)).sort()).toEqual([
      'created',
      'revised',
    ]);
    expect(await budgetRows()).toHaveLength(1);
    expect((await revisionRows()).map((r) => r.revision)).toEqual([1, 2]);
  });

  it('a different period or category is a different budget', async () => {
    const fay = await world.ctx('fay');
    await setBudget(world.admin)(fay, { clientCode: 'acme', amount: amountOf('10000'), period: 'monthly' });
    await setBudget(world.admin)(fay, { clientCode: 'acme', amount: amountOf('90000'), period: 'yearly' });
    await setBudget(world.admin)(fay, {
      clientCode: 'acme',
      amount: amountOf('2000'),
      period: 'monthly',
      categoryText: 'meals',
    });
    expect((await budgetRows()).map((b) => [b.period, b.categoryCode, b.revision]).sort()).toEqual([
      ['monthly', null, 1],
      ['monthly', 'meals', 1],
      ['yearly', null, 1],
    ]);
  });

  it.each([
    ['a currency other than the client’s', { currency: asCurrencyCode('USD') }, 'BUDGET_CURRENCY_MISMATCH'],
    ['a dollar sign on a yuan client', { amount: amountOf('$5000') }, 'BUDGET_CURRENCY_MISMATCH'],
    ['a zero amount', { amount: amountOf('0') }, 'BUDGET_AMOUNT_INVALID'],
    ['too many decimals', { amount: amountOf('10.001') }, 'AMOUNT_TOO_PRECISE'],
    ['an unknown category', { categoryText: '#yachts' }, 'UNKNOWN_CATEGORY'],
    ['an unknown project', { projectCode: 'nope' }, 'PROJECT_UNKNOWN'],
  ])('refuses %s and writes nothing', async (_case, change, code) => {
    const fay = await world.ctx('fay');
    const result = await expectNothingWritten(world, () =>
      setBudget(world.admin)(fay, {
        clientCode: 'acme',
        amount: amountOf('5000'),
        period: 'monthly',
        ...change,
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('a revision in the wrong currency is refused and the budget keeps its history', async () => {
    const fay = await world.ctx('fay');
    await setBudget(world.admin)(fay, {
      clientCode: 'globex',
      amount: amountOf('8000'),
      period: 'quarterly',
    });
    const result = await expectNothingWritten(world, () =>
      setBudget(world.admin)(fay, {
        clientCode: 'globex',
        amount: amountOf('9000'),
        currency: asCurrencyCode('CNY'),
        period: 'quarterly',
      }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BUDGET_CURRENCY_MISMATCH', details: { budgetCurrency: 'USD', given: 'CNY' } },
    });
    expect(await revisionRows()).toHaveLength(1);
  });

  it('budget @client shows actual and committed spend this period and the forecast', async () => {
    const fay = await world.ctx('fay');
    await setBudget(world.admin)(fay, { clientCode: 'acme', amount: amountOf('1000'), period: 'monthly' });
    const alice = await world.ctx('alice');
    const approved = await submitExpense(world.deps)(alice, {
      amount: amountOf('300'),
      clientCode: 'acme',
      categoryText: 'meals',
      description: 'lunch',
    });
    await submitExpense(world.deps)(alice, {
      amount: amountOf('200'),
      clientCode: 'acme',
      categoryText: 'meals',
      description: 'dinner',
    });
    if (!approved.ok || approved.value.replayed) throw new Error('not logged');
    const decided = await decideExpense(world.deps)(await world.ctx('bob'), {
      expenseId: approved.value.expense.id,
      decision: { kind: 'approve' },
    });
    expect(decided.ok).toBe(true);

    const shown = await showBudgets(world.admin)(fay, { clientCode: 'acme' });
    if (!shown.ok) throw new Error(JSON.stringify(shown.error));
    expect(shown.value.today).toBe('2026-03-10');
    expect(shown.value.budgets).toHaveLength(1);
    const [overview] = shown.value.budgets;
    expect(overview).toMatchObject({
      period: { key: '2026-03', start: '2026-03-01', end: '2026-03-31' },
      consumption: { actualMinor: 30_000, committedMinor: 20_000 },
      standing: { consumedMinor: 50_000, budgetMinor: 100_000, percentBp: 5_000, reachedThresholds: [50] },
      // 300 approved in 10 of 31 days → 930 at this pace, plus 200 pending.
      forecast: { method: 'linear-pace', elapsedDays: 10, totalDays: 31, projectedMinor: 93_000 + 20_000 },
      forecastWarning: { overByMinor: 13_000 },
    });
  });

  it('budget @client is for those who may see the client: an approver of another client is refused', async () => {
    const carol = await world.ctx('carol');
    const result = await showBudgets(world.admin)(carol, { clientCode: 'globex' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { action: 'view-client' } },
    });
    const bob = await world.ctx('bob');
    expect((await showBudgets(world.admin)(bob, { clientCode: 'globex' })).ok).toBe(true);
  });

  it('a project budget is found by the project and revised on its own', async () => {
    await world.database.db.insert(schema.projects).values({
      organisationId: ORG,
      id: 'p-web',
      clientId: 'c-acme',
      code: 'website',
      name: 'Website',
      startOn: '2026-01-01',
      endOn: '2026-06-30',
    });
    const fay = await world.ctx('fay');
    const created = await setBudget(world.admin)(fay, {
      clientCode: 'acme',
      projectCode: 'website',
      amount: amountOf('30000'),
      period: 'total',
    });
    expect(created).toMatchObject({
      ok: true,
      value: { outcome: 'created', budget: { projectId: 'p-web' } },
    });
    await setBudget(world.admin)(fay, { clientCode: 'acme', amount: amountOf('90000'), period: 'total' });
    const revised = await setBudget(world.admin)(fay, {
      clientCode: 'acme',
      projectCode: 'website',
      amount: amountOf('35000'),
      period: 'total',
    });
    expect(revised).toMatchObject({ ok: true, value: { outcome: 'revised', revision: 2 } });
    const rows = await world.database.db
      .select()
      .from(schema.budgets)
      .where(eq(schema.budgets.period, 'total'));
    expect(rows.map((r) => [r.projectId, r.amountMinor, r.revision]).sort()).toEqual([
      [null, 9_000_000, 1],
      ['p-web', 3_500_000, 2],
    ]);
    // The project's total budget runs over the engagement's dates.
    const shown = await showBudgets(world.admin)(fay, { clientCode: 'acme', projectCode: 'website' });
    expect(shown.ok && shown.value.budgets.map((b) => b.period)).toEqual([
      { key: 'total', start: '2026-01-01', end: '2026-06-30' },
    ]);
  });
});
