// `report @client [period]` (docs/product-rules.md §6, §7): the report card, with its export and chart links. The use
// case decides the audience from where it was asked; a client-facing report is posted in that channel, in the
// channel's language, and an internal one goes to the asker unless it was asked in the client's own internal
// channel.
import { renderReportCard } from '../../../domain/messaging/render-report-card.js';
import type { ReportReader } from '../../../domain/reports/show-report.js';
import type { InboundMessage, Reply } from '../conversation.js';
import type { CommandOf } from '../grammar/index.js';
import type { ClientContactSpeaker, ConversationDeps, MemberSpeaker } from './conversation-deps.js';
import { failureReply } from './replies.js';

/**
 * A client contact's `report` in their client's channel (docs/product-rules.md §7): the client-facing view, posted
 * there. The permission table refuses any other client, and asking anywhere else never reaches this (they are not
 * contacts).
 */
export async function contactReportReply(
  deps: ConversationDeps,
  speaker: ClientContactSpeaker,
  message: InboundMessage,
  command: CommandOf<'report'>,
): Promise<Reply> {
  const reader: ReportReader = {
    organisationId: speaker.organisationId,
    actor: { kind: 'client-contact', clientId: speaker.clientId, contactId: message.identity },
    sourceAddress: message.address,
  };
  return reportReply(deps, speaker, reader, message, command);
}

/** The report card, as the reader may see it from where they asked. */
export async function reportReply(
  deps: ConversationDeps,
  speaker: MemberSpeaker | ClientContactSpeaker,
  reader: ReportReader,
  message: InboundMessage,
  command: CommandOf<'report'>,
): Promise<Reply> {
  const result = await deps.useCases.showReport(reader, {
    clientCode: command.client.client,
    projectCode: command.client.project,
    period: command.period?.key,
    address: message.address,
    locale: speaker.locale,
  });
  if (!result.ok) return failureReply(deps, speaker, result.error);
  const { report, visibility, locale, links } = result.value;
  return { visibility, cards: [renderReportCard({ report, locale, links })] };
}
