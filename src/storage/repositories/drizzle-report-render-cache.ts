import { and, eq, gt, lte } from 'drizzle-orm';
import type { ReportRenderCache } from '../../domain/ports/report-render-cache.port.js';
import { executorOf } from '../drizzle-unit-of-work.js';
import { reportRenders } from '../schema/index.js';

export function createDrizzleReportRenderCache(): ReportRenderCache {
  return {
    async get(tx, organisationId, key, now) {
      const [row] = await executorOf(tx)
        .select()
        .from(reportRenders)
        .where(
          and(
            eq(reportRenders.organisationId, organisationId),
            eq(reportRenders.key, key),
            gt(reportRenders.expiresAt, now),
          ),
        );
      if (!row) return undefined;
      return { bytes: row.content, contentType: row.contentType, fileName: row.fileName };
    },

    async put(tx, organisationId, key, render, now) {
      const db = executorOf(tx);
      // Links expire, so do their renders: pruned as new ones arrive rather than by a separate job.
      await db
        .delete(reportRenders)
        .where(and(eq(reportRenders.organisationId, organisationId), lte(reportRenders.expiresAt, now)));
      await db
        .insert(reportRenders)
        .values({
          organisationId,
          key,
          contentType: render.contentType,
          fileName: render.fileName,
          content: render.bytes,
          expiresAt: render.expiresAt,
        })
        .onConflictDoNothing();
    },
  };
}
