import type { Tx } from './unit-of-work.port.js';

/**
 * Per-organisation secrets for signing links, generated once and kept in the database so every instance (and
 * every restart) verifies the links the others signed.
 */
export interface SigningKeyStore {
  /**
   * The organisation's secret for `purpose`; when there is none yet, `candidate` is stored and returned. Two
   * instances racing both get the one that was stored first.
   */
  secretFor(tx: Tx, organisationId: string, purpose: string, candidate: string): Promise<string>;
  /** The secret if one was ever made; verifying a link must not create one for whatever organisation it names. */
  existingSecret(tx: Tx, organisationId: string, purpose: string): Promise<string | undefined>;
}
