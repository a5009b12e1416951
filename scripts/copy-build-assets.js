// The production build is plain `tsc`; files that are not TypeScript are copied beside the output: the SQL
// migrations, and the console page's static files (served from dist/bots/console/public/).
import { cpSync } from 'node:fs';

const COPIES = [
  ['../src/storage/migrations', '../dist/storage/migrations'],
  ['../src/bots/console/public', '../dist/bots/console/public'],
];

for (const [from, to] of COPIES) {
  cpSync(new URL(from, import.meta.url), new URL(to, import.meta.url), { recursive: true });
}
