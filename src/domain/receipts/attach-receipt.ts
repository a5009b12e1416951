// A receipt file for an expense (docs/product-rules.md §3): from a thread reply, `receipt <id>` then a file, an
// upload — or a file sent alone, which goes to the sender's latest pending expense of the last 30 minutes. The bytes
// go to the ReceiptStore (which refuses what is too large or not a JPEG/PNG/HEIC/PDF), the row records its SHA-256,
// and the duplicate-receipt check runs again: the same file on another live expense is a `high` finding.
import { Temporal } from 'temporal-polyfill';
import { riskCandidateOf } from '../expenses/assess-item.js';
import type { WrongStatus } from '../expenses/expense-transitions.js';
import type { ExpenseUnknown } from '../expenses/lifecycle/lock-expense.js';
import { lockExpense } from '../expenses/lifecycle/lock-expense.js';
import { type ReplayedExpenseRequest, transactOnce } from '../expenses/lifecycle/transact-once.js';
import type { Forbidden } from '../people/permissions.js';
import { addDays } from '../periods/calendar-date.js';
import type { ReceiptRecord } from '../ports/receipt-repository.port.js';
import type { ReceiptRejectionCode } from '../ports/receipt-store.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import { checkDuplicateReceipt } from '../risk/duplicate-findings.js';
import type { Finding } from '../risk/finding.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { authoriseReceiptWork, withReceiptFindings } from './receipt-access.js';
import type { ReceiptDeps } from './receipt-deps.js';

/** A file sent alone belongs to the sender's pending expense logged this recently (docs/product-rules.md §3). */
export const LONE_FILE_WINDOW_MINUTES = 30;

export type AttachReceiptInput = {
  /** The expense named; absent for a file sent alone. */
  readonly expenseId?: string | undefined;
  readonly bytes: Uint8Array;
  /** What the platform said the file is; only used to explain a refusal. */
  readonly declaredType?: string | undefined;
  readonly fileName?: string | undefined;
};

export type AttachedReceipt = {
  readonly replayed: false;
  readonly expenseId: string;
  readonly receipt: ReceiptRecord;
  /** The same file was already on this expense: nothing was written. */
  readonly alreadyAttached: boolean;
  readonly findings: readonly Finding[];
  /** Set when the same file is on another live expense. */
  readonly duplicate?: Finding | undefined;
};

export type AttachReceiptFailure =
  | ExpenseUnknown
  | Forbidden
  | WrongStatus
  | Failure<ReceiptRejectionCode>
  | Failure<'NO_RECENT_PENDING_EXPENSE'>;

const OPERATION = 'attach-receipt';

export const attachReceipt =
  (deps: ReceiptDeps) =>
  (
    ctx: RequestContext,
    input: AttachReceiptInput,
  ): Promise<Result<AttachedReceipt | ReplayedExpenseRequest, AttachReceiptFailure>> =>
    transactOnce(
      deps,
      ctx,
      OPERATION,
      (value: AttachedReceipt) => ({ expenseId: value.expenseId }),
      (tx) => attachInTransaction(deps, tx, ctx, input),
    );

async function attachInTransaction(
  deps: ReceiptDeps,
  tx: Tx,
  ctx: RequestContext,
  input: AttachReceiptInput,
): Promise<Result<AttachedReceipt, AttachReceiptFailure>> {
  const org = ctx.organisationId;
  const target = input.expenseId ?? (await latestPendingOfSender(deps, tx, ctx));
  if (target === undefined) {
    return fail('NO_RECENT_PENDING_EXPENSE', { withinMinutes: LONE_FILE_WINDOW_MINUTES });
  }
  const locked = await lockExpense(deps, tx, org, target);
  if (!locked.ok) return locked;
  const { expense, extras } = locked.value;
  const allowed = authoriseReceiptWork(ctx.actor, expense, 'attach-receipt');
  if (!allowed.ok) return allowed;

  // Stored only once everything else agreed; the store is content-addressed, so a rollback after this point
  // leaves at most a file that the next upload of the same bytes reuses.
  const stored = await deps.receiptStore.put({
    organisationId: org,
    bytes: input.bytes,
    ...(input.declaredType === undefined ? {} : { declaredType: input.declaredType }),
    ...(input.fileName === undefined ? {} : { fileName: input.fileName }),
  });
  if (!stored.ok) return stored;

  const existing = await deps.receipts.forExpense(tx, org, expense.id);
  const same = existing.find((r) => r.sha256 === stored.value.sha256);
  if (same !== undefined) {
    return ok({
      replayed: false as const,
      expenseId: expense.id,
      receipt: same,
      alreadyAttached: true,
      findings: extras.findings,
    });
  }

  const record = {
    id: deps.ids.newId(),
    expenseId: expense.id,
    storageKey: stored.value.key,
    sha256: stored.value.sha256,
    sizeBytes: stored.value.sizeBytes,
    contentType: stored.value.contentType,
    ...(input.fileName === undefined ? {} : { fileName: input.fileName }),
    uploadedBy: ctx.actor.memberId,
  };
  await deps.receipts.insert(tx, org, record);

  const hashes = [...existing.map((r) => r.sha256), record.sha256];
  const neighbours = await deps.expenses.neighbours(tx, org, {
    clientId: expense.clientId,
    from: addDays(expense.incurredOn, -1),
    through: addDays(expense.incurredOn, 1),
    receiptSha256: hashes,
  });
  const duplicate = checkDuplicateReceipt(riskCandidateOf(expense, hashes), neighbours);
  const findings = withReceiptFindings(extras.findings, duplicate === undefined ? [] : [duplicate]);
  // Evidence, not a change of claim: the version stays, so approval cards already out remain valid.
  await deps.expenses.update(tx, org, expense, { ...extras, findings });

  await deps.audit.append(tx, {
    organisationId: org,
    actorId: ctx.actor.memberId,
    platform: ctx.platform,
    action: 'receipt.attached',
    entityType: 'expense',
    entityId: expense.id,
    before: { receipts: existing.length, findings: extras.findings.map((f) => f.code) },
    after: {
      receipts: existing.length + 1,
      receiptId: record.id,
      sha256: record.sha256,
      sizeBytes: record.sizeBytes,
      contentType: record.contentType,
      findings: findings.map((f) => f.code),
    },
    ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  });
  const receipt: ReceiptRecord = { ...record, createdAt: deps.clock.now() };
  return ok({
    replayed: false as const,
    expenseId: expense.id,
    receipt,
    alreadyAttached: false,
    findings,
    ...(duplicate === undefined ? {} : { duplicate }),
  });
}

async function latestPendingOfSender(
  deps: ReceiptDeps,
  tx: Tx,
  ctx: RequestContext,
): Promise<string | undefined> {
  const since = Temporal.Instant.fromEpochMilliseconds(deps.clock.now().getTime())
    .subtract({ minutes: LONE_FILE_WINDOW_MINUTES })
    .toString();
  return deps.expenseQuery.latestPendingBy(tx, ctx.organisationId, ctx.actor.memberId, since);
}
