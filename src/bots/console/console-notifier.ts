// The console's end of the outbox: there is no remote platform to call, so "delivering" is writing the card into
// the console transcript that the page polls. An update of an earlier card (`replaces` in the payload: a decided
// approval, an edit) rewrites that card in place, the way Slack's chat.update does.
import type { Card } from '../../domain/messaging/card.js';
import type {
  ChatNotifier,
  DeliveryOutcome,
  OutboundMessage,
} from '../../domain/ports/chat-notifier.port.js';
import type { ConsoleTranscript } from '../../domain/ports/console-transcript.port.js';
import type { UnitOfWork } from '../../domain/ports/unit-of-work.port.js';

export const CONSOLE_PLATFORM = 'console';

export type ConsoleNotifierOptions = {
  readonly uow: UnitOfWork;
  readonly transcript: ConsoleTranscript;
  /** The outbox message as a card; undefined when there is nothing to show for its kind. */
  readonly render: (message: OutboundMessage) => Promise<Card | undefined>;
  /** Called after each successful delivery (a post or an in-place update), e.g. to count them in tests. */
  readonly onDelivered?: (message: OutboundMessage, ref: ConsoleDeliveryRef) => void;
};

export type ConsoleDeliveryRef = { readonly seq: number; readonly replaced: boolean };

/** The dedupe key of the earlier message this one updates, if its payload names one. */
export const replacedKeyOf = (payload: unknown): string | undefined => {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const replaces = (payload as { readonly replaces?: unknown }).replaces;
  return typeof replaces === 'string' && replaces !== '' ? replaces : undefined;
};

export function createConsoleNotifier(options: ConsoleNotifierOptions): ChatNotifier {
  const { uow, transcript } = options;
  return {
    platform: CONSOLE_PLATFORM,
    async deliver(message): Promise<DeliveryOutcome> {
      const card = await options.render(message);
      if (card === undefined) {
        return { ok: false, permanent: true, error: `nothing to show for kind ${message.kind}` };
      }
      const replaces = replacedKeyOf(message.payload);
      const ref = await uow.run(async (tx): Promise<ConsoleDeliveryRef> => {
        if (replaces !== undefined) {
          const replaced = await transcript.replace(tx, message.organisationId, replaces, card);
          if (replaced) return { seq: replaced.seq, replaced: true };
        }
        // An update whose original never reached the console is shown as new, under the original's key, so the
        // updates after it land on this card instead of piling up.
        const posted = await transcript.post(tx, message.organisationId, {
          address: message.address,
          outboxId: message.id,
          dedupeKey: replaces ?? message.dedupeKey,
          kind: message.kind,
          card,
        });
        return { seq: posted.seq, replaced: false };
      });
      options.onDelivered?.(message, ref);
      return { ok: true, ref: { seq: ref.seq } };
    },
  };
}
