// What the Conversation needs: who is speaking, and the use cases it may call. main.ts builds both.

import type { addClient } from '../../../domain/admin/add-client.js';
import type { addProject } from '../../../domain/admin/add-project.js';
import type { bindAdminChannel } from '../../../domain/admin/bind-admin-channel.js';
import type { bindClientChannel } from '../../../domain/admin/bind-client-channel.js';
import type { completeLink } from '../../../domain/admin/complete-link.js';
import type { delegate } from '../../../domain/admin/delegate.js';
import type { grantRole } from '../../../domain/admin/grant-role.js';
import type { setApprovers } from '../../../domain/admin/set-approvers.js';
import type { setBudget } from '../../../domain/admin/set-budget.js';
import type { setPolicy } from '../../../domain/admin/set-policy.js';
import type { setRate } from '../../../domain/admin/set-rate.js';
import type { showBudgets } from '../../../domain/admin/show-budgets.js';
import type { showPolicy } from '../../../domain/admin/show-policy.js';
import type { startLink } from '../../../domain/admin/start-link.js';
import type { testPolicy } from '../../../domain/admin/test-policy.js';
import type { decideExpense } from '../../../domain/approvals/decide-expense.js';
import type { verifyAuditChain } from '../../../domain/audit/verify-audit-chain.js';
import type { ExpenseCardData } from '../../../domain/expenses/describe-expense.js';
import type { adjustClientSpend } from '../../../domain/expenses/lifecycle/adjust-client-spend.js';
import type { closePeriod } from '../../../domain/expenses/lifecycle/close-period.js';
import type { editSubmittedExpense } from '../../../domain/expenses/lifecycle/edit-submitted-expense.js';
import type { listExpenses } from '../../../domain/expenses/lifecycle/list-expenses.js';
import type { markExpense } from '../../../domain/expenses/lifecycle/mark-expense.js';
import type { resubmitExpense } from '../../../domain/expenses/lifecycle/resubmit-expense.js';
import type { showExpense } from '../../../domain/expenses/lifecycle/show-expense.js';
import type { voidApprovedExpense } from '../../../domain/expenses/lifecycle/void-approved-expense.js';
import type { withdrawSubmittedExpense } from '../../../domain/expenses/lifecycle/withdraw-submitted-expense.js';
import type { submitExpense } from '../../../domain/expenses/submit-expense.js';
import type { requestExport } from '../../../domain/exports/request-export.js';
import type { MemberActor } from '../../../domain/people/actor.js';
import type { Clock } from '../../../domain/ports/clock.port.js';
import type { PendingPrompt } from '../../../domain/ports/prompt-repository.port.js';
import type { attachReceipt } from '../../../domain/receipts/attach-receipt.js';
import type { declareMissingReceipt } from '../../../domain/receipts/declare-missing-receipt.js';
import type { showReport } from '../../../domain/reports/show-report.js';
import type { Platform } from '../conversation.js';
import type { Locale } from '../i18n/locale.js';

export type MemberSpeaker = {
  readonly kind: 'member';
  readonly organisationId: string;
  readonly actor: MemberActor;
  readonly identity: string;
  readonly platform: Platform;
  readonly locale: Locale;
  /** Display names of members a reply may mention, by id (filled lazily by the dispatcher). */
  readonly names: Map<string, string>;
  /** The conversation is bound to a client with audience `client`: answer privately, never post internal data. */
  readonly inClientChannel: boolean;
};

export type ClientContactSpeaker = {
  readonly kind: 'client-contact';
  readonly organisationId: string;
  readonly clientId: string;
  readonly locale: Locale;
};

/** Someone the platform says is from another organisation, speaking outside a client-facing conversation. */
export type OutsiderSpeaker = {
  readonly kind: 'outsider';
  readonly organisationId: string;
  readonly locale: Locale;
};

export type Speaker = MemberSpeaker | ClientContactSpeaker | OutsiderSpeaker;

/** What identifying a speaker looks at. */
export type SpeakerOrigin = {
  readonly platform: Platform;
  readonly identity: string;
  readonly displayName?: string;
  readonly address: string;
  readonly organisationId?: string;
  readonly external?: boolean;
};

type UseCase<F extends (...args: never[]) => unknown> = ReturnType<F>;

export type ConversationUseCases = {
  readonly submitExpense: UseCase<typeof submitExpense>;
  readonly decideExpense: UseCase<typeof decideExpense>;
  readonly editExpense: UseCase<typeof editSubmittedExpense>;
  readonly withdrawExpense: UseCase<typeof withdrawSubmittedExpense>;
  readonly resubmitExpense: UseCase<typeof resubmitExpense>;
  readonly voidExpense: UseCase<typeof voidApprovedExpense>;
  readonly markExpense: UseCase<typeof markExpense>;
  readonly closePeriod: UseCase<typeof closePeriod>;
  readonly adjustClientSpend: UseCase<typeof adjustClientSpend>;
  readonly showExpense: UseCase<typeof showExpense>;
  readonly listExpenses: UseCase<typeof listExpenses>;
  readonly attachReceipt: UseCase<typeof attachReceipt>;
  readonly declareMissingReceipt: UseCase<typeof declareMissingReceipt>;
  readonly addClient: UseCase<typeof addClient>;
  readonly addProject: UseCase<typeof addProject>;
  readonly bindClientChannel: UseCase<typeof bindClientChannel>;
  readonly bindAdminChannel: UseCase<typeof bindAdminChannel>;
  readonly setApprovers: UseCase<typeof setApprovers>;
  readonly grantRole: UseCase<typeof grantRole>;
  readonly delegate: UseCase<typeof delegate>;
  readonly startLink: UseCase<typeof startLink>;
  readonly completeLink: UseCase<typeof completeLink>;
  readonly setBudget: UseCase<typeof setBudget>;
  readonly showBudgets: UseCase<typeof showBudgets>;
  readonly setRate: UseCase<typeof setRate>;
  readonly showPolicy: UseCase<typeof showPolicy>;
  readonly setPolicy: UseCase<typeof setPolicy>;
  readonly testPolicy: UseCase<typeof testPolicy>;
  readonly verifyAudit: UseCase<typeof verifyAuditChain>;
  /** `export @client [period] csv|xlsx|zip`: a signed link to the file. */
  readonly requestExport: UseCase<typeof requestExport>;
  readonly showReport: UseCase<typeof showReport>;
  /** Everything a card about one expense shows (no permission check: the caller has done it). */
  readonly describeExpense: (
    organisationId: string,
    expenseId: string,
  ) => Promise<ExpenseCardData | undefined>;
};

export type PromptStore = {
  ask(organisationId: string, memberId: string, prompt: PendingPrompt): Promise<void>;
  pending(organisationId: string, memberId: string): Promise<PendingPrompt | undefined>;
  clear(organisationId: string, memberId: string): Promise<void>;
};

export type ConversationDeps = {
  /** The deployment's organisation, for what arrives before anyone is identified (completing a link). */
  readonly organisationId: string;
  /** Who sent this: a member (created on first contact), a client contact, or an outsider. */
  readonly identify: (inbound: SpeakerOrigin) => Promise<Speaker>;
  readonly useCases: ConversationUseCases;
  readonly prompts: PromptStore;
  readonly clock: Clock;
  /** Where times in failure messages are shown when nothing more specific is known. */
  readonly displayTimeZone: string;
  /** Client codes by client id (the Home tab's budgets start from approver assignments, which name ids). */
  readonly clientCodes: (
    organisationId: string,
    clientIds: readonly string[],
  ) => Promise<ReadonlyMap<string, string>>;
  /** Names by member id, for replies that mention people. */
  readonly memberNames: (
    organisationId: string,
    ids: readonly string[],
  ) => Promise<ReadonlyMap<string, string>>;
};
