// The shapes of Outlay's answers: a private note, a localised refusal, a confirmation that respects channels
// shared with the client (docs/product-rules.md §7).
import type { Card } from '../../../domain/messaging/card.js';
import { renderTextCard } from '../../../domain/messaging/render-text-card.js';
import type { Failure } from '../../../domain/shared/result.js';
import type { Reply } from '../conversation.js';
import { presentFailure } from '../i18n/present-failure.js';
import type { ConversationDeps, MemberSpeaker, Speaker } from './conversation-deps.js';
import { replyText } from './reply-text.js';

export function privately(text: string, cards: readonly Card[] = []): Reply {
  return { visibility: 'private', cards: [renderTextCard(text), ...cards] };
}

export function failureReply(
  deps: Pick<ConversationDeps, 'displayTimeZone'>,
  speaker: Speaker,
  failure: Failure,
): Reply {
  const text = presentFailure(failure, speaker.locale, {
    ...(speaker.kind === 'member' ? { nameOf: (id: string) => speaker.names.get(id) } : {}),
    timeZone: deps.displayTimeZone,
  });
  return { visibility: 'private', cards: [renderTextCard(text, { tone: 'warning' })] };
}

/** A confirmation; in a channel shared with the client it says that only the sender sees it. */
export function reply(speaker: MemberSpeaker, text: string, cards: Reply['cards'] = []): Reply {
  const lines = speaker.inClientChannel
    ? `${replyText(speaker.locale).privateInClientChannel}\n${text}`
    : text;
  return { visibility: 'private', cards: [renderTextCard(lines, { tone: 'success' }), ...cards] };
}
