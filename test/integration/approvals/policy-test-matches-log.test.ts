// `policy test` is a promise about logging: for any policy, budget, approver lists, asker and amount, what it says
// the chain would be, and who stage 1 would ask, is what logging the same expense then does. Both plan through
// approvals/approval-tiers.ts and find-stage-approvers.ts; this holds them to it on a real database.
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBudget } from '../../../src/domain/admin/set-budget.js';
import { setPolicy } from '../../../src/domain/admin/set-policy.js';
import { testPolicy } from '../../../src/domain/admin/test-policy.js';
import { chainOfShape } from '../../../src/domain/approvals/approval-stage.js';
import { chainShapeOf } from '../../../src/domain/expenses/expense.js';
import { submitExpense } from '../../../src/domain/expenses/submit-expense.js';
import { asCurrencyCode } from '../../../src/domain/money/currency.js';
import * as schema from '../../../src/storage/schema/index.js';
import { amountOf, ORG, type Person } from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';
import { type AdminWorld, createAdminWorld } from '../admin/admin-world.js';

const APPROVER_POOL = ['bob', 'carol', 'dave', 'erin'] as const;

/** Whole yuan limits that rise, turned into tiers whose stages never fall (1 to 3). */
const tiersArbitrary = fc
  .uniqueArray(fc.integer({ min: 1, max: 20_000 }), { minLength: 0, maxLength: 2 })
  .chain((limits) => {
    const sorted = [...limits].sort((a, b) => a - b);
    return fc
      .array(fc.integer({ min: 0, max: 1 }), { minLength: sorted.length, maxLength: sorted.length })
      .chain((steps) =>
        fc.integer({ min: 1, max: 3 - steps.reduce((sum, s) => sum + s, 0) }).map((first) => {
          let stages = first;
          const tiers: { upTo: string | null; stages: number }[] = [];
          for (const [i, limit] of sorted.entries()) {
            tiers.push({ upTo: String(limit), stages });
            stages += steps[i] ?? 0;
          }
          tiers.push({ upTo: null, stages });
          return tiers;
        }),
      );
  });

const scenarioArbitrary = fc.record({
  tiers: tiersArbitrary,
  clientLevel: fc.boolean(),
  autoApprove: fc.option(fc.integer({ min: 1, max: 800 }), { nil: null }),
  auditSamplePercent: fc.constantFrom('0', '5', '50', '100'),
  budget: fc.option(
    fc.record({
      amount: fc.integer({ min: 1, max: 30_000 }),
      action: fc.constantFrom('warn', 'escalate', 'block' as const),
    }),
    { nil: undefined },
  ),
  lists: fc.array(fc.subarray([...APPROVER_POOL]), { minLength: 3, maxLength: 3 }),
  submitter: fc.constantFrom<Person>('alice', 'bob', 'carol', 'fay', 'adam'),
  // Minor units: often under 100 (no receipt needed, where auto-approval can happen), else up to 20 000.
  amount: fc.oneof(
    fc.integer({ min: 1, max: 10_000 }),
    fc.integer({ min: 1, max: 100_000 }),
    fc.integer({ min: 1, max: 2_000_000 }),
  ),
  usd: fc.boolean(),
});

type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer S> ? S : never;

const decimal = (minor: number) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

describe.each(testEngines())('policy test and logging agree on %s', (engine) => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await createAdminWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  async function arrange(s: Scenario): Promise<void> {
    const adam = await world.ctx('adam');
    const policy = await setPolicy(world.admin)(adam, {
      ...(s.clientLevel ? { clientCode: 'acme' } : {}),
      patch: {
        tiers: s.tiers.map((t) => ({ upTo: t.upTo === null ? null : amountOf(t.upTo), stages: t.stages })),
        autoApproveLimit: s.autoApprove === null ? null : amountOf(String(s.autoApprove)),
        auditSamplePercent: s.auditSamplePercent,
      },
    });
    expect(policy.ok).toBe(true);
    if (s.budget !== undefined) {
      const budget = await setBudget(world.admin)(await world.ctx('fay'), {
        clientCode: 'acme',
        amount: amountOf(String(s.budget.amount)),
        period: 'monthly',
        action: s.budget.action,
      });
      expect(budget.ok).toBe(true);
    }
    const { db } = world.database;
    await db
      .delete(schema.approverAssignments)
      .where(
        and(
          eq(schema.approverAssignments.organisationId, ORG),
          eq(schema.approverAssignments.clientId, 'c-acme'),
        ),
      );
    const rows = s.lists.flatMap((members, i) =>
      members.map((memberId) => ({ organisationId: ORG, clientId: 'c-acme', stage: i + 1, memberId })),
    );
    if (rows.length > 0) await db.insert(schema.approverAssignments).values(rows);
  }

  it('for random policies, budgets, lists, askers and amounts: the same stages and first approvers', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (s) => {
        await arrange(s);
        const ctx = await world.ctx(s.submitter);
        const amount = amountOf(decimal(s.amount));
        const currency = asCurrencyCode(s.usd ? 'USD' : 'CNY');
        const dry = await testPolicy(world.admin)(ctx, {
          amount,
          currency,
          clientCode: 'acme',
          categoryText: 'travel',
        });
        if (!dry.ok) throw new Error(`policy test refused: ${JSON.stringify(dry.error)}`);
        const logged = await submitExpense(world.deps)(ctx, {
          amount,
          currency,
          clientCode: 'acme',
          categoryText: 'travel',
          description: 'taxi to the client',
        });
        const { report, firstStageApprovers, budgetsIncluded } = dry.value;
        // Whoever may not see the client's budgets is told what would happen, never the figures.
        if (!budgetsIncluded) expect(report.budgetEvaluations).toEqual([]);
        if (!logged.ok) {
          if (logged.error.code === 'BUDGET_WOULD_BE_EXCEEDED') expect(report.verdict).toBe('refused');
          else if (logged.error.code === 'NO_ELIGIBLE_APPROVER') expect(firstStageApprovers).toBeUndefined();
          else throw new Error(`logging refused: ${JSON.stringify(logged.error)}`);
          return;
        }
        if (logged.value.replayed) throw new Error('a fresh log cannot be a replay');
        const { expense } = logged.value;
        expect(report.verdict).not.toBe('refused');
        if (expense.status === 'approved') {
          expect(report.verdict).toBe('auto-approve-unless-sampled');
          return;
        }
        expect(chainOfShape(chainShapeOf(expense))).toEqual(report.stages);
        expect(logged.value.approvers).toEqual(firstStageApprovers?.eligible);
        const [step] = await world.database.db
          .select()
          .from(schema.approvalSteps)
          .where(
            and(eq(schema.approvalSteps.organisationId, ORG), eq(schema.approvalSteps.expenseId, expense.id)),
          );
        expect(step?.stageKind).toBe(firstStageApprovers?.fellTo);
      }),
      // Seeded: the same scenarios every run, so a failure reproduces.
      { seed: 20260310, numRuns: 25 },
    );
  });
});
