// Approvals from a button, a typed command, or the answer to "why?" (docs/product-rules.md §4, §10).
import type { DecidedExpense } from '../../../domain/approvals/decide-expense.js';
import type { Decision } from '../../../domain/approvals/decide-step.js';
import type { ExpenseAction } from '../../../domain/messaging/action-id.js';
import type { Card } from '../../../domain/messaging/card.js';
import { resolveApprovalCard } from '../../../domain/messaging/resolve-approval-card.js';
import { parseAmountToken, toMinorUnits } from '../../../domain/money/index.js';
import type { RequestContext } from '../../../domain/shared/request-context.js';
import type { InboundAction, InboundMessage, Reply } from '../conversation.js';
import { approvalCardInput, decisionViewOf } from '../expense-cards.js';
import type { CommandOf } from '../grammar/index.js';
import type { ConversationDeps, MemberSpeaker } from './conversation-deps.js';
import { failureReply, privately, reply } from './replies.js';
import { replyText } from './reply-text.js';

const PROMPT_MINUTES = 10;

export function contextOf(
  speaker: MemberSpeaker,
  inbound: { readonly requestId?: string; readonly idempotencyKey?: string; readonly address: string },
): RequestContext {
  return {
    organisationId: speaker.organisationId,
    actor: speaker.actor,
    platform: speaker.platform,
    sourceAddress: inbound.address,
    ...(inbound.requestId === undefined ? {} : { requestId: inbound.requestId }),
    ...(inbound.idempotencyKey === undefined ? {} : { idempotencyKey: inbound.idempotencyKey }),
  };
}

/**
 * The clicked approval card as the outbox will redraw every copy of it: the stage's decision, no buttons, and the
 * stage count its round stored when it opened. `round` comes with a fresh decision; a replayed click finds the
 * speaker's latest step at that stage.
 */
async function settledCard(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  expenseId: string,
  at: { readonly stage: number; readonly round?: number },
): Promise<Card | undefined> {
  const view = await deps.useCases.describeExpense(speaker.organisationId, expenseId);
  if (!view) return undefined;
  const step = [...view.steps]
    .reverse()
    .find(
      (s) =>
        s.stage === at.stage &&
        (at.round === undefined ? s.deciderId === speaker.actor.memberId : s.round === at.round),
    );
  if (!step) return undefined;
  return resolveApprovalCard(
    approvalCardInput(view, speaker.locale, { stage: step.stage, stageCount: step.stageCount }),
    decisionViewOf(step, view),
  );
}

const withSettled = (answer: Reply, settled: Card | undefined): Reply =>
  settled === undefined ? answer : { ...answer, settled };

async function decide(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  ctx: RequestContext,
  expenseId: string,
  decision: Decision,
  card?: { version: number; stage: number },
): Promise<Reply> {
  const text = replyText(speaker.locale);
  const result = await deps.useCases.decideExpense(ctx, { expenseId, decision, card });
  if (!result.ok) {
    if (result.error.code === 'ALREADY_DECIDED') {
      const winner = String(result.error.details?.winnerId ?? '');
      const names = await deps.memberNames(speaker.organisationId, [winner]);
      for (const [id, name] of names) speaker.names.set(id, name);
    }
    return failureReply(deps, speaker, result.error);
  }
  if (result.value.replayed) {
    const answer = reply(speaker, text.alreadyDone({ id: expenseId }));
    return card === undefined
      ? answer
      : withSettled(answer, await settledCard(deps, speaker, expenseId, { stage: card.stage }));
  }
  const { step } = result.value;
  const settled =
    card === undefined
      ? undefined
      : await settledCard(deps, speaker, expenseId, { stage: step.stage, round: step.round });
  return withSettled(await confirmDecision(deps, speaker, result.value), settled);
}

async function confirmDecision(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  decided: DecidedExpense,
): Promise<Reply> {
  const text = replyText(speaker.locale);
  const { expense, step } = decided;
  switch (expense.status) {
    case 'approved':
      return reply(speaker, text.approvedFinal({ id: expense.id }));
    case 'pending': {
      const next = await deps.memberNames(
        speaker.organisationId,
        decided.nextApprovers.map((a) => a.memberId),
      );
      return reply(
        speaker,
        text.approvedStage({
          id: expense.id,
          stage: step.stage,
          stageCount: expense.stageCount,
          next: [...next.values()].join(speaker.locale === 'zh-CN' ? ' 或 ' : ' or '),
        }),
      );
    }
    case 'rejected':
      return reply(speaker, text.rejected({ id: expense.id }));
    case 'returned':
      return reply(speaker, text.returned({ id: expense.id }));
    case 'voided':
    case 'withdrawn':
      // A decision never leads here; answer plainly rather than guess.
      return reply(speaker, text.done);
  }
}

/** `approve|reject|return <id> …` typed; without a reason, Outlay asks and waits for the next message. */
export async function decideFromCommand(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  message: InboundMessage,
  command: CommandOf<'approve'> | CommandOf<'reject'> | CommandOf<'return'>,
): Promise<Reply> {
  const ctx = contextOf(speaker, message);
  switch (command.kind) {
    case 'approve': {
      if (!command.approvedAmount) {
        return decide(deps, speaker, ctx, command.expenseId, {
          kind: 'approve',
          ...(command.comment ? { comment: command.comment } : {}),
        });
      }
      const view = await deps.useCases.describeExpense(speaker.organisationId, command.expenseId);
      if (!view)
        return failureReply(deps, speaker, {
          code: 'EXPENSE_UNKNOWN',
          details: { expenseId: command.expenseId },
        });
      const minor = toMinorUnits(command.approvedAmount.amount, view.client.currency);
      if (!minor.ok) return failureReply(deps, speaker, minor.error);
      return decide(deps, speaker, ctx, command.expenseId, {
        kind: 'approve',
        amountMinor: minor.value,
        ...(command.comment ? { comment: command.comment } : {}),
      });
    }
    case 'reject':
      if (command.reason === undefined) return askReason(deps, speaker, 'reject-reason', command.expenseId);
      return decide(deps, speaker, ctx, command.expenseId, { kind: 'reject', reason: command.reason });
    case 'return':
      if (command.whatIsNeeded === undefined)
        return askReason(deps, speaker, 'return-reason', command.expenseId);
      return decide(deps, speaker, ctx, command.expenseId, {
        kind: 'return',
        whatIsNeeded: command.whatIsNeeded,
      });
  }
}

/** A click on a card's button, with what its form collected. */
export async function decideFromCard(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  action: InboundAction,
  decoded: ExpenseAction,
): Promise<Reply> {
  const ctx = contextOf(speaker, action);
  const card = { version: decoded.version, stage: decoded.stage };
  const reason = action.input?.reason?.trim();
  switch (decoded.kind) {
    case 'approve':
      return decide(deps, speaker, ctx, decoded.expenseId, { kind: 'approve' }, card);
    case 'reject':
      if (!reason) return askReason(deps, speaker, 'reject-reason', decoded.expenseId, card);
      return decide(deps, speaker, ctx, decoded.expenseId, { kind: 'reject', reason }, card);
    case 'return':
      if (!reason) return askReason(deps, speaker, 'return-reason', decoded.expenseId, card);
      return decide(deps, speaker, ctx, decoded.expenseId, { kind: 'return', whatIsNeeded: reason }, card);
    case 'approve-amount': {
      const view = await deps.useCases.describeExpense(speaker.organisationId, decoded.expenseId);
      if (!view)
        return failureReply(deps, speaker, {
          code: 'EXPENSE_UNKNOWN',
          details: { expenseId: decoded.expenseId },
        });
      const parsed = parseAmountToken(action.input?.amount ?? '');
      if (!parsed.ok) return failureReply(deps, speaker, parsed.error);
      const minor = toMinorUnits(parsed.value, view.client.currency);
      if (!minor.ok) return failureReply(deps, speaker, minor.error);
      return decide(
        deps,
        speaker,
        ctx,
        decoded.expenseId,
        { kind: 'approve', amountMinor: minor.value, ...(reason ? { comment: reason } : {}) },
        card,
      );
    }
  }
}

async function askReason(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  kind: 'reject-reason' | 'return-reason',
  expenseId: string,
  card?: { version: number; stage: number },
): Promise<Reply> {
  await deps.prompts.ask(speaker.organisationId, speaker.actor.memberId, {
    kind,
    payload: { expenseId, ...(card ? { version: card.version, stage: card.stage } : {}) },
    expiresAt: new Date(deps.clock.now().getTime() + PROMPT_MINUTES * 60_000),
  });
  const text = replyText(speaker.locale);
  return privately(
    kind === 'reject-reason'
      ? text.askRejectReason({ id: expenseId })
      : text.askReturnReason({ id: expenseId }),
  );
}

/** A message that is not a command answers the open question, if there is one. */
export async function decideFromPrompt(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  message: InboundMessage,
): Promise<Reply | undefined> {
  const prompt = await deps.prompts.pending(speaker.organisationId, speaker.actor.memberId);
  if (!prompt || (prompt.kind !== 'reject-reason' && prompt.kind !== 'return-reason')) return undefined;
  const reason = message.text.trim();
  if (reason === '') return undefined;
  await deps.prompts.clear(speaker.organisationId, speaker.actor.memberId);
  const expenseId = String(prompt.payload.expenseId);
  const version = prompt.payload.version;
  const stage = prompt.payload.stage;
  const card = typeof version === 'number' && typeof stage === 'number' ? { version, stage } : undefined;
  const decision: Decision =
    prompt.kind === 'reject-reason' ? { kind: 'reject', reason } : { kind: 'return', whatIsNeeded: reason };
  return decide(deps, speaker, contextOf(speaker, message), expenseId, decision, card);
}
