// The local web console is a chat platform whose server is Outlay itself, so what its channels and direct
// messages show has to be kept somewhere: here. The console notifier writes when the outbox delivers; the page
// reads by polling, with a cursor on the time a message was last written so that a card updated in place
// (an approval that was decided) reaches every page that already shows it.
import type { Card } from '../messaging/card.js';
import type { ChatAddress } from './outbox.port.js';
import type { Tx } from './unit-of-work.port.js';

export type ConsoleMessageInput = {
  /** `console:#acme-team` for a channel, `console:@alice` for a person. */
  readonly address: ChatAddress;
  /** The outbox message that put it here. */
  readonly outboxId?: string;
  /** Names the message for a later in-place update; a second post under the same key is a redelivery. */
  readonly dedupeKey?: string;
  readonly kind: string;
  readonly card: Card;
};

export type ConsoleMessage = {
  readonly seq: number;
  readonly address: ChatAddress;
  readonly kind: string;
  readonly card: Card;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};

export type ConsoleFeed = {
  /** In `seq` order (the order they were first posted). */
  readonly messages: readonly ConsoleMessage[];
  /** The latest `updatedAt` among `messages`; the `since` that was asked for when there are none. */
  readonly cursor: Date | undefined;
};

/** Someone one can be in the console: an internal member, or a client's contact. */
export type ConsolePerson = {
  /** The platform identity, `console:alice`. */
  readonly identity: string;
  /** What follows `console:`: the page's `as`, and the name in the person's direct address `console:@alice`. */
  readonly name: string;
  readonly displayName: string;
  readonly kind: 'member' | 'client-contact';
  /** Granted roles; empty for a plain member and for client contacts. */
  readonly roles: readonly ('admin' | 'finance')[];
  /** Codes of the clients whose approver lists name this member. */
  readonly approverFor: readonly string[];
  /** The contact's client; undefined for members. */
  readonly clientCode: string | undefined;
};

/** A console channel bound to a client (or the admin channel, whose client is undefined). */
export type ConsoleChannel = {
  readonly address: ChatAddress;
  readonly audience: 'internal' | 'client' | 'admin';
  readonly clientCode: string | undefined;
  readonly clientName: string | undefined;
};

export type ConsoleDirectory = {
  readonly people: readonly ConsolePerson[];
  readonly channels: readonly ConsoleChannel[];
};

export const CONSOLE_IDENTITY_PREFIX = 'console:';

/** Client contacts have no member row yet: one stand-in per client lets the console try client-facing flows. */
export const clientContactName = (clientCode: string): string => `contact-${clientCode}`;

export interface ConsoleTranscript {
  /**
   * Appends a message. A post under a dedupe key already present (an outbox redelivery after a lost lease)
   * writes nothing and answers the first one's seq.
   */
  post(tx: Tx, organisationId: string, message: ConsoleMessageInput): Promise<{ readonly seq: number }>;
  /**
   * Replaces the card of the message first posted under `dedupeKey` and moves its `updatedAt`, so pages that
   * show it pick the new card up. Undefined when no such message exists.
   */
  replace(
    tx: Tx,
    organisationId: string,
    dedupeKey: string,
    card: Card,
  ): Promise<{ readonly seq: number } | undefined>;
  /**
   * Messages at `addresses` written (posted or replaced) after `since`, at most `limit` of them — the earliest
   * written first, so a cursor never skips past one — returned in seq order. Without `since`: the latest
   * `limit` messages.
   */
  read(
    tx: Tx,
    organisationId: string,
    addresses: readonly ChatAddress[],
    since: Date | undefined,
    limit: number,
  ): Promise<ConsoleFeed>;
  /** Who one can be in the console, and the console channels that are bound. */
  people(tx: Tx, organisationId: string): Promise<ConsoleDirectory>;
}
