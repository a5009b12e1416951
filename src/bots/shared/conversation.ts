// The one contract between a platform adapter and Outlay: an adapter verifies and normalises what arrived (a message,
// a button click, a file) into these shapes, hands it to the Conversation, and renders the neutral cards it gets back.
// Everything in between — grammar, permissions, use cases, wording — is the same on every platform.
import type { Card } from '../../domain/messaging/card.js';

export type Platform = 'console' | 'slack' | 'teams' | 'wecom';

type Inbound = {
  readonly platform: Platform;
  /** The sender's platform identity, e.g. `console:alice`, `slack:T1:U2`. */
  readonly identity: string;
  /** A display name the platform gave us, used when the person is seen for the first time. */
  readonly displayName?: string;
  /** Where it was said: a channel or a direct conversation, as a chat address (`console:#acme-team`). */
  readonly address: string;
  readonly requestId?: string;
  /** Platform retries and double clicks carry the same key; the second time changes nothing. */
  readonly idempotencyKey?: string;
  /**
   * The organisation the platform says this came from (a Slack workspace installed through OAuth is one of its
   * own); absent: the deployment's organisation.
   */
  readonly organisationId?: string;
  /**
   * The platform says the sender belongs to another organisation (a Slack Connect user from another workspace, a
   * Teams guest): in a client-facing conversation they are that client's contact, and never a member of the firm.
   */
  readonly external?: boolean;
};

/** What every inbound shape has: who, where, and for which organisation. */
export type InboundOrigin = Inbound;

export type InboundMessage = Inbound & { readonly text: string };

export type InboundAction = Inbound & {
  /** The opaque action id from the card (see src/domain/messaging/action-id.ts). */
  readonly actionId: string;
  /** What a form on the button collected: a reason, or an amount with its comment. */
  readonly input?: { readonly reason?: string; readonly amount?: string };
};

export type InboundFile = Inbound & {
  readonly bytes: Uint8Array;
  readonly fileName?: string;
  readonly declaredType?: string;
  /** The message text sent with the file, if any (e.g. `receipt ACME-7K3Q`). */
  readonly text?: string;
};

/**
 * What to show. `private` replies go only to the sender (Slack ephemeral, Teams/WeCom 1:1) — always the case in a
 * client-facing channel unless the card is meant for the client (docs/product-rules.md §7); `channel` replies are
 * posted where the request was made.
 */
export type Reply = {
  readonly visibility: 'private' | 'channel';
  readonly cards: readonly Card[];
  /**
   * After a click that decided an approval card: that card as every copy of it now reads (the outcome, no
   * buttons). A platform that answers a click with the card to show in its place (Teams' invoke response) uses it.
   */
  readonly settled?: Card;
};

export interface Conversation {
  handleMessage(message: InboundMessage): Promise<Reply>;
  handleAction(action: InboundAction): Promise<Reply>;
  handleFile(file: InboundFile): Promise<Reply>;
  /** The budget status of the speaker's clients, for a home surface such as Slack's App Home. */
  showMyBudgets?(origin: InboundOrigin): Promise<Reply>;
}
