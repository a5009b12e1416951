// Reminders and escalation (docs/product-rules.md §3), run by the scheduler: a step waiting N working hours (policy,
// default 24) reminds whoever may decide it; one waiting M (default 72) is escalated — finance (admin when no finance
// member may decide it) may then decide it too, which is recorded on the step and audited — and they are told.
// Submitters are reminded of items returned to them. Each person gets ONE message per run listing all their items.
// Every item and level is claimed in the job-run ledger, so it is sent once, whatever reruns or instances do.
// Outside a client's working hours nothing of that client is claimed: the next run in working hours picks it up.
import { announceApprovalRequest, memberAddress } from '../expenses/announce.js';
import { isPending } from '../expenses/expense.js';
import type { ExpenseDeps } from '../expenses/expense-deps.js';
import type { MemberId } from '../people/actor.js';
import { isWorkingTime, workingMillisecondsBetween } from '../periods/working-hours.js';
import { policyForClient } from '../policy/policy-settings.js';
import type { ClientRecord } from '../ports/directory.port.js';
import type { ReturnedItem, SweepQuery, WaitingStep } from '../ports/sweep-query.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import { stageApproversRequest } from './find-stage-approvers.js';
import { escalationFor, resolveStageApprovers } from './stage-approvers.js';

export type SendRemindersDeps = Pick<
  ExpenseDeps,
  'uow' | 'clock' | 'directory' | 'expenses' | 'policies' | 'outbox' | 'bindings' | 'ledger' | 'audit'
> & { readonly sweepQuery: Pick<SweepQuery, 'activeClients' | 'waitingSteps' | 'returnedItems'> };

export type SendRemindersInput = {
  readonly organisationId: string;
  readonly at: Date;
  readonly clientId?: string | undefined;
};

/** Items claimed (`reminders`: approvers and submitters reminded; `escalations`) and digests written. */
export type RemindersSummary = {
  readonly reminders: number;
  readonly escalations: number;
  readonly messages: number;
};

/** One line of a person's digest; rendered at delivery from what the database says then. */
export type ReminderItem = {
  readonly kind: 'approval' | 'returned';
  readonly level: 'remind' | 'escalate';
  readonly expenseId: string;
  readonly round: number;
  readonly stage: number | null;
  /** When it started waiting (ISO instant). */
  readonly since: string;
  /** Whole working hours it has waited. */
  readonly waitingHours: number;
  /** Set when the reader may decide it as someone's delegate. */
  readonly onBehalfOf: MemberId | null;
};

export const REMINDER_DIGEST_KIND = 'reminder-digest';

const MS_PER_HOUR = 3_600_000;

type Hours = { readonly reminderHours: number; readonly escalationHours: number };

/** Collects each person's items in claim order, with the first claim that put them in this run's digest. */
class Digests {
  readonly #byMember = new Map<MemberId, { firstClaim: string; items: ReminderItem[] }>();

  add(memberId: MemberId, claim: string, item: ReminderItem): void {
    const digest = this.#byMember.get(memberId);
    if (digest === undefined) this.#byMember.set(memberId, { firstClaim: claim, items: [item] });
    else if (!digest.items.some((i) => i.expenseId === item.expenseId && i.level === item.level)) {
      digest.items.push(item);
    }
  }

  entries() {
    return [...this.#byMember].sort(([a], [b]) => a.localeCompare(b));
  }
}

export const sendReminders =
  (deps: SendRemindersDeps) =>
  (input: SendRemindersInput): Promise<RemindersSummary> =>
    deps.uow.run(async (tx) => {
      const org = input.organisationId;
      const now = input.at.getTime();
      const clients = new Map(
        (await deps.sweepQuery.activeClients(tx, org, input.clientId))
          .filter((client) => isWorkingTime(now, client.timeZone))
          .map((client) => [client.id, client]),
      );
      if (clients.size === 0) return { reminders: 0, escalations: 0, messages: 0 };
      const hours = new Map<string, Hours>();
      for (const client of clients.values()) hours.set(client.id, await hoursFor(deps, tx, org, client));

      const digests = new Digests();
      let reminders = 0;
      let escalations = 0;
      for (const step of await deps.sweepQuery.waitingSteps(tx, org, input.clientId)) {
        const client = clients.get(step.clientId);
        const limits = hours.get(step.clientId);
        if (client === undefined || limits === undefined) continue;
        const done = await remindStep(deps, tx, org, { step, client, limits, now, digests });
        reminders += done.reminded ? 1 : 0;
        escalations += done.escalated ? 1 : 0;
      }
      for (const item of await deps.sweepQuery.returnedItems(tx, org, input.clientId)) {
        const client = clients.get(item.clientId);
        const limits = hours.get(item.clientId);
        if (client === undefined || limits === undefined) continue;
        if (await remindReturned(deps, tx, org, { item, client, limits, now, digests })) reminders += 1;
      }

      let messages = 0;
      for (const [memberId, digest] of digests.entries()) {
        // Derived from a claim this run made, so it names this digest alone and a rerun cannot write it again.
        const written = await deps.outbox.enqueue(tx, {
          organisationId: org,
          dedupeKey: `${REMINDER_DIGEST_KIND}:${memberId}:${digest.firstClaim}`,
          address: memberAddress(memberId),
          kind: REMINDER_DIGEST_KIND,
          payload: { recipientId: memberId, items: digest.items },
        });
        if (written) messages += 1;
      }
      return { reminders, escalations, messages };
    });

async function hoursFor(deps: SendRemindersDeps, tx: Tx, org: string, client: ClientRecord): Promise<Hours> {
  const settings = await deps.policies.settings(tx, org, client.id);
  const policy = policyForClient(client.currency, settings.organisation, settings.client);
  return { reminderHours: policy.reminderHours, escalationHours: policy.escalationHours };
}

type StepRun = {
  readonly step: WaitingStep;
  readonly client: ClientRecord;
  readonly limits: Hours;
  readonly now: number;
  readonly digests: Digests;
};

async function claim(
  deps: SendRemindersDeps,
  tx: Tx,
  organisationId: string,
  key: { readonly job: string; readonly periodKey: string; readonly target: string },
): Promise<string | undefined> {
  const claimed = await deps.ledger.claim(tx, { organisationId, ...key });
  return claimed ? `${key.job}:${key.periodKey}:${key.target}` : undefined;
}

async function remindStep(
  deps: SendRemindersDeps,
  tx: Tx,
  org: string,
  run: StepRun,
): Promise<{ reminded: boolean; escalated: boolean }> {
  const { step, client, limits, now, digests } = run;
  const waited = workingMillisecondsBetween(step.requestedAt.getTime(), now, client.timeZone);
  if (waited < limits.reminderHours * MS_PER_HOUR) return { reminded: false, escalated: false };
  const escalationDue = waited >= limits.escalationHours * MS_PER_HOUR;
  // An escalation changes who may decide, so it holds the row lock a decision takes.
  const stored = await deps.expenses.get(tx, org, step.expenseId, { forUpdate: escalationDue });
  const expense = stored?.expense;
  if (
    expense === undefined ||
    !isPending(expense) ||
    expense.approvalRound !== step.round ||
    expense.stage !== step.stage
  ) {
    return { reminded: false, escalated: false };
  }
  const steps = await deps.expenses.steps(tx, org, expense.id);
  // Delegations are read for the run's day, which `outlay job --at` may set apart from the wall clock.
  const atRun = { directory: deps.directory, expenses: deps.expenses, clock: { now: () => new Date(now) } };
  const request = await stageApproversRequest(atRun, tx, org, expense, client, steps);
  const periodKey = `${expense.id}:r${step.round}:s${step.stage}`;
  const base = {
    kind: 'approval' as const,
    expenseId: expense.id,
    round: step.round,
    stage: step.stage,
    since: step.requestedAt.toISOString(),
    waitingHours: Math.floor(waited / MS_PER_HOUR),
  };

  let reminded = false;
  const approvers = resolveStageApprovers(request);
  if (approvers.ok) {
    const claimed = await claim(deps, tx, org, { job: 'approval-reminder', periodKey, target: 'remind' });
    if (claimed !== undefined) {
      reminded = true;
      for (const approver of approvers.value.eligible) {
        digests.add(approver.memberId, claimed, {
          ...base,
          level: 'remind',
          onBehalfOf: approver.onBehalfOf ?? null,
        });
      }
    }
  }
  if (!escalationDue) return { reminded, escalated: false };

  const escalation = escalationFor(request, step.fellTo);
  if (escalation === undefined) return { reminded, escalated: false };
  const claimed = await claim(deps, tx, org, { job: 'approval-reminder', periodKey, target: 'escalate' });
  if (claimed === undefined) return { reminded, escalated: false };
  const eligibleMemberIds = [
    ...new Set([...step.eligibleMemberIds, ...escalation.approvers.map((a) => a.memberId)]),
  ];
  const recorded = await deps.expenses.escalateStep(tx, org, {
    expenseId: expense.id,
    round: step.round,
    stage: step.stage,
    fellTo: escalation.level,
    eligibleMemberIds,
  });
  if (!recorded) return { reminded, escalated: false };
  await deps.audit.append(tx, {
    organisationId: org,
    actorId: null,
    platform: 'scheduler',
    action: 'approval.escalated',
    entityType: 'expense',
    entityId: expense.id,
    before: {
      round: step.round,
      stage: step.stage,
      fellTo: step.fellTo,
      eligibleMemberIds: step.eligibleMemberIds,
    },
    after: {
      round: step.round,
      stage: step.stage,
      fellTo: escalation.level,
      eligibleMemberIds,
      waitingHours: base.waitingHours,
    },
  });
  // Whoever the step now falls to gets the card with its buttons, as a stage's own approvers did; the card's copies
  // are then updated with every other copy when someone decides. Copies already sent are not sent again.
  const newcomers = escalation.approvers.filter((a) => !step.eligibleMemberIds.includes(a.memberId));
  await announceApprovalRequest(deps, tx, { organisationId: org, expense, client, approvers: newcomers });
  for (const approver of escalation.approvers) {
    digests.add(approver.memberId, claimed, {
      ...base,
      level: 'escalate',
      onBehalfOf: approver.onBehalfOf ?? null,
    });
  }
  return { reminded, escalated: true };
}

async function remindReturned(
  deps: SendRemindersDeps,
  tx: Tx,
  org: string,
  run: Omit<StepRun, 'step'> & { readonly item: ReturnedItem },
): Promise<boolean> {
  const { item, client, limits, now, digests } = run;
  const waited = workingMillisecondsBetween(item.returnedAt.getTime(), now, client.timeZone);
  if (waited < limits.reminderHours * MS_PER_HOUR) return false;
  const claimed = await claim(deps, tx, org, {
    job: 'returned-reminder',
    periodKey: `${item.expenseId}:r${item.round}`,
    target: 'remind',
  });
  if (claimed === undefined) return false;
  digests.add(item.submitterId, claimed, {
    kind: 'returned',
    level: 'remind',
    expenseId: item.expenseId,
    round: item.round,
    stage: null,
    since: item.returnedAt.toISOString(),
    waitingHours: Math.floor(waited / MS_PER_HOUR),
    onBehalfOf: null,
  });
  return true;
}
