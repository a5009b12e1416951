// Logging an expense (docs/product-rules.md §3–§5, §8): resolve what was typed, hold it against policy and budgets,
// assess risk, plan the approval chain and write the expense, its first step, the audit event and every announcement
// in one transaction. Nothing is written when anything is refused.
import { planApprovalChain } from '../approvals/approval-tiers.js';
import { firstStageApprovers } from '../approvals/find-stage-approvers.js';
import type { EligibleApprover } from '../approvals/stage-approvers.js';
import { type BudgetWouldBeExceeded, enforceBudgets } from '../budgets/evaluate-new-expense.js';
import type { BudgetMeasure } from '../budgets/gate-budgets.js';
import { mayOverrideBudgets } from '../people/actor.js';
import type { Forbidden } from '../people/permissions.js';
import type { DateInput } from '../periods/date-input.js';
import { shouldAutoApprove } from '../policy/auto-approve.js';
import type { Category } from '../policy/categories.js';
import type { ClientRecord } from '../ports/directory.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import type { Finding } from '../risk/finding.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { announceApprovalRequest, announceBudgetCrossings } from './announce.js';
import { assessItem, riskCandidateOf } from './assess-item.js';
import type { PeriodClosed } from './closed-period.js';
import type { ApprovedExpense, PaymentMethod, PendingExpense } from './expense.js';
import type { ExpenseDeps } from './expense-deps.js';
import { logExpense } from './expense-transitions.js';
import { insertWithFreshId } from './lifecycle/insert-with-fresh-id.js';
import { roundOf } from './lifecycle/open-approval-round.js';
import { transactOnce } from './lifecycle/transact-once.js';
import {
  type AmountInput,
  convertToClientCurrency,
  type FactsFailure,
  resolveAmount,
  resolveClient,
  resolveExpenseCategory,
  resolveIncurredOn,
  resolveProject,
} from './resolve-expense-facts.js';

export type SubmitExpenseInput = AmountInput & {
  readonly clientCode: string;
  readonly projectCode?: string | undefined;
  readonly categoryText: string;
  readonly date?: DateInput | undefined;
  readonly description: string;
  readonly merchant?: string | undefined;
  readonly paymentMethod?: PaymentMethod | undefined;
  /** Absent: the category's default. */
  readonly billable?: boolean | undefined;
  readonly invoiceNumber?: string | undefined;
  readonly missingReceiptReason?: string | undefined;
  /** Finance/admin logging past a blocking budget; the words after it are the reason. */
  readonly override?: boolean | undefined;
};

export type SubmittedExpense = {
  readonly replayed: false;
  readonly expense: PendingExpense | ApprovedExpense;
  readonly client: ClientRecord;
  readonly category: Category;
  readonly findings: readonly Finding[];
  readonly budgets: readonly BudgetMeasure[];
  /** Who was asked to decide stage 1 (empty when auto-approved). */
  readonly approvers: readonly EligibleApprover[];
  readonly autoApproved: boolean;
};

/** The same request seen before: nothing changed; here is what it created. */
export type ReplayedSubmission = { readonly replayed: true; readonly expenseId: string };

export type SubmitExpenseFailure =
  | FactsFailure
  | Forbidden
  | PeriodClosed
  | BudgetWouldBeExceeded
  | Failure<'NO_ELIGIBLE_APPROVER' | 'ID_SPACE_EXHAUSTED'>;

const OPERATION = 'submit-expense';

export const submitExpense =
  (deps: ExpenseDeps) =>
  (
    ctx: RequestContext,
    input: SubmitExpenseInput,
  ): Promise<Result<SubmittedExpense | ReplayedSubmission, SubmitExpenseFailure>> =>
    transactOnce(
      deps,
      ctx,
      OPERATION,
      (value: SubmittedExpense) => ({ expenseId: value.expense.id }),
      (tx) => submitInTransaction(deps, tx, ctx, input),
    );

async function submitInTransaction(
  deps: ExpenseDeps,
  tx: Tx,
  ctx: RequestContext,
  input: SubmitExpenseInput,
): Promise<Result<SubmittedExpense, SubmitExpenseFailure>> {
  const org = ctx.organisationId;
  const client = await resolveClient(deps, tx, org, input.clientCode);
  if (!client.ok) return client;
  const project = await resolveProject(deps, tx, org, client.value, input.projectCode);
  if (!project.ok) return project;
  const category = await resolveExpenseCategory(deps, tx, org, input.categoryText);
  if (!category.ok) return category;
  const original = resolveAmount(input, client.value);
  if (!original.ok) return original;
  const day = resolveIncurredOn(deps, input.date, client.value);
  if (!day.ok) return day;
  const converted = await convertToClientCurrency(
    deps,
    tx,
    org,
    original.value,
    client.value,
    day.value.date,
  );
  if (!converted.ok) return converted;
  const clientAmountMinor = converted.value.clientAmount.amountMinor;

  const details = {
    clientId: client.value.id,
    ...(project.value === undefined ? {} : { projectId: project.value.id }),
    categoryCode: category.value.code,
    original: original.value,
    clientAmount: converted.value.clientAmount,
    ...(converted.value.rate === undefined ? {} : { rate: converted.value.rate }),
    ...(converted.value.rateDate === undefined ? {} : { rateDate: converted.value.rateDate }),
    incurredOn: day.value.date,
    description: input.description.trim(),
    ...(input.merchant === undefined ? {} : { merchant: input.merchant }),
    paymentMethod: input.paymentMethod ?? 'personal',
    billable: input.billable ?? category.value.billableDefault,
    ...(input.invoiceNumber === undefined ? {} : { invoiceNumber: input.invoiceNumber }),
    ...(input.missingReceiptReason === undefined ? {} : { missingReceiptReason: input.missingReceiptReason }),
  };
  // A new expense has no id and no receipts yet: nothing of its own to leave out.
  const {
    policy,
    measures: budgets,
    findings,
  } = await assessItem(deps, tx, {
    organisationId: org,
    client: client.value,
    project: project.value,
    candidate: riskCandidateOf({ ...details, submitterId: ctx.actor.memberId }, []),
    today: day.value.today,
    override: input.override === true,
    actorCanOverride: mayOverrideBudgets(ctx.actor),
  });
  const gate = enforceBudgets(budgets.map((b) => b.evaluation));
  if (!gate.ok) return gate;

  const autoApproval = shouldAutoApprove({
    amountMinor: clientAmountMinor,
    findings,
    policy,
    sample: () => deps.ids.randomInt(10_000),
  });
  const chain =
    autoApproval === 'auto-approve'
      ? ('auto-approve' as const)
      : planApprovalChain({
          amountInClientCurrency: clientAmountMinor,
          tiers: policy.tiers,
          escalateToFinance: gate.value.appendFinanceStage,
          override: gate.value.overriddenBudgetIds.length > 0,
        });

  const logged = logExpense({
    actor: ctx.actor,
    expense: {
      ...details,
      // Drawn for real when inserted; the transition only needs the shape.
      id: `${client.value.code.toUpperCase()}-0000`,
      ...(ctx.sourceAddress === undefined ? {} : { sourceAddress: ctx.sourceAddress }),
    },
    chain,
    closedThrough: client.value.closedThrough,
  });
  if (!logged.ok) return logged;

  let approvers: readonly EligibleApprover[] = [];
  let fellTo: string | undefined;
  if (logged.value.status === 'pending' && chain !== 'auto-approve') {
    const stageApprovers = await firstStageApprovers(
      deps,
      tx,
      org,
      client.value,
      logged.value.submitterId,
      chain,
    );
    if (!stageApprovers.ok) return stageApprovers;
    approvers = stageApprovers.value.eligible;
    fellTo = stageApprovers.value.fellTo;
  }

  const extras = {
    kind: 'expense' as const,
    findings,
    ...(gate.value.overriddenBudgetIds.length > 0 ? { overrideReason: input.description.trim() } : {}),
  };
  const expense = await insertWithFreshId(
    deps,
    tx,
    org,
    client.value.code,
    (id) => ({ ...logged.value, id }),
    extras,
  );
  if (!expense) return fail('ID_SPACE_EXHAUSTED', { client: client.value.code });

  if (expense.status === 'pending' && fellTo !== undefined) {
    await deps.expenses.openRound(tx, org, roundOf(expense));
    await deps.expenses.openStep(tx, org, {
      expenseId: expense.id,
      round: expense.approvalRound,
      stage: expense.stage,
      stageKind: fellTo === 'admin' ? 'admin' : fellTo === 'finance' ? 'finance' : 'approvers',
      fellTo: fellTo === 'admin' ? 'admin' : fellTo === 'finance' ? 'finance' : 'approvers',
      eligibleMemberIds: approvers.map((a) => a.memberId),
      requestedAt: deps.clock.now().toISOString(),
    });
  }
  await deps.audit.append(tx, {
    organisationId: org,
    actorId: ctx.actor.memberId,
    platform: ctx.platform,
    action: expense.status === 'approved' ? 'expense.logged-auto-approved' : 'expense.logged',
    entityType: 'expense',
    entityId: expense.id,
    after: { ...expense, findings: findings.map((f) => f.code) },
    ...(ctx.requestId === undefined ? {} : { requestId: ctx.requestId }),
  });
  if (expense.status === 'pending') {
    await announceApprovalRequest(deps, tx, {
      organisationId: org,
      expense,
      client: client.value,
      approvers,
    });
  }
  await announceBudgetCrossings(deps, tx, { organisationId: org, client: client.value, measures: budgets });

  return ok({
    replayed: false as const,
    expense,
    client: client.value,
    category: category.value,
    findings,
    budgets,
    approvers,
    autoApproved: expense.status === 'approved',
  });
}
