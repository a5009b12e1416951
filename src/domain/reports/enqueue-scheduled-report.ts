// A scheduled report falls due (docs/product-rules.md §6): in ONE transaction, claim `(report, occurrence, binding)`
// in the job-run ledger and, if this caller won the claim, build the report for the binding's client, audience and
// language and write it to the outbox. Two instances, a restart or a second tick find the claim taken and write
// nothing, so each report goes out once per period and channel. Sending a report changes nothing, so there is no
// audit event: the ledger row is the record.
import { todayIn } from '../periods/calendar-date.js';
import type { JobRunLedger } from '../ports/job-run-ledger.port.js';
import type { Outbox } from '../ports/outbox.port.js';
import type { Tx } from '../ports/unit-of-work.port.js';
import { buildReportModel } from './build-report.js';
import { periodOfRange } from './compose-report.js';
import type { ReportAudience, ReportModel } from './report-model.js';
import { linksFor, type ReportDeps, type ReportLinkSet } from './show-report.js';

export const REPORT_JOB = 'report';
export const REPORT_OUTBOX_KIND = 'report';

export type ScheduledReportInput = {
  readonly organisationId: string;
  readonly bindingId: string;
  /** Incurred dates covered, both ends included, in the client's time zone. */
  readonly from: string;
  readonly through: string;
  /** ISO instant of the schedule occurrence: the ledger's period key. */
  readonly occurrence: string;
};

export type ScheduledReportOutcome = 'enqueued' | 'already-claimed' | 'binding-gone';

/** What the outbox row carries: the report as built, in the language to render it in, with its links. */
export type ReportPayload = {
  readonly bindingId: string;
  readonly locale: 'en' | 'zh-CN';
  readonly report: ReportModel;
  readonly links: ReportLinkSet;
};

export type ScheduledReportDeps = ReportDeps & {
  readonly ledger: JobRunLedger;
  readonly outbox: Outbox;
};

export const enqueueScheduledReport =
  (deps: ScheduledReportDeps) =>
  async (input: ScheduledReportInput): Promise<ScheduledReportOutcome> => {
    const org = input.organisationId;
    // Links are signed before the claiming transaction: signing may read the organisation's key in a
    // transaction of its own, which must not wait inside this one (one connection on the embedded database).
    const target = await deps.uow.run((tx) => targetOf(deps, tx, org, input.bindingId));
    if (target === undefined) return 'binding-gone';
    const period = periodOfRange(input.from, input.through);
    const links = await linksFor(
      deps,
      org,
      {
        client: { id: target.client.id },
        period: { start: period.start, end: period.end },
        audience: target.audience,
      },
      target.locale,
    );
    return deps.uow.run(async (tx): Promise<ScheduledReportOutcome> => {
      const current = await targetOf(deps, tx, org, input.bindingId);
      if (current === undefined) return 'binding-gone';
      const claimed = await deps.ledger.claim(tx, {
        organisationId: org,
        job: REPORT_JOB,
        periodKey: input.occurrence,
        target: current.binding.id,
      });
      if (!claimed) return 'already-claimed';

      const report = await buildReportModel(deps, tx, {
        organisationId: org,
        client: current.client,
        period,
        audience: current.audience,
        budgetWarnings: current.binding.budgetWarnings,
        today: todayIn(deps.clock.now().getTime(), current.client.timeZone),
      });
      // The links were signed for the binding as it was a moment ago; a change of audience or language in
      // between would make them describe another report, so such a report goes out without them.
      const same = current.audience === target.audience && current.locale === target.locale;
      const payload: ReportPayload = {
        bindingId: current.binding.id,
        locale: current.locale,
        report,
        links: same ? links : {},
      };
      await deps.outbox.enqueue(tx, {
        organisationId: org,
        dedupeKey: `report:${current.binding.id}:${input.occurrence}`,
        address: current.binding.address,
        kind: REPORT_OUTBOX_KIND,
        payload,
      });
      return 'enqueued';
    });
  };

/** The binding, its client, and the audience and language its report takes; undefined when it is gone. */
async function targetOf(deps: ScheduledReportDeps, tx: Tx, organisationId: string, bindingId: string) {
  const binding = await deps.bindings.byId(tx, organisationId, bindingId);
  if (binding === undefined || binding.clientId === undefined || binding.audience === 'admin')
    return undefined;
  const client = await deps.directory.clientById(tx, organisationId, binding.clientId);
  if (client === undefined) return undefined;
  const audience: ReportAudience = binding.audience === 'client' ? 'client' : 'internal';
  return { binding, client, audience, locale: binding.reportLocale ?? client.locale };
}
