// Starts the real `outlay` command line as a child process, the way `npm start` or a container does,
// and finds the address it listens on from its own log line.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export type OutlayProcess = {
  readonly url: string;
  readonly output: () => string;
  /** Sends SIGTERM and resolves with the exit code once the process has shut down. */
  stop(): Promise<number | null>;
  /** Kills it outright (SIGKILL: no shutdown, no cleanup), as a crash or an OOM kill would. */
  kill(): Promise<void>;
};

const root = fileURLToPath(new URL('../../', import.meta.url));

export async function startOutlayProcess(options: {
  readonly env: Record<string, string>;
  readonly entry?: 'bin' | 'dist';
}): Promise<OutlayProcess> {
  const entry = options.entry === 'dist' ? ['dist/main.js', 'serve'] : ['bin/outlay.js', 'serve'];
  const child = spawn(process.execPath, entry, {
    cwd: root,
    // Only what the test names, plus PATH: the server must not pick up the developer's own settings.
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await waitForListening(child, () => output);
  return {
    url,
    output: () => output,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

async function waitForListening(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"Outlay is listening"/.exec(output());
      if (match?.[1]) {
        cleanup();
        resolve(match[1]);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      cleanup();
      reject(new Error(`outlay exited with ${signal ?? code} before listening:\n${output()}`));
    };
    const cleanup = () => {
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.on('exit', onExit);
  });
}

/** Runs one `outlay` command line to its end, as an operator types it, and collects what it printed. */
export async function runOutlayCommand(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ readonly code: number | null; readonly out: string; readonly err: string }> {
  const child = spawn(process.execPath, ['bin/outlay.js', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, out, err };
}
