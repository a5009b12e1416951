// The periodic budget sweep beside the in-transaction path: same ledger keys, so each threshold is announced once
// per period whoever comes first; forecasts once per period; client channels only when opted in, approved spend only.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnouncementRenderer } from '../../../src/bots/shared/render-announcement.js';
import { decideExpense } from '../../../src/domain/approvals/decide-expense.js';
import { sweepBudgetWarnings } from '../../../src/domain/budgets/sweep-budget-warnings.js';
import { type DescribeExpenseDeps, describeExpense } from '../../../src/domain/expenses/describe-expense.js';
import { submitExpense } from '../../../src/domain/expenses/submit-expense.js';
import type { OutboundMessage } from '../../../src/domain/ports/chat-notifier.port.js';
import type { ChatAddress } from '../../../src/domain/ports/outbox.port.js';
import { createDrizzleSweepQuery } from '../../../src/storage/repositories/drizzle-sweep-query.js';
import * as schema from '../../../src/storage/schema/index.js';
import {
  amountOf,
  createExpenseWorld,
  type ExpenseWorld,
  ORG,
  type Person,
} from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';

describe.each(testEngines())('the budget warning sweep on %s', (engine) => {
  let world: ExpenseWorld;
  beforeEach(async () => {
    world = await createExpenseWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  const sweep = (at = world.clock.now()) =>
    sweepBudgetWarnings({ ...world.deps, sweepQuery: createDrizzleSweepQuery() })({
      organisationId: ORG,
      at,
    });

  async function setBudget(amountMinor: number, thresholdsPercent = [50, 80, 100]) {
    await world.database.db.insert(schema.budgets).values({
      organisationId: ORG,
      id: 'budget-acme',
      clientId: 'c-acme',
      period: 'monthly',
      amountMinor,
      currency: 'CNY',
      thresholdsPercent,
      action: 'warn',
      createdBy: 'adam',
    });
  }
  async function logged(person: Person, amount: string): Promise<string> {
    const result = await submitExpense(world.deps)(await world.ctx(person), {
      amount: amountOf(amount),
      clientCode: 'acme',
      categoryText: 'lodging',
      description: 'hotel',
    });
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    return result.value.expense.id;
  }
  async function approvedBy(person: Person, id: string) {
    const result = await decideExpense(world.deps)(await world.ctx(person), {
      expenseId: id,
      decision: { kind: 'approve' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
  async function claims() {
    return (await world.database.db.select().from(schema.jobRuns))
      .map((c) => `${c.job} ${c.periodKey} ${c.target}`)
      .sort();
  }
  const ofKind = async (kind: string) => (await world.outbox()).filter((m) => m.kind === kind);

  const render = createAnnouncementRenderer({
    describeExpense: (org, id) => describeExpense(world.deps as unknown as DescribeExpenseDeps)(org, id),
    localeFor: async () => 'en',
    clientName: async () => 'Acme',
  });
  const rendered = async (row: typeof schema.outbox.$inferSelect) =>
    JSON.stringify(
      await render({
        organisationId: row.organisationId,
        id: row.id,
        address: row.address as ChatAddress,
        kind: row.kind,
        payload: row.payload,
        dedupeKey: row.dedupeKey,
        attempt: 1,
      } as OutboundMessage),
    );

  it('announces thresholds reached before the budget existed, once, however often it runs', async () => {
    await logged('alice', '450');
    await logged('erin', '450');
    await setBudget(100_000);
    expect(await sweep()).toEqual({ warnings: 2, forecasts: 0 });
    expect(await sweep()).toEqual({ warnings: 0, forecasts: 0 });
    expect(await claims()).toEqual([
      'budget-threshold 2026-03 budget-acme:50',
      'budget-threshold 2026-03 budget-acme:80',
    ]);
    const warnings = await ofKind('budget-warning');
    expect(warnings.map((w) => [w.address, (w.payload as { threshold: number }).threshold])).toEqual([
      ['console:#acme-team', 50],
      ['console:#acme-team', 80],
    ]);
    // The payload is the shape the in-transaction path writes, so one renderer serves both.
    expect(warnings[0]?.payload).toMatchObject({
      budgetId: 'budget-acme',
      clientId: 'c-acme',
      periodKey: '2026-03',
      periodEnd: '2026-03-31',
      budgetMinor: 100_000,
      actualMinor: 0,
      committedMinor: 90_000,
      currency: 'CNY',
      willExceedByMinor: null,
    });
    expect(await rendered(warnings[0] as typeof schema.outbox.$inferSelect)).toContain('50');
  });

  it('does nothing for a threshold the crossing change already announced, and that change nothing for the sweep', async () => {
    await setBudget(100_000);
    await logged('alice', '900');
    expect((await ofKind('budget-warning')).length).toBe(2);
    expect(await sweep()).toEqual({ warnings: 0, forecasts: 0 });
    expect((await ofKind('budget-warning')).length).toBe(2);

    // Past 100 % the sweep may be first; the next crossing change then finds the key taken.
    await world.database.db
      .update(schema.budgets)
      .set({ amountMinor: 85_000 })
      .where(and(eq(schema.budgets.organisationId, ORG), eq(schema.budgets.id, 'budget-acme')));
    // 900 pending of 850: the 100 % threshold, and a projection already past the budget.
    expect(await sweep()).toEqual({ warnings: 1, forecasts: 1 });
    await logged('erin', '100');
    const warnings = await ofKind('budget-warning');
    expect(warnings.map((w) => (w.payload as { threshold: number }).threshold)).toEqual([50, 80, 100]);
  });

  it('warns once per period when the pace projects past 100 %', async () => {
    await setBudget(100_000);
    const id = await logged('alice', '480');
    await approvedBy('bob', id);
    // 480 approved by the 10th of March: 480 × 31 / 10 = 1 488 by the 31st.
    expect(await sweep()).toEqual({ warnings: 0, forecasts: 1 });
    world.clock.advance(24 * 3_600_000);
    expect(await sweep()).toEqual({ warnings: 0, forecasts: 0 });
    const forecasts = await ofKind('budget-forecast');
    expect(forecasts.map((f) => f.address)).toEqual(['console:#acme-team']);
    expect(forecasts[0]?.payload).toMatchObject({
      projectedMinor: 148_800,
      overByMinor: 48_800,
      periodEnd: '2026-03-31',
    });
    expect(await claims()).toEqual(['budget-forecast 2026-03 budget-acme']);
    const card = await rendered(forecasts[0] as typeof schema.outbox.$inferSelect);
    expect(card).toContain('Forecast');
    expect(card).toContain('1,488.00');

    // A new period is a new key.
    expect(await sweep(new Date('2026-04-10T04:00:00Z'))).toEqual({ warnings: 0, forecasts: 0 });
  });

  it('client channels hear only when opted in, measured on approved spend, with nothing internal in the card', async () => {
    await world.database.db.insert(schema.channelBindings).values([
      {
        organisationId: ORG,
        id: 'b-acme-client',
        address: 'console:#acme-client',
        clientId: 'c-acme',
        audience: 'client',
        budgetWarnings: true,
        reportLocale: 'en',
      },
      {
        organisationId: ORG,
        id: 'b-acme-client-quiet',
        address: 'console:#acme-quiet',
        clientId: 'c-acme',
        audience: 'client',
      },
    ]);
    await setBudget(200_000, [20, 50, 80]);
    const approved = await logged('alice', '480');
    await approvedBy('bob', approved);
    await logged('erin', '1,234');
    // Internal: 480 + 1 234 = 1 714 of 2 000 (85 %), announced by the items that crossed 20, 50 and 80 %.
    // Client-facing: 480 approved (24 %), which only the sweep measures.
    expect(await sweep()).toEqual({ warnings: 1, forecasts: 1 });
    expect(await sweep()).toEqual({ warnings: 0, forecasts: 0 });
    expect(await claims()).toEqual([
      'budget-forecast 2026-03 budget-acme',
      'budget-threshold 2026-03 budget-acme:20',
      'budget-threshold 2026-03 budget-acme:20:client',
      'budget-threshold 2026-03 budget-acme:50',
      'budget-threshold 2026-03 budget-acme:80',
    ]);
    const toClient = (await world.outbox()).filter((m) => m.address.startsWith('console:#acme-'));
    const clientRows = toClient.filter((m) => m.address !== 'console:#acme-team');
    expect(
      clientRows.map((m) => [m.address, m.kind, (m.payload as { threshold: number }).threshold]),
    ).toEqual([['console:#acme-client', 'budget-warning', 20]]);
    const payload = JSON.stringify(clientRows[0]?.payload);
    expect(payload).not.toContain('committed');
    expect(payload).not.toContain('forecast');
    const card = await rendered(clientRows[0] as typeof schema.outbox.$inferSelect);
    expect(card).toContain('480.00');
    for (const internal of ['1,234', '1,714', 'Pending', 'Forecast', '85'])
      expect(card).not.toContain(internal);
  });

  it('skips archived clients and sweeps only the client asked for', async () => {
    await setBudget(100_000);
    await logged('alice', '900');
    await world.database.db.delete(schema.jobRuns);
    await world.database.db
      .update(schema.clients)
      .set({ status: 'archived' })
      .where(and(eq(schema.clients.organisationId, ORG), eq(schema.clients.id, 'c-acme')));
    expect(await sweep()).toEqual({ warnings: 0, forecasts: 0 });
    await world.database.db
      .update(schema.clients)
      .set({ status: 'active' })
      .where(and(eq(schema.clients.organisationId, ORG), eq(schema.clients.id, 'c-acme')));
    const only = sweepBudgetWarnings({ ...world.deps, sweepQuery: createDrizzleSweepQuery() });
    expect(await only({ organisationId: ORG, at: world.clock.now(), clientId: 'c-globex' })).toEqual({
      warnings: 0,
      forecasts: 0,
    });
    expect(await only({ organisationId: ORG, at: world.clock.now(), clientId: 'c-acme' })).toEqual({
      warnings: 2,
      forecasts: 0,
    });
  });
});
