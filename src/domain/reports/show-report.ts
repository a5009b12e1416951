// `report @client [period]` on demand (docs/product-rules.md §6, §7). The audience follows where it is asked: in a
// conversation bound to that client with audience `client`, the client-facing view is posted there for everyone
// (budget consumption only if the binding opts in); anywhere else the internal view — posted in the client's own
// internal channel, answered privately everywhere else (a DM, another client's channel). Without a period the
// report covers the current month so far, which is what "how are we doing?" usually means.
import type { Actor } from '../people/actor.js';
import { authorise, type Forbidden } from '../people/permissions.js';
import { todayIn } from '../periods/calendar-date.js';
import { type PeriodInvalid, reportPeriod } from '../periods/report-period.js';
import type { BindingRepository } from '../ports/binding-repository.port.js';
import type { Clock } from '../ports/clock.port.js';
import type { ReportArtifactKind, ReportLinks } from '../ports/report-links.port.js';
import type { UnitOfWork } from '../ports/unit-of-work.port.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';
import { transact } from '../shared/transact.js';
import { buildReportModel, type ReportReadDeps } from './build-report.js';
import type { ReportModel } from './report-model.js';

export const DEFAULT_REPORT_PERIOD = 'this-month';

/** What every report links to (docs/product-rules.md §6): both exports and the chart, also the card's image. */
export const REPORT_LINK_KINDS: readonly ReportArtifactKind[] = ['csv', 'xlsx', 'chart'];

export type ReportDeps = ReportReadDeps & {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly bindings: BindingRepository;
  /** Absent when the deployment has no public URL to sign links under: the report then carries none. */
  readonly reportLinks?: ReportLinks | undefined;
};

export type ShowReportInput = {
  readonly clientCode: string;
  readonly projectCode?: string | undefined;
  /** As typed: `last-month`, `上月`, `2026-03`, `2026-Q1`… Absent: this month so far. */
  readonly period?: string | undefined;
  /** Where it was asked (decides the audience); defaults to the context's source address. */
  readonly address?: string | undefined;
  /** The asker's language, for the links' exports; client-facing reports use the channel's language instead. */
  readonly locale: 'en' | 'zh-CN';
};

export type ReportLinkSet = Readonly<Partial<Record<ReportArtifactKind, string>>>;

export type ShownReport = {
  readonly report: ReportModel;
  /** `channel`: post it where it was asked; `private`: only the asker sees it. */
  readonly visibility: 'channel' | 'private';
  /** The language to render in: the asker's, or for a client-facing post the binding's report locale, else the client's. */
  readonly locale: 'en' | 'zh-CN';
  readonly links: ReportLinkSet;
};

export type ShowReportFailure = Forbidden | PeriodInvalid | Failure<'CLIENT_UNKNOWN' | 'PROJECT_UNKNOWN'>;

/**
 * Who asks, and where: a member (any request context) or a client contact in their client's channel, who may read
 * that client's client-facing view and nothing else (the permission table decides).
 */
export type ReportReader = Pick<RequestContext, 'organisationId' | 'sourceAddress'> & {
  readonly actor: Actor;
};

export const showReport =
  (deps: ReportDeps) =>
  async (ctx: ReportReader, input: ShowReportInput): Promise<Result<ShownReport, ShowReportFailure>> => {
    type Built = Omit<ShownReport, 'links'> & { readonly projectId: string | undefined };
    const built = await transact<Built, ShowReportFailure>(deps.uow, async (tx) => {
      const org = ctx.organisationId;
      // Archived clients keep their history, so their reports can still be read.
      const client = await deps.directory.clientByCode(tx, org, input.clientCode.toLowerCase());
      if (!client) return fail('CLIENT_UNKNOWN', { code: input.clientCode });
      const project =
        input.projectCode === undefined
          ? undefined
          : await deps.directory.projectByCode(tx, org, client.id, input.projectCode.toLowerCase());
      if (input.projectCode !== undefined && project === undefined) {
        return fail('PROJECT_UNKNOWN', { client: client.code, code: input.projectCode });
      }

      const address = input.address ?? ctx.sourceAddress;
      const here = address === undefined ? [] : await deps.bindings.byAddress(tx, org, address);
      const clientBinding = here.find((b) => b.clientId === client.id && b.audience === 'client');
      const ownInternal = here.some((b) => b.clientId === client.id && b.audience === 'internal');
      const audience = clientBinding === undefined ? 'internal' : 'client';
      const allowed = authorise(ctx.actor, 'view-client', {
        clientId: client.id,
        view: audience === 'client' ? 'client-facing' : 'internal',
      });
      if (!allowed.ok) return allowed;

      const today = todayIn(deps.clock.now().getTime(), client.timeZone);
      const period = reportPeriod(input.period ?? DEFAULT_REPORT_PERIOD, today);
      if (!period.ok) return period;

      const report = await buildReportModel(deps, tx, {
        organisationId: org,
        client,
        project,
        period: period.value,
        audience,
        budgetWarnings: clientBinding?.budgetWarnings,
        today,
      });
      return ok({
        report,
        // Another client's channel, or one shared with the client, never sees an internal report.
        visibility:
          audience === 'client' || (ownInternal && here.every((b) => b.audience !== 'client'))
            ? 'channel'
            : 'private',
        locale: clientBinding === undefined ? input.locale : (clientBinding.reportLocale ?? client.locale),
        projectId: project?.id,
      });
    });
    if (!built.ok) return built;
    // Signing may read the organisation's key in a transaction of its own, so it waits until this one is over.
    const { projectId, ...shown } = built.value;
    const links = await linksFor(deps, ctx.organisationId, { ...shown.report, projectId }, shown.locale);
    return ok({ ...shown, links });
  };

/** The report's signed links, or none when the deployment cannot sign any; a project report's cover that project. */
export async function linksFor(
  deps: Pick<ReportDeps, 'reportLinks'>,
  organisationId: string,
  report: {
    readonly client: { readonly id: string };
    readonly projectId?: string | undefined;
    readonly period: { readonly start: string; readonly end: string };
    readonly audience: ReportModel['audience'];
  },
  locale: 'en' | 'zh-CN',
): Promise<ReportLinkSet> {
  if (deps.reportLinks === undefined) return {};
  return deps.reportLinks.linksFor(
    {
      organisationId,
      clientId: report.client.id,
      ...(report.projectId === undefined ? {} : { projectId: report.projectId }),
      from: report.period.start,
      through: report.period.end,
      audience: report.audience,
      locale,
    },
    REPORT_LINK_KINDS,
  );
}
