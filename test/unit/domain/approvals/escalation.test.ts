import { describe, expect, it } from 'vitest';
import {
  escalationFor,
  resolveStageApprovers,
  type StageApproversRequest,
} from '../../../../src/domain/approvals/stage-approvers.js';

const request = (overrides: Partial<StageApproversRequest> = {}): StageApproversRequest => ({
  stage: { index: 1, kind: 'approvers' },
  approverLists: new Map([[1, ['m-bob']]]),
  submitterId: 'm-alice',
  decidedBy: [],
  delegations: [],
  today: '2026-03-02',
  finance: ['m-fiona'],
  admins: ['m-adam'],
  ...overrides,
});

describe('escalationFor', () => {
  it('given a step with its own approvers, then it escalates to finance', () => {
    expect(escalationFor(request(), 'approvers')).toEqual({
      level: 'finance',
      approvers: [{ memberId: 'm-fiona' }],
    });
  });

  it('given the only finance member submitted it, then it escalates to admin instead', () => {
    expect(escalationFor(request({ submitterId: 'm-fiona' }), 'approvers')).toEqual({
      level: 'admin',
      approvers: [{ memberId: 'm-adam' }],
    });
  });

  it('given a step that already went to finance, then it escalates to admin; past admin to nobody', () => {
    expect(escalationFor(request(), 'finance')).toMatchObject({ level: 'admin' });
    expect(escalationFor(request(), 'admin')).toBeUndefined();
  });

  it('given finance is away with a delegate, then the delegate is escalated to as well', () => {
    const escalation = escalationFor(
      request({ delegations: [{ fromMemberId: 'm-fiona', toMemberId: 'm-gail', until: '2026-03-05' }] }),
      'approvers',
    );
    expect(escalation?.approvers).toEqual([
      { memberId: 'm-fiona' },
      { memberId: 'm-gail', onBehalfOf: 'm-fiona' },
    ]);
  });
});

describe('resolveStageApprovers after an escalation', () => {
  it('given a step escalated to finance, then finance may decide beside the stage list', () => {
    expect(resolveStageApprovers(request({ escalatedTo: 'finance' }))).toEqual({
      ok: true,
      value: { eligible: [{ memberId: 'm-bob' }, { memberId: 'm-fiona' }], fellTo: 'approvers' },
    });
  });

  it('given escalated to finance but finance decided an earlier stage, then admin may decide instead', () => {
    const result = resolveStageApprovers(request({ escalatedTo: 'finance', decidedBy: ['m-fiona'] }));
    expect(result.ok && result.value.eligible).toEqual([{ memberId: 'm-bob' }, { memberId: 'm-adam' }]);
  });

  it('given a step that fell to finance and is escalated no further, then nothing is added', () => {
    const result = resolveStageApprovers(request({ approverLists: new Map(), escalatedTo: 'finance' }));
    expect(result).toEqual({ ok: true, value: { eligible: [{ memberId: 'm-fiona' }], fellTo: 'finance' } });
  });

  it('given no escalation, then finance stays out while the stage list has someone', () => {
    const result = resolveStageApprovers(request());
    expect(result.ok && result.value.eligible).toEqual([{ memberId: 'm-bob' }]);
  });
});
