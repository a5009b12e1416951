// The seeded firm of expense-world plus the lifecycle's own ports, and a ledger of what each step wrote:
// every acceptance row says which rows, audit events and outbox messages one request added — and nothing else.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { type DecideExpenseInput, decideExpense } from '../../../../src/domain/approvals/decide-expense.js';
import type { LifecycleDeps } from '../../../../src/domain/expenses/lifecycle/lifecycle-deps.js';
import { type SubmitExpenseInput, submitExpense } from '../../../../src/domain/expenses/submit-expense.js';
import type { ReceiptDeps } from '../../../../src/domain/receipts/receipt-deps.js';
import { createDiskReceiptStore } from '../../../../src/storage/receipts/disk-receipt-store.js';
import { createDrizzleExpenseQuery } from '../../../../src/storage/repositories/drizzle-expense-query.js';
import { createDrizzlePeriodRepository } from '../../../../src/storage/repositories/drizzle-period-repository.js';
import { createDrizzleReceiptRepository } from '../../../../src/storage/repositories/drizzle-receipt-repository.js';
import * as schema from '../../../../src/storage/schema/index.js';
import {
  amountOf,
  createExpenseWorld,
  type ExpenseWorld,
  ORG,
  type Person,
} from '../../../support/expense-world.js';
import type { TestEngine } from '../../../support/test-databases.js';

export type Written = {
  readonly expenses: number;
  readonly steps: number;
  readonly receipts: number;
  /** Audit actions, in order. */
  readonly audit: readonly string[];
  /** `kind → address` of each new outbox message, sorted. */
  readonly outbox: readonly string[];
};

export type Harness = {
  readonly world: ExpenseWorld;
  readonly deps: LifecycleDeps;
  readonly receiptDeps: ReceiptDeps;
  /** Logs an expense (default: 480 CNY of meals for acme) and returns its id. */
  log(person: Person, amount?: string, more?: Partial<SubmitExpenseInput>): Promise<string>;
  decide(person: Person, input: DecideExpenseInput): ReturnType<ReturnType<typeof decideExpense>>;
  /** Remembers what exists now, so that `written()` reports only what came after. */
  checkpoint(): Promise<void>;
  written(): Promise<Written>;
  /** The outbox messages written since the checkpoint, with their payloads. */
  newMessages(): Promise<(typeof schema.outbox.$inferSelect)[]>;
  /** The audit events written since the checkpoint. */
  newEvents(): Promise<(typeof schema.auditEvents.$inferSelect)[]>;
  steps(expenseId: string): Promise<(typeof schema.approvalSteps.$inferSelect)[]>;
  setClosedThrough(clientId: string, date: string): Promise<void>;
  /** Sets when an expense was logged (the database stamps rows with its own clock, not the frozen one). */
  loggedAt(expenseId: string, iso: string): Promise<void>;
  destroy(): Promise<void>;
};

export async function createHarness(engine: TestEngine, now?: string): Promise<Harness> {
  const world = await createExpenseWorld(engine, now);
  const receiptDir = await mkdtemp(join(tmpdir(), 'outlay-lifecycle-receipts-'));
  const deps: LifecycleDeps = {
    ...world.deps,
    periods: createDrizzlePeriodRepository(),
    receipts: createDrizzleReceiptRepository(),
    expenseQuery: createDrizzleExpenseQuery(),
  };
  const receiptDeps: ReceiptDeps = { ...deps, receiptStore: createDiskReceiptStore({ dir: receiptDir }) };
  const { db } = world.database;

  let seenSeq = 0;
  let seenOutbox = new Set<string>();
  let base = { expenses: 0, steps: 0, receipts: 0 };

  const counts = async () => ({
    expenses: await world.count('expenses'),
    steps: await world.count('approval_steps'),
    receipts: (await db.select().from(schema.receipts)).length,
  });
  const newEvents = async () => (await world.audit()).filter((e) => e.seq > seenSeq);
  const newMessages = async () => (await world.outbox()).filter((m) => !seenOutbox.has(m.id));

  return {
    world,
    deps,
    receiptDeps,
    async log(person, amount = '480', more = {}) {
      const result = await submitExpense(world.deps)(await world.ctx(person), {
        amount: amountOf(amount),
        clientCode: 'acme',
        categoryText: 'meals',
        description: 'team lunch',
        ...more,
      });
      if (!result.ok || result.value.replayed) throw new Error(`log failed: ${JSON.stringify(result)}`);
      return result.value.expense.id;
    },
    async decide(person, input) {
      return decideExpense(world.deps)(await world.ctx(person), input);
    },
    async checkpoint() {
      seenSeq = (await world.audit()).at(-1)?.seq ?? 0;
      seenOutbox = new Set((await world.outbox()).map((m) => m.id));
      base = await counts();
    },
    async written() {
      const now = await counts();
      return {
        expenses: now.expenses - base.expenses,
        steps: now.steps - base.steps,
        receipts: now.receipts - base.receipts,
        audit: (await newEvents()).map((e) => e.action),
        outbox: (await newMessages()).map((m) => `${m.kind} → ${m.address}`).sort(),
      };
    },
    newMessages,
    newEvents,
    steps: (expenseId) =>
      db
        .select()
        .from(schema.approvalSteps)
        .where(
          and(eq(schema.approvalSteps.organisationId, ORG), eq(schema.approvalSteps.expenseId, expenseId)),
        )
        .orderBy(schema.approvalSteps.round, schema.approvalSteps.stage),
    async setClosedThrough(clientId, date) {
      await db
        .update(schema.clients)
        .set({ closedThrough: date })
        .where(and(eq(schema.clients.organisationId, ORG), eq(schema.clients.id, clientId)));
    },
    async loggedAt(expenseId, iso) {
      await db
        .update(schema.expenses)
        .set({ createdAt: new Date(iso) })
        .where(and(eq(schema.expenses.organisationId, ORG), eq(schema.expenses.id, expenseId)));
    },
    async destroy() {
      await world.destroy();
      await rm(receiptDir, { recursive: true, force: true });
    },
  };
}

/** Nothing at all was written. */
export const NOTHING: Written = { expenses: 0, steps: 0, receipts: 0, audit: [], outbox: [] };
