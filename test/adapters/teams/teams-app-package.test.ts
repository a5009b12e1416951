// `npm run teams:package` builds the zip an admin uploads to Teams: the manifest with the app id filled in from
// MICROSOFT_APP_ID, and the two icons it names, at the sizes Teams accepts (color 192×192, outline 32×32 white on
// transparent).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = new URL('../../../scripts/package-teams-app.js', import.meta.url).pathname;
const APP_ID = '6F1B7F6E-2C0D-4D8E-9D38-3A6F0E1C2B01';

type Manifest = {
  manifestVersion: string;
  id: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  accentColor: string;
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
};

const pixelsOf = async (png: Uint8Array) => {
  const image = await loadImage(Buffer.from(png));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    data: context.getImageData(0, 0, image.width, image.height).data,
  };
};

describe('Teams app package', { timeout: 30_000 }, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outlay-teams-package-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('zips the manifest with the app id from MICROSOFT_APP_ID and the icons it names, at their sizes', async () => {
    const out = join(dir, 'outlay-teams.zip');
    await run(process.execPath, [SCRIPT, '--out', out], {
      env: { ...process.env, MICROSOFT_APP_ID: APP_ID },
    });
    const files = unzipSync(new Uint8Array(await readFile(out)));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as Manifest;
    expect(manifest.id).toBe(APP_ID.toLowerCase());
    expect(manifest.bots.map((bot) => bot.botId)).toEqual([APP_ID.toLowerCase()]);
    expect(manifest.manifestVersion).toMatch(/^1\.\d+$/);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    for (const list of manifest.bots[0]?.commandLists ?? [])
      expect(list.commands.length).toBeLessThanOrEqual(10);

    const color = await pixelsOf(files[manifest.icons.color] ?? new Uint8Array());
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = await pixelsOf(files[manifest.icons.outline] ?? new Uint8Array());
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // White on transparent: every pixel that shows is white, and the corners are see-through.
    let shown = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if ((outline.data[i + 3] ?? 0) === 0) continue;
      shown += 1;
      expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]].every((v) => (v ?? 0) >= 250)).toBe(
        true,
      );
    }
    expect(shown).toBeGreaterThan(0);
    expect(outline.data[3]).toBe(0);
  });

  it('refuses an app id that is not a GUID and writes nothing', async () => {
    const out = join(dir, 'outlay-teams.zip');
    await expect(
      run(process.execPath, [SCRIPT, '--out', out], { env: { ...process.env, MICROSOFT_APP_ID: 'my-bot' } }),
    ).rejects.toMatchObject({ code: 1 });
    expect(existsSync(out)).toBe(false);
  });
});
