// Every port storage implements, over one database: what main.ts (and the integration tests) hand to use cases.
import type { Clock } from '../domain/ports/clock.port.js';
import type { IdGenerator } from '../domain/ports/id-generator.port.js';
import { createDrizzleUnitOfWork } from './drizzle-unit-of-work.js';
import type { Database } from './open-database.js';
import { createDrizzleAdminRepository } from './repositories/drizzle-admin-repository.js';
import { createDrizzleAuditLog } from './repositories/drizzle-audit-log.js';
import { createDrizzleDirectory } from './repositories/drizzle-directory.js';
import { createDrizzleExpenseQuery } from './repositories/drizzle-expense-query.js';
import { createDrizzleExpenseRepository } from './repositories/drizzle-expense-repository.js';
import { createDrizzleExportQuery } from './repositories/drizzle-export-query.js';
import { createDrizzleIdempotencyStore } from './repositories/drizzle-idempotency-store.js';
import { createDrizzleIdentityLinkRepository } from './repositories/drizzle-identity-link-repository.js';
import { createDrizzleJobRunLedger } from './repositories/drizzle-job-run-ledger.js';
import { createDrizzleOutbox } from './repositories/drizzle-outbox.js';
import { createDrizzlePeriodRepository } from './repositories/drizzle-period-repository.js';
import {
  createDrizzleDeliveryRefs,
  createDrizzlePlatformRecords,
} from './repositories/drizzle-platform-records.js';
import { createDrizzlePromptRepository } from './repositories/drizzle-prompt-repository.js';
import { createDrizzleReceiptRepository } from './repositories/drizzle-receipt-repository.js';
import { createDrizzleReportQuery } from './repositories/drizzle-report-query.js';
import { createDrizzleReportRenderCache } from './repositories/drizzle-report-render-cache.js';
import {
  createDrizzleBindingRepository,
  createDrizzleBudgetRepository,
  createDrizzlePolicyRepository,
  createDrizzleRateRepository,
} from './repositories/drizzle-settings-repositories.js';
import { createDrizzleSettingsStore } from './repositories/drizzle-settings-store.js';
import { createDrizzleSigningKeyStore } from './repositories/drizzle-signing-key-store.js';
import { createDrizzleSweepQuery } from './repositories/drizzle-sweep-query.js';

export function createStoragePorts(db: Database, ids: IdGenerator, clock: Clock) {
  return {
    uow: createDrizzleUnitOfWork(db),
    directory: createDrizzleDirectory(),
    expenses: createDrizzleExpenseRepository(),
    budgets: createDrizzleBudgetRepository(),
    rates: createDrizzleRateRepository(),
    policies: createDrizzlePolicyRepository(),
    bindings: createDrizzleBindingRepository(),
    audit: createDrizzleAuditLog(),
    outbox: createDrizzleOutbox(ids, clock),
    ledger: createDrizzleJobRunLedger(),
    idempotency: createDrizzleIdempotencyStore(),
    periods: createDrizzlePeriodRepository(),
    receipts: createDrizzleReceiptRepository(),
    expenseQuery: createDrizzleExpenseQuery(),
    reportQuery: createDrizzleReportQuery(),
    prompts: createDrizzlePromptRepository(),
    admin: createDrizzleAdminRepository(),
    identityLinks: createDrizzleIdentityLinkRepository(),
    settingsStore: createDrizzleSettingsStore(),
    platformRecords: createDrizzlePlatformRecords(),
    deliveryRefs: createDrizzleDeliveryRefs(),
    sweepQuery: createDrizzleSweepQuery(),
    exportQuery: createDrizzleExportQuery(),
    signingKeys: createDrizzleSigningKeyStore(),
    renderCache: createDrizzleReportRenderCache(),
  };
}

export type StoragePorts = ReturnType<typeof createStoragePorts>;
