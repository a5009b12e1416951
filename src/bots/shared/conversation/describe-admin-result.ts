// What an administrative command did, said in one or a few plain lines, in English and Simplified Chinese.
import type { AddedClient } from '../../../domain/admin/add-client.js';
import type { AddedProject } from '../../../domain/admin/add-project.js';
import type { BoundAdminChannel } from '../../../domain/admin/bind-admin-channel.js';
import type { BoundChannel } from '../../../domain/admin/bind-client-channel.js';
import type { DelegationRecorded } from '../../../domain/admin/delegate.js';
import type { RoleChange } from '../../../domain/admin/grant-role.js';
import type { ApproverListSet } from '../../../domain/admin/set-approvers.js';
import type { BudgetSet } from '../../../domain/admin/set-budget.js';
import type { PolicySet } from '../../../domain/admin/set-policy.js';
import type { RateSet } from '../../../domain/admin/set-rate.js';
import type { BudgetsShown } from '../../../domain/admin/show-budgets.js';
import type { PolicyShown } from '../../../domain/admin/show-policy.js';
import type { PolicyTested } from '../../../domain/admin/test-policy.js';
import { formatPercent } from '../../../domain/messaging/card-format.js';
import { formatMoney } from '../../../domain/money/index.js';
import type { CurrencyCode } from '../../../domain/money/money.js';
import type { Locale } from '../i18n/locale.js';

export type AdminKind =
  | 'client-add'
  | 'project-add'
  | 'client-channel'
  | 'admin-channel'
  | 'approvers'
  | 'role'
  | 'delegate'
  | 'budget-set'
  | 'budget'
  | 'rate'
  | 'policy'
  | 'policy-set'
  | 'policy-test';

const zh = (locale: Locale) => locale === 'zh-CN';

/** Renders the result of one administrative use case; the kind says which result type `value` is. */
export function describeAdminResult(kind: AdminKind, value: unknown, locale: Locale): string {
  const z = zh(locale);
  const unchanged = z ? '没有变化 —— 已经是这样设置的。' : 'Nothing changed — it was already set that way.';
  switch (kind) {
    case 'client-add': {
      const { client } = value as AddedClient;
      return z
        ? `已添加客户 @${client.code}「${client.name}」：${client.currency}，时区 ${client.timeZone}。`
        : `Added client @${client.code} "${client.name}": ${client.currency}, ${client.timeZone}.`;
    }
    case 'project-add': {
      const { project, clientCode } = value as AddedProject;
      return z
        ? `已添加项目 @${clientCode}/${project.code}「${project.name}」。`
        : `Added project @${clientCode}/${project.code} "${project.name}".`;
    }
    case 'client-channel':
    case 'admin-channel': {
      const { binding, outcome } = value as BoundChannel | BoundAdminChannel;
      if (outcome === 'unchanged') return unchanged;
      if (binding.audience === 'admin') {
        return z
          ? '此频道现在是管理频道：审计链头和无法送达的消息会发到这里。'
          : 'This is now the admin channel: audit heads and undeliverable messages land here.';
      }
      const audience =
        binding.audience === 'client' ? (z ? '客户可见' : 'client-facing') : z ? '内部' : 'internal';
      const schedule = binding.reportSchedule
        ? z
          ? `，报告计划 ${binding.reportSchedule}`
          : `, reports ${binding.reportSchedule}`
        : '';
      return z
        ? `此频道已绑定（${audience}${schedule}）。`
        : `This channel is bound (${audience}${schedule}).`;
    }
    case 'approvers': {
      const set = value as ApproverListSet;
      if (!set.changed) return unchanged;
      return z
        ? `@${set.clientCode} 第 ${set.stage} 级审批人已更新（${set.after.length} 人）。`
        : `Stage ${set.stage} approvers for @${set.clientCode} updated (${set.after.length}).`;
    }
    case 'role': {
      const change = value as RoleChange;
      if (!change.changed) return unchanged;
      const roles = change.after.length > 0 ? change.after.join(', ') : z ? '成员' : 'member';
      return z ? `角色已更新：${roles}。` : `Roles updated: ${roles}.`;
    }
    case 'delegate': {
      const d = value as DelegationRecorded;
      return z
        ? `已设置代理，至 ${d.until}（含当天）。`
        : `Delegation recorded until ${d.until} (inclusive).`;
    }
    case 'budget-set': {
      const set = value as BudgetSet;
      if (set.outcome === 'unchanged') return unchanged;
      const amount = formatMoney(set.budget.amount, locale);
      const what =
        set.outcome === 'created'
          ? z
            ? '已设置预算'
            : 'Budget set'
          : z
            ? `预算已修订（第 ${set.revision} 版）`
            : `Budget revised (revision ${set.revision})`;
      return `${what}: ${amount} ${set.budget.period} · ${set.budget.action}.`;
    }
    case 'budget': {
      const shown = value as BudgetsShown;
      if (shown.budgets.length === 0) {
        return z ? `@${shown.client.code} 还没有预算。` : `@${shown.client.code} has no budgets yet.`;
      }
      return shown.budgets
        .map((b) => {
          const money = (minor: number) =>
            formatMoney({ amountMinor: minor, currency: b.budget.amount.currency }, locale);
          const pct = formatPercent(b.standing.percentBp, locale);
          return z
            ? `${b.period.key}：预算 ${money(b.budget.amount.amountMinor)}，已批准 ${money(b.consumption.actualMinor)}，待审批 ${money(b.consumption.committedMinor)}（${pct}），预计期末 ${money(b.forecast.projectedMinor)}`
            : `${b.period.key}: budget ${money(b.budget.amount.amountMinor)}, approved ${money(b.consumption.actualMinor)}, pending ${money(b.consumption.committedMinor)} (${pct}), forecast ${money(b.forecast.projectedMinor)}`;
        })
        .join('\n');
    }
    case 'rate': {
      const set = value as RateSet;
      if (set.outcome === 'unchanged') return unchanged;
      return z
        ? `汇率已${set.outcome === 'added' ? '添加' : '更新'}：1 ${set.key.from} = ${set.rate} ${set.key.to}（${set.key.effectiveOn} 起）。`
        : `Rate ${set.outcome}: 1 ${set.key.from} = ${set.rate} ${set.key.to} from ${set.key.effectiveOn}.`;
    }
    case 'policy': {
      const { policy, client } = value as PolicyShown;
      const money = (minor: number | null) => {
        if (minor === null) return z ? '无上限' : 'no limit';
        const currency = (policy.currency ?? 'CNY') as CurrencyCode;
        const text = formatMoney({ amountMinor: minor, currency }, locale);
        return policy.currency === null ? text.replace(/^[^\d-]+/, '') : text;
      };
      const tiers = policy.tiers.map((t) => `${money(t.upToMinor)} → ${t.stages}`).join(' · ');
      const header = client ? `@${client.code}` : z ? '全组织' : 'Organisation';
      return z
        ? `${header} 制度：审批层级 ${tiers}；票据要求 > ${money(policy.receiptThresholdMinor)}；最长 ${policy.maxAgeDays} 天；自动批准 ${money(policy.autoApproveLimitMinor)}；抽查 ${formatPercent(policy.auditSampleBasisPoints, locale)}；提醒 ${policy.reminderHours} 小时。`
        : `${header} policy: approval tiers ${tiers}; receipts above ${money(policy.receiptThresholdMinor)}; max age ${policy.maxAgeDays} days; auto-approve ${money(policy.autoApproveLimitMinor)}; audit sample ${formatPercent(policy.auditSampleBasisPoints, locale)}; reminders after ${policy.reminderHours} h.`;
    }
    case 'policy-set': {
      const set = value as PolicySet;
      return set.outcome === 'unchanged'
        ? unchanged
        : z
          ? `制度已更新（第 ${set.version} 版）。`
          : `Policy updated (version ${set.version}).`;
    }
    case 'policy-test': {
      const tested = value as PolicyTested;
      const r = tested.report;
      const amount = formatMoney(tested.clientAmount, locale);
      const verdict =
        r.verdict === 'refused'
          ? z
            ? '会被拒绝（超出阻止型预算）'
            : 'would be refused (a blocking budget)'
          : r.verdict === 'auto-approve-unless-sampled'
            ? z
              ? '会自动批准（除非被抽查）'
              : 'would be approved automatically (unless sampled)'
            : z
              ? `需要 ${r.totalStages} 级审批`
              : `would need ${r.totalStages} approval stage(s)`;
      const receipt = r.receiptRequired ? (z ? '，需要票据' : ', receipt required') : '';
      return z
        ? `测试（不写入任何数据）：${amount} ${verdict}${receipt}。`
        : `Dry run (nothing written): ${amount} ${verdict}${receipt}.`;
    }
  }
}
