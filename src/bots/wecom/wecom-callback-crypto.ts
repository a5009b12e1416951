// Opening a WeCom callback (doc 90968): the signature over token/timestamp/nonce/ciphertext is checked first and in
// constant time, then the AES-256-CBC envelope is decrypted and its receive id must be our corp id. @wecom/crypto
// does neither the comparison nor the receive-id check, and it turns tampered input into garbage rather than an
// error, so every step here refuses explicitly.
import { timingSafeEqual } from 'node:crypto';
import { decrypt, getSignature } from '@wecom/crypto';

export type WecomCryptoKeys = {
  readonly token: string;
  readonly encodingAesKey: string;
  readonly corpId: string;
};

export type SignedQuery = {
  readonly msgSignature: string;
  readonly timestamp: string;
  readonly nonce: string;
};

export type OpenRefusal = 'BAD_SIGNATURE' | 'BAD_CIPHERTEXT' | 'WRONG_RECEIVER';

export type Opened =
  | { readonly ok: true; readonly message: string }
  | { readonly ok: false; readonly refusal: OpenRefusal };

const SHA1_HEX = /^[0-9a-f]{40}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Random (16) + length (4) + at least a one-byte receive id, padded to a multiple of 32. */
const MIN_PLAIN_BYTES = 32;

/** True when `signature` is the sha1 WeCom computes over the four values (compared in constant time). */
export const isWecomSignatureValid = (token: string, query: SignedQuery, ciphertext: string): boolean => {
  const offered = query.msgSignature.toLowerCase();
  if (!SHA1_HEX.test(offered)) return false;
  const expected = getSignature(token, query.timestamp, query.nonce, ciphertext);
  return timingSafeEqual(Buffer.from(offered, 'latin1'), Buffer.from(expected, 'latin1'));
};

const decryptStrictly = (encodingAesKey: string, ciphertext: string) => {
  if (!BASE64.test(ciphertext)) return undefined;
  const bytes = Buffer.from(ciphertext, 'base64').length;
  if (bytes < MIN_PLAIN_BYTES || bytes % 32 !== 0) return undefined;
  try {
    // A length field pointing past the end leaves an empty receive id, which the corp-id check refuses.
    return decrypt(encodingAesKey, ciphertext);
  } catch {
    return undefined;
  }
};

/** Verifies, decrypts and checks the receive id of one callback ciphertext (`echostr` or `<Encrypt>`). */
export const openWecomCiphertext = (
  keys: WecomCryptoKeys,
  query: SignedQuery,
  ciphertext: string,
): Opened => {
  if (!isWecomSignatureValid(keys.token, query, ciphertext)) return { ok: false, refusal: 'BAD_SIGNATURE' };
  const opened = decryptStrictly(keys.encodingAesKey, ciphertext);
  if (opened === undefined) return { ok: false, refusal: 'BAD_CIPHERTEXT' };
  const receiver = Buffer.from(opened.id);
  const corp = Buffer.from(keys.corpId);
  if (receiver.length !== corp.length || !timingSafeEqual(receiver, corp)) {
    return { ok: false, refusal: 'WRONG_RECEIVER' };
  }
  return { ok: true, message: opened.message };
};
