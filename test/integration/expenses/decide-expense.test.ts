// Acceptance table for approving: each row asserts the steps written, the audit events and the outbox messages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideExpense } from '../../../src/domain/approvals/decide-expense.js';
import type { Decision } from '../../../src/domain/approvals/decide-step.js';
import { submitExpense } from '../../../src/domain/expenses/submit-expense.js';
import * as schema from '../../../src/storage/schema/index.js';
import {
  amountOf,
  createExpenseWorld,
  type ExpenseWorld,
  ORG,
  type Person,
} from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';

describe.each(testEngines())('deciding an expense on %s', (engine) => {
  let world: ExpenseWorld;
  beforeEach(async () => {
    world = await createExpenseWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  async function logged(person: Person, amount: string): Promise<string> {
    const result = await submitExpense(world.deps)(await world.ctx(person), {
      amount: amountOf(amount),
      clientCode: 'acme',
      categoryText: 'lodging',
      description: 'hotel, two nights',
    });
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    return result.value.expense.id;
  }
  async function decide(
    person: Person,
    expenseId: string,
    decision: Decision,
    card?: { version: number; stage: number },
    idempotencyKey?: string,
  ) {
    const ctx = await world.ctx(person, idempotencyKey === undefined ? {} : { idempotencyKey });
    return decideExpense(world.deps)(ctx, { expenseId, decision, card });
  }
  async function addApprover(stage: number, memberId: string) {
    await world.database.db
      .insert(schema.approverAssignments)
      .values({ organisationId: ORG, clientId: 'c-acme', stage, memberId });
  }
  const approve: Decision = { kind: 'approve' };

  it('stage 1 of 2: moves to stage 2, resolves the stage-1 cards and asks the stage-2 approver', async () => {
    const id = await logged('alice', '1,200');
    world.clock.advance(60_000);
    const result = await decide('bob', id, approve, { version: 1, stage: 1 });
    expect(result).toMatchObject({
      ok: true,
      value: { expense: { status: 'pending', stage: 2, version: 2 }, nextApprovers: [{ memberId: 'carol' }] },
    });
    const steps = await world.database.db
      .select()
      .from(schema.approvalSteps)
      .orderBy(schema.approvalSteps.stage);
    expect(steps.map((s) => [s.stage, s.decision, s.deciderId])).toEqual([
      [1, 'approved', 'bob'],
      [2, null, null],
    ]);
    expect((await world.audit()).map((e) => e.action)).toEqual(['expense.logged', 'expense.approved']);
    const outbox = (await world.outbox()).map((m) => `${m.kind} → ${m.address}`);
    expect(outbox).toEqual(
      expect.arrayContaining([
        'approval-resolved → member:bob',
        'approval-resolved → console:#acme-team',
        'approval-request → member:carol',
      ]),
    );
    expect(outbox.filter((m) => m.startsWith('decision-notice'))).toEqual([]);
  });

  it('final stage: approved, and the submitter is told', async () => {
    const id = await logged('alice', '1,200');
    await decide('bob', id, approve);
    const result = await decide('carol', id, approve);
    expect(result).toMatchObject({
      ok: true,
      value: { expense: { status: 'approved', approvedAmountMinor: 120_000 } },
    });
    const notices = (await world.outbox()).filter((m) => m.kind === 'decision-notice');
    expect(notices).toMatchObject([
      { address: 'member:alice', payload: { status: 'approved', decision: 'approved' } },
    ]);
  });

  it('self: nobody approves their own expense (it fell to finance, and the submitter is refused)', async () => {
    const id = await logged('bob', '300');
    const steps = await world.database.db.select().from(schema.approvalSteps);
    expect(steps[0]?.eligibleMemberIds).toEqual(['fay']);
    const result = await decide('bob', id, approve);
    expect(result).toMatchObject({ ok: false, error: { code: 'OWN_EXPENSE' } });
    expect((await world.audit()).map((e) => e.action)).toEqual(['expense.logged']);
  });

  it('second stage by the same person: refused, one stage per person', async () => {
    await addApprover(2, 'bob');
    const id = await logged('alice', '1,200');
    expect((await decide('bob', id, approve)).ok).toBe(true);
    const result = await decide('bob', id, approve);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DECIDED_STAGE_BY_YOU', details: { stage: 1 } },
    });
  });

  it('not an approver: refused and nothing changes', async () => {
    const id = await logged('alice', '300');
    const before = await world.count('outbox');
    expect(await decide('erin', id, approve)).toMatchObject({
      ok: false,
      error: { code: 'NOT_AN_APPROVER' },
    });
    expect(await world.count('outbox')).toBe(before);
    expect((await world.expenseRow(id))?.status).toBe('pending');
  });

  it('a stage-1 approver clicking the stage-2 card is told they are not its approver, not who approved stage 1', async () => {
    await addApprover(1, 'erin');
    const id = await logged('alice', '1,200');
    expect((await decide('bob', id, approve, { version: 1, stage: 1 })).ok).toBe(true);
    const before = await world.count('outbox');
    expect(await decide('erin', id, approve, { version: 2, stage: 2 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AN_APPROVER', details: { stage: 2 } },
    });
    expect(await world.count('outbox')).toBe(before);
    expect((await world.expenseRow(id))?.stage).toBe(2);
    // Typed, with no card to say which stage was meant, the same person just lost stage 1 to Bob: say so.
    expect(await decide('erin', id, approve)).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DECIDED', details: { winnerId: 'bob', stage: 1 } },
    });
  });

  it('delegate: recorded as acting on behalf of the approver', async () => {
    await world.database.db.insert(schema.delegations).values({
      organisationId: ORG,
      id: 'd1',
      fromMemberId: 'bob',
      toMemberId: 'erin',
      until: '2026-03-31',
    });
    const id = await logged('alice', '300');
    const result = await decide('erin', id, approve);
    expect(result).toMatchObject({ ok: true, value: { step: { deciderId: 'erin', onBehalfOf: 'bob' } } });
  });

  it('partial: a lower amount with a reason is carried to the next stage and to the approval', async () => {
    const id = await logged('alice', '1,200');
    const partial = await decide('bob', id, {
      kind: 'approve',
      amountMinor: 100_000,
      comment: 'hotel cap is 1000',
    });
    expect(partial).toMatchObject({
      ok: true,
      value: { expense: { status: 'pending', approvedAmountMinor: 100_000 } },
    });
    const final = await decide('carol', id, approve);
    expect(final).toMatchObject({
      ok: true,
      value: { expense: { status: 'approved', approvedAmountMinor: 100_000 } },
    });
    expect(await decide('carol', id, approve)).toMatchObject({ ok: false });
  });

  it('partial without a reason is refused', async () => {
    const id = await logged('alice', '1,200');
    const result = await decide('bob', id, { kind: 'approve', amountMinor: 100_000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'PARTIAL_AMOUNT_INVALID' } });
    expect((await world.expenseRow(id))?.version).toBe(1);
  });

  it('already decided: the second click on the same card is told who decided first', async () => {
    await addApprover(1, 'erin');
    const id = await logged('alice', '300');
    expect((await decide('bob', id, approve, { version: 1, stage: 1 })).ok).toBe(true);
    const late = await decide('erin', id, approve, { version: 1, stage: 1 });
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DECIDED', details: { winnerId: 'bob' } },
    });
    expect((await world.audit()).map((e) => e.action)).toEqual(['expense.logged', 'expense.approved']);
  });

  it('a platform retry with the same idempotency key changes nothing the second time', async () => {
    const id = await logged('alice', '1,200');
    const first = await decide('bob', id, approve, { version: 1, stage: 1 }, 'slack:action:abc');
    const retry = await decide('bob', id, approve, { version: 1, stage: 1 }, 'slack:action:abc');
    expect(first.ok).toBe(true);
    expect(retry).toEqual({ ok: true, value: { replayed: true, expenseId: id } });
    expect((await world.audit()).map((e) => e.action)).toEqual(['expense.logged', 'expense.approved']);
  });

  it('reject without a reason is refused; with a reason the submitter is told why', async () => {
    const id = await logged('alice', '300');
    expect(await decide('bob', id, { kind: 'reject', reason: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'REASON_REQUIRED' },
    });
    const rejected = await decide('bob', id, { kind: 'reject', reason: 'not a client cost' });
    expect(rejected).toMatchObject({
      ok: true,
      value: { expense: { status: 'rejected', reason: 'not a client cost' } },
    });
    const notice = (await world.outbox()).find((m) => m.kind === 'decision-notice');
    expect(notice).toMatchObject({
      address: 'member:alice',
      payload: { decision: 'rejected', reason: 'not a client cost' },
    });
  });

  it('return asks the submitter for what is missing', async () => {
    const id = await logged('alice', '300');
    const returned = await decide('bob', id, { kind: 'return', whatIsNeeded: 'the hotel invoice' });
    expect(returned).toMatchObject({
      ok: true,
      value: { expense: { status: 'returned', whatIsNeeded: 'the hotel invoice' } },
    });
    expect((await world.audit()).map((e) => e.action)).toEqual(['expense.logged', 'expense.returned']);
  });

  it('a stale card (older version) changes nothing and says why', async () => {
    const id = await logged('alice', '1,200');
    await decide('bob', id, approve);
    const stale = await decide('carol', id, approve, { version: 1, stage: 2 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE_VERSION' } });
  });
});

describe.runIf(testEngines().includes('postgres'))('racing on PostgreSQL', () => {
  let world: ExpenseWorld;
  beforeEach(async () => {
    world = await createExpenseWorld('postgres');
  });
  afterEach(async () => {
    await world.destroy();
  });

  it('two approvers clicking at once: exactly one decision, the other is told who won', async () => {
    await world.database.db
      .insert(schema.approverAssignments)
      .values({ organisationId: ORG, clientId: 'c-acme', stage: 1, memberId: 'erin' });
    const submitted = await submitExpense(world.deps)(await world.ctx('alice'), {
      amount: amountOf('300'),
      clientCode: 'acme',
      categoryText: 'meals',
      description: 'dinner',
    });
    if (!submitted.ok || submitted.value.replayed) throw new Error('not logged');
    const id = submitted.value.expense.id;
    const [bob, erin] = [await world.ctx('bob'), await world.ctx('erin')];
    const results = await Promise.all([
      decideExpense(world.deps)(bob, { expenseId: id, decision: { kind: 'approve' } }),
      decideExpense(world.deps)(erin, { expenseId: id, decision: { kind: 'approve' } }),
    ]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winner = winners[0]?.ok && !winners[0].value.replayed ? winners[0].value.step.deciderId : undefined;
    expect(losers[0]).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_DECIDED', details: { winnerId: winner } },
    });
    expect((await world.audit()).filter((e) => e.action === 'expense.approved')).toHaveLength(1);
  });

  it('50 concurrent logs across 5 clients all land, without waiting on a shared counter or chain head', async () => {
    const codes = ['acme', 'globex', 'initech', 'umbrella', 'hooli'];
    for (const code of codes.slice(2)) {
      await world.database.db.insert(schema.clients).values({
        organisationId: ORG,
        id: `c-${code}`,
        code,
        name: code,
        currency: 'CNY',
        timeZone: 'Asia/Shanghai',
      });
      await world.database.db
        .insert(schema.approverAssignments)
        .values({ organisationId: ORG, clientId: `c-${code}`, stage: 1, memberId: 'bob' });
    }
    const ctx = await world.ctx('alice');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        submitExpense(world.deps)(ctx, {
          amount: amountOf(`${10 + i}`),
          clientCode: codes[i % 5] ?? 'acme',
          categoryText: 'transport',
          description: `taxi ${i}`,
        }),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await world.count('expenses')).toBe(50);
    expect(await world.count('audit_events')).toBe(50);
    const ids = results.map((r) => (r.ok && !r.value.replayed ? r.value.expense.id : ''));
    expect(new Set(ids).size).toBe(50);
  });

  it('20 concurrent logs with one idempotency key create exactly one expense', async () => {
    const ctx = await world.ctx('alice', { idempotencyKey: 'slack:retry:1' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        submitExpense(world.deps)(ctx, {
          amount: amountOf('66'),
          clientCode: 'acme',
          categoryText: 'meals',
          description: 'lunch',
        }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await world.count('expenses')).toBe(1);
    const created = results.filter((r) => r.ok && !r.value.replayed);
    expect(created).toHaveLength(1);
    const id = created[0]?.ok && !created[0].value.replayed ? created[0].value.expense.id : '';
    for (const r of results) {
      if (r.ok && r.value.replayed) expect(r.value.expenseId).toBe(id);
    }
  });
});
