// Zips the Teams app package: manifest.json and the two icons it names, at the top of the zip as Teams expects.
// The app id (`id` and `bots[0].botId`) comes from MICROSOFT_APP_ID when it is set; otherwise the placeholder
// stays and the package is only good for a look. Run: npm run teams:package [-- --out path/to/app.zip]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex > 0 ? process.argv[outIndex + 1] : resolve(root, 'dist/outlay-teams.zip'));

const manifest = JSON.parse(readFileSync(resolve(root, 'teams/manifest.json'), 'utf8'));
const appId = process.env.MICROSOFT_APP_ID?.trim();
if (appId) {
  if (!GUID.test(appId)) {
    console.error(`MICROSOFT_APP_ID is not an app (client) id GUID: ${appId}`);
    process.exit(1);
  }
  manifest.id = appId.toLowerCase();
  for (const bot of manifest.bots ?? []) bot.botId = appId.toLowerCase();
} else {
  console.warn('MICROSOFT_APP_ID is not set: the package keeps the placeholder app id.');
}

const icons = [manifest.icons.color, manifest.icons.outline];
const files = { 'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`) };
for (const icon of icons) files[icon] = readFileSync(resolve(root, 'teams', icon));

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zipSync(files, { level: 9 }));
console.log(`wrote ${out} (${Object.keys(files).join(', ')})`);
