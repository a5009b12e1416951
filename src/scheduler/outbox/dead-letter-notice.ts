// When a message is given up on, the organisation's admin channel is told once. The notice is itself an outbox
// message; if it dies too, nobody is told about that, or one dead channel would feed itself forever.
import type { ClaimedMessage, DeadLetterNotice } from '../../domain/ports/outbox-delivery.port.js';

export const DEAD_LETTER_KIND = 'dead-letter';

export type DeadLetterPayload = {
  readonly messageId: string;
  readonly kind: string;
  readonly address: string;
  readonly dedupeKey: string;
  readonly attempts: number;
  readonly error: string;
  /** ISO instant the worker gave up. */
  readonly diedAt: string;
};

export const deadLetterNoticeFor = (
  message: ClaimedMessage,
  error: string,
  diedAt: Date,
): DeadLetterNotice | undefined => {
  if (message.kind === DEAD_LETTER_KIND) return undefined;
  const payload: DeadLetterPayload = {
    messageId: message.id,
    kind: message.kind,
    address: message.address,
    dedupeKey: message.dedupeKey,
    attempts: message.attempts,
    error,
    diedAt: diedAt.toISOString(),
  };
  return { dedupeKey: `${DEAD_LETTER_KIND}:${message.id}`, kind: DEAD_LETTER_KIND, payload };
};
