// The last step of the transactional outbox: one notifier per chat platform sends a message the worker has
// claimed and says how it went. The worker, not the notifier, decides what happens next (retry, pause, give up),
// so notifiers stay thin translations of a platform's answer.
import type { PlatformIdentity } from '../people/platform-identity.js';
import type { ChatAddress } from './outbox.port.js';

export type OutboundMessage = {
  readonly organisationId: string;
  /** The outbox row's id. */
  readonly id: string;
  /** A platform address (never `member:`): the worker resolves people before it calls a notifier. */
  readonly address: ChatAddress;
  readonly kind: string;
  readonly payload: unknown;
  /** Stable across retries, so a platform that accepts an idempotency key can drop a repeat. */
  readonly dedupeKey: string;
  /** 1 for the first try; counts every claim, including one whose worker died before answering. */
  readonly attempt: number;
};

export type DeliveryOutcome =
  /** `ref` is whatever the platform answered that a later update of the same message needs (ts, activity id…). */
  | { readonly ok: true; readonly ref?: unknown }
  | {
      readonly ok: false;
      /** The platform said when to come back (HTTP 429 with Retry-After): the address pauses until then. */
      readonly retryAfterMs?: number;
      /** A 4xx that no retry can fix (channel gone, bot removed, malformed payload). */
      readonly permanent?: boolean;
      readonly error: string;
    };

export interface ChatNotifier {
  /** The address prefix this notifier serves: `slack`, `teams`, `wecom`, `console`. */
  readonly platform: string;
  /** May throw; a throw is treated as a retryable failure. */
  deliver(message: OutboundMessage): Promise<DeliveryOutcome>;
  /**
   * How long to hold a message back, from `now`, before its first try — a platform that must not be hit in bursts
   * (WeCom at :00 and :30) spreads scheduled messages over the minutes after. 0 or absent: send now. Asked again at
   * every first try, so an answer must reach 0 once its moment has come (a pure function of message and time).
   */
  firstAttemptDelayMs?(message: OutboundMessage, now: Date): number;
}

/**
 * Turns an outbox address into the platform addresses it may be delivered to, in order of preference.
 * A platform address resolves to itself; `member:<id>` resolves to that member's direct-message addresses
 * (see `directMessageAddress`), earliest-linked identity first. An empty answer means nobody can be reached.
 */
export interface AddressResolver {
  resolve(organisationId: string, address: ChatAddress): Promise<readonly ChatAddress[]>;
}

export const MEMBER_ADDRESS_PREFIX = 'member:';

/** The platform an address belongs to: the text before its first colon (`slack:T1:C2` → `slack`). */
export const platformOfAddress = (address: ChatAddress): string => {
  const colon = address.indexOf(':');
  return colon < 0 ? address : address.slice(0, colon);
};

/**
 * Where a direct message to a linked identity goes. Slack needs no marker: `chat.postMessage` to a user id opens
 * the app's DM (`slack:T1:U2` → `slack:T1:U2`). Elsewhere user ids and conversation ids can look alike, so an `@`
 * before the user says "this person": `teams:<aad id>` → `teams:@<aad id>` (a 1:1 conversation the Teams notifier
 * opens), `wecom:<corp>:<user>` → `wecom:<corp>:@<user>` (an app message `touser`), `console:alice` →
 * `console:@alice`.
 */
export const directMessageAddress = (identity: PlatformIdentity): ChatAddress => {
  switch (identity.platform) {
    case 'slack':
      return `slack:${identity.workspace ?? ''}:${identity.userId}`;
    case 'wecom':
      return `wecom:${identity.workspace ?? ''}:@${identity.userId}`;
    case 'teams':
    case 'console':
      return `${identity.platform}:@${identity.userId}`;
  }
};
