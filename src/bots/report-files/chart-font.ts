import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/** The family charts draw with: Noto Sans Hans covers Latin and the GB2312 Chinese characters. */
export const CHART_FONT_FAMILY = 'Outlay Sans SC';

let registered = false;

/**
 * The machine may have no Chinese font at all (a slim container never does), so the chart brings its own, from the
 * @embedpdf/fonts-sc package. Registered once per process.
 */
export function ensureChartFont(): void {
  if (registered) return;
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  const file = join(dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf');
  if (!GlobalFonts.registerFromPath(file, CHART_FONT_FAMILY)) {
    throw new Error(`could not load the chart font from ${file}`);
  }
  registered = true;
}
