import type { PolicySettings } from '../policy/policy-settings.js';
import type { Tx } from './unit-of-work.port.js';

export interface PolicyRepository {
  /** The organisation's settings and, when `clientId` is given, the client's. */
  settings(
    tx: Tx,
    organisationId: string,
    clientId?: string,
  ): Promise<{ readonly organisation?: PolicySettings; readonly client?: PolicySettings }>;
}
