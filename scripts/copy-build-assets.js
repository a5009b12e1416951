// The production build is plain `tsc`; SQL migrations are not TypeScript, so copy them beside the output.
import { cpSync } from 'node:fs';

cpSync(
  new URL('../src/storage/migrations', import.meta.url),
  new URL('../dist/storage/migrations', import.meta.url),
  {
    recursive: true,
  },
);
