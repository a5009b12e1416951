import type { JobRunKey, JobRunLedger } from '../../domain/ports/job-run-ledger.port.js';
import type { Tx } from '../../domain/ports/unit-of-work.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { jobRuns } from '../schema/index.js';

export function createDrizzleJobRunLedger(): JobRunLedger {
  return {
    async claim(tx: Tx, key: JobRunKey, claimedBy?: string) {
      const claimed = await executorOf(tx)
        .insert(jobRuns)
        .values({ ...key, claimedBy: claimedBy ?? null })
        .onConflictDoNothing()
        .returning({ job: jobRuns.job });
      return claimed.length > 0;
    },
  };
}
