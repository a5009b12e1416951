// Slack lets a response_url be used 5 times within 30 minutes of the request that carried it
// (docs.slack.dev/interactivity/handling-user-interaction). Outlay counts its own uses from the moment it first saw
// the URL; past either limit the answer goes through the Web API instead (chat.postEphemeral, or chat.postMessage
// for an answer meant for the channel). Counts live in this process: a URL first seen by another instance counts
// from when this one first sees it.
import type { Clock } from '../../domain/ports/clock.port.js';

export const RESPONSE_URL_USES = 5;
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;

export type ResponseUrlBudget = {
  /** The URL arrived with a request now. */
  seen(url: string): void;
  /** Takes one use; false when the URL has been used 5 times or is 30 minutes old. */
  take(url: string): boolean;
};

/** Expired URLs are remembered this long, so a form submitted hours after it was opened still falls back. */
const REMEMBERED_MS = 24 * 60 * 60_000;
const MAX_REMEMBERED = 20_000;

export function createResponseUrlBudget(clock: Clock): ResponseUrlBudget {
  const urls = new Map<string, { readonly since: number; uses: number }>();
  const sweep = (now: number) => {
    for (const [url, entry] of urls) {
      if (now - entry.since < REMEMBERED_MS && urls.size < MAX_REMEMBERED) break;
      urls.delete(url);
    }
  };
  const entryOf = (url: string, now: number) => {
    let entry = urls.get(url);
    if (entry === undefined) {
      entry = { since: now, uses: 0 };
      urls.set(url, entry);
    }
    return entry;
  };
  return {
    seen(url) {
      const now = clock.now().getTime();
      sweep(now);
      entryOf(url, now);
    },
    take(url) {
      const now = clock.now().getTime();
      const entry = entryOf(url, now);
      if (entry.uses >= RESPONSE_URL_USES || now - entry.since >= RESPONSE_URL_LIFETIME_MS) return false;
      entry.uses += 1;
      return true;
    },
  };
}
