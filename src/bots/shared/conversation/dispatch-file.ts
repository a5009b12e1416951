// A file sent to Outlay: a receipt for the expense named with it (`receipt <id>` in the same message, or just
// before), or else for the sender's latest pending expense of the last 30 minutes (docs/product-rules.md §3).
import type { InboundFile, Reply } from '../conversation.js';
import { parseCommand } from '../grammar/index.js';
import type { ConversationDeps, MemberSpeaker } from './conversation-deps.js';
import { contextOf } from './dispatch-decision.js';
import { failureReply, reply } from './replies.js';
import { replyText } from './reply-text.js';

export async function receiveFile(
  deps: ConversationDeps,
  speaker: MemberSpeaker,
  file: InboundFile,
): Promise<Reply> {
  const named = namedExpense(file.text);
  const prompt = named
    ? undefined
    : await deps.prompts.pending(speaker.organisationId, speaker.actor.memberId);
  const expenseId = named ?? (prompt?.kind === 'receipt' ? String(prompt.payload.expenseId) : undefined);
  const result = await deps.useCases.attachReceipt(contextOf(speaker, file), {
    ...(expenseId === undefined ? {} : { expenseId }),
    bytes: file.bytes,
    ...(file.fileName === undefined ? {} : { fileName: file.fileName }),
    ...(file.declaredType === undefined ? {} : { declaredType: file.declaredType }),
  });
  if (!result.ok) {
    if (result.error.code === 'NO_RECENT_PENDING_EXPENSE')
      return reply(speaker, replyText(speaker.locale).whichExpense);
    return failureReply(deps, speaker, result.error);
  }
  if (prompt?.kind === 'receipt') await deps.prompts.clear(speaker.organisationId, speaker.actor.memberId);
  return reply(speaker, replyText(speaker.locale).receiptAttached({ id: result.value.expenseId }));
}

function namedExpense(text: string | undefined): string | undefined {
  if (!text?.trim()) return undefined;
  const parsed = parseCommand(text);
  return parsed.ok && parsed.value.kind === 'receipt' ? parsed.value.expenseId : undefined;
}
