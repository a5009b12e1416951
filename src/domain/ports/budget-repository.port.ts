import type { Budget } from '../budgets/budget.js';
import type { Tx } from './unit-of-work.port.js';

export interface BudgetRepository {
  forClient(tx: Tx, organisationId: string, clientId: string): Promise<readonly Budget[]>;
}
