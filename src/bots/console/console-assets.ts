// The page is three static files with no build step. They sit in ./public beside this module — in src/ when run
// with tsx, copied to dist/ by scripts/copy-build-assets.js for the production build — and only the names listed
// here are served, so no request path ever reaches the file system.
import { readFile } from 'node:fs/promises';

const PUBLIC_DIR = new URL('./public/', import.meta.url);

export type ConsoleAsset = { readonly file: string; readonly contentType: string };

export const CONSOLE_PAGE: ConsoleAsset = { file: 'index.html', contentType: 'text/html; charset=utf-8' };

export const CONSOLE_ASSETS: ReadonlyMap<string, ConsoleAsset> = new Map([
  ['console.js', { file: 'console.js', contentType: 'text/javascript; charset=utf-8' }],
  ['console.css', { file: 'console.css', contentType: 'text/css; charset=utf-8' }],
]);

export const readConsoleAsset = (asset: ConsoleAsset): Promise<Buffer> =>
  readFile(new URL(asset.file, PUBLIC_DIR));

/**
 * The page loads nothing from elsewhere. Card images (receipts, charts) come from Outlay's signed URLs, which may
 * sit under another PUBLIC_URL host, so images alone may come from anywhere.
 */
export const CONSOLE_PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  'img-src * data: blob:',
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
