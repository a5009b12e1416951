import type { Tx } from '../../ports/unit-of-work.port.js';
import type { Expense } from '../expense.js';
import type { ExpenseDeps } from '../expense-deps.js';
import { generateExpenseId, MAX_ID_ATTEMPTS, nextIdLength } from '../expense-id.js';

/**
 * Inserts `build(id)` under a fresh id for the client, drawing again with a longer code after each collision
 * (4 characters, then 5, …). Undefined when every length collided.
 */
export async function insertWithFreshId<E extends Expense>(
  deps: Pick<ExpenseDeps, 'expenses' | 'ids'>,
  tx: Tx,
  organisationId: string,
  clientCode: string,
  build: (id: string) => E,
  extras: Parameters<ExpenseDeps['expenses']['insert']>[3],
): Promise<E | undefined> {
  for (let collisions = 0; collisions < MAX_ID_ATTEMPTS; collisions++) {
    const id = generateExpenseId(clientCode, (n) => deps.ids.randomInt(n), nextIdLength(collisions));
    const candidate = build(id);
    if (await deps.expenses.insert(tx, organisationId, candidate, extras)) return candidate;
  }
  return undefined;
}
