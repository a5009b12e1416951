// The anchor file: one line per recorded chain head, `<ISO time> <organisation> <position>:<hash>`, appended to
// `<DATA_DIR>/audit-anchors/<organisation>.log`. It lives outside the database on purpose: whoever can rewrite
// the database cannot thereby rewrite this, and `audit verify --anchor` takes a line's last field as it is.
import { access, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { formatAnchor } from '../domain/audit/audit-anchor.js';
import type { AuditAnchorSink, RecordedAuditHead } from '../domain/ports/audit-chain.port.js';

export const AUDIT_ANCHOR_DIRECTORY = 'audit-anchors';

/** Organisation ids are ours but still never become a path: no separators, no `..`, no hidden files. */
export const anchorFileName = (organisationId: string): string =>
  `${encodeURIComponent(organisationId).replace(/^\./, '%2E')}.log`;

export const formatAnchorLine = (organisationId: string, head: RecordedAuditHead): string =>
  `${head.at.toISOString()} ${organisationId} ${formatAnchor(head)}\n`;

export function createFileAuditAnchorSink(dataDir: string): AuditAnchorSink {
  const directory = join(dataDir, AUDIT_ANCHOR_DIRECTORY);
  return {
    async record(organisationId, head) {
      await mkdir(directory, { recursive: true });
      const path = join(directory, anchorFileName(organisationId));
      const existed = await access(path).then(
        () => true,
        () => false,
      );
      const file = await open(path, 'a', 0o640);
      try {
        await file.appendFile(formatAnchorLine(organisationId, head), 'utf8');
        await file.sync();
      } finally {
        await file.close();
      }
      // A new file is durable only once its directory entry is: sync the directory too.
      if (!existed) await syncDirectory(directory);
    },
  };
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
