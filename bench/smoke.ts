// Every benchmark once at a tiny scale, in seconds and with no thresholds: what CI runs after the tests, so a
// benchmark that no longer starts, seeds or counts is noticed before someone needs its figures. Needs the
// production build (`npm run build`) and PostgreSQL (BENCH_DATABASE_URL, default the local server).
import { spawnSync } from 'node:child_process';
import { REPOSITORY_ROOT } from './support/processes.js';

// bench:ocr joins this list when receipt capture lands.
const BENCHES = ['ingest', 'approve', 'reports', 'delivery'];

for (const name of BENCHES) {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${name}.ts`, '--smoke'], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, BENCH_SCALE: 'smoke' },
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  if (run.status !== 0) {
    console.error(`bench:${name} smoke run failed (exit ${run.status ?? run.signal}) after ${seconds} s`);
    process.exit(1);
  }
  console.error(`bench:${name} smoke run finished in ${seconds} s`);
}
