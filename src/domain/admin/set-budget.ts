// `budget set @client[/project] <amount> [currency] monthly|quarterly|yearly|total [#category] [warn|escalate|block]`
// (docs/product-rules.md §5): finance or admin. The same scope and period again revises that budget; every version is
// kept in its history with who, when and why.
import {
  type Budget,
  type BudgetAction,
  type BudgetAmountInvalid,
  type BudgetThresholdsInvalid,
  createBudget,
} from '../budgets/budget.js';
import { type BudgetRevisionFailure, type BudgetTerms, reviseBudget } from '../budgets/revise-budget.js';
import type { MinorUnitsFailure, ParsedAmount } from '../money/index.js';
import { type CurrencyCode, toMinorUnits } from '../money/index.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import type { BudgetPeriod } from '../periods/budget-period.js';
import { resolveCategory, type UnknownCategory } from '../policy/categories.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { type Answered, auditChange, originOf, runChange } from './admin-change.js';
import type { AdminDeps } from './admin-deps.js';
import { type ClientNotFound, findClient } from './target-client.js';

export type SetBudgetInput = {
  readonly clientCode: string;
  readonly projectCode?: string | undefined;
  readonly amount: ParsedAmount;
  /** An ISO code written in the command; it wins over a symbol on the amount. */
  readonly currency?: CurrencyCode | undefined;
  readonly period: BudgetPeriod;
  readonly categoryText?: string | undefined;
  /** Absent: `warn` for a new budget, unchanged for a revision. */
  readonly action?: BudgetAction | undefined;
  /** Absent: 50 / 80 / 100 % for a new budget, unchanged for a revision. */
  readonly thresholdsPercent?: readonly number[] | undefined;
  /** Why, for the history: the command as typed. */
  readonly reason?: string | undefined;
};

export type BudgetSet = {
  readonly outcome: 'created' | 'revised' | 'unchanged';
  readonly budget: Budget;
  readonly revision: number;
  readonly before?: BudgetTerms;
};

export type SetBudgetFailure =
  | Forbidden
  | ClientNotFound
  | UnknownCategory
  | MinorUnitsFailure
  | BudgetAmountInvalid
  | BudgetThresholdsInvalid
  | Exclude<BudgetRevisionFailure, Failure<'BUDGET_REVISION_EMPTY'>>
  | Failure<'PROJECT_UNKNOWN' | 'BUDGET_CURRENCY_MISMATCH'>;

export const DEFAULT_BUDGET_REASON = 'set via chat';

const termsOf = (budget: Budget): BudgetTerms => ({
  amount: budget.amount,
  thresholdsPercent: budget.thresholdsPercent,
  action: budget.action,
});

export const setBudget =
  (deps: AdminDeps) =>
  (ctx: RequestContext, input: SetBudgetInput): Promise<Result<Answered<BudgetSet>, SetBudgetFailure>> =>
    runChange<BudgetSet, SetBudgetFailure>(deps, originOf(ctx), 'budget-set', async (tx) => {
      const allowed = authorise(ctx.actor, 'manage-budgets');
      if (!allowed.ok) return allowed;
      const org = ctx.organisationId;
      const client = await findClient(deps, tx, org, input.clientCode);
      if (!client.ok) return client;
      const project =
        input.projectCode === undefined
          ? undefined
          : await deps.directory.projectByCode(tx, org, client.value.id, input.projectCode.toLowerCase());
      if (input.projectCode !== undefined && project === undefined) {
        return fail('PROJECT_UNKNOWN', { client: client.value.code, code: input.projectCode });
      }
      const category =
        input.categoryText === undefined
          ? undefined
          : resolveCategory(input.categoryText, await deps.directory.categories(tx, org));
      if (category !== undefined && !category.ok) return category;

      // A budget is kept in the client's currency, so what it measures never moves with an exchange rate.
      const currency = input.currency ?? input.amount.currencyHint ?? client.value.currency;
      if (currency !== client.value.currency) {
        return fail('BUDGET_CURRENCY_MISMATCH', { budgetCurrency: client.value.currency, given: currency });
      }
      const minor = toMinorUnits(input.amount, currency);
      if (!minor.ok) return minor;
      const amount = { amountMinor: minor.value, currency };

      // Budget scopes have no unique key (project and category may be empty), so one writer per client at a time.
      await deps.admin.lockClient(tx, org, client.value.id);
      const key = {
        clientId: client.value.id,
        projectId: project?.id,
        categoryCode: category?.value.code,
        period: input.period,
      };
      const existing = await deps.settingsStore.findBudget(tx, org, key);
      const at = deps.clock.now();
      const by = ctx.actor.memberId;
      const reason = input.reason?.trim() || DEFAULT_BUDGET_REASON;

      if (existing === undefined) {
        const created = createBudget({
          id: deps.ids.newId(),
          ...key,
          amount,
          thresholdsPercent: input.thresholdsPercent,
          action: input.action,
        });
        if (!created.ok) return created;
        const budget = created.value;
        await deps.settingsStore.insertBudget(tx, org, budget, by, at);
        await deps.settingsStore.appendBudgetRevision(tx, org, {
          budgetId: budget.id,
          revision: 1,
          before: undefined,
          after: termsOf(budget),
          changedBy: by,
          reason,
          at,
        });
        await auditChange(deps, tx, originOf(ctx), {
          action: 'budget.created',
          entityType: 'budget',
          entityId: budget.id,
          after: { ...budget, revision: 1, reason },
        });
        return ok({ outcome: 'created' as const, budget, revision: 1 });
      }

      const revised = reviseBudget(existing.budget, {
        amount,
        thresholds: input.thresholdsPercent,
        action: input.action,
        by,
        reason,
        at: at.toISOString(),
      });
      if (!revised.ok) {
        // The same budget set again: nothing to record, and nothing wrong either.
        if (revised.error.code === 'BUDGET_REVISION_EMPTY') {
          return ok({ outcome: 'unchanged' as const, budget: existing.budget, revision: existing.revision });
        }
        return fail(revised.error.code, revised.error.details);
      }
      const { budget, revision } = revised.value;
      const number = existing.revision + 1;
      await deps.settingsStore.updateBudget(tx, org, budget, number, at);
      await deps.settingsStore.appendBudgetRevision(tx, org, {
        budgetId: budget.id,
        revision: number,
        before: revision.before,
        after: revision.after,
        changedBy: by,
        reason,
        at,
      });
      await auditChange(deps, tx, originOf(ctx), {
        action: 'budget.revised',
        entityType: 'budget',
        entityId: budget.id,
        before: { ...revision.before, revision: existing.revision },
        after: { ...revision.after, revision: number, changed: revision.changed, reason },
      });
      return ok({ outcome: 'revised' as const, budget, revision: number, before: revision.before });
    });
