import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PutReceiptInput, ReceiptStore, StoredReceipt } from '../../domain/ports/receipt-store.port.js';
import { checkReceiptBytes } from '../../domain/receipts/detect-receipt-type.js';
import { ok } from '../../domain/shared/result.js';
import { assertReceiptKey, assertSafeOrganisationId, hashReceipt } from './receipt-keys.js';

export type DiskReceiptStoreOptions = {
  /** Root folder, e.g. `<DATA_DIR>/receipts`; created on first write. */
  readonly dir: string;
};

const isNotFound = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && error.code === 'ENOENT';

const fileExists = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
};

// Written beside the final file (same file system, so the rename is atomic) and flushed first: a crash
// leaves either no receipt or the whole receipt, never a torn one under its hash.
const writeAtomically = async (path: string, folder: string, bytes: Uint8Array): Promise<void> => {
  const temporary = join(folder, `.tmp-${randomUUID()}`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
};

/**
 * Receipts on the local disk, content-addressed: `<dir>/<organisationId>/<sha[0..2]>/<sha>`. The two-character
 * fan-out keeps folders small; the hash as the name makes a second put of the same bytes a no-op.
 */
export const createDiskReceiptStore = (options: DiskReceiptStoreOptions): ReceiptStore => {
  const locate = (organisationId: string, sha256: string): { folder: string; path: string } => {
    assertSafeOrganisationId(organisationId);
    assertReceiptKey(sha256);
    const folder = join(options.dir, organisationId, sha256.slice(0, 2));
    return { folder, path: join(folder, sha256) };
  };

  return {
    async put(input: PutReceiptInput) {
      assertSafeOrganisationId(input.organisationId);
      const checked = checkReceiptBytes(input);
      if (!checked.ok) return checked;
      const sha256 = hashReceipt(input.bytes).hex;
      const { folder, path } = locate(input.organisationId, sha256);
      if (!(await fileExists(path))) {
        await mkdir(folder, { recursive: true, mode: 0o700 });
        await writeAtomically(path, folder, input.bytes);
      }
      const stored: StoredReceipt = {
        key: sha256,
        sha256,
        sizeBytes: input.bytes.length,
        contentType: checked.value,
      };
      return ok(stored);
    },

    async get(organisationId: string, key: string) {
      const { path } = locate(organisationId, key);
      try {
        const buffer = await readFile(path);
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async delete(organisationId: string, key: string) {
      const { path } = locate(organisationId, key);
      await rm(path, { force: true });
    },
  };
};
