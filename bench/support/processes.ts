// The servers a benchmark measures run as child processes of their own — Outlay's production build and each
// baseline — so every one of them has a whole event loop and is measured the same way. Output goes to a log file
// (as a deployment's would), never through the benchmark's own process.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type ServerProcess = {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resident set size now, in MB, as the kernel counts it (VmRSS). */
  rssMb(): number;
  stop(): Promise<void>;
};

export const freePort = async (): Promise<number> => {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
};

const portAnswers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const rssMbOf = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kb / 1024) * 10) / 10;
};

export type StartOptions = {
  readonly name: string;
  /** Arguments to `node`: a script and its arguments. */
  readonly args: readonly string[];
  /** Flags for node itself, before the script (e.g. `--cpu-prof`). */
  readonly nodeArgs?: readonly string[];
  readonly env: Record<string, string>;
  readonly logFile: string;
  /** A path that answers 2xx once the server is ready (else: the port accepting connections). */
  readonly readyPath?: string;
  readonly startTimeoutMs?: number;
};

/** Starts `node <args>` with `PORT` set to a free port and waits until it is ready. */
export async function startServerProcess(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const log = openSync(options.logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), ...options.args], {
    cwd: REPOSITORY_ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), ...options.env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${options.name} exited before it was ready:\n${readFileSync(options.logFile, 'utf8').slice(-4000)}`,
      );
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready in time; see ${options.logFile}`);
    }
    if (await portAnswers(port)) {
      if (options.readyPath === undefined) break;
      const answer = await fetch(`${url}${options.readyPath}`).catch(() => undefined);
      if (answer?.ok) break;
    }
    await pause(100);
  }
  const pid = child.pid ?? 0;
  return {
    name: options.name,
    url,
    pid,
    logFile: options.logFile,
    rssMb: () => rssMbOf(pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
