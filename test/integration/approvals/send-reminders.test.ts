// Reminders and escalation on a frozen clock. @acme is in Asia/Shanghai; the world starts Tuesday 10 March 2026,
// 12:00 there. Working hours: Mon–Fri 09:00–18:00, so 24 working hours end Thursday 18:00 and 72 end the Friday
// after next, 12:00.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnnouncementRenderer } from '../../../src/bots/shared/render-announcement.js';
import { decideExpense } from '../../../src/domain/approvals/decide-expense.js';
import type { Decision } from '../../../src/domain/approvals/decide-step.js';
import { sendReminders } from '../../../src/domain/approvals/send-reminders.js';
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

/** Friday 13 March, 10:00 in Shanghai: 25 working hours after Tuesday 12:00. */
const AFTER_25_HOURS = new Date('2026-03-13T02:00:00Z');
/** Friday 20 March, 14:00 in Shanghai: 74 working hours after Tuesday 10 March 12:00. */
const AFTER_74_HOURS = new Date('2026-03-20T06:00:00Z');

type Item = {
  expenseId: string;
  kind: string;
  level: string;
  waitingHours: number;
  onBehalfOf: string | null;
};

describe.each(testEngines())('reminders and escalation on %s', (engine) => {
  let world: ExpenseWorld;
  beforeEach(async () => {
    world = await createExpenseWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  const remind = (at: Date) =>
    sendReminders({ ...world.deps, sweepQuery: createDrizzleSweepQuery() })({ organisationId: ORG, at });

  async function logged(person: Person, amount: string, description = 'taxi'): Promise<string> {
    const result = await submitExpense(world.deps)(await world.ctx(person), {
      amount: amountOf(amount),
      clientCode: 'acme',
      categoryText: 'transport',
      description,
    });
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    return result.value.expense.id;
  }
  async function decide(person: Person, expenseId: string, decision: Decision) {
    return decideExpense(world.deps)(await world.ctx(person), { expenseId, decision });
  }
  const digests = async () => (await world.outbox()).filter((m) => m.kind === 'reminder-digest');
  const itemsOf = (row: { payload: unknown }) => (row.payload as { items: Item[] }).items;

  const render = createAnnouncementRenderer({
    describeExpense: (org, id) => describeExpense(world.deps as unknown as DescribeExpenseDeps)(org, id),
    localeFor: async (_org, reader) => (reader.memberId === 'fay' ? 'en' : 'zh-CN'),
    clientName: async () => 'Acme',
    memberName: async (_org, id) => id.toUpperCase(),
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

  it('reminds an approver of three waiting items in one message, once', async () => {
    const ids = [await logged('alice', '100'), await logged('erin', '200'), await logged('alice', '300')];
    // Thursday 17:00 there: 23 working hours, not yet due.
    expect(await remind(new Date('2026-03-12T09:00:00Z'))).toEqual({
      reminders: 0,
      escalations: 0,
      messages: 0,
    });

    expect(await remind(AFTER_25_HOURS)).toEqual({ reminders: 3, escalations: 0, messages: 1 });
    const [digest, ...others] = await digests();
    expect(others).toEqual([]);
    expect(digest?.address).toBe('member:bob');
    expect(
      itemsOf(digest as { payload: unknown }).map((i) => [i.expenseId, i.level, i.waitingHours]),
    ).toEqual(ids.map((id) => [id, 'remind', 25]));
    const card = await rendered(digest as typeof schema.outbox.$inferSelect);
    expect(card).toContain('有 3 笔费用等待您处理');
    for (const id of ids) expect(card).toContain(id);

    const before = await world.count('outbox');
    expect(await remind(AFTER_25_HOURS)).toEqual({ reminders: 0, escalations: 0, messages: 0 });
    expect(await remind(new Date('2026-03-16T02:00:00Z'))).toEqual({
      reminders: 0,
      escalations: 0,
      messages: 0,
    });
    expect(await world.count('outbox')).toBe(before);
    const claims = await world.database.db.select().from(schema.jobRuns);
    expect(claims.map((c) => `${c.job} ${c.periodKey} ${c.target}`).sort()).toEqual(
      ids.map((id) => `approval-reminder ${id}:r1:s1 remind`).sort(),
    );
    // Reminding changes nothing, so it leaves no audit event.
    expect((await world.audit()).filter((e) => e.action.startsWith('approval.'))).toEqual([]);
  });

  it('reminds the delegate of an approver who is away, on their behalf', async () => {
    const id = await logged('alice', '100');
    await world.database.db.insert(schema.delegations).values({
      organisationId: ORG,
      id: 'd-1',
      fromMemberId: 'bob',
      toMemberId: 'erin',
      until: '2026-03-31',
    });
    expect(await remind(AFTER_25_HOURS)).toEqual({ reminders: 1, escalations: 0, messages: 2 });
    const byAddress = new Map((await digests()).map((d) => [d.address, itemsOf(d)]));
    expect(byAddress.get('member:bob')?.map((i) => [i.expenseId, i.onBehalfOf])).toEqual([[id, null]]);
    expect(byAddress.get('member:erin')?.map((i) => [i.expenseId, i.onBehalfOf])).toEqual([[id, 'bob']]);
    const erinDigest = (await digests()).find((d) => d.address === 'member:erin');
    expect(await rendered(erinDigest as typeof schema.outbox.$inferSelect)).toContain('代 BOB');
  });

  it('sends nothing outside working hours and claims nothing, so the next working run still reminds', async () => {
    await logged('alice', '100');
    // Friday 20:00 and Saturday 10:00 in Shanghai.
    expect(await remind(new Date('2026-03-13T12:00:00Z'))).toEqual({
      reminders: 0,
      escalations: 0,
      messages: 0,
    });
    expect(await remind(new Date('2026-03-14T02:00:00Z'))).toEqual({
      reminders: 0,
      escalations: 0,
      messages: 0,
    });
    expect(await world.count('job_runs')).toBe(0);
    expect(await digests()).toEqual([]);
    expect(await remind(new Date('2026-03-16T01:00:00Z'))).toMatchObject({ reminders: 1, messages: 1 });
  });

  it('escalates after 72 working hours: finance is told and may then decide; audited once', async () => {
    const id = await logged('alice', '100');
    const early = await decide('fay', id, { kind: 'approve' });
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_AN_APPROVER' } });

    expect(await remind(AFTER_74_HOURS)).toEqual({ reminders: 1, escalations: 1, messages: 2 });
    const byAddress = new Map((await digests()).map((d) => [d.address, itemsOf(d)]));
    expect(byAddress.get('member:bob')?.map((i) => i.level)).toEqual(['remind']);
    expect(byAddress.get('member:fay')?.map((i) => [i.expenseId, i.level, i.waitingHours])).toEqual([
      [id, 'escalate', 74],
    ]);
    const fayDigest = (await digests()).find((d) => d.address === 'member:fay');
    const card = await rendered(fayDigest as typeof schema.outbox.$inferSelect);
    expect(card).toContain('Escalated to you');
    // Finance also gets the approval card itself, with its buttons; bob's first copy is not sent again.
    const requests = (await world.outbox()).filter((m) => m.kind === 'approval-request');
    expect(requests.map((m) => m.address).sort()).toEqual(['console:#acme-team', 'member:bob', 'member:fay']);
    const fayCard = await rendered(
      requests.find((m) => m.address === 'member:fay') as typeof schema.outbox.$inferSelect,
    );
    expect(fayCard).toContain(`exp:approve:${id}`);

    const [step] = await world.database.db
      .select()
      .from(schema.approvalSteps)
      .where(and(eq(schema.approvalSteps.organisationId, ORG), eq(schema.approvalSteps.expenseId, id)));
    expect(step).toMatchObject({ stageKind: 'finance', eligibleMemberIds: ['bob', 'fay'] });
    const escalated = (await world.audit()).filter((e) => e.action === 'approval.escalated');
    expect(escalated).toHaveLength(1);
    expect(escalated[0]).toMatchObject({ entityId: id, platform: 'scheduler', actorId: null });

    expect(await remind(AFTER_74_HOURS)).toEqual({ reminders: 0, escalations: 0, messages: 0 });
    expect((await world.audit()).filter((e) => e.action === 'approval.escalated')).toHaveLength(1);

    const decided = await decide('fay', id, { kind: 'approve' });
    expect(decided).toMatchObject({ ok: true, value: { expense: { status: 'approved' } } });
  });

  it('escalates to admin when the only finance member is the submitter', async () => {
    const id = await logged('fay', '100');
    expect(await remind(AFTER_74_HOURS)).toMatchObject({ escalations: 1 });
    const addresses = (await digests()).map((d) => d.address).sort();
    expect(addresses).toEqual(['member:adam', 'member:bob']);
    const requests = (await world.outbox()).filter((m) => m.kind === 'approval-request');
    expect(requests.map((m) => m.address).sort()).toEqual([
      'console:#acme-team',
      'member:adam',
      'member:bob',
    ]);
    expect(await decide('adam', id, { kind: 'approve' })).toMatchObject({ ok: true });
  });

  it('reminds submitters of items returned to them, batched with what they must approve', async () => {
    await world.database.db
      .insert(schema.approverAssignments)
      .values({ organisationId: ORG, clientId: 'c-acme', stage: 1, memberId: 'alice' });
    const returned = await logged('alice', '100', 'dinner');
    const returnedByBob = await decide('bob', returned, { kind: 'return', whatIsNeeded: 'the invoice' });
    expect(returnedByBob.ok).toBe(true);
    const waiting = await logged('erin', '100');

    expect(await remind(AFTER_25_HOURS)).toEqual({ reminders: 2, escalations: 0, messages: 2 });
    const aliceDigest = (await digests()).find((d) => d.address === 'member:alice');
    expect(itemsOf(aliceDigest as { payload: unknown }).map((i) => [i.expenseId, i.kind])).toEqual([
      [waiting, 'approval'],
      [returned, 'returned'],
    ]);
    const claims = (await world.database.db.select().from(schema.jobRuns)).map(
      (c) => `${c.job} ${c.periodKey} ${c.target}`,
    );
    expect(claims).toContain(`returned-reminder ${returned}:r1 remind`);
    const card = await rendered(aliceDigest as typeof schema.outbox.$inferSelect);
    expect(card).toContain('退回给您补充信息');
    expect(card).toContain('the invoice');

    expect(await remind(AFTER_25_HOURS)).toEqual({ reminders: 0, escalations: 0, messages: 0 });
  });

  it('a digest delivered after its item was decided shows it as dealt with', async () => {
    const id = await logged('alice', '100');
    await remind(AFTER_25_HOURS);
    await decide('bob', id, { kind: 'approve' });
    const [digest] = await digests();
    const card = await rendered(digest as typeof schema.outbox.$inferSelect);
    expect(card).toContain('本提醒中的事项均已处理');
  });
});
