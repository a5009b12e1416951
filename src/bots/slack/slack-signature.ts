// Slack's v0 request signing (api.slack.com "Verifying requests from Slack"): HMAC-SHA256 over `v0:<ts>:<raw body>`.
// Stricter than Bolt's own check, which accepts any timestamp from the future: a request more than five minutes
// off in either direction is refused, so a captured request cannot be replayed later or pre-signed for later.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SLACK_SIGNATURE_WINDOW_SECONDS = 300;

export type SlackSignatureInput = {
  readonly signingSecret: string;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly rawBody: string;
  readonly nowMs: number;
};

export type SlackSignatureCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing' | 'stale' | 'mismatch' };

/** `v0=<hex>` for a body signed at `timestamp` (what Slack sends; tests sign their requests with it). */
export const signSlackRequest = (signingSecret: string, timestamp: string, rawBody: string): string =>
  `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;

export const verifySlackSignature = (input: SlackSignatureInput): SlackSignatureCheck => {
  const { signature, timestamp } = input;
  if (signature === undefined || timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: 'missing' };
  }
  const skewSeconds = Math.abs(Math.floor(input.nowMs / 1000) - Number(timestamp));
  if (skewSeconds > SLACK_SIGNATURE_WINDOW_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signSlackRequest(input.signingSecret, timestamp, input.rawBody));
  const offered = Buffer.from(signature);
  // Lengths are compared first because timingSafeEqual throws on unequal lengths; the length is no secret.
  if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) {
    return { ok: false, reason: 'mismatch' };
  }
  return { ok: true };
};
