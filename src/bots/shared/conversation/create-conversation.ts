// The Conversation every platform talks to: who is speaking, in which language, whether they are answering a
// question Outlay asked, what they said (the grammar), and which use case that is. Adapters stay thin.
import { decodeActionId } from '../../../domain/messaging/action-id.js';
import type { Conversation, InboundAction, InboundFile } from '../conversation.js';
import { parseCommand } from '../grammar/index.js';
import type { ConversationDeps } from './conversation-deps.js';
import { dispatchCommand } from './dispatch-command.js';
import { decideFromCard, decideFromPrompt } from './dispatch-decision.js';
import { receiveFile } from './dispatch-file.js';
import { failureReply, privately } from './replies.js';
import { replyText } from './reply-text.js';

export function createConversation(deps: ConversationDeps): Conversation {
  return {
    async handleMessage(message) {
      const speaker = await deps.identify(message);
      if (speaker.kind === 'client-contact') return privately(replyText(speaker.locale).clientContactOnly);
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
      if (speaker.kind === 'client-contact') return privately(replyText(speaker.locale).clientContactOnly);
      const decoded = decodeActionId(action.actionId);
      if (!decoded) return failureReply(deps, speaker, { code: 'ACTION_UNKNOWN' });
      return decideFromCard(deps, speaker, action, decoded);
    },

    async handleFile(file: InboundFile) {
      const speaker = await deps.identify(file);
      if (speaker.kind === 'client-contact') return privately(replyText(speaker.locale).clientContactOnly);
      return receiveFile(deps, speaker, file);
    },
  };
}
