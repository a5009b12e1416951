// Finding the client an admin command names: unknown and archived clients are refused with the codes logging uses.
import type { ClientRecord } from '../ports/directory.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import type { AdminDeps } from './admin-deps.js';
import { normaliseCode } from './client-fields.js';

export type ClientNotFound = Failure<'CLIENT_UNKNOWN' | 'CLIENT_ARCHIVED'>;

export async function findClient(
  deps: Pick<AdminDeps, 'directory'>,
  tx: Tx,
  organisationId: string,
  code: string,
  options: { readonly allowArchived?: boolean } = {},
): Promise<Result<ClientRecord, ClientNotFound>> {
  const client = await deps.directory.clientByCode(tx, organisationId, normaliseCode(code));
  if (!client) return fail('CLIENT_UNKNOWN', { code });
  if (client.status === 'archived' && options.allowArchived !== true)
    return fail('CLIENT_ARCHIVED', { code });
  return ok(client);
}
