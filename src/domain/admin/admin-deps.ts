import type { AdminRepository } from '../ports/admin-repository.port.js';
import type { AuditLog } from '../ports/audit-log.port.js';
import type { BindingRepository } from '../ports/binding-repository.port.js';
import type { BudgetRepository } from '../ports/budget-repository.port.js';
import type { Clock } from '../ports/clock.port.js';
import type { Directory } from '../ports/directory.port.js';
import type { ExpenseRepository } from '../ports/expense-repository.port.js';
import type { IdGenerator } from '../ports/id-generator.port.js';
import type { IdempotencyStore } from '../ports/idempotency.port.js';
import type { IdentityLinkRepository } from '../ports/identity-link.port.js';
import type { Outbox } from '../ports/outbox.port.js';
import type { PolicyRepository } from '../ports/policy-repository.port.js';
import type { RateRepository } from '../ports/rate-repository.port.js';
import type { SettingsStore } from '../ports/settings-store.port.js';
import type { UnitOfWork } from '../ports/unit-of-work.port.js';

/** Everything the administration and people use cases reach: ports only, wired by main.ts. */
export type AdminDeps = {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly directory: Directory;
  readonly admin: AdminRepository;
  readonly identityLinks: IdentityLinkRepository;
  readonly settingsStore: SettingsStore;
  readonly budgets: BudgetRepository;
  readonly expenses: ExpenseRepository;
  readonly rates: RateRepository;
  readonly policies: PolicyRepository;
  readonly bindings: BindingRepository;
  readonly audit: AuditLog;
  readonly outbox: Outbox;
  readonly idempotency: IdempotencyStore;
};
