// Migration 0006 stores the chain of every approval round. Rounds opened before it are backfilled from what the old
// rows knew; this runs that backfill statement, as the migration file has it, over hand-made old data.
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../src/storage/schema/index.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../../support/test-databases.js';

const MIGRATION = new URL('../../../src/storage/migrations/0006_approval_rounds.sql', import.meta.url);

/** The statement after the migration's last breakpoint: the backfill. */
async function backfillStatement(): Promise<string> {
  const text = await readFile(MIGRATION, 'utf8');
  const backfill = text.split('--> statement-breakpoint').at(-1) ?? '';
  expect(backfill).toMatch(/INSERT INTO "approval_rounds"/);
  return backfill;
}

type Old = {
  readonly id: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly round: number;
  readonly stage?: number;
  readonly stageCount?: number;
  readonly financeStage?: boolean;
  /** [round, stage, decision or null while open] */
  readonly steps: ReadonlyArray<readonly [number, number, 'approved' | 'rejected' | 'returned' | null]>;
};

const OLD_EXPENSES: readonly Old[] = [
  // Pending at stage 2 of 2: the expense row knows the shape.
  {
    id: 'ACME-0001',
    status: 'pending',
    round: 1,
    stage: 2,
    stageCount: 2,
    steps: [
      [1, 1, 'approved'],
      [1, 2, null],
    ],
  },
  // Returned at stage 2 in round 1, now pending in round 2 with a finance stage (4 stages in all).
  {
    id: 'ACME-0002',
    status: 'pending',
    round: 2,
    stage: 1,
    stageCount: 4,
    financeStage: true,
    steps: [
      [1, 1, 'approved'],
      [1, 2, 'returned'],
      [2, 1, null],
    ],
  },
  // Approved through a finance stage: the last round reached its end.
  {
    id: 'ACME-0003',
    status: 'approved',
    round: 1,
    financeStage: true,
    steps: [
      [1, 1, 'approved'],
      [1, 2, 'approved'],
    ],
  },
  // Rejected at stage 1: the old rows never said how many stages there were; the highest decided one is all we have.
  { id: 'ACME-0004', status: 'rejected', round: 1, steps: [[1, 1, 'rejected']] },
];

describe.each(testEngines())('approval rounds backfill on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await database.db.insert(schema.organisations).values({ id: 'org-a', name: 'Org A' });
    await database.db.insert(schema.clients).values({
      organisationId: 'org-a',
      id: 'client-1',
      code: 'acme',
      name: 'Acme',
      currency: 'CNY',
      timeZone: 'Asia/Shanghai',
    });
    for (const old of OLD_EXPENSES) {
      await database.db.insert(schema.expenses).values({
        organisationId: 'org-a',
        id: old.id,
        clientId: 'client-1',
        categoryCode: 'travel',
        amountMinor: 100_00,
        currency: 'CNY',
        clientAmountMinor: 100_00,
        clientCurrency: 'CNY',
        incurredOn: '2026-03-02',
        billable: true,
        submitterId: 'm1',
        status: old.status,
        approvalRound: old.round,
        stage: old.stage ?? null,
        stageCount: old.stageCount ?? null,
        financeStage: old.financeStage ?? false,
      });
      for (const [round, stage, decision] of old.steps) {
        await database.db.insert(schema.approvalSteps).values({
          organisationId: 'org-a',
          expenseId: old.id,
          round,
          stage,
          stageKind: 'approvers',
          eligibleMemberIds: ['m2'],
          requestedAt: new Date(`2026-03-0${round + 1}T00:0${stage}:00Z`),
          ...(decision === null
            ? {}
            : { decision, deciderId: 'm2', decidedAt: new Date('2026-03-05T00:00:00Z') }),
        });
      }
    }
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('stores the shape each old round is known to have had, once however often it runs', async () => {
    const statement = await backfillStatement();
    await database.db.execute(sql.raw(statement));
    await database.db.execute(sql.raw(statement));
    const rounds = await database.db
      .select()
      .from(schema.approvalRounds)
      .orderBy(schema.approvalRounds.expenseId, schema.approvalRounds.round);
    expect(rounds.map((r) => [r.expenseId, r.round, r.stageCount, r.stageKinds])).toEqual([
      ['ACME-0001', 1, 2, ['approvers', 'approvers']],
      ['ACME-0002', 1, 2, ['approvers', 'approvers']],
      ['ACME-0002', 2, 4, ['approvers', 'approvers', 'approvers', 'finance']],
      ['ACME-0003', 1, 2, ['approvers', 'finance']],
      ['ACME-0004', 1, 1, ['approvers']],
    ]);
    // A round opens when its first step was asked.
    expect(rounds.find((r) => r.expenseId === 'ACME-0002' && r.round === 2)?.openedAt.toISOString()).toBe(
      '2026-03-03T00:01:00.000Z',
    );
  });

  it('refuses a round whose stage kinds do not match its stage count', async () => {
    await expect(
      database.db.insert(schema.approvalRounds).values({
        organisationId: 'org-a',
        expenseId: 'ACME-0004',
        round: 2,
        stageCount: 2,
        stageKinds: ['approvers'],
      }),
    ).rejects.toThrow();
  });
});
