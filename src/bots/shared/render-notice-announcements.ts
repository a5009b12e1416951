// The outbox kinds the scheduled jobs and the smaller notices write — forecast warnings, client-facing threshold
// warnings, reminder digests, voided/reimbursed notices, delegation and identity notices, and the admin channel's
// dead letters and audit heads — turned into cards at delivery time in the reader's language. Called from
// render-announcement.ts.
import type { Forecast } from '../../domain/budgets/forecast.js';
import type { ExpenseCardData } from '../../domain/expenses/describe-expense.js';
import type { Card, CardLocale } from '../../domain/messaging/index.js';
import { renderBudgetWarningCard } from '../../domain/messaging/render-budget-warning-card.js';
import {
  renderAuditHeadNoticeCard,
  renderDeadLetterNoticeCard,
  renderDelegationNoticeCard,
  renderIdentityLinkedCard,
  renderReimbursedNoticeCard,
  renderVoidedNoticeCard,
} from '../../domain/messaging/render-notice-cards.js';
import {
  type ReminderDigestLine,
  renderReminderDigestCard,
} from '../../domain/messaging/render-reminder-digest-card.js';
import { asCurrencyCode } from '../../domain/money/currency.js';
import type { OutboundMessage } from '../../domain/ports/chat-notifier.port.js';

/** What these renderers read; render-announcement.ts hands over its own deps. */
export type NoticeRendererDeps = {
  readonly describeExpense: (
    organisationId: string,
    expenseId: string,
  ) => Promise<ExpenseCardData | undefined>;
  readonly localeFor: (
    organisationId: string,
    reader: { readonly memberId?: string | null; readonly clientId?: string | null },
  ) => Promise<CardLocale>;
  readonly clientName: (organisationId: string, clientId: string) => Promise<string | undefined>;
  /** A member's display name; their id is shown when absent. */
  readonly memberName?: (organisationId: string, memberId: string) => Promise<string | undefined>;
};

type Payload = Record<string, unknown>;

/** A payload field read as text or as a number; anything else (an old or damaged payload) reads as absent. */
export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
export const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const localeOf = (value: unknown): CardLocale | undefined =>
  value === 'en' || value === 'zh-CN' ? value : undefined;

const nameOf = async (deps: NoticeRendererDeps, organisationId: string, memberId: string) =>
  (await deps.memberName?.(organisationId, memberId)) ?? memberId;

/** What every budget warning payload carries; undefined when a field it cannot do without is missing. */
const budgetFiguresOf = (payload: Payload) => {
  const clientId = text(payload.clientId);
  const currency = text(payload.currency);
  const budgetMinor = num(payload.budgetMinor);
  if (!clientId || !currency || budgetMinor === undefined) return undefined;
  return {
    clientId,
    periodKey: text(payload.periodKey) ?? '',
    budget: { amountMinor: budgetMinor, currency: asCurrencyCode(currency) },
    actualMinor: num(payload.actualMinor) ?? 0,
  };
};

/** A threshold warning; the client audience reads approved spend only, in the binding's report language. */
export async function renderBudgetThreshold(
  deps: NoticeRendererDeps,
  message: OutboundMessage,
  payload: Payload,
): Promise<Card | undefined> {
  const figures = budgetFiguresOf(payload);
  if (figures === undefined) return undefined;
  const { clientId } = figures;
  const audience = payload.audience === 'client' ? 'client' : 'internal';
  const locale = localeOf(payload.locale) ?? (await deps.localeFor(message.organisationId, { clientId }));
  return renderBudgetWarningCard({
    audience,
    reason: { kind: 'threshold', thresholdPercent: num(payload.threshold) ?? 100 },
    scopeName: (await deps.clientName(message.organisationId, clientId)) ?? clientId,
    periodKey: figures.periodKey,
    budget: figures.budget,
    actualMinor: figures.actualMinor,
    // A client-facing payload carries no pending figure; the builder ignores it for that audience anyway.
    committedMinor: audience === 'client' ? 0 : (num(payload.committedMinor) ?? 0),
    locale,
  });
}

const forecastOf = (value: unknown): Forecast | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const f = value as Record<string, unknown>;
  const method = f.method === 'linear-pace' || f.method === 'spent-so-far' ? f.method : undefined;
  const fields = [
    f.projectedMinor,
    f.paceMinorPerDay,
    f.elapsedDays,
    f.totalDays,
    f.actualMinor,
    f.committedMinor,
  ].map(num);
  const periodEnd = text(f.periodEnd);
  if (method === undefined || periodEnd === undefined || fields.some((n) => n === undefined))
    return undefined;
  const [projectedMinor, paceMinorPerDay, elapsedDays, totalDays, actualMinor, committedMinor] =
    fields as number[];
  return {
    method,
    projectedMinor: projectedMinor ?? 0,
    paceMinorPerDay: paceMinorPerDay ?? 0,
    elapsedDays: elapsedDays ?? 0,
    totalDays: totalDays ?? 0,
    actualMinor: actualMinor ?? 0,
    committedMinor: committedMinor ?? 0,
    periodEnd,
  };
};

export async function renderBudgetForecast(
  deps: NoticeRendererDeps,
  message: OutboundMessage,
  payload: Payload,
): Promise<Card | undefined> {
  const figures = budgetFiguresOf(payload);
  const forecast = forecastOf(payload.forecast);
  if (figures === undefined || forecast === undefined) return undefined;
  const { clientId } = figures;
  const locale = await deps.localeFor(message.organisationId, { clientId });
  return renderBudgetWarningCard({
    audience: 'internal',
    reason: { kind: 'forecast' },
    scopeName: (await deps.clientName(message.organisationId, clientId)) ?? clientId,
    periodKey: figures.periodKey,
    budget: figures.budget,
    actualMinor: figures.actualMinor,
    committedMinor: num(payload.committedMinor) ?? 0,
    forecast,
    locale,
  });
}

type DigestItem = {
  readonly kind: 'approval' | 'returned';
  readonly level: 'remind' | 'escalate';
  readonly expenseId: string;
  readonly round: number;
  readonly stage: number | undefined;
  readonly waitingHours: number;
  readonly onBehalfOf: string | undefined;
};

const digestItems = (value: unknown): DigestItem[] =>
  (Array.isArray(value) ? value : []).flatMap((raw): DigestItem[] => {
    if (typeof raw !== 'object' || raw === null) return [];
    const item = raw as Payload;
    const expenseId = text(item.expenseId);
    const round = num(item.round);
    const kind = item.kind === 'returned' ? 'returned' : item.kind === 'approval' ? 'approval' : undefined;
    if (expenseId === undefined || round === undefined || kind === undefined) return [];
    return [
      {
        kind,
        level: item.level === 'escalate' ? 'escalate' : 'remind',
        expenseId,
        round,
        stage: num(item.stage),
        waitingHours: num(item.waitingHours) ?? 0,
        onBehalfOf: text(item.onBehalfOf),
      },
    ];
  });

const stillWaiting = (item: DigestItem, view: ExpenseCardData): boolean =>
  item.kind === 'approval'
    ? view.expense.status === 'pending' &&
      view.expense.approvalRound === item.round &&
      view.expense.stage === item.stage
    : view.expense.status === 'returned' && view.expense.approvalRound === item.round;

/** Each line from what the database says at delivery, so an item settled since is shown as dealt with. */
export async function renderReminderDigest(
  deps: NoticeRendererDeps,
  message: OutboundMessage,
  payload: Payload,
): Promise<Card | undefined> {
  const items = digestItems(payload.items);
  if (items.length === 0) return undefined;
  const recipientId = text(payload.recipientId) ?? null;
  const lines: ReminderDigestLine[] = [];
  let clientId: string | null = null;
  for (const item of items) {
    const view = await deps.describeExpense(message.organisationId, item.expenseId);
    if (!view) continue;
    clientId ??= view.client.id;
    const whatIsNeeded = view.expense.status === 'returned' ? view.expense.whatIsNeeded : undefined;
    lines.push({
      kind: item.kind,
      level: item.level,
      expenseId: view.expense.id,
      clientName: view.client.name,
      submitterName: view.submitterName,
      amount: view.expense.clientAmount,
      description: view.expense.description,
      waitingHours: item.waitingHours,
      ...(item.onBehalfOf === undefined
        ? {}
        : { onBehalfOfName: await nameOf(deps, message.organisationId, item.onBehalfOf) }),
      ...(item.kind === 'returned' && whatIsNeeded !== undefined ? { whatIsNeeded } : {}),
      stillWaiting: stillWaiting(item, view),
    });
  }
  if (lines.length === 0) return undefined;
  const locale = await deps.localeFor(message.organisationId, { memberId: recipientId, clientId });
  return renderReminderDigestCard({ lines, locale });
}

/** The expense a notice is about, and the language of its submitter, who is the one told. */
async function expenseForSubmitter(
  deps: NoticeRendererDeps,
  message: OutboundMessage,
  payload: Payload,
): Promise<{ readonly view: ExpenseCardData; readonly locale: CardLocale } | undefined> {
  const expenseId = text(payload.expenseId);
  const view =
    expenseId === undefined ? undefined : await deps.describeExpense(message.organisationId, expenseId);
  if (!view) return undefined;
  const locale = await deps.localeFor(message.organisationId, {
    memberId: view.expense.submitterId,
    clientId: view.client.id,
  });
  return { view, locale };
}

export async function renderExpenseVoided(
  deps: NoticeRendererDeps,
  message: OutboundMessage,
  payload: Payload,
): Promise<Card | undefined> {
  const told = await expenseForSubmitter(deps, message, payload);
  if (!told) return undefined;
  const { view, locale } = told;
  const voidedBy = text(payload.voidedBy);
  return renderVoidedNoticeCard({
    expenseId: view.expense.id,
    clientName: view.client.name,
    approved: {
      amountMinor: num(payload.approvedAmountMinor) ?? view.expense.clientAmount.amountMinor,
      currency: view.expense.clientAmount.currency,
    },
    reason: text(payload.reason) ?? '',
    voidedByName: voidedBy === undefined ? '' : await nameOf(deps, message.organisationId, voidedBy),
    locale,
  });
}

export async function renderExpenseReimbursed(
  deps: NoticeRendererDeps,
  message: OutboundMessage,
  payload: Payload,
): Promise<Card | undefined> {
  const told = await expenseForSubmitter(deps, message, payload);
  const at = text(payload.at);
  if (!told || at === undefined) return undefined;
  const { view, locale } = told;
  return renderReimbursedNoticeCard({
    expenseId: view.expense.id,
    clientName: view.client.name,
    approved: {
      amountMinor: num(payload.approvedAmountMinor) ?? view.expense.clientAmount.amountMinor,
      currency: view.expense.clientAmount.currency,
    },
    at,
    locale,
    timeZone: view.client.timeZone,
  });
}

export async function renderDelegationNotice(
  deps: NoticeRendererDeps,
  message: OutboundMessage,
  payload: Payload,
): Promise<Card | undefined> {
  const from = text(payload.fromMemberId);
  const until = text(payload.until);
  if (from === undefined || until === undefined) return undefined;
  const locale = await deps.localeFor(message.organisationId, { memberId: text(payload.toMemberId) ?? null });
  return renderDelegationNoticeCard({
    fromName: await nameOf(deps, message.organisationId, from),
    until,
    locale,
  });
}

export async function renderIdentityLinked(
  deps: NoticeRendererDeps,
  message: OutboundMessage,
  payload: Payload,
): Promise<Card | undefined> {
  const identity = text(payload.identity);
  if (identity === undefined) return undefined;
  const locale = await deps.localeFor(message.organisationId, { memberId: text(payload.memberId) ?? null });
  return renderIdentityLinkedCard({ identity, locale });
}

/**
 * The admin channel belongs to no client and no member, so it reads the organisation's language. Payloads are
 * the worker's and the daily job's as written (scheduler/outbox/dead-letter-notice.ts, audit/record-audit-head.ts);
 * a field an old or damaged row lacks shows as blank rather than losing the notice.
 */
const adminChannelLocale = (deps: NoticeRendererDeps, message: OutboundMessage): Promise<CardLocale> =>
  deps.localeFor(message.organisationId, {});

export async function renderDeadLetterNotice(
  deps: NoticeRendererDeps,
  message: OutboundMessage,
  payload: Payload,
): Promise<Card> {
  return renderDeadLetterNoticeCard({
    kind: text(payload.kind) ?? '',
    address: text(payload.address) ?? '',
    error: text(payload.error) ?? '',
    locale: await adminChannelLocale(deps, message),
  });
}

export async function renderAuditHeadNotice(
  deps: NoticeRendererDeps,
  message: OutboundMessage,
  payload: Payload,
): Promise<Card> {
  return renderAuditHeadNoticeCard({
    position: String(num(payload.position) ?? ''),
    hash: text(payload.hash) ?? '',
    locale: await adminChannelLocale(deps, message),
  });
}
