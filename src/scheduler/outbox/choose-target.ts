// An outbox address may name a person; the resolver lists where that person can be reached, best first, and the
// worker sends to the first of those a mounted platform can serve. One message, one delivery.
import { platformOfAddress } from '../../domain/ports/chat-notifier.port.js';
import type { ChatAddress } from '../../domain/ports/outbox.port.js';

export type TargetChoice =
  | { readonly ok: true; readonly address: ChatAddress; readonly platform: string }
  | { readonly ok: false; readonly error: string };

export const chooseTarget = (
  address: ChatAddress,
  candidates: readonly ChatAddress[],
  servedPlatforms: ReadonlySet<string>,
): TargetChoice => {
  if (candidates.length === 0) return { ok: false, error: `no chat address to reach ${address}` };
  for (const candidate of candidates) {
    const platform = platformOfAddress(candidate);
    if (servedPlatforms.has(platform)) return { ok: true, address: candidate, platform };
  }
  const platforms = [...new Set(candidates.map(platformOfAddress))].join(', ');
  return { ok: false, error: `no notifier for ${platforms} (to reach ${address})` };
};
