// In-memory PlatformRecords and a pass-through unit of work, for WeCom tests that need no database.
import type { PlatformRecordKey, PlatformRecords } from '../../../src/domain/ports/platform-records.port.js';
import type { Tx, UnitOfWork } from '../../../src/domain/ports/unit-of-work.port.js';

export const passThroughUow: UnitOfWork = { run: (work) => work({} as Tx) };

export const recordId = (k: PlatformRecordKey): string =>
  JSON.stringify([k.organisationId, k.platform, k.kind, k.key]);

export function memoryRecords(): { records: PlatformRecords; store: Map<string, unknown> } {
  const store = new Map<string, unknown>();
  const records: PlatformRecords = {
    get: async <T>(_tx: Tx, key: PlatformRecordKey) => store.get(recordId(key)) as T | undefined,
    put: async (_tx, key, value) => {
      store.set(recordId(key), value);
    },
    putIfAbsent: async (_tx, key, value) => {
      if (store.has(recordId(key))) return false;
      store.set(recordId(key), value);
      return true;
    },
    remove: async (_tx, key) => {
      store.delete(recordId(key));
    },
    removeOlderThan: async (_tx, scope, cutoff) => {
      let removed = 0;
      for (const [id, value] of store) {
        const [org, platform, kind] = JSON.parse(id) as string[];
        const at = (value as { at?: unknown } | undefined)?.at;
        if (org !== scope.organisationId || platform !== scope.platform || kind !== scope.kind) continue;
        if (typeof at === 'string' && new Date(at) < cutoff) {
          store.delete(id);
          removed += 1;
        }
      }
      return removed;
    },
  };
  return { records, store };
}
