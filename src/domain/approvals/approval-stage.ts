// The shape of an approval chain, kept free of imports so that expenses (which remember their chain) and
// people (whose permissions depend on the stage) can both name it without a cycle.

/** Whose list a stage starts from: the client's approvers for that stage, or finance. */
export type StageKind = 'approvers' | 'finance';

/** Who a stage actually went to once separation of duties and absences were applied. */
export type FellTo = 'approvers' | 'finance' | 'admin';

/** A localisation key: one approver stage is just "approval"; three are initial / second / final (初审/复审/终审). */
export type StageLabel = 'approval' | 'initial' | 'second' | 'final' | 'finance';

export type PlannedStage = {
  /** 1-based position in the chain. */
  readonly index: number;
  readonly kind: StageKind;
  readonly label: StageLabel;
};

export type ApproverStageCount = 1 | 2 | 3;
export type StageCount = 1 | 2 | 3 | 4;

/** What an expense remembers of its chain: enough to rebuild it, whatever the policy says later. */
export type ChainShape = { readonly stageCount: StageCount; readonly financeStage: boolean };

export const MAX_APPROVER_STAGES = 3;
export const MAX_STAGES = 4;

export const STAGE_LABEL_TEXT: Readonly<
  Record<StageLabel, { readonly en: string; readonly 'zh-CN': string }>
> = {
  approval: { en: 'Approval', 'zh-CN': '审批' },
  initial: { en: 'Initial review', 'zh-CN': '初审' },
  second: { en: 'Second review', 'zh-CN': '复审' },
  final: { en: 'Final approval', 'zh-CN': '终审' },
  finance: { en: 'Finance review', 'zh-CN': '财务审核' },
};

const APPROVER_LABELS: Readonly<Record<ApproverStageCount, readonly StageLabel[]>> = {
  1: ['approval'],
  2: ['initial', 'final'],
  3: ['initial', 'second', 'final'],
};

const isApproverStageCount = (n: number): n is ApproverStageCount => n === 1 || n === 2 || n === 3;

/** The stages of a chain of `approverStages` approver stages, plus a finance stage at the end if asked. */
export const buildChain = (
  approverStages: ApproverStageCount,
  financeStage: boolean,
): readonly PlannedStage[] => {
  if (!isApproverStageCount(approverStages)) {
    throw new RangeError(`A chain has 1 to 3 approver stages, not ${String(approverStages)}`);
  }
  const stages: PlannedStage[] = APPROVER_LABELS[approverStages].map((label, i) => ({
    index: i + 1,
    kind: 'approvers',
    label,
  }));
  if (financeStage) stages.push({ index: stages.length + 1, kind: 'finance', label: 'finance' });
  return stages;
};

/** The compact form an expense stores; throws on a chain `buildChain` could not have produced. */
export const shapeOfChain = (stages: readonly PlannedStage[]): ChainShape => {
  const financeStage = stages.at(-1)?.kind === 'finance';
  const approverStages = stages.length - (financeStage ? 1 : 0);
  if (!isApproverStageCount(approverStages)) {
    throw new RangeError(`A chain has 1 to 3 approver stages, not ${approverStages}`);
  }
  const expected = buildChain(approverStages, financeStage);
  const same = stages.every((s, i) => {
    const e = expected[i];
    return e !== undefined && s.index === e.index && s.kind === e.kind && s.label === e.label;
  });
  if (!same) throw new RangeError(`Not a well-formed approval chain: ${JSON.stringify(stages)}`);
  return { stageCount: stages.length as StageCount, financeStage };
};

export const chainOfShape = (shape: ChainShape): readonly PlannedStage[] =>
  buildChain((shape.stageCount - (shape.financeStage ? 1 : 0)) as ApproverStageCount, shape.financeStage);

/** The stage `index` of a chain of this shape; throws when the index is outside it. */
export const stageOfShape = (shape: ChainShape, index: number): PlannedStage => {
  const stage = chainOfShape(shape)[index - 1];
  if (stage === undefined)
    throw new RangeError(`Stage ${index} is outside a ${shape.stageCount}-stage chain`);
  return stage;
};
