// `policy test <amount> [currency] @client #category` (docs/product-rules.md §10): what would happen to such an
// expense today — stages, who stage 1 would ask, receipt, limits, budgets, auto-approval — without logging anything.
// The chain and its first approvers come from the same functions logging uses (approval-tiers.ts,
// find-stage-approvers.ts), with the asker as the submitter. Budget figures are client data, so they are included
// only for someone who may see the client's expenses.
import { firstStageApprovers } from '../approvals/find-stage-approvers.js';
import type { StageApprovers } from '../approvals/stage-approvers.js';
import { measureBudgets } from '../budgets/gate-budgets.js';
import type { MinorUnitsFailure } from '../money/index.js';
import {
  type CurrencyCode,
  convertMoney,
  currencyExponent,
  type Money,
  type ParsedAmount,
  toMinorUnits,
} from '../money/index.js';
import { mayOverrideBudgets } from '../people/actor.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import { todayIn } from '../periods/calendar-date.js';
import { resolveCategory, type UnknownCategory } from '../policy/categories.js';
import { type DryRunReport, dryRunPolicy } from '../policy/dry-run-policy.js';
import { policyForClient } from '../policy/policy-settings.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import type { AdminDeps } from './admin-deps.js';
import { type ClientNotFound, findClient } from './target-client.js';

export type TestPolicyInput = {
  readonly amount: ParsedAmount;
  readonly currency?: CurrencyCode | undefined;
  readonly clientCode: string;
  readonly projectCode?: string | undefined;
  readonly categoryText: string;
};

export type PolicyTested = {
  readonly clientCode: string;
  readonly original: Money;
  readonly clientAmount: Money;
  readonly rate?: { readonly rate: string; readonly effectiveOn: string };
  /** False when the asker may not see the client's budgets, which were then left out. */
  readonly budgetsIncluded: boolean;
  readonly report: DryRunReport;
  /** Who stage 1 would ask were the asker to log it now; absent when nobody may (a log would be refused). */
  readonly firstStageApprovers?: StageApprovers;
};

export type TestPolicyFailure =
  | Forbidden
  | ClientNotFound
  | UnknownCategory
  | MinorUnitsFailure
  | Failure<'PROJECT_UNKNOWN' | 'AMOUNT_ZERO' | 'AMOUNT_NEGATIVE' | 'RATE_MISSING' | 'CONVERSION_TOO_LARGE'>;

export const testPolicy =
  (deps: AdminDeps) =>
  (ctx: RequestContext, input: TestPolicyInput): Promise<Result<PolicyTested, TestPolicyFailure>> =>
    deps.uow.run(async (tx): Promise<Result<PolicyTested, TestPolicyFailure>> => {
      const allowed = authorise(ctx.actor, 'view-policy');
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
      const categories = await deps.directory.categories(tx, org);
      const category = resolveCategory(input.categoryText, categories);
      if (!category.ok) return category;

      const currency = input.currency ?? input.amount.currencyHint ?? client.value.currency;
      const minor = toMinorUnits(input.amount, currency);
      if (!minor.ok) return minor;
      if (minor.value === 0) return fail('AMOUNT_ZERO');
      if (minor.value < 0) return fail('AMOUNT_NEGATIVE');
      const original: Money = { amountMinor: minor.value, currency };
      const today = todayIn(deps.clock.now().getTime(), client.value.timeZone);

      let clientAmount = original;
      let rate: PolicyTested['rate'];
      if (currency !== client.value.currency) {
        const stored = await deps.rates.latest(tx, org, currency, client.value.currency, today);
        if (!stored) {
          return fail('RATE_MISSING', {
            from: currency,
            to: client.value.currency,
            date: today,
            canAdd: 'finance,admin',
          });
        }
        const converted = convertMoney(original, stored.rate, client.value.currency);
        if (!converted.ok) return fail('CONVERSION_TOO_LARGE', { from: currency, to: client.value.currency });
        clientAmount = converted.value;
        rate = stored;
      }

      const settings = await deps.policies.settings(tx, org, client.value.id);
      const policy = policyForClient(client.value.currency, settings.organisation, settings.client);
      // Budgets shape the chain (an escalating one adds a finance stage, a blocking one refuses), so they are always
      // weighed, measured as logging measures them; only their figures are client data, left out for someone who
      // may not see the client's expenses.
      const budgetsIncluded = authorise(ctx.actor, 'view-client', {
        clientId: client.value.id,
        view: 'internal',
      }).ok;
      const measures = await measureBudgets(deps, tx, {
        organisationId: org,
        clientId: client.value.id,
        project,
        categoryCode: category.value.code,
        incurredOn: today,
        today,
        newAmountMinor: clientAmount.amountMinor,
        override: false,
        actorCanOverride: mayOverrideBudgets(ctx.actor),
      });
      const budgets = measures.map((m) => ({
        budget: m.budget,
        consumption: { actualMinor: m.evaluation.actualMinor, committedMinor: m.evaluation.committedMinor },
        period: m.period,
      }));
      const report = dryRunPolicy({
        amountMinor: clientAmount.amountMinor,
        currency: client.value.currency,
        currencyExponent: currencyExponent(client.value.currency),
        categoryText: category.value.code,
        policy,
        categories,
        budgets,
        actorCanOverride: mayOverrideBudgets(ctx.actor),
        today,
      });
      if (!report.ok) return report;
      const approvers = await firstStageApprovers(
        deps,
        tx,
        org,
        client.value,
        ctx.actor.memberId,
        report.value.stages,
      );
      return ok({
        clientCode: client.value.code,
        original,
        clientAmount,
        ...(rate === undefined ? {} : { rate }),
        budgetsIncluded,
        report: budgetsIncluded ? report.value : withoutBudgetFigures(report.value),
        ...(approvers.ok ? { firstStageApprovers: approvers.value } : {}),
      });
    });

/**
 * The verdict, the chain and auto-approval stay (they are what the asker would meet when logging); the budgets'
 * figures go, with the refusal and the over-budget findings that carry them.
 */
function withoutBudgetFigures(report: DryRunReport): DryRunReport {
  const { refusal: _figures, ...rest } = report;
  return {
    ...rest,
    budgetEvaluations: [],
    findings: report.findings.filter((finding) => finding.code !== 'OVER_BUDGET'),
  };
}
