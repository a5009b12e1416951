// WeCom asks senders to avoid :00 and :30 (doc 90236), exactly when scheduled reports fall due, so deliveries to
// WeCom are spread over the minutes after (docs/product-rules.md §6). A report or budget warning due in the first ten
// minutes of a half hour is held until a slot that depends only on its address (1–10 minutes in), so the groups of
// one deployment are served one after another, each always at the same minute, and two messages to one address keep
// their order. Outside those windows nothing is held. The answer is a function of message and time alone, so the
// outbox worker can ask again at every claim: once the slot has come it answers 0.
import type { OutboundMessage } from '../../domain/ports/chat-notifier.port.js';

/** The outbox kinds that are spread; everything else (approval cards, replies) goes at once. */
export const SPREAD_KINDS: ReadonlySet<string> = new Set(['report', 'budget-warning']);

const HALF_HOUR_MS = 30 * 60_000;
export const SPREAD_WINDOW_MS = 10 * 60_000;
const FIRST_SLOT_MS = 60_000;
const SLOT_STEP_MS = 1_000;

/** FNV-1a (32 bit): stable across processes and releases, unlike anything seeded. */
const hashOf = (text: string): number => {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
};

/** Where in the window an address gets its messages: 60 s … 599 s after :00 or :30, in whole seconds. */
export const spreadOffsetMs = (address: string): number =>
  FIRST_SLOT_MS + (hashOf(address) % ((SPREAD_WINDOW_MS - FIRST_SLOT_MS) / SLOT_STEP_MS)) * SLOT_STEP_MS;

/** How long to hold `message` from `now` (0: send now). Half hours are UTC's, which are Beijing's too. */
export const wecomFirstAttemptDelayMs = (message: OutboundMessage, now: Date): number => {
  if (!SPREAD_KINDS.has(message.kind)) return 0;
  const at = now.getTime();
  const windowStart = Math.floor(at / HALF_HOUR_MS) * HALF_HOUR_MS;
  if (at - windowStart >= SPREAD_WINDOW_MS) return 0;
  return Math.max(0, windowStart + spreadOffsetMs(message.address) - at);
};
