// A scheduled report falls due (product.md §6): in ONE transaction, claim `(report, occurrence, binding)` in the
// job-run ledger and, if this caller won the claim, build the report for the binding's client, audience and
// language and write it to the outbox. Two instances, a restart or a second tick find the claim taken and write
// nothing, so each report goes out once per period and channel. Sending a report changes nothing, so there is no
// audit event: the ledger row is the record.
import { todayIn } from '../periods/calendar-date.js';
import type { JobRunLedger } from '../ports/job-run-ledger.port.js';
import type { Outbox } from '../ports/outbox.port.js';
import { buildReportModel } from './build-report.js';
import { periodOfRange } from './compose-report.js';
import type { ReportModel } from './report-model.js';
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
  (input: ScheduledReportInput): Promise<ScheduledReportOutcome> =>
    deps.uow.run(async (tx): Promise<ScheduledReportOutcome> => {
      const org = input.organisationId;
      const binding = await deps.bindings.byId(tx, org, input.bindingId);
      if (binding === undefined || binding.clientId === undefined || binding.audience === 'admin') {
        return 'binding-gone';
      }
      const client = await deps.directory.clientById(tx, org, binding.clientId);
      if (client === undefined) return 'binding-gone';
      const claimed = await deps.ledger.claim(tx, {
        organisationId: org,
        job: REPORT_JOB,
        periodKey: input.occurrence,
        target: binding.id,
      });
      if (!claimed) return 'already-claimed';

      const audience = binding.audience === 'client' ? 'client' : 'internal';
      const report = await buildReportModel(deps, tx, {
        organisationId: org,
        client,
        period: periodOfRange(input.from, input.through),
        audience,
        budgetWarnings: binding.budgetWarnings,
        today: todayIn(deps.clock.now().getTime(), client.timeZone),
      });
      const locale = binding.reportLocale ?? client.locale;
      const payload: ReportPayload = {
        bindingId: binding.id,
        locale,
        report,
        links: await linksFor(deps, org, report, locale),
      };
      await deps.outbox.enqueue(tx, {
        organisationId: org,
        dedupeKey: `report:${binding.id}:${input.occurrence}`,
        address: binding.address,
        kind: REPORT_OUTBOX_KIND,
        payload,
      });
      return 'enqueued';
    });
