// The hand-over file: a server that owns the embedded database writes where it listens and a random token to
// `<DATA_DIR>/outlay-server.json`, so `outlay job` on the same machine can hand it a job instead of opening the
// database a second time. Readable by the owner only; removed on shutdown. A file left by a crash is recognised
// by its dead pid (or a refused connection) and ignored.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const JOB_HANDOVER_FILE = 'outlay-server.json';

export type JobHandover = { readonly pid: number; readonly port: number; readonly token: string };

export const jobHandoverPath = (dataDir: string): string => join(dataDir, JOB_HANDOVER_FILE);

export const newHandoverToken = (): string => randomBytes(32).toString('base64url');

/** Writes the file (atomically, mode 0600) and returns how to remove it again. */
export async function writeJobHandover(dataDir: string, handover: JobHandover): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const path = jobHandoverPath(dataDir);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(handover)}\n`, { mode: 0o600 });
  await rename(temporary, path);
  return async () => {
    // Only our own file: a server started after us (once we no longer own the database) may have replaced it.
    const current = await readJobHandover(dataDir);
    if (current?.token === handover.token) await rm(path, { force: true });
  };
}

/** The file's content, or undefined when it is missing or not ours to read. */
export async function readJobHandover(dataDir: string): Promise<JobHandover | undefined> {
  let text: string;
  try {
    text = await readFile(jobHandoverPath(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<JobHandover>;
    const valid =
      Number.isSafeInteger(value.pid) &&
      Number.isSafeInteger(value.port) &&
      typeof value.token === 'string' &&
      value.token.length > 0;
    return valid ? (value as JobHandover) : undefined;
  } catch {
    return undefined;
  }
}

/** True while a process with that pid exists (EPERM: it exists, owned by someone else). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
