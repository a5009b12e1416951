// A receipt's type is decided by its first bytes, never by the name or type a chat platform reports:
// platforms disagree ("image/jpg", "application/octet-stream") and a sender can label anything "image/png".
import { type Failure, fail, ok, type Result } from '../shared/result.js';

/** docs/product-rules.md §3: at most 10 MB per receipt. */
export const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;

export const RECEIPT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'] as const;
export type ReceiptContentType = (typeof RECEIPT_CONTENT_TYPES)[number];

export type ReceiptRejectionCode = 'RECEIPT_TOO_LARGE' | 'RECEIPT_TYPE_NOT_ALLOWED' | 'RECEIPT_EMPTY';

const JPEG_MAGIC = [0xff, 0xd8, 0xff] as const;
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d] as const; // "%PDF-"
const FTYP = [0x66, 0x74, 0x79, 0x70] as const; // "ftyp"

// Major brands of HEIF images as iPhones and Android cameras write them. AVIF shares the container
// (major brand "avif", with "mif1" only among the compatible brands), which is why only the major brand counts.
const HEIC_BRANDS: ReadonlySet<string> = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1']);

const startsWith = (bytes: Uint8Array, magic: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + magic.length && magic.every((byte, i) => bytes[offset + i] === byte);

const readAscii = (bytes: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...bytes.subarray(from, to));

const isHeic = (bytes: Uint8Array): boolean => {
  // ISO BMFF: the file opens with a box [size u32 BE]["ftyp"][major brand][minor version][compatible brands…].
  if (bytes.length < 16 || !startsWith(bytes, FTYP, 4)) return false;
  const boxSize = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (boxSize < 16) return false;
  return HEIC_BRANDS.has(readAscii(bytes, 8, 12));
};

/** The receipt type the bytes really are, or undefined when they are none of the allowed ones. */
export const detectReceiptType = (bytes: Uint8Array): ReceiptContentType | undefined => {
  if (startsWith(bytes, JPEG_MAGIC)) return 'image/jpeg';
  if (startsWith(bytes, PNG_MAGIC)) return 'image/png';
  if (startsWith(bytes, PDF_MAGIC)) return 'application/pdf';
  if (isHeic(bytes)) return 'image/heic';
  return undefined;
};

/**
 * Admits a receipt before anything is stored. The sniffed type wins over the declared one (a JPEG sent
 * as "application/octet-stream" is still a JPEG); the declared type and file name only explain a refusal.
 */
export const checkReceiptBytes = (input: {
  readonly bytes: Uint8Array;
  readonly declaredType?: string;
  readonly fileName?: string;
}): Result<ReceiptContentType, Failure<ReceiptRejectionCode>> => {
  const { bytes } = input;
  if (bytes.length === 0) return fail('RECEIPT_EMPTY');
  if (bytes.length > MAX_RECEIPT_BYTES) {
    return fail('RECEIPT_TOO_LARGE', { sizeBytes: bytes.length, maxBytes: MAX_RECEIPT_BYTES });
  }
  const contentType = detectReceiptType(bytes);
  if (contentType === undefined) {
    return fail('RECEIPT_TYPE_NOT_ALLOWED', {
      declaredType: input.declaredType ?? null,
      fileName: input.fileName ?? null,
      allowed: RECEIPT_CONTENT_TYPES.join(', '),
    });
  }
  return ok(contentType);
};
