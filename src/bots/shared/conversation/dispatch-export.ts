// `export @client[/project] [period] csv|xlsx|zip`: answers privately with a signed link that works for 30 days. In a
// conversation bound to the client's side the export is the client-facing one (approved billable lines only).
import type { ExportLink } from '../../../domain/exports/request-export.js';
import type { RequestContext } from '../../../domain/shared/request-context.js';
import type { CommandOf } from '../grammar/index.js';
import type { Locale } from '../i18n/locale.js';
import type { ConversationDeps, MemberSpeaker } from './conversation-deps.js';
import { failureReply, reply } from './replies.js';

const FORMAT_NAMES = { csv: 'CSV', xlsx: 'Excel (XLSX)', zip: 'ZIP' } as const;

/** `Acme (@acme)`, or `Acme · Website (@acme/website)` for one project's export. */
const subjectOf = (p: ExportLink) => ({
  name: p.project === undefined ? p.client.name : `${p.client.name} · ${p.project.name}`,
  ref: p.project === undefined ? `@${p.client.code}` : `@${p.client.code}/${p.project.code}`,
});

const TEXT: Readonly<Record<Locale, (p: ExportLink & { format: keyof typeof FORMAT_NAMES }) => string>> = {
  en: (p) =>
    `${FORMAT_NAMES[p.format]} export of ${subjectOf(p).name} (${subjectOf(p).ref}), ${p.period.start} – ${p.period.end}` +
    `${p.audience === 'client' ? ', client-facing: approved billable expenses only' : ''}` +
    `${p.format === 'zip' ? ', with receipts' : ''}:\n${p.url}\nThe link works for 30 days.`,
  'zh-CN': (p) =>
    `${subjectOf(p).name}（${subjectOf(p).ref}）${p.period.start} 至 ${p.period.end} 的 ${FORMAT_NAMES[p.format]} 导出` +
    `${p.audience === 'client' ? '（客户视图：仅含已批准的计费费用）' : ''}` +
    `${p.format === 'zip' ? '（含票据）' : ''}：\n${p.url}\n链接 30 天内有效。`,
};

export async function exportReply(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  ctx: RequestContext,
  command: CommandOf<'export'>,
) {
  const result = await deps.useCases.requestExport(ctx, {
    clientCode: command.client.client,
    projectCode: command.client.project,
    period: command.period?.key,
    kind: command.format,
    audience: speaker.inClientChannel ? 'client' : 'internal',
    locale: speaker.locale,
  });
  if (!result.ok) return failureReply(deps, speaker, result.error);
  return reply(speaker, TEXT[speaker.locale]({ ...result.value, format: command.format }));
}
