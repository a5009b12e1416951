// `export @client[/project] [period] csv|xlsx|zip`: a signed, expiring link to the file (of that project's lines
// only, when one is named), for whoever may see that client's expenses in that audience. Rendering waits for the link's first request; asking changes nothing.
import { authorise, type Forbidden } from '../people/permissions.js';
import { todayIn } from '../periods/calendar-date.js';
import type { PeriodRange } from '../periods/period-range.js';
import { type PeriodInvalid, reportPeriod } from '../periods/report-period.js';
import type { Clock } from '../ports/clock.port.js';
import type { ClientRecord, Directory, ProjectRecord } from '../ports/directory.port.js';
import type { ReportArtifactKind, ReportAudience, ReportLinks } from '../ports/report-links.port.js';
import type { UnitOfWork } from '../ports/unit-of-work.port.js';
import type { RequestContext } from '../shared/request-context.js';
import { type Failure, fail, ok, type Result } from '../shared/result.js';

export type RequestExportInput = {
  readonly clientCode: string;
  /** `@acme/website`: only that project's lines. */
  readonly projectCode?: string | undefined;
  /** As typed (`last-month`, `2026-03`…); this month in the client's time zone when absent. */
  readonly period?: string | undefined;
  readonly kind: ReportArtifactKind;
  /** `client` when asked in a conversation bound to the client's side: only what the client may see. */
  readonly audience: ReportAudience;
  readonly locale: 'en' | 'zh-CN';
};

export type ExportLink = {
  readonly client: ClientRecord;
  readonly project?: ProjectRecord | undefined;
  readonly period: PeriodRange;
  readonly audience: ReportAudience;
  readonly url: string;
};

export type RequestExportFailure = Forbidden | PeriodInvalid | Failure<'CLIENT_UNKNOWN' | 'PROJECT_UNKNOWN'>;

export type RequestExportDeps = {
  readonly uow: UnitOfWork;
  readonly clock: Clock;
  readonly directory: Pick<Directory, 'clientByCode' | 'projectByCode'>;
  /** Always wired by the composition root; optional only so test worlds without links can build use cases. */
  readonly reportLinks?: ReportLinks | undefined;
};

export const requestExport =
  (deps: RequestExportDeps) =>
  async (
    ctx: RequestContext,
    input: RequestExportInput,
  ): Promise<Result<ExportLink, RequestExportFailure>> => {
    const { reportLinks } = deps;
    if (reportLinks === undefined)
      throw new Error('requestExport needs reportLinks: wire them in the composition root');
    const org = ctx.organisationId;
    const found = await deps.uow.run(async (tx) => {
      const client = await deps.directory.clientByCode(tx, org, input.clientCode.toLowerCase());
      const project =
        client === undefined || input.projectCode === undefined
          ? undefined
          : await deps.directory.projectByCode(tx, org, client.id, input.projectCode.toLowerCase());
      return { client, project };
    });
    const { client, project } = found;
    if (!client) return fail('CLIENT_UNKNOWN', { code: input.clientCode });
    if (input.projectCode !== undefined && project === undefined) {
      return fail('PROJECT_UNKNOWN', { client: client.code, code: input.projectCode });
    }
    const allowed = authorise(ctx.actor, 'view-client', {
      clientId: client.id,
      view: input.audience === 'client' ? 'client-facing' : 'internal',
    });
    if (!allowed.ok) return allowed;
    const period = reportPeriod(
      input.period ?? 'this-month',
      todayIn(deps.clock.now().getTime(), client.timeZone),
    );
    if (!period.ok) return period;
    const links = await reportLinks.linksFor(
      {
        organisationId: org,
        clientId: client.id,
        ...(project === undefined ? {} : { projectId: project.id }),
        from: period.value.start,
        through: period.value.end,
        audience: input.audience,
        locale: input.locale,
      },
      [input.kind],
    );
    return ok({
      client,
      ...(project === undefined ? {} : { project }),
      period: period.value,
      audience: input.audience,
      url: links[input.kind],
    });
  };
