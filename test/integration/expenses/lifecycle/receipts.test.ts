// Acceptance table for receipts: the bytes go to the store, the row records the SHA-256, the duplicate check runs
// again, and a refused file writes nothing.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { voidApprovedExpense } from '../../../../src/domain/expenses/lifecycle/void-approved-expense.js';
import { withdrawSubmittedExpense } from '../../../../src/domain/expenses/lifecycle/withdraw-submitted-expense.js';
import { type AttachReceiptInput, attachReceipt } from '../../../../src/domain/receipts/attach-receipt.js';
import { declareMissingReceipt } from '../../../../src/domain/receipts/declare-missing-receipt.js';
import * as schema from '../../../../src/storage/schema/index.js';
import { ORG, type Person } from '../../../support/expense-world.js';
import { jpegBytes, pdfBytes } from '../../../support/receipt-fixtures.js';
import { testEngines } from '../../../support/test-databases.js';
import { createHarness, type Harness, NOTHING } from './lifecycle-harness.js';

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const codesOf = (findings: unknown): string[] => (findings as { code: string }[]).map((f) => f.code);

describe.each(testEngines())('receipts on %s', (engine) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(engine);
  });
  afterEach(async () => {
    await h.destroy();
  });

  const attach = async (person: Person, input: AttachReceiptInput, key?: string) =>
    attachReceipt(h.receiptDeps)(
      await h.world.ctx(person, key === undefined ? {} : { idempotencyKey: key }),
      input,
    );
  const declare = async (person: Person, expenseId: string, reason: string) =>
    declareMissingReceipt(h.deps)(await h.world.ctx(person), { expenseId, reason });

  it('attach a receipt: stored, recorded with its SHA-256, the missing-receipt finding answered', async () => {
    const id = await h.log('alice', '480');
    expect(codesOf((await h.world.expenseRow(id))?.findings)).toContain('MISSING_RECEIPT');
    const bytes = jpegBytes('lunch');

    await h.checkpoint();
    const result = await attach('alice', { expenseId: id, bytes, fileName: 'lunch.jpg' });
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    expect(result.value).toMatchObject({
      expenseId: id,
      alreadyAttached: false,
      receipt: {
        expenseId: id,
        sha256: sha256Hex(bytes),
        sizeBytes: bytes.length,
        contentType: 'image/jpeg',
        fileName: 'lunch.jpg',
        uploadedBy: 'alice',
      },
    });
    expect(codesOf(result.value.findings)).not.toContain('MISSING_RECEIPT');
    expect(await h.written()).toEqual({ ...NOTHING, receipts: 1, audit: ['receipt.attached'] });
    const [row] = await h.world.database.db.select().from(schema.receipts);
    expect(row).toMatchObject({
      organisationId: ORG,
      expenseId: id,
      sha256: sha256Hex(bytes),
      storageKey: sha256Hex(bytes),
      contentType: 'image/jpeg',
    });
    expect(await h.receiptDeps.receiptStore.get(ORG, row?.storageKey ?? '')).toEqual(bytes);
    expect(codesOf((await h.world.expenseRow(id))?.findings)).not.toContain('MISSING_RECEIPT');
    const [event] = await h.newEvents();
    expect(event).toMatchObject({
      actorId: 'alice',
      entityType: 'expense',
      entityId: id,
      before: { receipts: 0 },
      after: { receipts: 1, sha256: sha256Hex(bytes), contentType: 'image/jpeg' },
    });
    // The claim is unchanged, so approval cards already sent stay valid.
    expect((await h.world.expenseRow(id))?.version).toBe(1);
  });

  it('the same receipt on another expense yields a DUPLICATE_RECEIPT finding, whoever logged it', async () => {
    const first = await h.log('alice', '480');
    const bytes = pdfBytes('invoice-17');
    expect((await attach('alice', { expenseId: first, bytes })).ok).toBe(true);
    const second = await h.log('erin', '50', { clientCode: 'globex', categoryText: 'transport' });

    await h.checkpoint();
    const result = await attach('erin', { expenseId: second, bytes });
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    expect(result.value.duplicate).toEqual({
      code: 'DUPLICATE_RECEIPT',
      severity: 'high',
      evidence: { sha256: sha256Hex(bytes), count: 1, otherIds: first },
    });
    expect(await h.written()).toEqual({ ...NOTHING, receipts: 1, audit: ['receipt.attached'] });
    expect(codesOf((await h.world.expenseRow(second))?.findings)).toContain('DUPLICATE_RECEIPT');
    const [event] = await h.newEvents();
    expect(event?.after).toMatchObject({ findings: expect.arrayContaining(['DUPLICATE_RECEIPT']) });
  });

  it('a receipt on a withdrawn expense does not count as a duplicate', async () => {
    const first = await h.log('alice', '480');
    const bytes = jpegBytes('taxi');
    await attach('alice', { expenseId: first, bytes });
    await withdrawSubmittedExpense(h.deps)(await h.world.ctx('alice'), { expenseId: first });
    const second = await h.log('alice', '480', { description: 'the same lunch, logged again' });
    const result = await attach('alice', { expenseId: second, bytes });
    if (!result.ok || result.value.replayed) throw new Error(JSON.stringify(result));
    expect(result.value.duplicate).toBeUndefined();
    expect(codesOf(result.value.findings)).not.toContain('DUPLICATE_RECEIPT');
  });

  it('the same file twice on one expense is attached once', async () => {
    const id = await h.log('alice');
    const bytes = jpegBytes('twice');
    await attach('alice', { expenseId: id, bytes });
    await h.checkpoint();
    const again = await attach('alice', { expenseId: id, bytes });
    expect(again).toMatchObject({ ok: true, value: { alreadyAttached: true, receipt: { expenseId: id } } });
    expect(await h.written()).toEqual(NOTHING);
  });

  it('a file sent alone attaches to the sender’s latest pending expense of the last 30 minutes', async () => {
    // The database stamps rows with its own clock; put them where the frozen clock says they were logged.
    const older = await h.log('alice', '30');
    await h.loggedAt(older, '2026-03-10T04:00:00Z');
    const latest = await h.log('alice', '40');
    await h.loggedAt(latest, '2026-03-10T04:05:00Z');
    const someoneElses = await h.log('erin', '50');
    await h.loggedAt(someoneElses, '2026-03-10T04:10:00Z');
    h.world.clock.set('2026-03-10T04:30:00Z');
    // 30 minutes after `older` and 25 after `latest`: the latest of the sender's own.
    const result = await attach('alice', { bytes: jpegBytes('alone') });
    expect(result).toMatchObject({ ok: true, value: { expenseId: latest } });
    expect(latest).not.toBe(older);

    h.world.clock.set('2026-03-10T04:35:01Z');
    await h.checkpoint();
    expect(await attach('alice', { bytes: jpegBytes('later') })).toMatchObject({
      ok: false,
      error: { code: 'NO_RECENT_PENDING_EXPENSE', details: { withinMinutes: 30 } },
    });
    expect(await h.written()).toEqual(NOTHING);
  });

  it.each([
    ['a text file', new TextEncoder().encode('not a receipt'), 'RECEIPT_TYPE_NOT_ALLOWED'],
    ['an empty file', new Uint8Array(), 'RECEIPT_EMPTY'],
  ] as const)('%s is refused with %s and nothing is written', async (_name, bytes, code) => {
    const id = await h.log('alice');
    await h.checkpoint();
    expect(await attach('alice', { expenseId: id, bytes, declaredType: 'text/plain' })).toMatchObject({
      ok: false,
      error: { code },
    });
    expect(await h.written()).toEqual(NOTHING);
  });

  it('only the submitter, finance or an admin may attach, and not to a voided expense', async () => {
    const id = await h.log('alice');
    await h.checkpoint();
    expect(await attach('erin', { expenseId: id, bytes: jpegBytes('e') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { action: 'attach-receipt' } },
    });
    expect(await attach('bob', { expenseId: id, bytes: jpegBytes('b') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.written()).toEqual(NOTHING);
    expect(await attach('fay', { expenseId: id, bytes: jpegBytes('f') })).toMatchObject({
      ok: true,
      value: { receipt: { uploadedBy: 'fay' } },
    });

    await h.decide('bob', { expenseId: id, decision: { kind: 'approve' } });
    await voidApprovedExpense(h.deps)(await h.world.ctx('fay'), { expenseId: id, reason: 'duplicate' });
    await h.checkpoint();
    expect(await attach('alice', { expenseId: id, bytes: jpegBytes('v') })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_STATUS', details: { status: 'voided' } },
    });
    expect(await h.written()).toEqual(NOTHING);
  });

  it('a retried upload with the same idempotency key attaches once', async () => {
    const id = await h.log('alice');
    const first = await attach('alice', { expenseId: id, bytes: jpegBytes('r') }, 'slack:file:F1');
    const second = await attach('alice', { expenseId: id, bytes: jpegBytes('r') }, 'slack:file:F1');
    expect(first).toMatchObject({ ok: true, value: { replayed: false } });
    expect(second).toEqual({ ok: true, value: { replayed: true, expenseId: id } });
    expect(await h.world.database.db.select().from(schema.receipts)).toHaveLength(1);
  });

  it('declare a missing receipt: the reason recorded, the finding answered, audited', async () => {
    const id = await h.log('alice', '480');
    await h.checkpoint();
    const result = await declare('alice', id, ' taxi driver had no fapiao ');
    expect(result).toMatchObject({
      ok: true,
      value: { expense: { missingReceiptReason: 'taxi driver had no fapiao', version: 1 } },
    });
    expect(await h.written()).toEqual({ ...NOTHING, audit: ['receipt.missing-declared'] });
    const row = await h.world.expenseRow(id);
    expect(row?.missingReceiptReason).toBe('taxi driver had no fapiao');
    expect(codesOf(row?.findings)).not.toContain('MISSING_RECEIPT');
    const [event] = await h.newEvents();
    expect(event).toMatchObject({
      before: { missingReceiptReason: null },
      after: { missingReceiptReason: 'taxi driver had no fapiao' },
    });
  });

  it.each([
    ['without a reason', 'alice', '  ', false, 'REASON_REQUIRED'],
    ['by someone else', 'erin', 'lost it', false, 'FORBIDDEN'],
    ['with a receipt attached', 'alice', 'lost it', true, 'RECEIPT_ALREADY_ATTACHED'],
  ] as const)(
    'declaring a missing receipt %s is refused with %s',
    async (_name, person, reason, withReceipt, code) => {
      const id = await h.log('alice', '480');
      if (withReceipt) await attach('alice', { expenseId: id, bytes: jpegBytes('x') });
      await h.checkpoint();
      expect(await declare(person, id, reason)).toMatchObject({ ok: false, error: { code } });
      expect(await h.written()).toEqual(NOTHING);
    },
  );
});
