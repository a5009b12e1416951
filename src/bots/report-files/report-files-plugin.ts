// Serves exports and charts at their signed links (`GET /exports/<token>`): verify the signature with the
// organisation's secret, refuse a tampered or expired link with a page in both languages, otherwise serve the render
// cached under the token's hash, rendering it on the first request.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { ReportRenderCache } from '../../domain/ports/report-render-cache.port.js';
import { ReportClientGoneError, type ReportFileDeps, renderReportFile } from './render-report-file.js';
import { reportFileTexts } from './report-file-texts.js';
import { claimedOrganisation, verifyReportLink } from './report-link-token.js';
import type { LinkSecrets } from './signed-report-links.js';

export type ReportFilesPluginOptions = ReportFileDeps & {
  readonly secrets: LinkSecrets;
  readonly renderCache: ReportRenderCache;
  readonly clock: Clock;
};

/** Register with `app.register(reportFilesPlugin, { prefix: REPORT_FILES_PREFIX, ...options })`. */
export const reportFilesPlugin: FastifyPluginAsync<ReportFilesPluginOptions> = async (app, options) => {
  // A wildcard, not `/:token`: tokens are longer than the router's limit on named parameters (100 characters).
  app.get<{ Params: { '*': string } }>('/*', async (request, reply) => {
    const token = request.params['*'];
    const now = options.clock.now();
    const organisationId = claimedOrganisation(token);
    if (organisationId === undefined) return refusalPage(reply, 404, 'invalid');
    const secret = await options.secrets.verifyingSecret(organisationId);
    if (secret === undefined) return refusalPage(reply, 404, 'invalid');
    const check = verifyReportLink(token, secret, now);
    if (!check.ok) {
      request.log.info({ reason: check.reason }, 'report link refused');
      return refusalPage(
        reply,
        check.reason === 'expired' ? 410 : 404,
        check.reason === 'expired' ? 'expired' : 'invalid',
      );
    }
    const link = check.payload;
    const key = createHash('sha256').update(token).digest('hex');
    let render = await options.uow.run((tx) => options.renderCache.get(tx, organisationId, key, now));
    if (render === undefined) {
      try {
        render = await renderReportFile(options, link, now);
      } catch (error) {
        if (error instanceof ReportClientGoneError) return refusalPage(reply, 404, 'invalid');
        throw error;
      }
      const rendered = render;
      // Two first requests at once both render; the first stored wins and both serve that one.
      render = await options.uow.run(async (tx) => {
        await options.renderCache.put(
          tx,
          organisationId,
          key,
          { ...rendered, expiresAt: new Date(link.expiresAt) },
          now,
        );
        return (await options.renderCache.get(tx, organisationId, key, now)) ?? rendered;
      });
      request.log.info({ kind: link.kind, bytes: render.bytes.byteLength }, 'report file rendered');
    }
    return reply
      .header('content-type', render.contentType)
      .header('content-disposition', contentDisposition(render.fileName))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .send(Buffer.from(render.bytes.buffer, render.bytes.byteOffset, render.bytes.byteLength));
  });
};

/** RFC 6266: an ASCII fallback, and the exact name in UTF-8 for clients that read `filename*`. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The reader of a refused link may read either language, and the link no longer says which: both, always. */
function refusalPage(reply: FastifyReply, status: 404 | 410, why: 'expired' | 'invalid') {
  const sections = (['en', 'zh-CN'] as const).map((locale) => {
    const page = reportFileTexts(locale).page;
    const [title, text] =
      why === 'expired' ? [page.expiredTitle, page.expired] : [page.invalidTitle, page.invalid];
    return `<section lang="${locale}"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></section>`;
  });
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Outlay</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#333}h1{font-size:1.3rem}</style></head><body>${sections.join('')}</body></html>`;
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
    .send(html);
}
