// CI's stand-in for running the container: start the production build (`node dist/main.js`, what the image runs)
// on a throwaway embedded database, wait for /readyz, then stop it with SIGTERM and expect a clean exit.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'outlay-smoke-'));
const child = spawn(process.execPath, ['dist/main.js', 'serve'], {
  env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let log = '';
const deadline = setTimeout(() => fail('no "listening" line within 60 s'), 60_000);

function fail(reason) {
  console.error(`production build smoke test failed: ${reason}\n${log}`);
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}

child.stdout.on('data', async (chunk) => {
  log += chunk;
  const match = /"url":"(http:\/\/[^"]+)".*"msg":"Outlay is listening"/.exec(log);
  if (!match || child.listening) return;
  child.listening = true;
  clearTimeout(deadline);
  const response = await fetch(`${match[1]}/readyz`).catch((e) => fail(String(e)));
  if (response.status !== 200) fail(`/readyz answered ${response.status}`);
  console.log(`production build ready at ${match[1]}: ${await response.text()}`);
  child.kill('SIGTERM');
});
child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  if (!child.listening) fail(`exited with ${code} before listening`);
  if (code !== 0) fail(`exited with ${code} after SIGTERM`);
  console.log('production build shut down cleanly');
});
