// Both stores build paths and object keys from these two names, so they are checked here once:
// a name that could climb out of its folder or prefix ("../x", "a/b") never reaches the file system or S3.
import { createHash } from 'node:crypto';

const ORGANISATION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const RECEIPT_KEY = /^[0-9a-f]{64}$/;

export const assertSafeOrganisationId = (organisationId: string): void => {
  if (!ORGANISATION_ID.test(organisationId)) {
    throw new RangeError(`Unsafe organisation id for the receipt store: ${JSON.stringify(organisationId)}`);
  }
};

/** Keys are the receipt's SHA-256 in hex; anything else was never handed out by a store. */
export const assertReceiptKey = (key: string): void => {
  if (!RECEIPT_KEY.test(key)) {
    throw new RangeError(`Not a receipt key: ${JSON.stringify(key)}`);
  }
};

export const hashReceipt = (bytes: Uint8Array): { readonly hex: string; readonly base64: string } => {
  const digest = createHash('sha256').update(bytes).digest();
  return { hex: digest.toString('hex'), base64: digest.toString('base64') };
};
