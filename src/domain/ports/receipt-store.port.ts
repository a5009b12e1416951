import type { ReceiptContentType, ReceiptRejectionCode } from '../receipts/detect-receipt-type.js';
import type { Failure, Result } from '../shared/result.js';

export type { ReceiptContentType, ReceiptRejectionCode } from '../receipts/detect-receipt-type.js';
// The limits and the sniffer live with the domain's receipt rules; re-exported so callers of the port
// can check a file (e.g. refuse an upload early) without knowing where the rules sit.
export {
  checkReceiptBytes,
  detectReceiptType,
  MAX_RECEIPT_BYTES,
  RECEIPT_CONTENT_TYPES,
} from '../receipts/detect-receipt-type.js';

export type StoredReceipt = {
  /** Opaque to callers: store it and hand it back to get/delete with the same organisation. */
  readonly key: string;
  /** SHA-256 of the bytes, lower-case hex; the same receipt sent twice has the same hash (duplicate detection). */
  readonly sha256: string;
  readonly sizeBytes: number;
  /** Sniffed from the bytes, never taken from the sender's declaration. */
  readonly contentType: ReceiptContentType;
};

export type PutReceiptInput = {
  readonly organisationId: string;
  readonly bytes: Uint8Array;
  /** What the platform said the file is; only used to explain a refusal. */
  readonly declaredType?: string;
  readonly fileName?: string;
};

/**
 * Receipt files, content-addressed per organisation: putting the same bytes twice stores one copy and
 * returns the same key. An organisation id that cannot safely name a folder or key prefix is a bug and throws.
 */
export interface ReceiptStore {
  put(input: PutReceiptInput): Promise<Result<StoredReceipt, Failure<ReceiptRejectionCode>>>;
  /** The bytes, or undefined when this organisation has no receipt under that key. */
  get(organisationId: string, key: string): Promise<Uint8Array | undefined>;
  /** Idempotent: deleting a missing receipt is not an error. */
  delete(organisationId: string, key: string): Promise<void>;
}
