// From a verified link to the file: read the lines or totals the link's audience may see (through ports, in one
// transaction), then render the kind it asks for. Called only on a cache miss.
import type { Budget } from '../../domain/budgets/budget.js';
import { chooseChartBudget } from '../../domain/exports/chart-budget.js';
import { asCurrencyCode } from '../../domain/money/currency.js';
import type { LocalisedName } from '../../domain/policy/categories.js';
import type { BindingRepository } from '../../domain/ports/binding-repository.port.js';
import type { BudgetRepository } from '../../domain/ports/budget-repository.port.js';
import type { ClientRecord, Directory, ProjectRecord } from '../../domain/ports/directory.port.js';
import type { ChartTotals, ExportLine, ExportQuery } from '../../domain/ports/export-query.port.js';
import type { ReceiptStore } from '../../domain/ports/receipt-store.port.js';
import type { CachedRender } from '../../domain/ports/report-render-cache.port.js';
import type { Tx, UnitOfWork } from '../../domain/ports/unit-of-work.port.js';
import { buildExportTable } from './export-table.js';
import { renderChart } from './render-chart.js';
import { renderCsv } from './render-csv.js';
import { renderXlsx } from './render-xlsx.js';
import { renderZip, type ZipReceipt } from './render-zip.js';
import type { ReportLinkPayload } from './report-link-token.js';

export type ReportFileDeps = {
  readonly uow: UnitOfWork;
  readonly exportQuery: ExportQuery;
  readonly directory: Pick<Directory, 'clientById' | 'projectById' | 'categories'>;
  readonly budgets: BudgetRepository;
  readonly bindings: Pick<BindingRepository, 'forClient'>;
  readonly receiptStore: Pick<ReceiptStore, 'get'>;
};

/** The link's client (or project) no longer exists: the link is refused like an invalid one. */
export class ReportClientGoneError extends Error {}

/** Whose files these are: the client, and the project when the link names one. */
type Subject = {
  readonly client: ClientRecord;
  readonly project: ProjectRecord | undefined;
};

type Snapshot = Subject & {
  readonly categoryNames: ReadonlyMap<string, LocalisedName>;
  readonly lines: readonly ExportLine[];
};

export async function renderReportFile(
  deps: ReportFileDeps,
  link: ReportLinkPayload,
  now: Date,
): Promise<CachedRender> {
  // `acme-website-2030-03-01-2030-03-31.csv` for a project's files, so they never pass for the whole client's.
  const baseName = ({ client, project }: Subject) =>
    `${[client.code, project?.code].filter(Boolean).join('-')}-${link.from}-${link.through}`;
  if (link.kind === 'chart') {
    const { client, project, categoryNames, totals, budget } = await readChart(deps, link);
    const categoryLabel = (code: string) => categoryNames.get(code)?.[link.locale] ?? code;
    const bytes = await renderChart({
      title: [client.name, project?.name, `${link.from} – ${link.through}`, client.currency]
        .filter(Boolean)
        .join(' · '),
      locale: link.locale,
      currency: asCurrencyCode(client.currency),
      from: link.from,
      through: link.through,
      categories: totals.byCategory.map((c) => ({
        label: categoryLabel(c.categoryCode),
        amountMinor: c.amountMinor,
      })),
      byDay: totals.byDay,
      carriedMinor: totals.carriedMinor,
      budgetMinor: budget?.amount.amountMinor,
    });
    return { bytes, contentType: 'image/png', fileName: `${baseName({ client, project })}-chart.png` };
  }

  const snapshot = await readLines(deps, link);
  const table = buildExportTable({
    lines: snapshot.lines,
    audience: link.audience,
    locale: link.locale,
    currency: asCurrencyCode(snapshot.client.currency),
    categoryNames: snapshot.categoryNames,
  });
  const name = baseName(snapshot);
  switch (link.kind) {
    case 'csv':
      return { bytes: renderCsv(table), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv` };
    case 'xlsx':
      return {
        bytes: await renderXlsx(table, link.locale),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: `${name}.xlsx`,
      };
    case 'zip': {
      const receipts: ZipReceipt[] = [];
      for (const line of snapshot.lines) {
        for (const receipt of line.receipts) {
          const bytes = await deps.receiptStore.get(link.organisationId, receipt.storageKey);
          // A receipt whose file is gone is still a row in the CSV; the ZIP carries what exists.
          if (bytes) receipts.push({ expenseId: line.id, contentType: receipt.contentType, bytes });
        }
      }
      const bytes = renderZip({
        baseName: name,
        csv: renderCsv(table),
        xlsx: await renderXlsx(table, link.locale),
        receipts,
        modified: now,
      });
      return { bytes, contentType: 'application/zip', fileName: `${name}.zip` };
    }
  }
}

/** The link's client and project, read in the render's transaction; gone ones refuse the link. */
async function readSubject(deps: ReportFileDeps, tx: Tx, link: ReportLinkPayload): Promise<Subject> {
  const client = await deps.directory.clientById(tx, link.organisationId, link.clientId);
  if (!client) throw new ReportClientGoneError(link.clientId);
  if (link.projectId === undefined) return { client, project: undefined };
  const project = await deps.directory.projectById(tx, link.organisationId, client.id, link.projectId);
  if (!project) throw new ReportClientGoneError(link.projectId);
  return { client, project };
}

async function readLines(deps: ReportFileDeps, link: ReportLinkPayload): Promise<Snapshot> {
  return deps.uow.run(async (tx) => {
    const { client, project } = await readSubject(deps, tx, link);
    const categories = await deps.directory.categories(tx, link.organisationId);
    const lines = await deps.exportQuery.lines(tx, link.organisationId, {
      clientId: client.id,
      projectId: project?.id,
      from: link.from,
      through: link.through,
      audience: link.audience,
    });
    return { client, project, categoryNames: new Map(categories.map((c) => [c.code, c.names])), lines };
  });
}

async function readChart(
  deps: ReportFileDeps,
  link: ReportLinkPayload,
): Promise<
  Subject & {
    categoryNames: ReadonlyMap<string, LocalisedName>;
    totals: ChartTotals;
    budget: Budget | undefined;
  }
> {
  return deps.uow.run(async (tx) => {
    const org = link.organisationId;
    const { client, project } = await readSubject(deps, tx, link);
    const categories = await deps.directory.categories(tx, org);
    // The client sees its budget only where one of its client-facing channels opted into budget news (§5, §6 of
    // docs/product-rules.md).
    const budgetShown =
      link.audience === 'internal' ||
      (await deps.bindings.forClient(tx, org, client.id)).some(
        (b) => b.audience === 'client' && b.budgetWarnings,
      );
    const chosen = budgetShown
      ? chooseChartBudget(
          await deps.budgets.forClient(tx, org, client.id),
          link.from,
          link.through,
          project?.id,
        )
      : undefined;
    const totals = await deps.exportQuery.chartTotals(tx, org, {
      clientId: client.id,
      projectId: project?.id,
      from: link.from,
      through: link.through,
      audience: link.audience,
      carryFrom: chosen?.period.start,
    });
    return {
      client,
      project,
      categoryNames: new Map(categories.map((c) => [c.code, c.names])),
      totals,
      budget: chosen?.budget,
    };
  });
}
