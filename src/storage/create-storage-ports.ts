// Every port storage implements, over one database: what main.ts (and the integration tests) hand to use cases.
import type { IdGenerator } from '../domain/ports/id-generator.port.js';
import { createDrizzleUnitOfWork } from './drizzle-unit-of-work.js';
import type { Database } from './open-database.js';
import { createDrizzleAuditLog } from './repositories/drizzle-audit-log.js';
import { createDrizzleDirectory } from './repositories/drizzle-directory.js';
import { createDrizzleExpenseRepository } from './repositories/drizzle-expense-repository.js';
import { createDrizzleIdempotencyStore } from './repositories/drizzle-idempotency-store.js';
import { createDrizzleJobRunLedger } from './repositories/drizzle-job-run-ledger.js';
import { createDrizzleOutbox } from './repositories/drizzle-outbox.js';
import {
  createDrizzleBindingRepository,
  createDrizzleBudgetRepository,
  createDrizzlePolicyRepository,
  createDrizzleRateRepository,
} from './repositories/drizzle-settings-repositories.js';

export function createStoragePorts(db: Database, ids: IdGenerator) {
  return {
    uow: createDrizzleUnitOfWork(db),
    directory: createDrizzleDirectory(),
    expenses: createDrizzleExpenseRepository(),
    budgets: createDrizzleBudgetRepository(),
    rates: createDrizzleRateRepository(),
    policies: createDrizzlePolicyRepository(),
    bindings: createDrizzleBindingRepository(),
    audit: createDrizzleAuditLog(),
    outbox: createDrizzleOutbox(ids),
    ledger: createDrizzleJobRunLedger(),
    idempotency: createDrizzleIdempotencyStore(),
  };
}

export type StoragePorts = ReturnType<typeof createStoragePorts>;
