import { and, eq } from 'drizzle-orm';
import type { SigningKeyStore } from '../../domain/ports/signing-key-store.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { signingKeys } from '../schema/index.js';

export function createDrizzleSigningKeyStore(): SigningKeyStore {
  return {
    async secretFor(tx, organisationId, purpose, candidate) {
      const db = executorOf(tx);
      // Insert-or-keep, then read: whichever instance stored first wins, and everyone reads that one.
      await db
        .insert(signingKeys)
        .values({ organisationId, purpose, secret: candidate })
        .onConflictDoNothing();
      const [row] = await db
        .select({ secret: signingKeys.secret })
        .from(signingKeys)
        .where(and(eq(signingKeys.organisationId, organisationId), eq(signingKeys.purpose, purpose)));
      if (!row) throw new Error(`no signing key for ${organisationId}/${purpose} after storing one`);
      return row.secret;
    },

    async existingSecret(tx, organisationId, purpose) {
      const [row] = await executorOf(tx)
        .select({ secret: signingKeys.secret })
        .from(signingKeys)
        .where(and(eq(signingKeys.organisationId, organisationId), eq(signingKeys.purpose, purpose)));
      return row?.secret;
    },
  };
}
