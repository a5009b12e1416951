// The Conversation every platform talks to: who is speaking, in which language, whether they are answering a
// question Outlay asked, what they said (the grammar), and which use case that is. Adapters stay thin.
import { decodeActionId } from '../../../domain/messaging/action-id.js';
import type {
  Conversation,
  InboundAction,
  InboundFile,
  InboundMessage,
  InboundOrigin,
  Reply,
} from '../conversation.js';
import { parseCommand } from '../grammar/index.js';
import type { ClientContactSpeaker, ConversationDeps, OutsiderSpeaker } from './conversation-deps.js';
import { dispatchCommand } from './dispatch-command.js';
import { decideFromCard, decideFromPrompt } from './dispatch-decision.js';
import { receiveFile } from './dispatch-file.js';
import { showMyBudgets } from './dispatch-home.js';
import { contactReportReply } from './dispatch-report.js';
import { failureReply, privately } from './replies.js';
import { replyText } from './reply-text.js';

export function createConversation(deps: ConversationDeps): Conversation {
  return {
    async handleMessage(message) {
      const linking = await completeLinkFirst(deps, message);
      if (linking) return linking;
      const speaker = await deps.identify(message);
      if (speaker.kind === 'client-contact') {
        const parsed = parseCommand(message.text);
        if (parsed.ok && parsed.value.kind === 'report') {
          return contactReportReply(deps, speaker, message, parsed.value);
        }
      }
      if (speaker.kind !== 'member') return answerNonMember(speaker);
      const parsed = parseCommand(message.text);
      if (!parsed.ok) {
        // Not a command: it may answer the question Outlay asked last (a reason, what is missing).
        const answered = await decideFromPrompt(deps, speaker, message);
        if (answered) return answered;
        return failureReply(deps, speaker, parsed.error);
      }
      return dispatchCommand(deps, speaker, message, parsed.value);
    },

    async handleAction(action: InboundAction) {
      const speaker = await deps.identify(action);
      if (speaker.kind !== 'member') return answerNonMember(speaker);
      const decoded = decodeActionId(action.actionId);
      if (!decoded) return failureReply(deps, speaker, { code: 'ACTION_UNKNOWN' });
      return decideFromCard(deps, speaker, action, decoded);
    },

    async handleFile(file: InboundFile) {
      const speaker = await deps.identify(file);
      if (speaker.kind !== 'member') return answerNonMember(speaker);
      return receiveFile(deps, speaker, file);
    },

    async showMyBudgets(origin: InboundOrigin) {
      const speaker = await deps.identify(origin);
      if (speaker.kind !== 'member') return answerNonMember(speaker);
      return showMyBudgets(deps, speaker, origin);
    },
  };
}

/**
 * Client contacts see only their client's client-facing view (docs/product-rules.md §7): everything internal is
 * refused, and `report` answers with that view. Outsiders are told Outlay is not theirs to use here.
 */
function answerNonMember(speaker: ClientContactSpeaker | OutsiderSpeaker): Reply {
  const text = replyText(speaker.locale);
  if (speaker.kind === 'outsider') return privately(text.outsiderOnly);
  return privately(text.clientContactOnly);
}

/**
 * `link <code>` from an identity Outlay has never seen attaches it to the member who asked for the code. It must run
 * before the speaker is identified, because identifying an unknown identity makes it a new member of its own.
 */
async function completeLinkFirst(
  deps: ConversationDeps,
  message: InboundMessage,
): Promise<Reply | undefined> {
  // Someone from another organisation never joins this one through a link code.
  if (message.external === true) return undefined;
  const parsed = parseCommand(message.text);
  if (!parsed.ok || parsed.value.kind !== 'link' || parsed.value.code === undefined) return undefined;
  const result = await deps.useCases.completeLink({
    organisationId: message.organisationId ?? deps.organisationId,
    identity: message.identity,
    platform: message.platform,
    code: parsed.value.code,
    ...(message.requestId === undefined ? {} : { requestId: message.requestId }),
  });
  // A known identity is answered by the ordinary path (it says the account is linked already).
  if (!result.ok && result.error.code === 'IDENTITY_ALREADY_LINKED') return undefined;
  const speaker = await deps.identify(message);
  if (speaker.kind !== 'member') return answerNonMember(speaker);
  if (!result.ok) return failureReply(deps, speaker, result.error);
  return privately(replyText(speaker.locale).linked);
}
