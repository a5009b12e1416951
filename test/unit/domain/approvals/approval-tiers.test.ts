import { describe, expect, it } from 'vitest';
import {
  buildChain,
  chainOfShape,
  STAGE_LABEL_TEXT,
  shapeOfChain,
  stageOfShape,
} from '../../../../src/domain/approvals/approval-stage.js';
import {
  type ApprovalTier,
  checkTiers,
  DEFAULT_TIERS_MAJOR,
  defaultTiers,
  planApprovalChain,
  tiersInMinorUnits,
} from '../../../../src/domain/approvals/approval-tiers.js';

const CNY_TIERS = defaultTiers(2);

const plan = (amountMinor: number, flags: { escalate?: boolean; override?: boolean } = {}) =>
  planApprovalChain({
    amountInClientCurrency: amountMinor,
    tiers: CNY_TIERS,
    escalateToFinance: flags.escalate ?? false,
    override: flags.override ?? false,
  });

const kindsAndLabels = (amountMinor: number, flags: { escalate?: boolean; override?: boolean } = {}) =>
  plan(amountMinor, flags).map((s) => `${s.index}:${s.kind}:${s.label}`);

describe('default tiers', () => {
  it('are 500 / 5 000 / above in minor units of the client currency', () => {
    expect(defaultTiers(2)).toEqual([
      { upToMinor: 50000, stages: 1 },
      { upToMinor: 500000, stages: 2 },
      { upToMinor: null, stages: 3 },
    ]);
    expect(defaultTiers(0).map((t) => t.upToMinor)).toEqual([500, 5000, null]);
    expect(defaultTiers(3).map((t) => t.upToMinor)).toEqual([500000, 5000000, null]);
    expect(DEFAULT_TIERS_MAJOR.map((t) => t.upToMajor)).toEqual([500, 5000, null]);
  });

  it('refuse fractional major amounts and unknown exponents', () => {
    expect(() => tiersInMinorUnits([{ upToMajor: 500.5, stages: 1 }], 2)).toThrow(RangeError);
    expect(() => defaultTiers(-1)).toThrow(RangeError);
    expect(() => defaultTiers(1.5)).toThrow(RangeError);
  });
});

describe('planApprovalChain at the tier edges (CNY)', () => {
  it.each([
    [0, ['1:approvers:approval']],
    [50000, ['1:approvers:approval']],
    [50001, ['1:approvers:initial', '2:approvers:final']],
    [500000, ['1:approvers:initial', '2:approvers:final']],
    [500001, ['1:approvers:initial', '2:approvers:second', '3:approvers:final']],
  ])('%i minor units → %j', (amount, stages) => {
    expect(kindsAndLabels(amount)).toEqual(stages);
  });

  it('given a budget that escalates, then a finance stage is appended', () => {
    expect(kindsAndLabels(50000, { escalate: true })).toEqual(['1:approvers:approval', '2:finance:finance']);
  });

  it('given an override, then a finance stage is appended', () => {
    expect(kindsAndLabels(500000, { override: true })).toEqual([
      '1:approvers:initial',
      '2:approvers:final',
      '3:finance:finance',
    ]);
  });

  it('given both escalation and override above 5 000, then there is still one finance stage: four at most', () => {
    const stages = plan(500001, { escalate: true, override: true });
    expect(stages).toEqual([
      { index: 1, kind: 'approvers', label: 'initial' },
      { index: 2, kind: 'approvers', label: 'second' },
      { index: 3, kind: 'approvers', label: 'final' },
      { index: 4, kind: 'finance', label: 'finance' },
    ]);
  });

  it('follows custom tiers', () => {
    const tiers: ApprovalTier[] = [
      { upToMinor: 10000, stages: 2 },
      { upToMinor: null, stages: 3 },
    ];
    const stages = planApprovalChain({
      amountInClientCurrency: 100,
      tiers,
      escalateToFinance: false,
      override: false,
    });
    expect(stages).toHaveLength(2);
  });

  it('throws on a negative or fractional amount, or malformed tiers', () => {
    expect(() => plan(-1)).toThrow(RangeError);
    expect(() => plan(1.5)).toThrow(RangeError);
    expect(() =>
      planApprovalChain({
        amountInClientCurrency: 1,
        tiers: [{ upToMinor: 100, stages: 1 }],
        escalateToFinance: false,
        override: false,
      }),
    ).toThrow(/Malformed/);
  });
});

describe('checkTiers', () => {
  it.each<[string, ApprovalTier[], string]>([
    ['empty', [], 'empty'],
    ['no unlimited tier', [{ upToMinor: 100, stages: 1 }], 'no-unlimited-tier'],
    [
      'unlimited in the middle',
      [
        { upToMinor: null, stages: 1 },
        { upToMinor: null, stages: 2 },
      ],
      'unlimited-not-last',
    ],
    [
      'falling limits',
      [
        { upToMinor: 500, stages: 1 },
        { upToMinor: 500, stages: 2 },
        { upToMinor: null, stages: 3 },
      ],
      'not-rising',
    ],
    ['four stages', [{ upToMinor: null, stages: 4 as 3 }], 'stages'],
    ['half a stage', [{ upToMinor: null, stages: 1.5 as 1 }], 'stages'],
    [
      'a higher tier with fewer stages',
      [
        { upToMinor: 500, stages: 2 },
        { upToMinor: null, stages: 1 },
      ],
      'stages-fall',
    ],
  ])('refuses %s', (_label, tiers, problem) => {
    const result = checkTiers(tiers);
    expect(result.ok ? undefined : result.error.details?.problem).toBe(problem);
  });

  it('accepts the defaults', () => {
    expect(checkTiers(CNY_TIERS).ok).toBe(true);
  });
});

describe('chain shapes', () => {
  it('round-trip between the stages and what an expense stores', () => {
    for (const approverStages of [1, 2, 3] as const) {
      for (const financeStage of [false, true]) {
        const chain = buildChain(approverStages, financeStage);
        const shape = shapeOfChain(chain);
        expect(shape).toEqual({ stageCount: approverStages + (financeStage ? 1 : 0), financeStage });
        expect(chainOfShape(shape)).toEqual(chain);
      }
    }
  });

  it('finds a stage by index and refuses one outside the chain', () => {
    expect(stageOfShape({ stageCount: 3, financeStage: true }, 3)).toEqual({
      index: 3,
      kind: 'finance',
      label: 'finance',
    });
    expect(() => stageOfShape({ stageCount: 2, financeStage: false }, 3)).toThrow(RangeError);
  });

  it('refuses a chain it could not have planned', () => {
    expect(() => shapeOfChain([])).toThrow(RangeError);
    expect(() => shapeOfChain([{ index: 1, kind: 'finance', label: 'finance' }])).toThrow(RangeError);
    expect(() => shapeOfChain([{ index: 2, kind: 'approvers', label: 'approval' }])).toThrow(RangeError);
  });

  it('labels every stage in English and Simplified Chinese', () => {
    expect(STAGE_LABEL_TEXT.initial).toEqual({ en: 'Initial review', 'zh-CN': '初审' });
    expect(STAGE_LABEL_TEXT.second['zh-CN']).toBe('复审');
    expect(STAGE_LABEL_TEXT.final['zh-CN']).toBe('终审');
  });
});
