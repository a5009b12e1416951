// What happens to approval cards already out there when an expense changes under them. Cards carry the
// expense version, and a click on an out-of-date one is refused (STALE_VERSION); these announcements replace
// each copy in place so that nobody is left looking at a card they cannot use.
import type { ClientRecord } from '../../ports/directory.port.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import { memberAddress } from '../announce.js';
import type { PendingExpense } from '../expense.js';
import type { ExpenseDeps } from '../expense-deps.js';

type CardDeps = Pick<ExpenseDeps, 'outbox' | 'bindings' | 'expenses'>;

type Recipient = { readonly key: string; readonly address: string; readonly memberId: string | null };

const requestKeyOf = (expense: PendingExpense): string =>
  `approval-request:${expense.id}:r${expense.approvalRound}:s${expense.stage}`;

/** Everyone the open stage's card went to: those asked, and the client's internal channels. */
async function cardRecipients(
  deps: CardDeps,
  tx: Tx,
  organisationId: string,
  expense: PendingExpense,
  client: ClientRecord,
): Promise<readonly Recipient[]> {
  const asked = await deps.expenses.openStepOf(
    tx,
    organisationId,
    expense.id,
    expense.approvalRound,
    expense.stage,
  );
  return [
    ...(asked?.eligibleMemberIds ?? []).map((id) => ({ key: id, address: memberAddress(id), memberId: id })),
    ...(await deps.bindings.forClient(tx, organisationId, client.id))
      .filter((b) => b.audience === 'internal')
      .map((b) => ({ key: b.id, address: b.address, memberId: null })),
  ];
}

export type SupersededBecause = 'edited' | 'withdrawn';

/**
 * The open stage of `before` will never be decided (its round was restarted or the expense withdrawn): every
 * copy of its card turns into a "superseded" notice with no buttons.
 */
export async function announceSuperseded(
  deps: CardDeps,
  tx: Tx,
  input: {
    readonly organisationId: string;
    readonly before: PendingExpense;
    readonly client: ClientRecord;
    readonly because: SupersededBecause;
    /** The expense's version after the change. */
    readonly version: number;
    readonly at: string;
  },
): Promise<void> {
  const { before, organisationId } = input;
  const requestKey = requestKeyOf(before);
  for (const recipient of await cardRecipients(deps, tx, organisationId, before, input.client)) {
    await deps.outbox.enqueue(tx, {
      organisationId,
      dedupeKey: `approval-superseded:${before.id}:r${before.approvalRound}:s${before.stage}:${recipient.key}`,
      address: recipient.address,
      kind: 'approval-superseded',
      payload: {
        expenseId: before.id,
        round: before.approvalRound,
        stage: before.stage,
        stageCount: before.stageCount,
        because: input.because,
        version: input.version,
        at: input.at,
        recipientId: recipient.memberId,
        replaces: `${requestKey}:${recipient.key}`,
      },
    });
  }
}

/**
 * An edit that keeps the chain (description, merchant…) still bumps the version: the open stage's cards are
 * re-rendered with the new details and version so that they stay clickable.
 */
export async function announceCardRefresh(
  deps: CardDeps,
  tx: Tx,
  input: {
    readonly organisationId: string;
    readonly expense: PendingExpense;
    readonly client: ClientRecord;
  },
): Promise<void> {
  const { expense, organisationId } = input;
  const requestKey = requestKeyOf(expense);
  for (const recipient of await cardRecipients(deps, tx, organisationId, expense, input.client)) {
    await deps.outbox.enqueue(tx, {
      organisationId,
      dedupeKey: `approval-updated:${expense.id}:v${expense.version}:${recipient.key}`,
      address: recipient.address,
      kind: 'approval-updated',
      payload: {
        expenseId: expense.id,
        round: expense.approvalRound,
        stage: expense.stage,
        stageCount: expense.stageCount,
        version: expense.version,
        recipientId: recipient.memberId,
        replaces: `${requestKey}:${recipient.key}`,
      },
    });
  }
}
