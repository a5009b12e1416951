#!/usr/bin/env node
// In a checkout (src/ present, dev dependencies installed) run the TypeScript sources through tsx,
// so `npm ci && npm start` needs no build; the production image ships only dist/.
import { existsSync } from 'node:fs';

const source = new URL('../src/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  main = await import(source.href);
} else {
  main = await import(new URL('../dist/main.js', import.meta.url).href);
}
process.exitCode = await main.runCli(process.argv.slice(2));
