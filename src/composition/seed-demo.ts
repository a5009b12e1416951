// The demo organisation a first start shows in the console (docs/product-rules.md §11): people in every role, two
// clients (CNY and USD) with approvers, channels and budgets, and a few months of expenses, some still pending. It is
// made through the same use cases as everything else — audited and announced like real work — with a clock that walks
// through the past months so that every expense was logged when it happened.
import type { Decision } from '../domain/approvals/decide-step.js';
import { parseAmountToken } from '../domain/money/index.js';
import type { ParsedAmount } from '../domain/money/parse-amount.js';
import type { Clock } from '../domain/ports/clock.port.js';
import type { RequestContext } from '../domain/shared/request-context.js';
import { bootstrapOrganisation, countClients } from '../storage/bootstrap-organisation.js';
import type { Database } from '../storage/open-database.js';
import { buildUseCases, type CoreDeps } from './build-conversation.js';

const PEOPLE = [
  { identity: 'console:ada', name: 'Ada (admin)' },
  { identity: 'console:fei', name: 'Fei 费 (finance)' },
  { identity: 'console:bo', name: 'Bo 博 (approver)' },
  { identity: 'console:cai', name: 'Cai 蔡 (approver)' },
  { identity: 'console:alice', name: 'Alice (consultant)' },
  { identity: 'console:wang', name: 'Wang 王 (consultant)' },
] as const;

/** What each month of history holds: [who, client, category, amount, description, how far it got]. */
type Outcome = 'approved' | 'pending' | 'returned' | 'rejected';
const MONTH: readonly (readonly [string, string, string, string, string, Outcome])[] = [
  ['console:alice', 'acme', 'travel', '2,480', 'flight to Shenzhen, client workshop', 'approved'],
  ['console:wang', 'acme', 'lodging', '1,160', 'hotel, two nights 深圳', 'approved'],
  ['console:alice', 'acme', 'meals', '386.50', 'workshop lunch', 'approved'],
  ['console:wang', 'acme', 'transport', '88', '出租车 to the factory', 'approved'],
  ['console:alice', 'globex', 'software', '$99', 'Figma seat for the Globex project', 'approved'],
  ['console:wang', 'globex', 'travel', '$640', 'train to Boston, kickoff', 'approved'],
  ['console:alice', 'globex', 'meals', '$54.20', 'team dinner', 'approved'],
];
const THIS_MONTH: readonly (readonly [string, string, string, string, string, Outcome])[] = [
  ['console:alice', 'acme', 'travel', '3,200', 'flight to Shanghai, steering committee', 'approved'],
  ['console:wang', 'acme', 'meals', '420', '客户晚餐 client dinner', 'pending'],
  ['console:alice', 'acme', 'supplies', '960', 'prototype parts', 'pending'],
  ['console:wang', 'acme', 'entertainment', '1,800', 'karaoke after the demo', 'returned'],
  ['console:alice', 'globex', 'lodging', '$410', 'hotel near Globex HQ', 'pending'],
  ['console:wang', 'globex', 'transport', '$38', 'airport taxi', 'approved'],
];

const amount = (text: string): ParsedAmount => {
  const parsed = parseAmountToken(text);
  if (!parsed.ok) throw new Error(`demo amount ${text} does not parse`);
  return parsed.value;
};

const must = <T>(
  what: string,
  result: { ok: true; value: T } | { ok: false; error: { code: string } },
): T => {
  if (!result.ok) throw new Error(`demo: ${what} refused with ${result.error.code}`);
  return result.value;
};

/** Seeds the demo into an organisation with no clients; resolves false (and writes nothing) otherwise. */
export async function seedDemoIfEmpty(
  db: Database,
  core: CoreDeps,
  organisationId: string,
): Promise<boolean> {
  if ((await countClients(db, organisationId)) > 0) return false;
  await seedDemo(db, core, organisationId);
  return true;
}

export async function seedDemo(db: Database, core: CoreDeps, organisationId: string): Promise<void> {
  await bootstrapOrganisation(db, {
    organisationId,
    name: 'Outlay',
    locale: 'en',
    adminIdentities: ['console:ada'],
  });
  // The history is logged as it happened: the clock starts three months back and walks forward.
  const now = core.clock.now();
  let current = new Date(now);
  const walkingClock: Clock = { now: () => new Date(current) };
  const useCases = buildUseCases({ ...core, clock: walkingClock });

  for (const person of PEOPLE) {
    must(
      person.identity,
      await useCases.ensureMember({
        organisationId,
        identity: person.identity,
        displayName: person.name,
        platform: 'system',
      }),
    );
  }
  const ctx = async (identity: string, sourceAddress?: string): Promise<RequestContext> => {
    const known = await core.uow.run((tx) => core.directory.actorForIdentity(tx, identity));
    if (!known) throw new Error(`demo member ${identity} is missing`);
    return {
      organisationId,
      actor: known.actor,
      platform: 'system',
      ...(sourceAddress ? { sourceAddress } : {}),
    };
  };

  const memberCtx = async (memberId: string): Promise<RequestContext> => {
    const actor = await core.uow.run((tx) => core.directory.actorForMember(tx, organisationId, memberId));
    if (!actor) throw new Error(`demo member ${memberId} is missing`);
    return { organisationId, actor, platform: 'system' };
  };

  const ada = await ctx('console:ada');
  must(
    'finance role',
    await useCases.grantRole(ada, { member: { identity: 'console:fei' }, role: 'finance' }),
  );
  must(
    'client acme',
    await useCases.addClient(ada, {
      code: 'acme',
      name: 'Acme Robotics',
      currency: 'CNY',
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
    }),
  );
  must(
    'client globex',
    await useCases.addClient(ada, {
      code: 'globex',
      name: 'Globex Corp',
      currency: 'USD',
      timeZone: 'America/New_York',
      locale: 'en',
    }),
  );
  const approvers = [
    ['acme', 1, 'console:bo'],
    ['acme', 2, 'console:cai'],
    ['globex', 1, 'console:cai'],
  ] as const;
  for (const [clientCode, stage, identity] of approvers) {
    must('approvers', await useCases.setApprovers(ada, { clientCode, stage, members: [{ identity }] }));
  }
  const channels = [
    ['console:#acme-team', 'acme', 'internal'],
    ['console:#acme-client', 'acme', 'client'],
    ['console:#globex-team', 'globex', 'internal'],
  ] as const;
  for (const [address, clientCode, audience] of channels) {
    must(
      address,
      await useCases.bindClientChannel(await ctx('console:ada', address), {
        clientCode,
        audience,
        schedule: { kind: audience === 'client' ? 'monthly' : 'weekly' },
      }),
    );
  }
  must('admin channel', await useCases.bindAdminChannel(await ctx('console:ada', 'console:#admin')));

  const fei = await ctx('console:fei');
  current = monthsBefore(now, 3);
  must('rate', await useCases.setRate(fei, { from: 'USD', to: 'CNY', rate: '7.12' }));
  must(
    'acme budget',
    await useCases.setBudget(fei, {
      clientCode: 'acme',
      amount: amount('20,000'),
      period: 'monthly',
      action: 'warn',
    }),
  );
  must(
    'globex budget',
    await useCases.setBudget(fei, {
      clientCode: 'globex',
      amount: amount('3,000'),
      period: 'monthly',
      action: 'block',
    }),
  );

  for (const back of [3, 2, 1]) {
    await logMonth(useCases, ctx, memberCtx, MONTH, (day) => {
      current = dayOf(monthsBefore(now, back), day);
    });
  }
  await logMonth(useCases, ctx, memberCtx, THIS_MONTH, (day) => {
    // Days of this month so far, never in the future.
    current = new Date(Math.min(now.getTime(), dayOf(now, day).getTime()));
  });
  current = now;
}

async function logMonth(
  useCases: ReturnType<typeof buildUseCases>,
  ctx: (identity: string) => Promise<RequestContext>,
  memberCtx: (memberId: string) => Promise<RequestContext>,
  rows: typeof MONTH,
  setDay: (day: number) => void,
): Promise<void> {
  let day = 2;
  for (const [who, clientCode, category, text, description, outcome] of rows) {
    setDay(day);
    day += 3;
    const logged = must(
      description,
      await useCases.submitExpense(await ctx(who), {
        amount: amount(text),
        clientCode,
        categoryText: category,
        description,
        missingReceiptReason: 'demo data',
      }),
    );
    if (logged.replayed || outcome === 'pending' || logged.expense.status !== 'pending') continue;
    // Whoever the stage asked decides it: the client's approver, or finance when the stage fell to them.
    let asked = logged.approvers;
    let expenseId: string | undefined = logged.expense.id;
    while (expenseId !== undefined && asked[0] !== undefined) {
      const decision: Decision =
        outcome === 'returned'
          ? { kind: 'return', whatIsNeeded: 'Who attended? Add the guest list.' }
          : outcome === 'rejected'
            ? { kind: 'reject', reason: 'not a client cost' }
            : { kind: 'approve' };
      const decided = must(
        `decide ${expenseId}`,
        await useCases.decideExpense(await memberCtx(asked[0].memberId), { expenseId, decision }),
      );
      if (decided.replayed || decided.expense.status !== 'pending') expenseId = undefined;
      else asked = decided.nextApprovers;
    }
  }
}

function monthsBefore(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1, 4));
}

function dayOf(monthStart: Date, day: number): Date {
  return new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth(), day, 4));
}
