import type { LifecycleDeps } from '../expenses/lifecycle/lifecycle-deps.js';
import type { ReceiptStore } from '../ports/receipt-store.port.js';

/** The lifecycle's ports plus where receipt files go (local disk or an S3-compatible bucket). */
export type ReceiptDeps = LifecycleDeps & { readonly receiptStore: ReceiptStore };
