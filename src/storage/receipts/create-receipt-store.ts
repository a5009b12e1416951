import type { ReceiptStore } from '../../domain/ports/receipt-store.port.js';
import { createDiskReceiptStore, type DiskReceiptStoreOptions } from './disk-receipt-store.js';
import { createS3ReceiptStore, type S3ReceiptStoreOptions } from './s3-receipt-store.js';

export type ReceiptStoreOptions =
  | ({ readonly kind: 'disk' } & DiskReceiptStoreOptions)
  | ({ readonly kind: 's3' } & S3ReceiptStoreOptions);

/** Local disk under DATA_DIR by default; an S3-compatible bucket when RECEIPTS_S3_* is configured. */
export const createReceiptStore = (options: ReceiptStoreOptions): ReceiptStore => {
  switch (options.kind) {
    case 'disk':
      return createDiskReceiptStore({ dir: options.dir });
    case 's3': {
      const { kind: _kind, ...s3 } = options;
      return createS3ReceiptStore(s3);
    }
  }
};
