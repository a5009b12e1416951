import { describe, expect, it } from 'vitest';
import {
  resolveStageApprovers,
  type StageApproversRequest,
} from '../../../../src/domain/approvals/stage-approvers.js';

const request = (overrides: Partial<StageApproversRequest> = {}): StageApproversRequest => ({
  stage: { index: 1, kind: 'approvers' },
  approverLists: new Map([
    [1, ['m-bob', 'm-carol']],
    [2, ['m-dave']],
  ]),
  submitterId: 'm-alice',
  decidedBy: [],
  delegations: [],
  today: '2026-03-02',
  finance: ['m-fiona'],
  admins: ['m-adam'],
  ...overrides,
});

describe('resolveStageApprovers', () => {
  it('given a stage list, then anyone on it may decide (或签)', () => {
    expect(resolveStageApprovers(request())).toEqual({
      ok: true,
      value: { eligible: [{ memberId: 'm-bob' }, { memberId: 'm-carol' }], fellTo: 'approvers' },
    });
  });

  it('given the submitter is on the list, then they are left out: nobody approves their own expense', () => {
    const result = resolveStageApprovers(request({ submitterId: 'm-bob' }));
    expect(result.ok && result.value.eligible).toEqual([{ memberId: 'm-carol' }]);
  });

  it('given someone decided an earlier stage, then they may not decide this one', () => {
    const result = resolveStageApprovers(
      request({
        stage: { index: 2, kind: 'approvers' },
        approverLists: new Map([[2, ['m-bob', 'm-dave']]]),
        decidedBy: ['m-bob'],
      }),
    );
    expect(result.ok && result.value.eligible).toEqual([{ memberId: 'm-dave' }]);
  });

  it('given an active delegation, then the delegate may decide on behalf of the approver, who keeps the right', () => {
    const delegations = [{ fromMemberId: 'm-dave', toMemberId: 'm-erin', until: '2026-03-02' }];
    const result = resolveStageApprovers(request({ stage: { index: 2, kind: 'approvers' }, delegations }));
    expect(result).toEqual({
      ok: true,
      value: {
        eligible: [{ memberId: 'm-dave' }, { memberId: 'm-erin', onBehalfOf: 'm-dave' }],
        fellTo: 'approvers',
      },
    });
  });

  it('given an expired delegation, then the delegate is not eligible', () => {
    const delegations = [{ fromMemberId: 'm-dave', toMemberId: 'm-erin', until: '2026-03-01' }];
    const result = resolveStageApprovers(request({ stage: { index: 2, kind: 'approvers' }, delegations }));
    expect(result.ok && result.value.eligible).toEqual([{ memberId: 'm-dave' }]);
  });

  it('given a delegate who is already on the list, then they appear once, in their own right', () => {
    const delegations = [{ fromMemberId: 'm-bob', toMemberId: 'm-carol', until: '2026-12-31' }];
    const result = resolveStageApprovers(request({ delegations }));
    expect(result.ok && result.value.eligible).toEqual([{ memberId: 'm-bob' }, { memberId: 'm-carol' }]);
  });

  it('given a delegation from the submitter or from an earlier decider, then it confers nothing (no duties by proxy)', () => {
    const delegations = [
      { fromMemberId: 'm-alice', toMemberId: 'm-erin', until: '2026-12-31' },
      { fromMemberId: 'm-bob', toMemberId: 'm-gina', until: '2026-12-31' },
    ];
    const result = resolveStageApprovers(
      request({
        submitterId: 'm-alice',
        approverLists: new Map([[1, ['m-alice', 'm-bob']]]),
        decidedBy: ['m-bob'],
        delegations,
      }),
    );
    expect(result.ok && result.value).toEqual({ eligible: [{ memberId: 'm-fiona' }], fellTo: 'finance' });
  });

  it('given the delegate is the submitter, then they cannot approve their own expense on someone’s behalf', () => {
    const delegations = [{ fromMemberId: 'm-dave', toMemberId: 'm-alice', until: '2026-12-31' }];
    const result = resolveStageApprovers(request({ stage: { index: 2, kind: 'approvers' }, delegations }));
    expect(result.ok && result.value.eligible).toEqual([{ memberId: 'm-dave' }]);
  });

  it('given nobody eligible on the list, then the stage falls to finance', () => {
    const result = resolveStageApprovers(request({ approverLists: new Map() }));
    expect(result).toEqual({ ok: true, value: { eligible: [{ memberId: 'm-fiona' }], fellTo: 'finance' } });
  });

  it('given finance is excluded too, then the stage falls to admin', () => {
    const result = resolveStageApprovers(
      request({ approverLists: new Map([[1, ['m-fiona']]]), submitterId: 'm-fiona' }),
    );
    expect(result).toEqual({ ok: true, value: { eligible: [{ memberId: 'm-adam' }], fellTo: 'admin' } });
  });

  it('given a finance stage, then it starts from finance and ignores the approver lists', () => {
    const result = resolveStageApprovers(
      request({ stage: { index: 3, kind: 'finance' }, finance: ['m-fiona', 'm-fred'] }),
    );
    expect(result.ok && result.value).toEqual({
      eligible: [{ memberId: 'm-fiona' }, { memberId: 'm-fred' }],
      fellTo: 'finance',
    });
  });

  it('given a finance stage whose only finance member decided earlier, then it falls to admin', () => {
    const result = resolveStageApprovers(
      request({ stage: { index: 2, kind: 'finance' }, decidedBy: ['m-fiona'] }),
    );
    expect(result.ok && result.value).toEqual({ eligible: [{ memberId: 'm-adam' }], fellTo: 'admin' });
  });

  it('given nobody at all is eligible, then it fails naming the stage and the admins to ask', () => {
    const result = resolveStageApprovers(
      request({
        approverLists: new Map([[1, ['m-adam']]]),
        submitterId: 'm-adam',
        finance: [],
        admins: ['m-adam'],
      }),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'NO_ELIGIBLE_APPROVER',
        details: { stage: 1, stageKind: 'approvers', askAdmins: 'm-adam' },
      },
    });
  });
});
