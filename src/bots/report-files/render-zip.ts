import { type Zippable, zipSync } from 'fflate';
import type { ReceiptContentType } from '../../domain/ports/receipt-store.port.js';

const EXTENSIONS: Readonly<Record<ReceiptContentType, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};

export type ZipReceipt = {
  readonly expenseId: string;
  readonly contentType: ReceiptContentType;
  readonly bytes: Uint8Array;
};

/**
 * The CSV and the XLSX at the top, receipts under `receipts/` named by expense id (`ACME-7K3Q-1.jpg`), so a line
 * of the spreadsheet leads to its files. Receipts are stored, not deflated: photos and PDFs are compressed already.
 */
export function renderZip(input: {
  readonly baseName: string;
  readonly csv: Uint8Array;
  readonly xlsx: Uint8Array;
  readonly receipts: readonly ZipReceipt[];
  readonly modified: Date;
}): Uint8Array {
  const mtime = input.modified;
  const files: Zippable = {
    [`${input.baseName}.csv`]: [input.csv, { mtime }],
    [`${input.baseName}.xlsx`]: [input.xlsx, { level: 0, mtime }],
  };
  const counts = new Map<string, number>();
  for (const receipt of input.receipts) {
    const n = (counts.get(receipt.expenseId) ?? 0) + 1;
    counts.set(receipt.expenseId, n);
    files[`receipts/${receipt.expenseId}-${n}.${EXTENSIONS[receipt.contentType]}`] = [
      receipt.bytes,
      { level: 0, mtime },
    ];
  }
  return zipSync(files);
}
