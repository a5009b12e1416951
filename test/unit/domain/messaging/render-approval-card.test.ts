import { describe, expect, it } from 'vitest';
import { decodeActionId } from '../../../../src/domain/messaging/action-id.js';
import type { Card } from '../../../../src/domain/messaging/card.js';
import { renderApprovalCard } from '../../../../src/domain/messaging/render-approval-card.js';
import { resolveApprovalCard } from '../../../../src/domain/messaging/resolve-approval-card.js';
import { approvalInput, cny, marchImpact, pendingLunch, SHANGHAI } from './messaging-fixtures.js';

const fieldValue = (card: Card, label: string): string | undefined =>
  card.fields.find((field) => field.label === label)?.value;

const sectionText = (card: Card, heading: string): string | undefined =>
  card.sections.find((section) => section.heading === heading)?.text;

describe('renderApprovalCard', () => {
  it('given a 2-stage CNY expense paid in USD, when rendered in English, then it shows both amounts, the findings, the budget and four actions', () => {
    const card = renderApprovalCard(approvalInput());

    expect(card.title).toBe('Approval request: ACME-7K3Q');
    expect(card.subtitle).toBe('Initial review · stage 1 of 2');
    expect(card.accent).toBe('warning');
    expect(card.fields).toEqual([
      { label: 'Submitter', value: 'Wei Zhang', short: true },
      { label: 'Client', value: 'Acme (@acme)', short: true },
      { label: 'Amount', value: '$66.44', short: true },
      { label: 'Converted', value: 'CN¥480.00 (rate 7.2245, 2 Mar)', short: true },
      { label: 'Date', value: 'Mon 2 Mar 2026', short: true },
      { label: 'Category', value: 'Meals', short: true },
      { label: 'Paid with', value: 'Personal', short: true },
      { label: 'Billable', value: 'Yes', short: true },
      { label: 'Receipts', value: '1 attached', short: true },
      { label: 'Description', value: 'Team lunch with the client' },
    ]);
    // Worst first: the split (warn) before the round number (info).
    expect(sectionText(card, 'Risk')).toBe(
      '• Possible split: 3 items of CN¥480.00 on 2 Mar, tier limit CN¥500.00, total CN¥1,440.00\n' +
        '• Round amount: CN¥480.00',
    );
    expect(sectionText(card, 'Budget')).toBe(
      "Brings Acme's March budget to 87 %; at the current pace 104 % by 31 Mar\n" +
        'Approved CN¥20,241.94 and pending CN¥5,620.00 of CN¥30,000.00',
    );
    expect(card.actions.map((action) => [action.label, action.style, action.input?.kind])).toEqual([
      ['Approve', 'primary', undefined],
      ['Reject', 'danger', 'reason'],
      ['Needs details', 'default', 'reason'],
      ['Approve a different amount', 'default', 'amount'],
    ]);
    expect(card.actions.map((action) => decodeActionId(action.id))).toEqual([
      { kind: 'approve', expenseId: 'ACME-7K3Q', version: 3, stage: 1 },
      { kind: 'reject', expenseId: 'ACME-7K3Q', version: 3, stage: 1 },
      { kind: 'return', expenseId: 'ACME-7K3Q', version: 3, stage: 1 },
      { kind: 'approve-amount', expenseId: 'ACME-7K3Q', version: 3, stage: 1 },
    ]);
    expect(card.actions[3]?.input).toEqual({
      kind: 'amount',
      label: 'Amount to approve (CNY)',
      placeholder: '480.00',
      required: true,
      currency: 'CNY',
      reason: { label: 'Reason', placeholder: 'Why a different amount?', required: true },
    });
    expect(card.footer).toBe(
      'Or reply: approve ACME-7K3Q · reject ACME-7K3Q <reason> · return ACME-7K3Q <what is needed>',
    );
    expect(card.resolved).toBeUndefined();
  });

  it('given the same expense, when rendered in Chinese, then every label, amount and sentence is Chinese', () => {
    const card = renderApprovalCard(approvalInput({ locale: 'zh-CN', categoryName: '餐饮' }));

    expect(card.title).toBe('审批请求：ACME-7K3Q');
    expect(card.subtitle).toBe('初审 · 第 1/2 级');
    expect(fieldValue(card, '提交人')).toBe('Wei Zhang');
    expect(fieldValue(card, '金额')).toBe('US$66.44');
    expect(fieldValue(card, '折合')).toBe('¥480.00（汇率 7.2245，3月2日）');
    expect(fieldValue(card, '日期')).toBe('2026年3月2日 周一');
    expect(fieldValue(card, '类别')).toBe('餐饮');
    expect(fieldValue(card, '支付方式')).toBe('个人垫付');
    expect(fieldValue(card, '票据')).toBe('已附 1 张');
    expect(sectionText(card, '风险提示')).toBe(
      '• 疑似拆单：3月2日 共 3 笔 ¥480.00，审批档位上限 ¥500.00，合计 ¥1,440.00\n• 整数金额：¥480.00',
    );
    expect(sectionText(card, '预算')).toBe(
      '使 Acme 的3月预算达到 87%；按当前进度，3月31日将达到 104%\n已批准 ¥20,241.94，待审批 ¥5,620.00，预算 ¥30,000.00',
    );
    expect(card.actions.map((action) => action.label)).toEqual(['批准', '驳回', '需补充', '按其他金额批准']);
    expect(card.actions.map((action) => decodeActionId(action.id)?.expenseId)).toEqual([
      'ACME-7K3Q',
      'ACME-7K3Q',
      'ACME-7K3Q',
      'ACME-7K3Q',
    ]);
    expect(card.footer).toBe(
      '也可回复：批准 ACME-7K3Q · 驳回 ACME-7K3Q <原因> · 退回 ACME-7K3Q <需补充的内容>',
    );
  });

  it('given the final stage of a later version, when rendered, then the buttons carry that stage and version', () => {
    const card = renderApprovalCard(
      approvalInput({ expense: pendingLunch({ stage: 2, version: 7 }), findings: [], budgetImpacts: [] }),
    );
    expect(card.subtitle).toBe('Final approval · stage 2 of 2');
    expect(card.accent).toBe('info');
    expect(card.sections).toEqual([]);
    expect(card.actions.map((action) => action.id)).toEqual([
      'exp:approve:ACME-7K3Q:v7:s2',
      'exp:reject:ACME-7K3Q:v7:s2',
      'exp:return:ACME-7K3Q:v7:s2',
      'exp:amount:ACME-7K3Q:v7:s2',
    ]);
  });

  it('given a project, an earlier partial approval and no receipt with a reason, when rendered, then they are shown', () => {
    const card = renderApprovalCard(
      approvalInput({
        expense: pendingLunch({
          original: cny(48_000),
          approvedAmountMinor: 30_000,
          missingReceiptReason: 'Street vendor',
          stage: 2,
        }),
        project: { name: 'Website', code: 'website' },
        receiptCount: 0,
        findings: [],
        budgetImpacts: [],
      }),
    );
    expect(fieldValue(card, 'Project')).toBe('Website (@acme/website)');
    expect(fieldValue(card, 'Amount')).toBe('CN¥480.00');
    expect(fieldValue(card, 'Converted')).toBeUndefined();
    expect(fieldValue(card, 'Approved so far')).toBe('CN¥300.00');
    expect(fieldValue(card, 'Receipts')).toBe('None: Street vendor');
    // The amount button starts from what the previous stage approved.
    expect(card.actions[3]?.input?.placeholder).toBe('300.00');
  });

  it('given an item that takes the budget past 100 %, when rendered, then the budget says by how much', () => {
    const card = renderApprovalCard(
      approvalInput({ findings: [], budgetImpacts: [{ scopeName: 'Acme', impact: marchImpact(500_000) }] }),
    );
    expect(sectionText(card, 'Budget')).toBe(
      "Brings Acme's March budget to 102 %; at the current pace 119 % by 31 Mar\n" +
        'Approved CN¥20,241.94 and pending CN¥5,620.00 of CN¥30,000.00\n' +
        'Will be exceeded by CN¥861.94',
    );
    expect(card.accent).toBe('warning');
  });

  it('given a description with markup characters, when rendered, then fields keep it literally', () => {
    const card = renderApprovalCard(
      approvalInput({ expense: pendingLunch({ description: '**not bold**' }) }),
    );
    expect(fieldValue(card, 'Description')).toBe('**not bold**');
  });
});

describe('resolveApprovalCard', () => {
  const approvedByAlice = {
    kind: 'approved',
    deciderName: 'Alice',
    stage: 1,
    stageCount: 2,
    at: '2026-03-25T06:02:00Z',
  } as const;

  it('given an approval, when resolved, then the card has no actions and says who approved which stage when', () => {
    const card = resolveApprovalCard(approvalInput(), approvedByAlice);
    expect(card.actions).toEqual([]);
    expect(card.resolved).toEqual({
      text: 'Approved by Alice · stage 1 of 2 · 14:02',
      at: '2026-03-25T06:02:00Z',
    });
    expect(card.accent).toBe('success');
    expect(card.footer).toBeUndefined();
    expect(card.title).toBe('Approval request: ACME-7K3Q');
  });

  it('given an approval, when resolved in Chinese, then the resolved text is Chinese', () => {
    const card = resolveApprovalCard(approvalInput({ locale: 'zh-CN' }), approvedByAlice);
    expect(card.resolved?.text).toBe('Alice 已批准 · 第 1/2 级 · 14:02');
    expect(card.actions).toEqual([]);
  });

  it('given a card as sent, when resolved with a locale and zone, then it matches resolving from the inputs', () => {
    const sent = renderApprovalCard(approvalInput());
    expect(resolveApprovalCard(sent, approvedByAlice, { locale: 'en', timeZone: SHANGHAI })).toEqual(
      resolveApprovalCard(approvalInput(), approvedByAlice),
    );
    expect(
      resolveApprovalCard(sent, approvedByAlice, { locale: 'en', timeZone: 'Europe/London' }).resolved?.text,
    ).toBe('Approved by Alice · stage 1 of 2 · 06:02');
  });

  it('given a delegate, when resolved, then it says on whose behalf', () => {
    const decision = { ...approvedByAlice, deciderName: 'Carol', onBehalfOfName: 'Alice', stage: 2 };
    expect(resolveApprovalCard(approvalInput(), decision).resolved?.text).toBe(
      'Approved by Carol on behalf of Alice · stage 2 of 2 · 14:02',
    );
    expect(resolveApprovalCard(approvalInput({ locale: 'zh-CN' }), decision).resolved?.text).toBe(
      'Carol 代 Alice 批准 · 第 2/2 级 · 14:02',
    );
  });

  it('given a rejection with a reason, when resolved, then the reason is shown literally under Reason', () => {
    const card = resolveApprovalCard(approvalInput(), {
      ...approvedByAlice,
      kind: 'rejected',
      reason: 'Not a **client** cost',
    });
    expect(card.resolved?.text).toBe('Rejected by Alice · stage 1 of 2 · 14:02');
    expect(card.accent).toBe('danger');
    expect(card.sections.at(-1)).toEqual({
      heading: 'Reason',
      text: 'Not a \\*\\*client\\*\\* cost',
      tone: 'danger',
    });
    const zh = resolveApprovalCard(approvalInput({ locale: 'zh-CN' }), {
      ...approvedByAlice,
      kind: 'rejected',
      reason: '非客户费用',
    });
    expect(zh.resolved?.text).toBe('Alice 已驳回 · 第 1/2 级 · 14:02');
    expect(zh.sections.at(-1)?.heading).toBe('原因');
  });

  it('given a return, when resolved, then it names what is needed', () => {
    const decision = { ...approvedByAlice, kind: 'returned', whatIsNeeded: 'The receipt' } as const;
    const card = resolveApprovalCard(approvalInput(), decision);
    expect(card.resolved?.text).toBe('Returned for details by Alice · stage 1 of 2 · 14:02');
    expect(card.sections.at(-1)).toEqual({ heading: 'What is needed', text: 'The receipt', tone: 'warning' });
    expect(resolveApprovalCard(approvalInput({ locale: 'zh-CN' }), decision).resolved?.text).toBe(
      'Alice 已退回补充 · 第 1/2 级 · 14:02',
    );
  });

  it('given a partial approval, when resolved, then the approved amount is in the outcome', () => {
    const decision = {
      ...approvedByAlice,
      kind: 'partially-approved',
      approvedAmount: cny(30_000),
      reason: 'Two people, not three',
    } as const;
    expect(resolveApprovalCard(approvalInput(), decision).resolved?.text).toBe(
      'Partially approved (CN¥300.00) by Alice · stage 1 of 2 · 14:02',
    );
    expect(resolveApprovalCard(approvalInput({ locale: 'zh-CN' }), decision).resolved?.text).toBe(
      'Alice 部分批准 ¥300.00 · 第 1/2 级 · 14:02',
    );
  });

  it('given a card as sent but no locale, when resolved through an unchecked call, then it throws', () => {
    const sent = renderApprovalCard(approvalInput());
    const unchecked = resolveApprovalCard as unknown as (
      card: Card,
      decision: typeof approvedByAlice,
    ) => Card;
    expect(() => unchecked(sent, approvedByAlice)).toThrow(TypeError);
  });
});
