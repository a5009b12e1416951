// Budgets with their revision history, exchange rates and policy settings, as the admin use cases write them.
import { and, eq, isNull } from 'drizzle-orm';
import type { BudgetTerms } from '../../domain/budgets/revise-budget.js';
import { asCurrencyCode } from '../../domain/money/currency.js';
import type { PolicySettings } from '../../domain/policy/policy-settings.js';
import type { SettingsStore } from '../../domain/ports/settings-store.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { budgetRevisions, budgets, exchangeRates, policies } from '../schema/index.js';
import { clientPolicyScope, ORGANISATION_POLICY_SCOPE, trimRate } from './drizzle-settings-repositories.js';

const scopeOf = (clientId: string | undefined) =>
  clientId === undefined ? ORGANISATION_POLICY_SCOPE : clientPolicyScope(clientId);

export function createDrizzleSettingsStore(): SettingsStore {
  return {
    async findBudget(tx, organisationId, key) {
      const [row] = await executorOf(tx)
        .select()
        .from(budgets)
        .where(
          and(
            eq(budgets.organisationId, organisationId),
            eq(budgets.clientId, key.clientId),
            key.projectId === undefined ? isNull(budgets.projectId) : eq(budgets.projectId, key.projectId),
            key.categoryCode === undefined
              ? isNull(budgets.categoryCode)
              : eq(budgets.categoryCode, key.categoryCode),
            eq(budgets.period, key.period),
          ),
        )
        .orderBy(budgets.createdAt, budgets.id)
        .limit(1);
      if (!row) return undefined;
      return {
        budget: {
          id: row.id,
          clientId: row.clientId,
          ...(row.projectId === null ? {} : { projectId: row.projectId }),
          ...(row.categoryCode === null ? {} : { categoryCode: row.categoryCode }),
          period: row.period,
          amount: { amountMinor: row.amountMinor, currency: asCurrencyCode(row.currency) },
          thresholdsPercent: row.thresholdsPercent,
          action: row.action,
        },
        revision: row.revision,
      };
    },

    async insertBudget(tx, organisationId, budget, createdBy, at) {
      await executorOf(tx)
        .insert(budgets)
        .values({
          organisationId,
          id: budget.id,
          clientId: budget.clientId,
          projectId: budget.projectId ?? null,
          categoryCode: budget.categoryCode ?? null,
          period: budget.period,
          amountMinor: budget.amount.amountMinor,
          currency: budget.amount.currency,
          thresholdsPercent: [...budget.thresholdsPercent],
          action: budget.action,
          revision: 1,
          createdBy,
          createdAt: at,
          updatedAt: at,
        });
    },

    async updateBudget(tx, organisationId, budget, revision, at) {
      await executorOf(tx)
        .update(budgets)
        .set({
          amountMinor: budget.amount.amountMinor,
          currency: budget.amount.currency,
          thresholdsPercent: [...budget.thresholdsPercent],
          action: budget.action,
          revision,
          updatedAt: at,
        })
        .where(and(eq(budgets.organisationId, organisationId), eq(budgets.id, budget.id)));
    },

    async appendBudgetRevision(tx, organisationId, revision) {
      await executorOf(tx)
        .insert(budgetRevisions)
        .values({
          organisationId,
          budgetId: revision.budgetId,
          revision: revision.revision,
          before: revision.before ?? null,
          after: revision.after,
          changedBy: revision.changedBy,
          reason: revision.reason,
          createdAt: revision.at,
        });
    },

    async budgetRevisions(tx, organisationId, budgetId) {
      const rows = await executorOf(tx)
        .select()
        .from(budgetRevisions)
        .where(
          and(eq(budgetRevisions.organisationId, organisationId), eq(budgetRevisions.budgetId, budgetId)),
        )
        .orderBy(budgetRevisions.revision);
      return rows.map((r) => ({
        budgetId: r.budgetId,
        revision: r.revision,
        before: (r.before ?? undefined) as BudgetTerms | undefined,
        after: r.after as BudgetTerms,
        changedBy: r.changedBy,
        reason: r.reason ?? '',
        at: r.createdAt,
      }));
    },

    async rateForUpdate(tx, organisationId, key) {
      const [row] = await executorOf(tx)
        .select({ rate: exchangeRates.rate })
        .from(exchangeRates)
        .where(
          and(
            eq(exchangeRates.organisationId, organisationId),
            eq(exchangeRates.fromCurrency, key.from),
            eq(exchangeRates.toCurrency, key.to),
            eq(exchangeRates.effectiveOn, key.effectiveOn),
          ),
        )
        .for('update');
      return row ? trimRate(row.rate) : undefined;
    },

    async insertRate(tx, organisationId, key, rate, by) {
      const inserted = await executorOf(tx)
        .insert(exchangeRates)
        .values({
          organisationId,
          fromCurrency: key.from,
          toCurrency: key.to,
          effectiveOn: key.effectiveOn,
          rate,
          source: 'manual',
          createdBy: by,
        })
        .onConflictDoNothing()
        .returning({ rate: exchangeRates.rate });
      return inserted.length > 0;
    },

    async updateRate(tx, organisationId, key, rate, by) {
      await executorOf(tx)
        .update(exchangeRates)
        .set({ rate, source: 'manual', createdBy: by })
        .where(
          and(
            eq(exchangeRates.organisationId, organisationId),
            eq(exchangeRates.fromCurrency, key.from),
            eq(exchangeRates.toCurrency, key.to),
            eq(exchangeRates.effectiveOn, key.effectiveOn),
          ),
        );
    },

    async policyForUpdate(tx, organisationId, clientId) {
      const db = executorOf(tx);
      const scope = scopeOf(clientId);
      // Version 0 marks a row made here; savePolicy raises it to 1, and a refusal rolls it back.
      const created = await db
        .insert(policies)
        .values({ organisationId, scope, settings: {}, version: 0 })
        .onConflictDoNothing()
        .returning({ scope: policies.scope });
      const [row] = await db
        .select({ settings: policies.settings, version: policies.version })
        .from(policies)
        .where(and(eq(policies.organisationId, organisationId), eq(policies.scope, scope)))
        .for('update');
      if (!row) throw new Error(`Policy row for ${scope} vanished inside its transaction`);
      return {
        settings: created.length > 0 ? undefined : (row.settings as PolicySettings),
        version: row.version,
      };
    },

    async savePolicy(tx, organisationId, clientId, settings, version, at) {
      await executorOf(tx)
        .update(policies)
        .set({ settings, version, updatedAt: at })
        .where(and(eq(policies.organisationId, organisationId), eq(policies.scope, scopeOf(clientId))));
    },
  };
}
