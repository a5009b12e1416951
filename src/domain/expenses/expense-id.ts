// Expense ids read `ACME-7K3Q`: the client code in capitals, a dash, and a random Crockford base32 code.
// Random rather than sequential, so a client reading its own ids learns nothing about other clients' volume.
// Crockford's alphabet leaves out I, L, O and U, so an id read aloud or copied by hand survives the trip.

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const MIN_CODE_LENGTH = 4;
export const MAX_CODE_LENGTH = 12;

/** How many lengths `nextIdLength` walks through before a caller should suspect something other than bad luck. */
export const MAX_ID_ATTEMPTS = MAX_CODE_LENGTH - MIN_CODE_LENGTH + 1;

// Mirrors the client code rule (`[a-z0-9-]{2,32}`) in the capitals an id carries.
const CLIENT_CODE = /^[A-Z0-9-]{2,32}$/;

// Characters people type for a dash: hyphen, non-breaking hyphen, figure/en/em dashes, minus, full-width.
const DASHES = /[\u2010-\u2015\u2212\uFF0D]/g;

// Crockford decoding: letters that look like digits are read as those digits.
const LOOKALIKES: Readonly<Record<string, string>> = { I: '1', L: '1', O: '0' };

export type RandomInt = (maxExclusive: number) => number;

const drawSymbol = (randomInt: RandomInt): string => {
  const n = randomInt(CROCKFORD_ALPHABET.length);
  if (!Number.isInteger(n) || n < 0 || n >= CROCKFORD_ALPHABET.length) {
    throw new RangeError(`randomInt(${CROCKFORD_ALPHABET.length}) returned ${n}`);
  }
  return CROCKFORD_ALPHABET.charAt(n);
};

/**
 * A fresh id for an expense of `clientCode`. `randomInt(n)` returns an integer in [0, n) — cryptographic in
 * production, seeded in tests. Uniqueness is the repository's to check; on a collision retry with `nextIdLength`.
 */
export const generateExpenseId = (
  clientCode: string,
  randomInt: RandomInt,
  length = MIN_CODE_LENGTH,
): string => {
  const prefix = clientCode.toUpperCase();
  if (!CLIENT_CODE.test(prefix)) throw new RangeError(`Not a client code: ${JSON.stringify(clientCode)}`);
  if (!Number.isInteger(length) || length < MIN_CODE_LENGTH || length > MAX_CODE_LENGTH) {
    throw new RangeError(`An id code has ${MIN_CODE_LENGTH}..${MAX_CODE_LENGTH} characters, not ${length}`);
  }
  let code = '';
  for (let i = 0; i < length; i++) code += drawSymbol(randomInt);
  return `${prefix}-${code}`;
};

/**
 * The code length to try after `collisions` failed attempts: 4, then one longer per collision, up to 12.
 * Ids of different lengths never collide, and 32^4 codes per client make a collision rare enough that
 * growing at once costs less than a second try at the same length.
 */
export const nextIdLength = (collisions: number): number => {
  if (!Number.isInteger(collisions) || collisions < 0)
    throw new RangeError(`Not a collision count: ${collisions}`);
  return Math.min(MIN_CODE_LENGTH + collisions, MAX_CODE_LENGTH);
};

export type ParsedExpenseId = { readonly id: string; readonly clientCode: string; readonly code: string };

/**
 * Reads an id as a person typed it: any case, spaces anywhere, full-width characters, any dash, and
 * Crockford's look-alikes (I/L → 1, O → 0) in the code. `clientCode` comes back in lower case, as clients
 * are stored. Undefined when the text cannot be an id.
 */
export const parseExpenseId = (text: string): ParsedExpenseId | undefined => {
  const compact = text.normalize('NFKC').replace(DASHES, '-').replace(/\s+/g, '').toUpperCase();
  const dash = compact.lastIndexOf('-');
  if (dash < 0) return undefined;
  const prefix = compact.slice(0, dash);
  const typed = compact.slice(dash + 1);
  if (!CLIENT_CODE.test(prefix)) return undefined;
  if (typed.length < MIN_CODE_LENGTH || typed.length > MAX_CODE_LENGTH) return undefined;
  let code = '';
  for (const ch of typed) {
    const symbol = LOOKALIKES[ch] ?? ch;
    if (!CROCKFORD_ALPHABET.includes(symbol)) return undefined;
    code += symbol;
  }
  return { id: `${prefix}-${code}`, clientCode: prefix.toLowerCase(), code };
};

/** The canonical form of a typed id (`acme-7k3o` → `ACME-7K30`), or undefined. */
export const normaliseExpenseId = (text: string): string | undefined => parseExpenseId(text)?.id;
