// What Outlay says back when something worked, in English and Simplified Chinese. Failures have their own table
// (../i18n/present-failure.ts); cards carry their own vocabulary (domain/messaging/card-text.ts).
import type { Locale } from '../i18n/locale.js';

const en = {
  logged: (p: { id: string; waitingOn: string; stage: number; stageCount: number }) =>
    `Logged ${p.id} — waiting for ${p.waitingOn} (stage ${p.stage} of ${p.stageCount}).`,
  loggedAutoApproved: (p: { id: string }) =>
    `Logged ${p.id} — approved automatically (under the auto-approve limit).`,
  alreadyDone: (p: { id: string }) => `Already done — nothing changed (${p.id}).`,
  approvedFinal: (p: { id: string }) => `Approved ${p.id}. The submitter has been told.`,
  approvedStage: (p: { id: string; stage: number; stageCount: number; next: string }) =>
    `Approved stage ${p.stage} of ${p.stageCount} for ${p.id} — now waiting for ${p.next}.`,
  rejected: (p: { id: string }) => `Rejected ${p.id}. The submitter has been told why.`,
  returned: (p: { id: string }) => `Returned ${p.id} to the submitter for details.`,
  askRejectReason: (p: { id: string }) =>
    `Why are you rejecting ${p.id}? Reply with the reason within 10 minutes, or type cancel.`,
  askReturnReason: (p: { id: string }) =>
    `What is missing from ${p.id}? Reply within 10 minutes, or type cancel.`,
  askReceipt: (p: { id: string }) =>
    `Send the receipt for ${p.id} (a photo or PDF) within 10 minutes, or type cancel.`,
  cancelled: 'Cancelled — nothing was changed.',
  nothingToCancel: 'There is nothing to cancel.',
  clientContactOnly:
    'This conversation is for the client’s view of its reports. Questions about a line: dispute <id> <comment>.',
  outsiderOnly:
    'Outlay works for the members of this firm. People from another organisation can use it only in a channel shared with them as a client.',
  receiptAttached: (p: { id: string }) => `Receipt attached to ${p.id}.`,
  missingReceiptDeclared: (p: { id: string }) => `Noted: ${p.id} has no receipt, with your reason.`,
  whichExpense: 'Which expense is this receipt for? Send: receipt <id>, then the file.',
  edited: (p: { id: string; restarted: boolean }) =>
    p.restarted ? `Updated ${p.id} — approval starts again from stage 1.` : `Updated ${p.id}.`,
  withdrawn: (p: { id: string }) => `Withdrew ${p.id}.`,
  resubmitted: (p: { id: string; waitingOn: string }) => `Resubmitted ${p.id} — waiting for ${p.waitingOn}.`,
  voided: (p: { id: string }) => `Voided ${p.id}.`,
  marked: (p: { id: string; mark: string }) => `Marked ${p.id} as ${p.mark}.`,
  closed: (p: { client: string; through: string }) => `Closed @${p.client} through ${p.through}.`,
  adjusted: (p: { id: string }) => `Adjustment ${p.id} recorded.`,
  done: 'Done.',
  linkCode: (p: { code: string }) =>
    `Your link code is ${p.code}. On your other platform, send: link ${p.code} (valid for 10 minutes).`,
  linked: 'Linked — you can now use Outlay from both platforms as the same person.',
  auditIntact: (p: { count: number; position: number; hash: string }) =>
    `The audit chain is intact: ${p.count} events, head ${p.position}:${p.hash}.`,
  privateInClientChannel: 'Only you can see this: this channel is shared with the client.',
};

type ReplyText = typeof en;

const zhCN: ReplyText = {
  logged: (p) => `已记录 ${p.id} —— 等待 ${p.waitingOn} 审批（第 ${p.stage}/${p.stageCount} 级）。`,
  loggedAutoApproved: (p) => `已记录 ${p.id} —— 低于自动批准额度，已自动批准。`,
  alreadyDone: (p) => `已处理过 —— 没有任何改动（${p.id}）。`,
  approvedFinal: (p) => `已批准 ${p.id}，已通知提交人。`,
  approvedStage: (p) => `已批准 ${p.id} 第 ${p.stage}/${p.stageCount} 级 —— 现在等待 ${p.next} 审批。`,
  rejected: (p) => `已驳回 ${p.id}，已告知提交人原因。`,
  returned: (p) => `已将 ${p.id} 退回提交人补充信息。`,
  askRejectReason: (p) => `驳回 ${p.id} 的原因是什么？请在 10 分钟内回复原因，或发送“取消”。`,
  askReturnReason: (p) => `${p.id} 还缺少什么？请在 10 分钟内回复，或发送“取消”。`,
  askReceipt: (p) => `请在 10 分钟内发送 ${p.id} 的票据（照片或 PDF），或发送“取消”。`,
  cancelled: '已取消 —— 没有任何改动。',
  nothingToCancel: '没有可以取消的操作。',
  clientContactOnly: '此会话供客户查看报告。如对某一行有疑问：质询 <编号> <说明>。',
  outsiderOnly: 'Outlay 仅供本公司成员使用。其他组织的人员只能在作为客户与其共享的频道中使用。',
  receiptAttached: (p) => `票据已附加到 ${p.id}。`,
  missingReceiptDeclared: (p) => `已记录：${p.id} 无票据，并附上了你的原因。`,
  whichExpense: '这张票据属于哪笔费用？请先发送：票据 <编号>，再发送文件。',
  edited: (p) => (p.restarted ? `已修改 ${p.id} —— 审批从第 1 级重新开始。` : `已修改 ${p.id}。`),
  withdrawn: (p) => `已撤回 ${p.id}。`,
  resubmitted: (p) => `已重新提交 ${p.id} —— 等待 ${p.waitingOn} 审批。`,
  voided: (p) => `已作废 ${p.id}。`,
  marked: (p) => `已将 ${p.id} 标记为${p.mark}。`,
  closed: (p) => `已为 @${p.client} 结账至 ${p.through}。`,
  adjusted: (p) => `已记录调整 ${p.id}。`,
  done: '完成。',
  linkCode: (p) => `你的绑定码是 ${p.code}。请在另一个平台发送：绑定 ${p.code}（10 分钟内有效）。`,
  linked: '绑定成功 —— 现在你可以在两个平台上以同一身份使用 Outlay。',
  auditIntact: (p) => `审计链完整：共 ${p.count} 条事件，链头 ${p.position}:${p.hash}。`,
  privateInClientChannel: '仅你可见：此频道与客户共享。',
};

export const replyText = (locale: Locale): ReplyText => (locale === 'zh-CN' ? zhCN : en);
