// The outbox kind `report` (a scheduled report, docs/product-rules.md §6) as a card. The payload is the report as it
// stood when it fell due — its figures are the record of what was sent — rendered in the language the binding asked
// for when it was built.
import type { Card } from '../../domain/messaging/card.js';
import { renderReportCard } from '../../domain/messaging/render-report-card.js';
import type { ReportPayload } from '../../domain/reports/enqueue-scheduled-report.js';

export function renderReportAnnouncement(payload: unknown): Card | undefined {
  const { report, locale, links } = (payload ?? {}) as Partial<ReportPayload>;
  if (report?.version !== 1 || (report.audience !== 'internal' && report.audience !== 'client'))
    return undefined;
  return renderReportCard({ report, locale: locale === 'zh-CN' ? 'zh-CN' : 'en', links: links ?? {} });
}
