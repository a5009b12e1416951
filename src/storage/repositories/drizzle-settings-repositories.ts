// Small read repositories over the settings tables: budgets, exchange rates, policy settings, channel bindings.
import { and, desc, eq, isNull, lte } from 'drizzle-orm';
import type { Budget } from '../../domain/budgets/budget.js';
import { asCurrencyCode } from '../../domain/money/currency.js';
import type { PolicySettings } from '../../domain/policy/policy-settings.js';
import type { BindingRepository, ChannelBinding } from '../../domain/ports/binding-repository.port.js';
import type { BudgetRepository } from '../../domain/ports/budget-repository.port.js';
import type { PolicyRepository } from '../../domain/ports/policy-repository.port.js';
import type { RateRepository } from '../../domain/ports/rate-repository.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { budgets, channelBindings, exchangeRates, policies } from '../schema/index.js';

export function createDrizzleBudgetRepository(): BudgetRepository {
  return {
    async forClient(tx, organisationId, clientId) {
      const rows = await executorOf(tx)
        .select()
        .from(budgets)
        .where(and(eq(budgets.organisationId, organisationId), eq(budgets.clientId, clientId)))
        .orderBy(budgets.createdAt, budgets.id);
      return rows.map(
        (r): Budget => ({
          id: r.id,
          clientId: r.clientId,
          ...(r.projectId === null ? {} : { projectId: r.projectId }),
          ...(r.categoryCode === null ? {} : { categoryCode: r.categoryCode }),
          period: r.period,
          amount: { amountMinor: r.amountMinor, currency: asCurrencyCode(r.currency) },
          thresholdsPercent: r.thresholdsPercent,
          action: r.action,
        }),
      );
    },
  };
}

export function createDrizzleRateRepository(): RateRepository {
  return {
    async latest(tx, organisationId, from, to, onOrBefore) {
      const [row] = await executorOf(tx)
        .select({ rate: exchangeRates.rate, effectiveOn: exchangeRates.effectiveOn })
        .from(exchangeRates)
        .where(
          and(
            eq(exchangeRates.organisationId, organisationId),
            eq(exchangeRates.fromCurrency, from),
            eq(exchangeRates.toCurrency, to),
            lte(exchangeRates.effectiveOn, onOrBefore),
          ),
        )
        .orderBy(desc(exchangeRates.effectiveOn))
        .limit(1);
      return row ? { rate: trimRate(row.rate), effectiveOn: row.effectiveOn } : undefined;
    },
  };
}

export const ORGANISATION_POLICY_SCOPE = 'org';
export const clientPolicyScope = (clientId: string) => `client:${clientId}`;

export function createDrizzlePolicyRepository(): PolicyRepository {
  return {
    async settings(tx, organisationId, clientId) {
      const rows = await executorOf(tx)
        .select({ scope: policies.scope, settings: policies.settings })
        .from(policies)
        .where(eq(policies.organisationId, organisationId));
      const organisation = rows.find((r) => r.scope === ORGANISATION_POLICY_SCOPE)?.settings as
        | PolicySettings
        | undefined;
      const client =
        clientId === undefined
          ? undefined
          : (rows.find((r) => r.scope === clientPolicyScope(clientId))?.settings as
              | PolicySettings
              | undefined);
      return {
        ...(organisation === undefined ? {} : { organisation }),
        ...(client === undefined ? {} : { client }),
      };
    },
  };
}

export function createDrizzleBindingRepository(): BindingRepository {
  return {
    async forClient(tx, organisationId, clientId) {
      const rows = await executorOf(tx)
        .select()
        .from(channelBindings)
        .where(
          and(eq(channelBindings.organisationId, organisationId), eq(channelBindings.clientId, clientId)),
        )
        .orderBy(channelBindings.createdAt);
      return rows.map(toBinding);
    },
    async adminChannel(tx, organisationId) {
      const [row] = await executorOf(tx)
        .select()
        .from(channelBindings)
        .where(
          and(
            eq(channelBindings.organisationId, organisationId),
            eq(channelBindings.audience, 'admin'),
            isNull(channelBindings.clientId),
          ),
        )
        .orderBy(desc(channelBindings.createdAt))
        .limit(1);
      return row ? toBinding(row) : undefined;
    },
    async byAddress(tx, organisationId, address) {
      const rows = await executorOf(tx)
        .select()
        .from(channelBindings)
        .where(and(eq(channelBindings.organisationId, organisationId), eq(channelBindings.address, address)));
      return rows.map(toBinding);
    },
    async byId(tx, organisationId, id) {
      const [row] = await executorOf(tx)
        .select()
        .from(channelBindings)
        .where(and(eq(channelBindings.organisationId, organisationId), eq(channelBindings.id, id)))
        .limit(1);
      return row ? toBinding(row) : undefined;
    },
    async withWebhook(tx, organisationId, webhookUrl) {
      const rows = await executorOf(tx)
        .select()
        .from(channelBindings)
        .where(
          and(eq(channelBindings.organisationId, organisationId), eq(channelBindings.webhookUrl, webhookUrl)),
        )
        .orderBy(channelBindings.createdAt);
      return rows.map(toBinding);
    },
  };
}

function toBinding(row: typeof channelBindings.$inferSelect): ChannelBinding {
  return {
    id: row.id,
    address: row.address,
    clientId: row.clientId ?? undefined,
    audience: row.audience,
    reportSchedule: row.reportSchedule ?? undefined,
    reportLocale: row.reportLocale === 'en' || row.reportLocale === 'zh-CN' ? row.reportLocale : undefined,
    budgetWarnings: row.budgetWarnings,
    webhookUrl: row.webhookUrl ?? undefined,
  };
}

/** numeric(24,10) reads back padded ("7.1200000000"); keep the rate as written. */
export function trimRate(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}
