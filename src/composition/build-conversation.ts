// Part of the composition root (with main.ts): builds every use case over the storage ports and hands them to the
// Conversation that all platforms share.

import type { ConversationUseCases } from '../bots/shared/conversation/conversation-deps.js';
import { addClient } from '../domain/admin/add-client.js';
import { addProject } from '../domain/admin/add-project.js';
import { bindAdminChannel } from '../domain/admin/bind-admin-channel.js';
import { bindClientChannel } from '../domain/admin/bind-client-channel.js';
import { completeLink } from '../domain/admin/complete-link.js';
import { delegate } from '../domain/admin/delegate.js';
import { ensureMember } from '../domain/admin/ensure-member.js';
import { grantRole } from '../domain/admin/grant-role.js';
import { setApprovers } from '../domain/admin/set-approvers.js';
import { setBudget } from '../domain/admin/set-budget.js';
import { setPolicy } from '../domain/admin/set-policy.js';
import { setRate } from '../domain/admin/set-rate.js';
import { showBudgets } from '../domain/admin/show-budgets.js';
import { showPolicy } from '../domain/admin/show-policy.js';
import { startLink } from '../domain/admin/start-link.js';
import { testPolicy } from '../domain/admin/test-policy.js';
import { decideExpense } from '../domain/approvals/decide-expense.js';
import { sendReminders } from '../domain/approvals/send-reminders.js';
import { sealAuditEvents } from '../domain/audit/seal-audit-events.js';
import { verifyAuditChain } from '../domain/audit/verify-audit-chain.js';
import { sweepBudgetWarnings } from '../domain/budgets/sweep-budget-warnings.js';
import { describeExpense } from '../domain/expenses/describe-expense.js';
import { adjustClientSpend } from '../domain/expenses/lifecycle/adjust-client-spend.js';
import { closePeriod } from '../domain/expenses/lifecycle/close-period.js';
import { editSubmittedExpense } from '../domain/expenses/lifecycle/edit-submitted-expense.js';
import { listExpenses } from '../domain/expenses/lifecycle/list-expenses.js';
import { markExpense } from '../domain/expenses/lifecycle/mark-expense.js';
import { resubmitExpense } from '../domain/expenses/lifecycle/resubmit-expense.js';
import { showExpense } from '../domain/expenses/lifecycle/show-expense.js';
import { voidApprovedExpense } from '../domain/expenses/lifecycle/void-approved-expense.js';
import { withdrawSubmittedExpense } from '../domain/expenses/lifecycle/withdraw-submitted-expense.js';
import { submitExpense } from '../domain/expenses/submit-expense.js';
import { requestExport } from '../domain/exports/request-export.js';
import type { AuditChainStore } from '../domain/ports/audit-chain.port.js';
import type { Clock } from '../domain/ports/clock.port.js';
import type { IdGenerator } from '../domain/ports/id-generator.port.js';
import type { ReceiptStore } from '../domain/ports/receipt-store.port.js';
import type { ReportLinks } from '../domain/ports/report-links.port.js';
import { attachReceipt } from '../domain/receipts/attach-receipt.js';
import { declareMissingReceipt } from '../domain/receipts/declare-missing-receipt.js';
import { enqueueScheduledReport } from '../domain/reports/enqueue-scheduled-report.js';
import { showReport } from '../domain/reports/show-report.js';
import type { StoragePorts } from '../storage/create-storage-ports.js';

export type CoreDeps = StoragePorts & {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly receiptStore: ReceiptStore;
  readonly chain: AuditChainStore;
  /** Signed export and chart links for reports; without it reports carry no links. */
  readonly reportLinks?: ReportLinks | undefined;
  /** Where `client channel … webhook <url>` may point: WeCom's API host and a configured WECOM_API_BASE. */
  readonly robotWebhookOrigins?: readonly string[];
};

export function buildUseCases(deps: CoreDeps): ConversationUseCases & {
  readonly ensureMember: ReturnType<typeof ensureMember>;
  /** Scheduled jobs (docs/product-rules.md §3, §5); the scheduler calls them, not a conversation. */
  readonly sweepBudgetWarnings: ReturnType<typeof sweepBudgetWarnings>;
  readonly sendReminders: ReturnType<typeof sendReminders>;
  /** A scheduled report fell due: claim it and write it to the outbox, once (docs/product-rules.md §6). */
  readonly enqueueScheduledReport: ReturnType<typeof enqueueScheduledReport>;
} {
  const seal = sealAuditEvents(deps);
  const verify = verifyAuditChain(deps);
  return {
    submitExpense: submitExpense(deps),
    decideExpense: decideExpense(deps),
    editExpense: editSubmittedExpense(deps),
    withdrawExpense: withdrawSubmittedExpense(deps),
    resubmitExpense: resubmitExpense(deps),
    voidExpense: voidApprovedExpense(deps),
    markExpense: markExpense(deps),
    closePeriod: closePeriod(deps),
    adjustClientSpend: adjustClientSpend(deps),
    showExpense: showExpense(deps),
    listExpenses: listExpenses(deps),
    attachReceipt: attachReceipt(deps),
    declareMissingReceipt: declareMissingReceipt(deps),
    addClient: addClient(deps),
    addProject: addProject(deps),
    bindClientChannel: bindClientChannel(deps),
    bindAdminChannel: bindAdminChannel(deps),
    setApprovers: setApprovers(deps),
    grantRole: grantRole(deps),
    delegate: delegate(deps),
    startLink: startLink(deps),
    completeLink: completeLink(deps),
    setBudget: setBudget(deps),
    showBudgets: showBudgets(deps),
    setRate: setRate(deps),
    showPolicy: showPolicy(deps),
    setPolicy: setPolicy(deps),
    testPolicy: testPolicy(deps),
    // Verifying seals what has committed first, so the answer covers everything up to now.
    verifyAudit: async (organisationId, anchor) => {
      await seal(organisationId);
      return verify(organisationId, anchor);
    },
    describeExpense: describeExpense(deps),
    ensureMember: ensureMember(deps),
    requestExport: requestExport(deps),
    sweepBudgetWarnings: sweepBudgetWarnings(deps),
    sendReminders: sendReminders(deps),
    showReport: showReport(deps),
    enqueueScheduledReport: enqueueScheduledReport(deps),
  };
}
