// Turns an outbox message into the card a person sees, at delivery time and in the reader's language, from what
// the database says then — so a card delivered late still shows the expense as it is. Every platform's notifier
// calls this and only renders the card its own way.
import {
  type Card,
  renderApprovalCard,
  renderDecisionNoticeCard,
  resolveApprovalCard,
} from '../../domain/messaging/index.js';
import type { OutboundMessage } from '../../domain/ports/chat-notifier.port.js';
import { approvalCardInput, decisionViewOf, expenseCard } from './expense-cards.js';
import {
  type NoticeRendererDeps,
  num,
  renderAuditHeadNotice,
  renderBudgetForecast,
  renderBudgetThreshold,
  renderDeadLetterNotice,
  renderDelegationNotice,
  renderExpenseReimbursed,
  renderExpenseVoided,
  renderIdentityLinked,
  renderReminderDigest,
  text,
} from './render-notice-announcements.js';
import { renderReportAnnouncement } from './render-report-announcement.js';

/** What rendering reads: expenses, the reader's language, client and member names. */
export type AnnouncementRendererDeps = NoticeRendererDeps;

type Payload = Record<string, unknown>;

export function createAnnouncementRenderer(deps: AnnouncementRendererDeps) {
  return async (message: OutboundMessage): Promise<Card | undefined> => {
    const payload = (message.payload ?? {}) as Payload;
    switch (message.kind) {
      case 'approval-request':
      case 'approval-updated':
        return approvalRequest(deps, message, payload);
      case 'approval-resolved':
      case 'approval-superseded':
        return approvalResolved(deps, message, payload);
      case 'decision-notice':
        return decisionNotice(deps, message, payload);
      case 'budget-warning':
        return renderBudgetThreshold(deps, message, payload);
      case 'budget-forecast':
        return renderBudgetForecast(deps, message, payload);
      case 'reminder-digest':
        return renderReminderDigest(deps, message, payload);
      case 'expense-voided':
        return renderExpenseVoided(deps, message, payload);
      case 'expense-reimbursed':
        return renderExpenseReimbursed(deps, message, payload);
      case 'delegation-notice':
        return renderDelegationNotice(deps, message, payload);
      case 'identity-linked':
        return renderIdentityLinked(deps, message, payload);
      case 'report':
        return renderReportAnnouncement(message.payload);
      case 'dead-letter':
        return renderDeadLetterNotice(deps, message, payload);
      case 'audit-head':
        return renderAuditHeadNotice(deps, message, payload);
      default:
        return undefined;
    }
  };
}

async function viewFor(deps: AnnouncementRendererDeps, message: OutboundMessage, payload: Payload) {
  const expenseId = text(payload.expenseId);
  return expenseId === undefined ? undefined : deps.describeExpense(message.organisationId, expenseId);
}

async function approvalRequest(deps: AnnouncementRendererDeps, message: OutboundMessage, payload: Payload) {
  const view = await viewFor(deps, message, payload);
  if (!view) return undefined;
  const locale = await deps.localeFor(message.organisationId, {
    memberId: text(payload.recipientId) ?? null,
    clientId: view.client.id,
  });
  const stage = { stage: num(payload.stage) ?? 1, stageCount: num(payload.stageCount) ?? 1 };
  const input = approvalCardInput(view, locale, stage);
  const stillWaiting =
    view.expense.status === 'pending' &&
    view.expense.stage === stage.stage &&
    view.expense.approvalRound === num(payload.round);
  if (stillWaiting) return renderApprovalCard(input);
  // Decided (or superseded) before this copy went out: show it settled, never with live buttons.
  const step = view.steps.find((s) => s.round === num(payload.round) && s.stage === stage.stage);
  return step ? resolveApprovalCard(input, decisionViewOf(step, view)) : expenseCard(view, locale);
}

async function approvalResolved(deps: AnnouncementRendererDeps, message: OutboundMessage, payload: Payload) {
  const view = await viewFor(deps, message, payload);
  if (!view) return undefined;
  const locale = await deps.localeFor(message.organisationId, { clientId: view.client.id });
  const stage = { stage: num(payload.stage) ?? 1, stageCount: num(payload.stageCount) ?? 1 };
  const input = approvalCardInput(view, locale, stage);
  const step = view.steps.find((s) => s.round === num(payload.round) && s.stage === stage.stage);
  if (message.kind === 'approval-superseded' || !step) {
    return { ...expenseCard(view, locale), actions: [] };
  }
  return resolveApprovalCard(input, decisionViewOf(step, view));
}

async function decisionNotice(deps: AnnouncementRendererDeps, message: OutboundMessage, payload: Payload) {
  const view = await viewFor(deps, message, payload);
  if (!view) return undefined;
  const locale = await deps.localeFor(message.organisationId, {
    memberId: view.expense.submitterId,
    clientId: view.client.id,
  });
  const step = view.steps.find((s) => s.round === num(payload.round) && s.stage === num(payload.stage));
  if (!step) return expenseCard(view, locale);
  return renderDecisionNoticeCard({
    expenseId: view.expense.id,
    clientName: view.client.name,
    description: view.expense.description,
    claimed: view.expense.clientAmount,
    decision: decisionViewOf(step, view),
    locale,
    timeZone: view.client.timeZone,
  });
}
