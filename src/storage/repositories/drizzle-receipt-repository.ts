import { and, asc, eq } from 'drizzle-orm';
import type { ReceiptRecord, ReceiptRepository } from '../../domain/ports/receipt-repository.port.js';
import { RECEIPT_CONTENT_TYPES, type ReceiptContentType } from '../../domain/ports/receipt-store.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { receipts } from '../schema/index.js';

const asContentType = (text: string): ReceiptContentType => {
  // Rows are written only from what the store sniffed; anything else means the table was edited by hand.
  if (!(RECEIPT_CONTENT_TYPES as readonly string[]).includes(text)) {
    throw new RangeError(`Unexpected receipt content type in storage: ${JSON.stringify(text)}`);
  }
  return text as ReceiptContentType;
};

export function createDrizzleReceiptRepository(): ReceiptRepository {
  return {
    async insert(tx, organisationId, receipt) {
      await executorOf(tx)
        .insert(receipts)
        .values({
          organisationId,
          id: receipt.id,
          expenseId: receipt.expenseId,
          storageKey: receipt.storageKey,
          sha256: receipt.sha256,
          sizeBytes: receipt.sizeBytes,
          contentType: receipt.contentType,
          fileName: receipt.fileName ?? null,
          uploadedBy: receipt.uploadedBy,
        });
    },

    async forExpense(tx, organisationId, expenseId) {
      const rows = await executorOf(tx)
        .select()
        .from(receipts)
        .where(and(eq(receipts.organisationId, organisationId), eq(receipts.expenseId, expenseId)))
        .orderBy(asc(receipts.createdAt), asc(receipts.id));
      return rows.map(
        (row): ReceiptRecord => ({
          id: row.id,
          expenseId: row.expenseId,
          storageKey: row.storageKey,
          sha256: row.sha256,
          sizeBytes: row.sizeBytes,
          contentType: asContentType(row.contentType),
          ...(row.fileName === null ? {} : { fileName: row.fileName }),
          uploadedBy: row.uploadedBy,
          createdAt: row.createdAt,
        }),
      );
    },
  };
}
