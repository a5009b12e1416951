// The write side of the settings tables: budgets with their revision history, exchange rates and policy settings.
// The read side that logging uses is BudgetRepository, RateRepository and PolicyRepository.
import type { Budget } from '../budgets/budget.js';
import type { BudgetTerms } from '../budgets/revise-budget.js';
import type { CurrencyCode } from '../money/money.js';
import type { MemberId } from '../people/actor.js';
import type { BudgetPeriod } from '../periods/budget-period.js';
import type { PolicySettings } from '../policy/policy-settings.js';
import type { Tx } from './unit-of-work.port.js';

/** What makes two budgets the same budget: `budget set` on the same scope and period revises it. */
export type BudgetKey = {
  readonly clientId: string;
  readonly projectId: string | undefined;
  readonly categoryCode: string | undefined;
  readonly period: BudgetPeriod;
};

export type VersionedBudget = { readonly budget: Budget; readonly revision: number };

export type BudgetRevisionRecord = {
  readonly budgetId: string;
  readonly revision: number;
  /** Absent for the first revision, which creates the budget. */
  readonly before: BudgetTerms | undefined;
  readonly after: BudgetTerms;
  readonly changedBy: MemberId;
  readonly reason: string;
  readonly at: Date;
};

export type RateKey = {
  readonly from: CurrencyCode;
  readonly to: CurrencyCode;
  readonly effectiveOn: string;
};

export type PolicyRow = {
  /** Undefined when the scope had no settings before this transaction. */
  readonly settings: PolicySettings | undefined;
  readonly version: number;
};

export interface SettingsStore {
  findBudget(tx: Tx, organisationId: string, key: BudgetKey): Promise<VersionedBudget | undefined>;
  insertBudget(tx: Tx, organisationId: string, budget: Budget, createdBy: MemberId, at: Date): Promise<void>;
  /** Writes the new terms and revision number of an existing budget. */
  updateBudget(tx: Tx, organisationId: string, budget: Budget, revision: number, at: Date): Promise<void>;
  appendBudgetRevision(tx: Tx, organisationId: string, revision: BudgetRevisionRecord): Promise<void>;
  budgetRevisions(tx: Tx, organisationId: string, budgetId: string): Promise<readonly BudgetRevisionRecord[]>;

  /** The rate quoted for exactly this day, locked until `tx` ends. */
  rateForUpdate(tx: Tx, organisationId: string, key: RateKey): Promise<string | undefined>;
  /** False when a rate for the key exists (someone quoted it meanwhile). */
  insertRate(tx: Tx, organisationId: string, key: RateKey, rate: string, by: MemberId): Promise<boolean>;
  updateRate(tx: Tx, organisationId: string, key: RateKey, rate: string, by: MemberId): Promise<void>;

  /**
   * The organisation's settings (no `clientId`) or one client's, locked until `tx` ends. A scope without a row
   * gets an empty one first, so two first writers serialise on it too; a refusal rolls it back with the rest.
   */
  policyForUpdate(tx: Tx, organisationId: string, clientId: string | undefined): Promise<PolicyRow>;
  savePolicy(
    tx: Tx,
    organisationId: string,
    clientId: string | undefined,
    settings: PolicySettings,
    version: number,
    at: Date,
  ): Promise<void>;
}
