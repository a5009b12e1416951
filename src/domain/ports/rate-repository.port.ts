import type { CurrencyCode } from '../money/money.js';
import type { Tx } from './unit-of-work.port.js';

export type StoredRate = { readonly rate: string; readonly effectiveOn: string };

export interface RateRepository {
  /** The latest rate from → to quoted on or before `onOrBefore`. */
  latest(
    tx: Tx,
    organisationId: string,
    from: CurrencyCode,
    to: CurrencyCode,
    onOrBefore: string,
  ): Promise<StoredRate | undefined>;
}
