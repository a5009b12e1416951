// One-time codes that link a second platform identity to a member: `link` on one platform shows a code,
// `link <code>` on the other claims it. Short-lived and single-use, because whoever types it becomes that member.
import { Temporal } from 'temporal-polyfill';
import { type Failure, fail, ok, type Result } from '../shared/result.js';

/** Crockford base32 without 0, 1 and the letters read as them: nothing to mistake when copying by eye. */
export const LINK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const LINK_CODE_LENGTH = 6;
export const LINK_CODE_TTL_MINUTES = 10;

/** An instant as ISO 8601 text with an offset, e.g. `2026-03-02T14:02:00Z`. */
export type IsoInstant = string;

export type IssuedLinkCode = { readonly code: string; readonly expiresAt: IsoInstant };

const drawIndex = (randomInt: (maxExclusive: number) => number, size: number): number => {
  const n = randomInt(size);
  if (!Number.isInteger(n) || n < 0 || n >= size) {
    throw new RangeError(`randomInt(${size}) returned ${n}, outside 0..${size - 1}`);
  }
  return n;
};

/** `randomInt(n)` must return an integer in [0, n) from a cryptographic source in production. */
export const generateLinkCode = (
  randomInt: (maxExclusive: number) => number,
  now: IsoInstant,
): IssuedLinkCode => {
  let code = '';
  for (let i = 0; i < LINK_CODE_LENGTH; i++) {
    code += LINK_CODE_ALPHABET[drawIndex(randomInt, LINK_CODE_ALPHABET.length)];
  }
  const expiresAt = Temporal.Instant.from(now).add({ minutes: LINK_CODE_TTL_MINUTES }).toString();
  return { code, expiresAt };
};

/** Case-insensitive, spaces and dashes ignored, full-width characters accepted; undefined if it cannot be a code. */
export const normaliseLinkCode = (text: string): string | undefined => {
  const code = text
    .normalize('NFKC')
    .replace(/[\s\-\u2010-\u2015\u2212]/g, '')
    .toUpperCase();
  if (code.length !== LINK_CODE_LENGTH) return undefined;
  for (const ch of code) if (!LINK_CODE_ALPHABET.includes(ch)) return undefined;
  return code;
};

export type StoredLinkCode = IssuedLinkCode & { readonly usedAt?: IsoInstant };

export type LinkCodeFailure = Failure<'LINK_CODE_INVALID' | 'LINK_CODE_EXPIRED' | 'LINK_CODE_USED'>;

/**
 * Checks a typed code against the stored one found for it (undefined when none was found).
 * Attempts should be rate-limited by the caller: 30^6 codes is plenty for ten minutes, not for unlimited tries.
 */
export const checkLinkCode = (input: {
  readonly typed: string;
  readonly stored: StoredLinkCode | undefined;
  readonly now: IsoInstant;
}): Result<void, LinkCodeFailure> => {
  const typed = normaliseLinkCode(input.typed);
  if (typed === undefined || input.stored === undefined || input.stored.code !== typed) {
    return fail('LINK_CODE_INVALID', { typed: input.typed });
  }
  if (input.stored.usedAt !== undefined) return fail('LINK_CODE_USED', { code: typed });
  const now = Temporal.Instant.from(input.now);
  if (Temporal.Instant.compare(now, Temporal.Instant.from(input.stored.expiresAt)) >= 0) {
    return fail('LINK_CODE_EXPIRED', { code: typed, expiresAt: input.stored.expiresAt });
  }
  return ok(undefined);
};
