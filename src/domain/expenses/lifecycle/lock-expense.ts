import type { ClientRecord } from '../../ports/directory.port.js';
import type { StoredExpense } from '../../ports/expense-repository.port.js';
import type { Tx } from '../../ports/unit-of-work.port.js';
import { type Failure, fail, ok, type Result } from '../../shared/result.js';
import type { ExpenseDeps } from '../expense-deps.js';
import { normaliseExpenseId } from '../expense-id.js';

export type ExpenseUnknown = Failure<'EXPENSE_UNKNOWN'>;

export type LockedExpense = StoredExpense & { readonly client: ClientRecord };

/**
 * The expense as typed (`acme-7k3q` finds `ACME-7K3Q`), with its row locked for the rest of the transaction so
 * that two changes to one expense happen one after the other, and its client.
 */
export async function lockExpense(
  deps: Pick<ExpenseDeps, 'expenses' | 'directory'>,
  tx: Tx,
  organisationId: string,
  typedId: string,
): Promise<Result<LockedExpense, ExpenseUnknown>> {
  const id = normaliseExpenseId(typedId);
  if (id === undefined) return fail('EXPENSE_UNKNOWN', { expenseId: typedId });
  const stored = await deps.expenses.get(tx, organisationId, id, { forUpdate: true });
  if (!stored) return fail('EXPENSE_UNKNOWN', { expenseId: typedId });
  const client = await deps.directory.clientById(tx, organisationId, stored.expense.clientId);
  // The row references its client, so a missing client is a broken database, not a typo.
  if (!client) throw new Error(`Expense ${id} names client ${stored.expense.clientId}, which does not exist`);
  return ok({ ...stored, client });
}
