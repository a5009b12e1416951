import type { ExpenseQuery } from '../../ports/expense-query.port.js';
import type { PeriodRepository } from '../../ports/period-repository.port.js';
import type { ReceiptRepository } from '../../ports/receipt-repository.port.js';
import type { ExpenseDeps } from '../expense-deps.js';

/** What the lifecycle use cases reach beyond logging and deciding: closed periods, receipts and the read side. */
export type LifecycleDeps = ExpenseDeps & {
  readonly periods: PeriodRepository;
  readonly receipts: ReceiptRepository;
  readonly expenseQuery: ExpenseQuery;
};
