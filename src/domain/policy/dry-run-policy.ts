import type { PlannedStage } from '../approvals/approval-stage.js';
import { planApprovalChain, stagesForAmount, tierLimitFor } from '../approvals/approval-tiers.js';
import type { Budget } from '../budgets/budget.js';
import type { Consumption } from '../budgets/consumption.js';
import {
  type BudgetEvaluation,
  type BudgetWouldBeExceeded,
  enforceBudgets,
  evaluateNewExpense,
} from '../budgets/evaluate-new-expense.js';
import type { CurrencyCode } from '../money/money.js';
import type { IsoDate } from '../periods/calendar-date.js';
import type { PeriodRange } from '../periods/period-range.js';
import { assessExpense } from '../risk/assess-expense.js';
import type { Finding } from '../risk/finding.js';
import { ok, type Result } from '../shared/result.js';
import { type AutoApprovalEligibility, autoApprovalEligibility } from './auto-approve.js';
import { type Category, DEFAULT_CATEGORIES, resolveCategory, type UnknownCategory } from './categories.js';
import { categoryRules, type Policy } from './policy.js';

export type DryRunInput = {
  /** In the client's currency. */
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  readonly currencyExponent: number;
  /** As typed: `#meals`, `餐饮`, `＃差旅`. */
  readonly categoryText: string;
  readonly policy: Policy;
  readonly categories?: readonly Category[] | undefined;
  /** The budgets the item would fall under, with their current consumption and period. */
  readonly budgets?:
    | readonly { readonly budget: Budget; readonly consumption: Consumption; readonly period: PeriodRange }[]
    | undefined;
  readonly override?: boolean | undefined;
  readonly actorCanOverride?: boolean | undefined;
  /** Today in the client's time zone; also the assumed incurred date. */
  readonly today: IsoDate;
};

/**
 * What would happen: `refused` (a blocking budget), `auto-approve-unless-sampled`, or `approval-chain`.
 * Ancillary facts (receipt needed, limits, findings) explain the verdict.
 */
export type DryRunVerdict = 'refused' | 'auto-approve-unless-sampled' | 'approval-chain';

export type DryRunReport = {
  readonly verdict: DryRunVerdict;
  readonly category: Category;
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  readonly prohibited: boolean;
  readonly categoryLimitMinor?: number;
  readonly overCategoryLimit: boolean;
  readonly receiptThresholdMinor: number;
  readonly receiptRequired: boolean;
  readonly tierStages: number;
  readonly tierLimitMinor: number | null;
  readonly financeStageAppended: boolean;
  readonly totalStages: number;
  /** The chain a log would follow if it is not approved automatically, planned as logging plans it. */
  readonly stages: readonly PlannedStage[];
  readonly autoApproval: AutoApprovalEligibility;
  readonly auditSampleBasisPoints: number;
  readonly budgetEvaluations: readonly BudgetEvaluation[];
  readonly refusal?: BudgetWouldBeExceeded;
  /** Findings the amount and category alone produce (no neighbours or history are consulted). */
  readonly findings: readonly Finding[];
};

/**
 * `policy test <amount> @client #category`: composes category, tiers, budgets, findings and auto-approval into
 * an explanation, assuming a receipt is attached and the item is dated today. Pure; nothing is recorded.
 */
export const dryRunPolicy = (input: DryRunInput): Result<DryRunReport, UnknownCategory> => {
  const resolved = resolveCategory(input.categoryText, input.categories ?? DEFAULT_CATEGORIES);
  if (!resolved.ok) return resolved;
  const category = resolved.value;
  const { amountMinor, policy } = input;
  const rules = categoryRules(policy, category.code);
  const budgetEvaluations = (input.budgets ?? []).map(({ budget, consumption, period }) =>
    evaluateNewExpense({
      budget,
      consumption,
      newAmountMinor: amountMinor,
      override: input.override ?? false,
      actorCanOverride: input.actorCanOverride ?? false,
      period,
    }),
  );
  const gate = enforceBudgets(budgetEvaluations);
  const findings = assessExpense({
    candidate: {
      submitterId: '',
      clientId: '',
      categoryCode: category.code,
      amount: { amountMinor, currency: input.currency },
      amountExponent: input.currencyExponent,
      clientAmountMinor: amountMinor,
      clientCurrency: input.currency,
      incurredOn: input.today,
      receiptSha256: ['assumed-attached'],
    },
    policy,
    budgetEvaluations,
    today: input.today,
  });
  const autoApproval = autoApprovalEligibility({ amountMinor, findings, policy });
  const tierStages = stagesForAmount(amountMinor, policy.tiers);
  const financeStageAppended = gate.ok && gate.value.appendFinanceStage;
  const stages = planApprovalChain({
    amountInClientCurrency: amountMinor,
    tiers: policy.tiers,
    escalateToFinance: financeStageAppended,
    override: gate.ok && gate.value.overriddenBudgetIds.length > 0,
  });
  const verdict: DryRunVerdict = !gate.ok
    ? 'refused'
    : autoApproval.eligible
      ? 'auto-approve-unless-sampled'
      : 'approval-chain';
  return ok({
    verdict,
    category,
    amountMinor,
    currency: input.currency,
    prohibited: rules.prohibited,
    ...(rules.limitMinor === undefined ? {} : { categoryLimitMinor: rules.limitMinor }),
    overCategoryLimit: rules.limitMinor !== undefined && amountMinor > rules.limitMinor,
    receiptThresholdMinor: rules.receiptThresholdMinor,
    receiptRequired: amountMinor > rules.receiptThresholdMinor,
    tierStages,
    tierLimitMinor: tierLimitFor(amountMinor, policy.tiers),
    financeStageAppended,
    totalStages: stages.length,
    stages,
    autoApproval,
    auditSampleBasisPoints: policy.auditSampleBasisPoints,
    budgetEvaluations,
    ...(gate.ok ? {} : { refusal: gate.error }),
    findings,
  });
};
