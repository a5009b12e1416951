// What the scheduler reads on every tick: which organisations exist and which channel bindings carry a report
// schedule, with their client's time zone. Read afresh each time, so a changed schedule applies without a restart.
import type { Tx } from './unit-of-work.port.js';

export type ScheduledBinding = {
  readonly organisationId: string;
  readonly bindingId: string;
  readonly clientId: string;
  readonly clientCode: string;
  /** As stored on the binding: `weekly`, `monthly` or five cron fields. */
  readonly schedule: string;
  /** The client's IANA time zone: the schedule and the covered dates are read in it. */
  readonly timeZone: string;
  /** Occurrences before this instant are not the binding's to report. */
  readonly createdAt: Date;
};

export interface SchedulerDirectory {
  organisations(tx: Tx): Promise<readonly string[]>;
  /** Bindings of active clients with a schedule, optionally for one client only. */
  scheduledBindings(tx: Tx, organisationId: string, clientId?: string): Promise<readonly ScheduledBinding[]>;
  /** The id of the client with this code (already normalised: lower case, no `@`). */
  clientIdByCode(tx: Tx, organisationId: string, code: string): Promise<string | undefined>;
}
