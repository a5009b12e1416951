// What a benchmark reports: one JSON line per target (the figure, the ratio against the baselines of the same run,
// the limit and whether it holds), and the whole run — machine, load, every round — in bench/results/<name>.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from './processes.js';

export type Target = {
  readonly target: string;
  /** The measured figure, in `unit`. */
  readonly value: number;
  readonly unit: string;
  /** `value` against a baseline of the same run, where the target is a ratio. */
  readonly ratio?: number;
  readonly against?: string;
  /** What the target asks: `value` (or `ratio`) compared with `limit` by `op`. */
  readonly op: '>=' | '<=' | '==';
  readonly limit: number;
  readonly pass: boolean;
  readonly detail?: Record<string, unknown>;
};

type Check = Omit<Target, 'pass'>;

/** A target is checked on its ratio when it has one, otherwise on its value. */
export const target = (check: Check): Target => {
  const measured = check.ratio ?? check.value;
  const pass =
    check.op === '>='
      ? measured >= check.limit
      : check.op === '<='
        ? measured <= check.limit
        : measured === check.limit;
  return { ...check, pass };
};

export const round2 = (n: number): number => Math.round(n * 100) / 100;

export type LoadSnapshot = { readonly at: string; readonly loadavg: readonly number[] };

export const loadNow = (): LoadSnapshot => ({
  at: new Date().toISOString(),
  loadavg: loadavg().map((n) => round2(n)),
});

const commandOutput = (command: string, args: readonly string[]): string | undefined => {
  try {
    return execFileSync(command, [...args], { cwd: REPOSITORY_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
};

export const describeMachine = () => ({
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  commit: commandOutput('git', ['rev-parse', '--short', 'HEAD']),
});

export type RunReport = {
  readonly bench: string;
  readonly scale: string;
  readonly startedAt: LoadSnapshot;
  readonly finishedAt: LoadSnapshot;
  readonly machine: ReturnType<typeof describeMachine> & Record<string, unknown>;
  readonly targets: readonly Target[];
  readonly [more: string]: unknown;
};

/** Prints one JSON line per target and writes the whole run to bench/results/<name>.json. */
export function report(run: RunReport): void {
  for (const line of run.targets) console.log(JSON.stringify({ bench: run.bench, ...line }));
  const folder = join(REPOSITORY_ROOT, 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${run.bench}.json`);
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  const failed = run.targets.filter((t) => !t.pass).map((t) => t.target);
  console.log(
    JSON.stringify({
      bench: run.bench,
      scale: run.scale,
      summary: failed.length === 0 ? 'every target met' : `missed: ${failed.join(', ')}`,
      loadavg: { start: run.startedAt.loadavg, end: run.finishedAt.loadavg },
      results: file,
    }),
  );
  // A full run that misses a target says so in its exit code too; a smoke run only proves the script works.
  if (run.scale === 'full' && failed.length > 0) process.exitCode = 1;
}
