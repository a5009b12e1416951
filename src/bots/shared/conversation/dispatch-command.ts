// One parsed command → one use case → a reply. Commands whose features arrive with later work (exports,
// risk reports, recurring expenses, disputes) answer, localised, that they are not available yet.
import type { PolicyPatch } from '../../../domain/admin/policy-patch.js';
import type { MemberReference } from '../../../domain/admin/resolve-member.js';
import { authorise } from '../../../domain/people/permissions.js';
import type { InboundMessage, Reply } from '../conversation.js';
import type { Command, MemberRef, PolicySetting } from '../grammar/index.js';
import { presentFeatureNotAvailable } from '../i18n/present-failure.js';
import { translate } from '../i18n/translate.js';
import type { ConversationDeps, MemberSpeaker } from './conversation-deps.js';
import { describeAdminResult } from './describe-admin-result.js';
import { contextOf, decideFromCommand } from './dispatch-decision.js';
import { dateInputOf, listExpenses, logExpense, showExpense } from './dispatch-expense.js';
import { exportReply } from './dispatch-export.js';
import { reportReply } from './dispatch-report.js';
import { renderHelpCard } from './render-help-card.js';
import { failureReply, privately, reply } from './replies.js';
import { replyText } from './reply-text.js';

export async function dispatchCommand(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  message: InboundMessage,
  command: Command,
): Promise<Reply> {
  const ctx = contextOf(speaker, message);
  const uc = deps.useCases;
  const text = replyText(speaker.locale);
  const member = (ref: MemberRef): MemberReference => memberReference(speaker, ref);

  switch (command.kind) {
    case 'log':
      return logExpense(deps, speaker, ctx, command);
    case 'list':
      return listExpenses(deps, speaker, ctx, command);
    case 'show':
      return showExpense(deps, speaker, ctx, command.expenseId);
    case 'approve':
    case 'reject':
    case 'return':
      return decideFromCommand(deps, speaker, message, command);

    case 'edit': {
      const c = command.changes;
      const result = await uc.editExpense(ctx, {
        expenseId: command.expenseId,
        amount: c.amount,
        currency: c.currency,
        clientCode: c.client?.client,
        projectCode: c.client?.project,
        categoryText: c.category,
        date: dateInputOf(c.date),
        description: c.description,
        merchant: c.fields.merchant,
        paymentMethod: c.fields.pay,
        billable: c.fields.billable,
        invoiceNumber: c.fields.invoice,
        missingReceiptReason: c.fields.noReceipt,
        override: command.override,
      });
      if (!result.ok) return failureReply(deps, speaker, result.error);
      if (result.value.replayed) return reply(speaker, text.alreadyDone({ id: result.value.expenseId }));
      return reply(speaker, text.edited({ id: command.expenseId, restarted: result.value.restartsApproval }));
    }
    case 'withdraw': {
      const result = await uc.withdrawExpense(ctx, { expenseId: command.expenseId });
      if (!result.ok) return failureReply(deps, speaker, result.error);
      return reply(
        speaker,
        result.value.replayed
          ? text.alreadyDone({ id: command.expenseId })
          : text.withdrawn({ id: command.expenseId }),
      );
    }
    case 'resubmit': {
      const result = await uc.resubmitExpense(ctx, { expenseId: command.expenseId });
      if (!result.ok) return failureReply(deps, speaker, result.error);
      if (result.value.replayed) return reply(speaker, text.alreadyDone({ id: command.expenseId }));
      const names = await deps.memberNames(
        speaker.organisationId,
        result.value.approvers.map((a) => a.memberId),
      );
      return reply(
        speaker,
        text.resubmitted({
          id: command.expenseId,
          waitingOn: [...names.values()].join(speaker.locale === 'zh-CN' ? ' 或 ' : ' or '),
        }),
      );
    }
    case 'void': {
      const result = await uc.voidExpense(ctx, { expenseId: command.expenseId, reason: command.reason });
      if (!result.ok) return failureReply(deps, speaker, result.error);
      return reply(speaker, text.voided({ id: command.expenseId }));
    }
    case 'mark': {
      const result = await uc.markExpense(ctx, { expenseId: command.expenseId, mark: command.mark });
      if (!result.ok) return failureReply(deps, speaker, result.error);
      const markName = translate(speaker.locale).labels.marks[command.mark];
      return reply(speaker, text.marked({ id: command.expenseId, mark: markName }));
    }
    case 'close': {
      const result = await uc.closePeriod(ctx, { clientCode: command.client, period: command.period.key });
      if (!result.ok) return failureReply(deps, speaker, result.error);
      const through = result.value.replayed ? command.period.key : result.value.closedThrough;
      return reply(speaker, text.closed({ client: command.client, through }));
    }
    case 'adjust': {
      const result = await uc.adjustClientSpend(ctx, {
        clientCode: command.client.client,
        projectCode: command.client.project,
        amount: command.amount,
        currency: command.currency,
        categoryText: command.category,
        reason: command.reason,
      });
      if (!result.ok) return failureReply(deps, speaker, result.error);
      const id = result.value.replayed ? result.value.expenseId : result.value.expense.id;
      return reply(speaker, text.adjusted({ id }));
    }
    case 'receipt': {
      await deps.prompts.ask(speaker.organisationId, speaker.actor.memberId, {
        kind: 'receipt',
        payload: { expenseId: command.expenseId },
        expiresAt: new Date(deps.clock.now().getTime() + 10 * 60_000),
      });
      return privately(text.askReceipt({ id: command.expenseId }));
    }
    case 'link': {
      if (command.code === undefined) {
        const result = await uc.startLink(ctx);
        if (!result.ok) return failureReply(deps, speaker, result.error);
        return privately(text.linkCode({ code: result.value.code }));
      }
      const result = await uc.completeLink({
        organisationId: speaker.organisationId,
        identity: speaker.identity,
        platform: speaker.platform,
        code: command.code,
        ...(message.requestId === undefined ? {} : { requestId: message.requestId }),
      });
      if (!result.ok) return failureReply(deps, speaker, result.error);
      return privately(text.linked);
    }

    case 'client-add':
      return adminReply(
        deps,
        speaker,
        'client-add',
        await uc.addClient(ctx, {
          code: command.code,
          name: command.name,
          currency: command.currency,
          timeZone: command.timeZone,
          locale: command.locale,
        }),
      );
    case 'project-add':
      return adminReply(
        deps,
        speaker,
        'project-add',
        await uc.addProject(ctx, {
          clientCode: command.client,
          projectCode: command.project,
          name: command.name,
          start: dateInputOf(command.start),
          end: dateInputOf(command.end),
        }),
      );
    case 'client-channel':
      return adminReply(
        deps,
        speaker,
        'client-channel',
        await uc.bindClientChannel(ctx, {
          clientCode: command.client,
          audience: command.audience,
          schedule: command.schedule,
          budgetWarnings: command.budgetWarnings,
          webhookUrl: command.webhook,
        }),
      );
    case 'admin-channel':
      return adminReply(deps, speaker, 'admin-channel', await uc.bindAdminChannel(ctx));
    case 'approvers':
      return adminReply(
        deps,
        speaker,
        'approvers',
        await uc.setApprovers(ctx, {
          clientCode: command.client,
          stage: command.stage,
          members: command.members.map(member),
        }),
      );
    case 'role':
      return adminReply(
        deps,
        speaker,
        'role',
        await uc.grantRole(ctx, { member: member(command.member), role: command.role }),
      );
    case 'delegate':
      return adminReply(
        deps,
        speaker,
        'delegate',
        await uc.delegate(ctx, {
          member: member(command.member),
          until: command.until,
          timeZone: deps.displayTimeZone,
        }),
      );
    case 'budget-set':
      return adminReply(
        deps,
        speaker,
        'budget-set',
        await uc.setBudget(ctx, {
          clientCode: command.client.client,
          projectCode: command.client.project,
          amount: command.amount,
          currency: command.currency,
          period: command.period,
          categoryText: command.category,
          action: command.onExceed,
          reason: command.reason ?? message.text,
        }),
      );
    case 'budget':
      return adminReply(
        deps,
        speaker,
        'budget',
        await uc.showBudgets(ctx, {
          clientCode: command.client.client,
          projectCode: command.client.project,
        }),
      );
    case 'rate':
      return adminReply(
        deps,
        speaker,
        'rate',
        await uc.setRate(ctx, {
          from: command.from,
          to: command.to,
          rate: command.rate,
          date: dateInputOf(command.date),
        }),
      );
    case 'policy':
      return adminReply(
        deps,
        speaker,
        'policy',
        await uc.showPolicy(ctx, {
          clientCode: command.client,
          categoryText: command.category,
        }),
      );
    case 'policy-set':
      return adminReply(
        deps,
        speaker,
        'policy-set',
        await uc.setPolicy(ctx, {
          clientCode: command.client,
          patch: policyPatchOf(command.setting),
        }),
      );
    case 'policy-test':
      return adminReply(
        deps,
        speaker,
        'policy-test',
        await uc.testPolicy(ctx, {
          amount: command.amount,
          currency: command.currency,
          clientCode: command.client.client,
          projectCode: command.client.project,
          categoryText: command.category,
        }),
      );
    case 'audit-verify': {
      const allowed = authorise(speaker.actor, 'verify-audit');
      if (!allowed.ok) return failureReply(deps, speaker, allowed.error);
      const result = await uc.verifyAudit(speaker.organisationId, command.anchor);
      if (!result.ok) return failureReply(deps, speaker, result.error);
      return privately(
        text.auditIntact({
          count: result.value.count,
          position: result.value.verifiedThrough.position,
          hash: result.value.verifiedThrough.hash,
        }),
      );
    }

    case 'help':
      return { visibility: 'private', cards: [renderHelpCard(command.topic, speaker.locale)] };
    case 'cancel': {
      const pending = await deps.prompts.pending(speaker.organisationId, speaker.actor.memberId);
      if (!pending) return privately(text.nothingToCancel);
      await deps.prompts.clear(speaker.organisationId, speaker.actor.memberId);
      return privately(text.cancelled);
    }

    case 'report':
      return reportReply(deps, speaker, ctx, message, command);
    case 'export':
      return exportReply(deps, speaker, ctx, command);
    case 'risk':
    case 'recurring':
    case 'dispute':
    case 'answer':
      return privately(presentFeatureNotAvailable(command.kind, speaker.locale));
  }
}

/** A mention names a user of the platform the message came from; `<@id>` elsewhere means that platform's id. */
function memberReference(speaker: MemberSpeaker, ref: MemberRef): MemberReference {
  const [platform, workspace] = speaker.identity.split(':');
  if (platform === 'slack' && workspace) return { identity: `slack:${workspace}:${ref.platformUserId}` };
  if (platform === 'wecom' && workspace) return { identity: `wecom:${workspace}:${ref.platformUserId}` };
  return { identity: `${platform}:${ref.platformUserId}` };
}

function policyPatchOf(setting: PolicySetting): PolicyPatch {
  switch (setting.kind) {
    case 'tiers':
      return {
        tiers: [
          ...setting.limits.map((upTo, i) => ({ upTo, stages: i + 1 })),
          { upTo: null, stages: setting.limits.length + 1 },
        ],
      };
    case 'category-limit':
      return { categoryLimits: { [setting.category]: setting.amount } };
    case 'receipt-threshold':
      return setting.category === undefined
        ? setting.amount === null
          ? {}
          : { receiptThreshold: setting.amount }
        : { categoryReceiptThresholds: { [setting.category]: setting.amount } };
    case 'auto-approve':
      return { autoApproveLimit: setting.amount };
    case 'reminder-hours':
      return { reminderHours: setting.hours };
    case 'escalation-hours':
      return { escalationHours: setting.hours };
    case 'max-age':
      return { maxAgeDays: setting.days };
    case 'audit-sample':
      return { auditSamplePercent: setting.percent };
    case 'prohibited':
      return { prohibited: { [setting.category]: setting.prohibited } };
  }
}

async function adminReply<T, E extends { code: string }>(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  kind: Parameters<typeof describeAdminResult>[0],
  result: { ok: true; value: T } | { ok: false; error: E },
): Promise<Reply> {
  if (!result.ok) return failureReply(deps, speaker, result.error as never);
  return reply(speaker, describeAdminResult(kind, result.value, speaker.locale));
}
