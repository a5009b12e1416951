// Receipt rows: which stored file (by key and SHA-256) belongs to which expense. The bytes live behind the
// ReceiptStore; these rows are what duplicate detection, counts and exports read.
import type { MemberId } from '../people/actor.js';
import type { ReceiptContentType } from './receipt-store.port.js';
import type { Tx } from './unit-of-work.port.js';

export type ReceiptRecord = {
  readonly id: string;
  readonly expenseId: string;
  /** The ReceiptStore key; content-addressed, so two rows may share one. */
  readonly storageKey: string;
  /** Lower-case hex SHA-256 of the bytes. */
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly contentType: ReceiptContentType;
  readonly fileName?: string | undefined;
  readonly uploadedBy: MemberId;
  readonly createdAt: Date;
};

export type NewReceiptRecord = Omit<ReceiptRecord, 'createdAt'>;

export interface ReceiptRepository {
  insert(tx: Tx, organisationId: string, receipt: NewReceiptRecord): Promise<void>;
  /** The expense's receipts, oldest first. */
  forExpense(tx: Tx, organisationId: string, expenseId: string): Promise<readonly ReceiptRecord[]>;
}
