// Acceptance table for logging an expense: each row asserts the rows written, the audit events and the outbox.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SubmitExpenseInput, submitExpense } from '../../../src/domain/expenses/submit-expense.js';
import { asCurrencyCode } from '../../../src/domain/money/index.js';
import * as schema from '../../../src/storage/schema/index.js';
import { amountOf, createExpenseWorld, type ExpenseWorld, ORG } from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';

const log = (text: string, more: Partial<SubmitExpenseInput> = {}): SubmitExpenseInput => ({
  amount: amountOf(text),
  clientCode: 'acme',
  categoryText: 'meals',
  description: 'team lunch',
  ...more,
});

describe.each(testEngines())('logging an expense on %s', (engine) => {
  let world: ExpenseWorld;
  beforeEach(async () => {
    world = await createExpenseWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  async function setPolicy(settings: object) {
    await world.database.db.insert(schema.policies).values({ organisationId: ORG, scope: 'org', settings });
  }
  async function setBudget(amountMinor: number, action: 'warn' | 'escalate' | 'block') {
    await world.database.db.insert(schema.budgets).values({
      organisationId: ORG,
      id: 'budget-acme',
      clientId: 'c-acme',
      period: 'monthly',
      amountMinor,
      currency: 'CNY',
      thresholdsPercent: [50, 80, 100],
      action,
      createdBy: 'adam',
    });
  }
  async function expectNothingWritten() {
    expect(await world.count('expenses')).toBe(0);
    expect(await world.count('audit_events')).toBe(0);
    expect(await world.count('outbox')).toBe(0);
    expect(await world.count('approval_steps')).toBe(0);
  }

  it('within limit: pending at stage 1 of 1, one step, one audit event, cards to the approver and the team channel', async () => {
    const result = await submitExpense(world.deps)(await world.ctx('alice'), log('480'));
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    const { expense } = result.value;
    expect(expense).toMatchObject({
      status: 'pending',
      stage: 1,
      stageCount: 1,
      clientAmount: { amountMinor: 48_000 },
    });
    expect(expense.id).toMatch(/^ACME-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(result.value.approvers).toEqual([{ memberId: 'bob' }]);

    const row = await world.expenseRow(expense.id);
    expect(row).toMatchObject({
      amountMinor: 48_000,
      currency: 'CNY',
      incurredOn: '2026-03-10',
      billable: true,
    });
    const steps = await world.database.db.select().from(schema.approvalSteps);
    expect(steps).toMatchObject([
      { expenseId: expense.id, stage: 1, round: 1, decision: null, eligibleMemberIds: ['bob'] },
    ]);
    const audit = await world.audit();
    expect(audit).toMatchObject([
      { action: 'expense.logged', entityId: expense.id, actorId: 'alice', platform: 'console' },
    ]);
    const outbox = await world.outbox();
    expect(outbox.map((m) => [m.kind, m.address])).toEqual([
      ['approval-request', 'console:#acme-team'],
      ['approval-request', 'member:bob'],
    ]);
  });

  it('over the category limit: logged with an OVER_CATEGORY_LIMIT finding; two stages above 500', async () => {
    await setPolicy({ categoryLimits: { meals: '300' } });
    const result = await submitExpense(world.deps)(await world.ctx('alice'), log('1,200'));
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    expect(result.value.expense).toMatchObject({ status: 'pending', stageCount: 2 });
    expect(result.value.findings.map((f) => f.code)).toContain('OVER_CATEGORY_LIMIT');
    const row = await world.expenseRow(result.value.expense.id);
    expect(((row?.findings ?? []) as { code: string }[]).map((f) => f.code)).toContain('OVER_CATEGORY_LIMIT');
  });

  it('over budget (warn): logged, and each crossed threshold claimed once and announced to the team', async () => {
    await setBudget(100_000, 'warn');
    const result = await submitExpense(world.deps)(await world.ctx('alice'), log('900'));
    expect(result.ok).toBe(true);
    const claims = await world.database.db.select().from(schema.jobRuns);
    expect(claims.map((c) => [c.job, c.periodKey, c.target]).sort()).toEqual([
      ['budget-threshold', '2026-03', 'budget-acme:50'],
      ['budget-threshold', '2026-03', 'budget-acme:80'],
    ]);
    const warnings = (await world.outbox()).filter((m) => m.kind === 'budget-warning');
    expect(warnings.map((w) => [w.address, (w.payload as { threshold: number }).threshold])).toEqual([
      ['console:#acme-team', 50],
      ['console:#acme-team', 80],
    ]);

    // The next item crosses nothing new below 100 %: no second warning for 50 or 80.
    const again = await submitExpense(world.deps)(await world.ctx('erin'), log('50'));
    expect(again.ok).toBe(true);
    expect((await world.outbox()).filter((m) => m.kind === 'budget-warning')).toHaveLength(2);
  });

  it('over budget (block): refused with the amount it would exceed by, and nothing is written', async () => {
    await setBudget(100_000, 'block');
    const result = await submitExpense(world.deps)(await world.ctx('alice'), log('1,200'));
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'BUDGET_WOULD_BE_EXCEEDED',
        details: { exceedByMinor: 20_000, canRaise: 'finance,admin' },
      },
    });
    await expectNothingWritten();
  });

  it('block with override by finance: logged with a finance stage appended and the reason recorded', async () => {
    await setBudget(100_000, 'block');
    const result = await submitExpense(world.deps)(
      await world.ctx('fay'),
      log('1,200', { override: true, description: 'client asked for the upgrade' }),
    );
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    expect(result.value.expense).toMatchObject({ status: 'pending', stageCount: 3, financeStage: true });
    const row = await world.expenseRow(result.value.expense.id);
    expect(row?.overrideReason).toBe('client asked for the upgrade');
  });

  it('override by a member is still refused', async () => {
    await setBudget(100_000, 'block');
    const result = await submitExpense(world.deps)(
      await world.ctx('alice'),
      log('1,200', { override: true }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'BUDGET_WOULD_BE_EXCEEDED' } });
    await expectNothingWritten();
  });

  it.each([
    ['unknown client', log('10', { clientCode: 'nobody' }), 'CLIENT_UNKNOWN'],
    ['unknown category', log('10', { categoryText: 'yachts' }), 'UNKNOWN_CATEGORY'],
    ['missing rate', log('10', { currency: asCurrencyCode('JPY') }), 'RATE_MISSING'],
    ['zero', log('0'), 'AMOUNT_ZERO'],
    ['negative', log('-5'), 'AMOUNT_NEGATIVE'],
    ['future date', log('10', { date: { kind: 'absolute', date: '2026-03-11' } }), 'DATE_IN_FUTURE'],
    ['too precise for the currency', log('10.123'), 'AMOUNT_TOO_PRECISE'],
  ] as const)('%s: refused with %s and nothing written', async (_name, input, code) => {
    const result = await submitExpense(world.deps)(await world.ctx('alice'), input);
    expect(result).toMatchObject({ ok: false, error: { code } });
    await expectNothingWritten();
  });

  it('closed period: refused with PERIOD_CLOSED and nothing written', async () => {
    await world.database.db
      .update(schema.clients)
      .set({ closedThrough: '2026-02-28' })
      .where(and(eq(schema.clients.organisationId, ORG), eq(schema.clients.id, 'c-acme')));
    const result = await submitExpense(world.deps)(
      await world.ctx('alice'),
      log('10', { date: { kind: 'absolute', date: '2026-02-15' } }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'PERIOD_CLOSED' } });
    await expectNothingWritten();
  });

  it('converts a foreign currency with the latest rate on or before the day, half-up, and records it', async () => {
    const result = await submitExpense(world.deps)(
      await world.ctx('alice'),
      log('$12.35', { date: { kind: 'month-day', month: 3, day: 2 } }),
    );
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    // 1235 × 7.1234 = 8797.399 → 8797
    expect(result.value.expense).toMatchObject({
      original: { amountMinor: 1235, currency: 'USD' },
      clientAmount: { amountMinor: 8797, currency: 'CNY' },
      rate: '7.1234',
      rateDate: '2026-03-01',
      incurredOn: '2026-03-02',
    });
  });

  it('auto-approves a small clean item when the audit sample does not pick it', async () => {
    await setPolicy({ autoApproveLimit: '100', auditSampleBasisPoints: 0 });
    const result = await submitExpense(world.deps)(
      await world.ctx('alice'),
      log('45.80', { categoryText: 'transport' }),
    );
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    expect(result.value).toMatchObject({
      autoApproved: true,
      expense: { status: 'approved', approvedAmountMinor: 4580 },
    });
    expect(await world.count('approval_steps')).toBe(0);
    expect((await world.audit()).map((e) => e.action)).toEqual(['expense.logged-auto-approved']);
    expect(await world.count('outbox')).toBe(0);
  });

  it('sends an auto-approvable item through the normal chain when the audit sample picks it', async () => {
    await setPolicy({ autoApproveLimit: '100', auditSampleBasisPoints: 10_000 });
    const result = await submitExpense(world.deps)(
      await world.ctx('alice'),
      log('45.80', { categoryText: 'transport' }),
    );
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    expect(result.value).toMatchObject({ autoApproved: false, expense: { status: 'pending', stage: 1 } });
    expect(await world.count('approval_steps')).toBe(1);
  });

  it('a repeated request with the same idempotency key creates one expense and answers with it', async () => {
    const ctx = await world.ctx('alice', { idempotencyKey: 'slack:cmd:123' });
    const first = await submitExpense(world.deps)(ctx, log('88'));
    const second = await submitExpense(world.deps)(ctx, log('88'));
    if (!first.ok || first.value.replayed) throw new Error(JSON.stringify(first));
    expect(second).toEqual({ ok: true, value: { replayed: true, expenseId: first.value.expense.id } });
    expect(await world.count('expenses')).toBe(1);
    expect(await world.count('audit_events')).toBe(1);
  });

  it('a refused request leaves no idempotency claim behind, so a corrected retry goes through', async () => {
    const ctx = await world.ctx('alice', { idempotencyKey: 'slack:cmd:456' });
    expect((await submitExpense(world.deps)(ctx, log('0'))).ok).toBe(false);
    expect(await world.count('idempotency_keys')).toBe(0);
    expect((await submitExpense(world.deps)(ctx, log('10'))).ok).toBe(true);
  });
});
