import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ApprovalStep,
  alreadyDecidedFailure,
  membersWhoDecided,
} from '../../../../src/domain/approvals/approval-step.js';
import { type DecideRequest, decideStep } from '../../../../src/domain/approvals/decide-step.js';
import { resolveStageApprovers } from '../../../../src/domain/approvals/stage-approvers.js';
import type { Expense, PendingExpense } from '../../../../src/domain/expenses/expense.js';
import { approved, base, pending } from '../expenses/expense-fixtures.js';

const AT = '2026-03-02T14:02:00Z';
const twoStage = pending({ stageCount: 2 });

const decide = (overrides: Partial<DecideRequest> & { expense?: Expense } = {}) =>
  decideStep({
    expense: twoStage,
    actorId: 'm-bob',
    decision: { kind: 'approve' },
    eligible: [{ memberId: 'm-bob' }, { memberId: 'm-carol' }],
    steps: [],
    at: AT,
    ...overrides,
  });

const stepBy = (deciderId: string, overrides: Partial<ApprovalStep> = {}): ApprovalStep => ({
  expenseId: base.id,
  round: 1,
  stage: 1,
  decision: 'approved',
  deciderId,
  approvedAmountMinor: 48000,
  at: '2026-03-02T10:00:00Z',
  ...overrides,
});

const codeOf = (result: ReturnType<typeof decideStep>) => (result.ok ? undefined : result.error.code);

describe('decideStep: approving', () => {
  it('given stage 1 of 2, when an eligible approver approves, then it moves to stage 2 and the step is recorded', () => {
    expect(decide({ card: { version: 1, stage: 1 } })).toEqual({
      ok: true,
      value: {
        expense: { ...twoStage, stage: 2, version: 2 },
        step: {
          expenseId: 'ACME-7K3Q',
          round: 1,
          stage: 1,
          decision: 'approved',
          deciderId: 'm-bob',
          approvedAmountMinor: 48000,
          at: AT,
        },
      },
    });
  });

  it('given the last stage, when approved, then the expense is approved for the amount under review', () => {
    const result = decide({
      expense: pending({ stage: 2, stageCount: 2, version: 2 }),
      actorId: 'm-dave',
      eligible: [{ memberId: 'm-dave' }],
      steps: [stepBy('m-bob')],
      decision: { kind: 'approve', comment: 'Fine' },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        expense: { ...base, version: 3, status: 'approved', approvedAmountMinor: 48000 },
        step: {
          expenseId: 'ACME-7K3Q',
          round: 1,
          stage: 2,
          decision: 'approved',
          deciderId: 'm-dave',
          approvedAmountMinor: 48000,
          reason: 'Fine',
          at: AT,
        },
      },
    });
  });

  it('given a finance stage at the end of four, when finance approves stage 4, then the expense is approved', () => {
    const expense = pending({ stage: 4, stageCount: 4, financeStage: true, version: 4 });
    const result = decide({ expense, actorId: 'm-fiona', eligible: [{ memberId: 'm-fiona' }] });
    expect(result.ok && result.value.expense.status).toBe('approved');
  });

  it('given a delegate, when they approve, then the step records "on behalf of"', () => {
    const result = decide({ actorId: 'm-erin', eligible: [{ memberId: 'm-erin', onBehalfOf: 'm-bob' }] });
    expect(result.ok && result.value.step).toMatchObject({ deciderId: 'm-erin', onBehalfOf: 'm-bob' });
  });
});

describe('decideStep: partial approval', () => {
  it('given stage 1 of 2, when approving a lower amount with a reason, then stage 2 starts from that amount', () => {
    const result = decide({
      decision: { kind: 'approve', amountMinor: 40000, comment: 'Cap is ¥400 per ride' },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        expense: { ...twoStage, stage: 2, version: 2, approvedAmountMinor: 40000 },
        step: expect.objectContaining({ approvedAmountMinor: 40000, reason: 'Cap is ¥400 per ride' }),
      },
    });
  });

  it('given a partial approval carried to the last stage, when approved plainly, then the lower amount stands', () => {
    const expense: PendingExpense = pending({
      stage: 2,
      stageCount: 2,
      version: 2,
      approvedAmountMinor: 40000,
    });
    const result = decide({
      expense,
      actorId: 'm-dave',
      eligible: [{ memberId: 'm-dave' }],
      steps: [stepBy('m-bob')],
    });
    expect(result.ok && result.value.expense).toEqual({
      ...base,
      version: 3,
      status: 'approved',
      approvedAmountMinor: 40000,
    });
  });

  it('given a carried partial amount, then a later stage cannot raise it back', () => {
    const expense = pending({ stage: 2, stageCount: 2, version: 2, approvedAmountMinor: 40000 });
    const result = decide({
      expense,
      actorId: 'm-dave',
      eligible: [{ memberId: 'm-dave' }],
      decision: { kind: 'approve', amountMinor: 45000, comment: 'More' },
    });
    expect(result.ok ? undefined : result.error.details).toMatchObject({
      problem: 'not-lower',
      underReviewMinor: 40000,
    });
  });

  it.each([
    [0, 'Zero', 'not-positive'],
    [-100, 'Negative', 'not-positive'],
    [48001, 'More', 'not-lower'],
    [400.5, 'Fraction', 'not-whole'],
    [40000, undefined, 'comment-required'],
    [40000, '   ', 'comment-required'],
  ])('given amount %d with comment %j, then PARTIAL_AMOUNT_INVALID (%s)', (amountMinor, comment, problem) => {
    const decision =
      comment === undefined
        ? { kind: 'approve' as const, amountMinor }
        : { kind: 'approve' as const, amountMinor, comment };
    const result = decide({ decision });
    expect(result).toEqual({
      ok: false,
      error: { code: 'PARTIAL_AMOUNT_INVALID', details: { amountMinor, underReviewMinor: 48000, problem } },
    });
  });

  it('given the full amount named explicitly, then it is a plain approval and needs no comment', () => {
    expect(decide({ decision: { kind: 'approve', amountMinor: 48000 } }).ok).toBe(true);
  });
});

describe('decideStep: rejecting and returning', () => {
  it('given a reason, when rejected, then the expense is rejected with it', () => {
    const result = decide({ decision: { kind: 'reject', reason: ' Personal trip ' } });
    expect(result).toEqual({
      ok: true,
      value: {
        expense: { ...base, version: 2, status: 'rejected', reason: 'Personal trip' },
        step: expect.objectContaining({ decision: 'rejected', reason: 'Personal trip', stage: 1 }),
      },
    });
  });

  it('given what is needed, when returned, then the expense is returned to the submitter', () => {
    const result = decide({ decision: { kind: 'return', whatIsNeeded: 'Receipt photo' } });
    expect(result.ok && result.value.expense).toEqual({
      ...base,
      version: 2,
      status: 'returned',
      whatIsNeeded: 'Receipt photo',
    });
    expect(result.ok && result.value.step.decision).toBe('returned');
  });

  it.each([
    [{ kind: 'reject', reason: '' }, 'reject'],
    [{ kind: 'return', whatIsNeeded: '  ' }, 'return'],
  ] as const)('given no reason for %j, then REASON_REQUIRED', (decision, kind) => {
    expect(decide({ decision })).toEqual({
      ok: false,
      error: { code: 'REASON_REQUIRED', details: { decision: kind } },
    });
  });
});

describe('decideStep: who may decide', () => {
  it('given the submitter, then OWN_EXPENSE even if a list names them', () => {
    expect(codeOf(decide({ actorId: 'm-alice', eligible: [{ memberId: 'm-alice' }] }))).toBe('OWN_EXPENSE');
  });

  it('given someone not eligible for this stage, then NOT_AN_APPROVER', () => {
    expect(decide({ actorId: 'm-zoe' })).toEqual({
      ok: false,
      error: { code: 'NOT_AN_APPROVER', details: { stage: 1 } },
    });
  });

  it('given the decider of stage 1, when they try stage 2, then ALREADY_DECIDED_STAGE_BY_YOU', () => {
    const result = decide({
      expense: pending({ stage: 2, stageCount: 2, version: 2 }),
      steps: [stepBy('m-bob')],
      eligible: [{ memberId: 'm-bob' }],
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'ALREADY_DECIDED_STAGE_BY_YOU', details: { stage: 1 } },
    });
  });

  it('given a delegate decided stage 1 for Bob, when Bob tries stage 2, then he already decided a stage', () => {
    const result = decide({
      expense: pending({ stage: 2, stageCount: 2, version: 2 }),
      steps: [stepBy('m-erin', { onBehalfOf: 'm-bob' })],
    });
    expect(codeOf(result)).toBe('ALREADY_DECIDED_STAGE_BY_YOU');
  });

  it('given Bob decided stage 1 of an earlier round, then he may decide stage 1 of the new round', () => {
    const expense = pending({ stageCount: 2, version: 5, approvalRound: 2 });
    const result = decide({ expense, steps: [stepBy('m-bob', { round: 1, decision: 'returned' })] });
    expect(result.ok && result.value.step.round).toBe(2);
  });

  it('works end to end with resolveStageApprovers and membersWhoDecided', () => {
    const steps = [stepBy('m-erin', { onBehalfOf: 'm-bob' })];
    const expense = pending({ stage: 2, stageCount: 2, version: 2 });
    const approvers = resolveStageApprovers({
      stage: { index: 2, kind: 'approvers' },
      approverLists: new Map([[2, ['m-bob', 'm-erin']]]),
      submitterId: expense.submitterId,
      decidedBy: membersWhoDecided(steps, expense.approvalRound),
      delegations: [],
      today: '2026-03-02',
      finance: ['m-fiona'],
      admins: [],
    });
    expect(approvers).toEqual({
      ok: true,
      value: { eligible: [{ memberId: 'm-fiona' }], fellTo: 'finance' },
    });
    const eligible = approvers.ok ? approvers.value.eligible : [];
    expect(codeOf(decide({ expense, steps, eligible, actorId: 'm-erin' }))).toBe(
      'ALREADY_DECIDED_STAGE_BY_YOU',
    );
    expect(decide({ expense, steps, eligible, actorId: 'm-fiona' }).ok).toBe(true);
  });
});

describe('decideStep: stale and settled cards', () => {
  it('given the card was shown before an edit, then STALE_VERSION', () => {
    const result = decide({
      expense: pending({ stageCount: 2, version: 2 }),
      card: { version: 1, stage: 1 },
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'STALE_VERSION', details: { cardVersion: 1, currentVersion: 2 } },
    });
  });

  it('given someone else decided the card’s stage first, then ALREADY_DECIDED names the winner', () => {
    const result = decide({
      expense: pending({ stage: 2, stageCount: 2, version: 2 }),
      actorId: 'm-carol',
      steps: [stepBy('m-bob')],
      card: { version: 1, stage: 1 },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'ALREADY_DECIDED',
        details: {
          winnerId: 'm-bob',
          decision: 'approved',
          at: '2026-03-02T10:00:00Z',
          onBehalfOf: null,
          stage: 1,
        },
      },
    });
  });

  it('given the last stage was decided and the expense approved, then a late click still names the winner', () => {
    const result = decide({
      expense: approved({ version: 2 }),
      actorId: 'm-carol',
      steps: [stepBy('m-bob')],
      card: { version: 1, stage: 1 },
    });
    expect(codeOf(result)).toBe('ALREADY_DECIDED');
  });

  it('given a card from before approval restarted, then it is stale, not decided', () => {
    const expense = pending({ stageCount: 2, version: 4, approvalRound: 2 });
    const result = decide({
      expense,
      steps: [stepBy('m-carol', { round: 1 })],
      card: { version: 1, stage: 1 },
    });
    expect(codeOf(result)).toBe('STALE_VERSION');
  });

  it('given the expense is no longer pending and no card names a stage, then NOT_PENDING', () => {
    const withdrawn: Expense = { ...base, status: 'withdrawn', version: 2 };
    expect(decide({ expense: withdrawn })).toEqual({
      ok: false,
      error: { code: 'NOT_PENDING', details: { status: 'withdrawn' } },
    });
    expect(codeOf(decide({ expense: withdrawn, card: { version: 1, stage: 1 } }))).toBe('NOT_PENDING');
  });
});

describe('alreadyDecidedFailure', () => {
  it('carries the winner for the message, with the delegation if any', () => {
    expect(
      alreadyDecidedFailure({
        memberId: 'm-erin',
        decision: 'rejected',
        at: AT,
        onBehalfOf: 'm-bob',
        stage: 2,
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'ALREADY_DECIDED',
        details: { winnerId: 'm-erin', decision: 'rejected', at: AT, onBehalfOf: 'm-bob', stage: 2 },
      },
    });
  });
});

describe('decideStep: property', () => {
  it('walking any chain with any partial amounts ends approved, once per stage, never above what earlier stages allowed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 10 ** 12 }),
        fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), {
          minLength: 4,
          maxLength: 4,
        }),
        (stageCount, claim, cuts) => {
          let expense: Expense = pending({
            stageCount: stageCount as 1 | 2 | 3 | 4,
            financeStage: stageCount > 1,
            original: { ...base.original, amountMinor: claim },
            clientAmount: { ...base.clientAmount, amountMinor: claim },
          });
          const steps: ApprovalStep[] = [];
          let ceiling = claim;
          for (let stage = 1; stage <= stageCount; stage++) {
            const actorId = `m-${stage}`;
            const cut = cuts[stage - 1];
            const amountMinor = cut === undefined ? undefined : Math.max(1, Math.floor(ceiling * cut));
            const decision =
              amountMinor === undefined
                ? ({ kind: 'approve' } as const)
                : ({ kind: 'approve', amountMinor, comment: 'policy cap' } as const);
            const result = decideStep({
              expense,
              actorId,
              decision,
              eligible: [{ memberId: actorId }],
              steps,
              card: { version: expense.version, stage },
              at: AT,
            });
            if (!result.ok) throw new Error(`stage ${stage}: ${result.error.code}`);
            expect(result.value.step.approvedAmountMinor).toBeLessThanOrEqual(ceiling);
            ceiling = result.value.step.approvedAmountMinor ?? ceiling;
            steps.push(result.value.step);
            expense = result.value.expense;
          }
          expect(expense.status).toBe('approved');
          expect(expense.version).toBe(1 + stageCount);
          expect(steps.map((step) => step.stage)).toEqual(
            Array.from({ length: stageCount }, (_, i) => i + 1),
          );
          expect(expense.status === 'approved' && expense.approvedAmountMinor).toBe(ceiling);
        },
      ),
      { seed: 20260302, numRuns: 300 },
    );
  });
});
