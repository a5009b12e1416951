// Exactly-once for scheduled and threshold-triggered work: the first to claim (job, period, target) does it.
export type JobRunKey = {
  readonly organisationId: string;
  readonly job: string;
  readonly periodKey: string;
  readonly target: string;
};

import type { Tx } from './unit-of-work.port.js';

export interface JobRunLedger {
  /** True for exactly one caller per key, across processes and restarts. */
  claim(tx: Tx, key: JobRunKey, claimedBy?: string): Promise<boolean>;
}
