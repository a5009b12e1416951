import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type {
  ScheduledBinding,
  SchedulerDirectory,
} from '../../../src/domain/ports/scheduler-directory.port.js';
import type { Tx, UnitOfWork } from '../../../src/domain/ports/unit-of-work.port.js';
import { createCronScheduler } from '../../../src/scheduler/cron-scheduler.js';
import {
  createJobRegistry,
  type JobRegistryDeps,
  normaliseClientCode,
  runJob,
} from '../../../src/scheduler/jobs/job-registry.js';
import type { ScheduledReportRequest } from '../../../src/scheduler/reports/run-scheduled-reports.js';
import { FixedClock } from '../../fakes/fixed-clock.js';

const silent = pino({ level: 'silent' });
const uow: UnitOfWork = { run: (work) => work({} as Tx) };

type World = {
  bindings: ScheduledBinding[];
  clients: Map<string, string>;
  organisations: string[];
};

function directoryOf(world: World): SchedulerDirectory {
  return {
    organisations: async () => world.organisations,
    scheduledBindings: async (_tx, organisationId, clientId) =>
      world.bindings.filter(
        (b) => b.organisationId === organisationId && (clientId === undefined || b.clientId === clientId),
      ),
    clientIdByCode: async (_tx, organisationId, code) => world.clients.get(`${organisationId}/${code}`),
  };
}

/** The enqueue use case as the scheduler sees it: a ledger of claimed (occurrence, binding) keys. */
function recordingEnqueue() {
  const ledger = new Set<string>();
  const calls: ScheduledReportRequest[] = [];
  const enqueued: ScheduledReportRequest[] = [];
  return {
    calls,
    enqueued,
    async enqueue(input: ScheduledReportRequest) {
      calls.push(input);
      const key = `report|${input.occurrence}|${input.bindingId}`;
      if (ledger.has(key)) return 'already-claimed' as const;
      ledger.add(key);
      enqueued.push(input);
      return 'enqueued' as const;
    },
  };
}

const acmeWeekly: ScheduledBinding = {
  organisationId: 'org-1',
  bindingId: 'binding-acme',
  clientId: 'client-acme',
  clientCode: 'acme',
  schedule: 'weekly',
  timeZone: 'Asia/Shanghai',
  createdAt: new Date('2026-01-05T00:00:00Z'),
};

const globexMonthly: ScheduledBinding = {
  organisationId: 'org-1',
  bindingId: 'binding-globex',
  clientId: 'client-globex',
  clientCode: 'globex',
  schedule: 'monthly',
  timeZone: 'America/New_York',
  createdAt: new Date('2026-01-05T00:00:00Z'),
};

function registryFor(world: World, overrides: Partial<JobRegistryDeps> = {}) {
  const reports = recordingEnqueue();
  const sweeps: { job: string; organisationId: string; at: Date; clientId?: string }[] = [];
  const registry = createJobRegistry({
    uow,
    directory: directoryOf(world),
    enqueueScheduledReport: reports.enqueue,
    sweepBudgetWarnings: async (input) => {
      sweeps.push({ job: 'budget-warnings', ...input });
      return { warnings: 2, forecasts: 1 };
    },
    sendReminders: async (input) => {
      sweeps.push({ job: 'reminders', ...input });
      return { reminders: 3, escalations: 0 };
    },
    drainOutbox: async () => ({ claimed: 0, delivered: 0, retried: 0, deferred: 0, dead: 0 }),
    sealAudit: async () => ({ sealed: 4, recorded: true, announced: false }),
    logger: silent,
    ...overrides,
  });
  return { registry, reports, sweeps };
}

const world = (): World => ({
  bindings: [acmeWeekly, globexMonthly],
  clients: new Map([
    ['org-1/acme', 'client-acme'],
    ['org-1/globex', 'client-globex'],
  ]),
  organisations: ['org-1'],
});

describe('the reports job', () => {
  it('enqueues each binding’s latest occurrence once, however often it ticks at that instant', async () => {
    const { registry, reports } = registryFor(world());
    const at = new Date('2026-03-02T01:00:00Z'); // Monday 09:00 in Shanghai; 1 March 09:00 in New York was earlier.
    const first = await registry.reports(at, {});
    const second = await registry.reports(at, {});
    expect(first).toEqual({ bindings: 2, enqueued: 2, alreadyClaimed: 0, notDue: 0, gone: 0, failed: 0 });
    expect(second).toEqual({ bindings: 2, enqueued: 0, alreadyClaimed: 2, notDue: 0, gone: 0, failed: 0 });
    expect(reports.enqueued).toEqual([
      {
        organisationId: 'org-1',
        bindingId: 'binding-acme',
        from: '2026-02-23',
        through: '2026-03-01',
        occurrence: '2026-03-02T01:00:00.000Z',
      },
      {
        organisationId: 'org-1',
        bindingId: 'binding-globex',
        from: '2026-02-01',
        through: '2026-02-28',
        occurrence: '2026-03-01T14:00:00.000Z',
      },
    ]);
  });

  it('after downtime catches up only the latest missed period, once', async () => {
    const { registry, reports } = registryFor({ ...world(), bindings: [acmeWeekly] });
    // Last tick on Friday 6 February; back on Wednesday 4 March, ticking every minute for an hour.
    await registry.reports(new Date('2026-02-06T10:00:00Z'), {});
    const back = new Date('2026-03-04T03:00:00Z');
    for (let minute = 0; minute < 60; minute += 1) {
      await registry.reports(new Date(back.getTime() + minute * 60_000), {});
    }
    expect(reports.enqueued.map((r) => [r.occurrence, r.from, r.through])).toEqual([
      ['2026-02-02T01:00:00.000Z', '2026-01-26', '2026-02-01'],
      ['2026-03-02T01:00:00.000Z', '2026-02-23', '2026-03-01'],
    ]);
  });

  it('asks the ledger only about new occurrences when it keeps what it settled between ticks', async () => {
    const settled = new Map<string, string>();
    const { registry, reports } = registryFor(world(), { reportsSettled: settled });
    const at = new Date('2026-03-02T01:00:00Z');
    await registry.reports(at, {});
    await registry.reports(new Date(at.getTime() + 60_000), {});
    expect(reports.calls).toHaveLength(2);
    await registry.reports(new Date('2026-03-09T01:00:00Z'), {});
    expect(reports.calls.map((c) => c.bindingId)).toEqual(['binding-acme', 'binding-globex', 'binding-acme']);
  });

  it('reads the schedule at every tick, so a change applies without a restart', async () => {
    const w = { ...world(), bindings: [acmeWeekly] };
    const { registry, reports } = registryFor(w);
    await registry.reports(new Date('2026-03-03T02:00:00Z'), {});
    w.bindings = [{ ...acmeWeekly, schedule: '0 10 * * *' }];
    await registry.reports(new Date('2026-03-03T02:00:00Z'), {});
    expect(reports.enqueued.map((r) => [r.occurrence, r.from, r.through])).toEqual([
      ['2026-03-02T01:00:00.000Z', '2026-02-23', '2026-03-01'],
      ['2026-03-03T02:00:00.000Z', '2026-03-02', '2026-03-02'],
    ]);
  });

  it('counts a binding whose schedule cannot be evaluated as failed and goes on with the others', async () => {
    const broken = { ...acmeWeekly, bindingId: 'binding-broken', schedule: '0 9 30 2 *' };
    const { registry, reports } = registryFor({ ...world(), bindings: [broken, acmeWeekly] });
    const summary = await registry.reports(new Date('2026-03-02T01:00:00Z'), {});
    expect(summary).toMatchObject({ bindings: 2, enqueued: 1, failed: 1 });
    expect(reports.enqueued.map((r) => r.bindingId)).toEqual(['binding-acme']);
  });

  it('counts a throwing enqueue as failed, so the next tick tries it again', async () => {
    let fail = true;
    const calls: string[] = [];
    const { registry } = registryFor(
      { ...world(), bindings: [acmeWeekly] },
      {
        reportsSettled: new Map(),
        enqueueScheduledReport: async (input) => {
          calls.push(input.occurrence);
          if (fail) throw new Error('database went away');
          return 'enqueued';
        },
      },
    );
    const at = new Date('2026-03-02T01:00:00Z');
    expect(await registry.reports(at, {})).toMatchObject({ failed: 1, enqueued: 0 });
    fail = false;
    expect(await registry.reports(at, {})).toMatchObject({ failed: 0, enqueued: 1 });
    expect(calls).toHaveLength(2);
  });

  it('owes nothing for a binding created after the latest occurrence', async () => {
    const late = { ...acmeWeekly, createdAt: new Date('2026-03-02T05:00:00Z') };
    const { registry, reports } = registryFor({ ...world(), bindings: [late] });
    expect(await registry.reports(new Date('2026-03-04T00:00:00Z'), {})).toMatchObject({ notDue: 1 });
    expect(reports.calls).toEqual([]);
  });

  it('runs for one client with --client, found by its code as typed', async () => {
    const { registry, reports } = registryFor(world());
    await registry.reports(new Date('2026-03-02T01:00:00Z'), { clientCode: '@ACME' });
    expect(reports.enqueued.map((r) => r.bindingId)).toEqual(['binding-acme']);
  });
});

describe('runJob', () => {
  it('refuses a job that does not exist, naming the jobs', async () => {
    const { registry } = registryFor(world());
    expect(await runJob(registry, 'report', new Date(), {})).toEqual({
      ok: false,
      error: {
        code: 'UNKNOWN_JOB',
        details: { job: 'report', jobs: 'reports, budget-warnings, reminders, outbox, audit-seal' },
      },
    });
  });

  it('refuses --client for a job that works on everything', async () => {
    const { registry } = registryFor(world());
    const result = await runJob(registry, 'audit-seal', new Date(), { clientCode: 'acme' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CLIENT_NOT_APPLICABLE' } });
  });

  it('refuses a client code no organisation has', async () => {
    const { registry, sweeps } = registryFor(world());
    const result = await runJob(registry, 'budget-warnings', new Date(), { clientCode: 'initech' });
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_CLIENT', details: { client: 'initech' } } });
    expect(sweeps).toEqual([]);
  });

  it('hands the budget sweep and reminders the instant and the client, per organisation', async () => {
    const { registry, sweeps } = registryFor({ ...world(), organisations: ['org-1', 'org-2'] });
    const at = new Date('2026-03-02T01:00:00Z');
    expect(await runJob(registry, 'budget-warnings', at, {})).toEqual({
      ok: true,
      value: { organisations: 2, failed: 0, warnings: 4, forecasts: 2 },
    });
    expect(await runJob(registry, 'reminders', at, { clientCode: 'globex' })).toEqual({
      ok: true,
      value: { organisations: 1, failed: 0, reminders: 3, escalations: 0 },
    });
    expect(sweeps).toEqual([
      { job: 'budget-warnings', organisationId: 'org-1', at },
      { job: 'budget-warnings', organisationId: 'org-2', at },
      { job: 'reminders', organisationId: 'org-1', at, clientId: 'client-globex' },
    ]);
  });

  it('seals every organisation and keeps going when one fails', async () => {
    const { registry } = registryFor(
      { ...world(), organisations: ['org-1', 'org-2', 'org-3'] },
      {
        sealAudit: async (organisationId) => {
          if (organisationId === 'org-2') throw new Error('disk full');
          return { sealed: 5, recorded: true, announced: organisationId === 'org-1' };
        },
      },
    );
    expect(await runJob(registry, 'audit-seal', new Date(), {})).toEqual({
      ok: true,
      value: { organisations: 3, failed: 1, sealed: 10, recorded: 2, announced: 1 },
    });
  });

  it('normalises client codes the way the chat grammar does', () => {
    expect(normaliseClientCode(' @ＡＣＭＥ ')).toBe('acme');
  });
});

describe('the cron scheduler', () => {
  it('runs a job as of the injected clock, with no timer involved', async () => {
    const clock = new FixedClock('2026-03-02T01:00:00Z');
    const runs: [string, string][] = [];
    const scheduler = createCronScheduler({
      clock,
      logger: silent,
      run: async (job, at) => {
        runs.push([job, at.toISOString()]);
        return { enqueued: 1 };
      },
    });
    expect(await scheduler.tick('reports')).toEqual({ ran: true, summary: { enqueued: 1 } });
    clock.advance(60_000);
    await scheduler.tick('reports');
    expect(runs).toEqual([
      ['reports', '2026-03-02T01:00:00.000Z'],
      ['reports', '2026-03-02T01:01:00.000Z'],
    ]);
  });

  it('skips a trigger while the same job still runs, and survives a failing run', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let calls = 0;
    const scheduler = createCronScheduler({
      clock: new FixedClock('2026-03-02T01:00:00Z'),
      logger: silent,
      run: async () => {
        calls += 1;
        if (calls === 1) await gate;
        if (calls === 2) throw new Error('boom');
        return {};
      },
    });
    const slow = scheduler.tick('reports');
    expect(await scheduler.tick('reports')).toEqual({ ran: false, reason: 'busy' });
    release();
    expect(await slow).toEqual({ ran: true, summary: {} });
    expect(await scheduler.tick('reports')).toEqual({ ran: false, reason: 'failed' });
    expect(await scheduler.tick('reports')).toEqual({ ran: true, summary: {} });
  });

  it('starts and stops its node-cron triggers', async () => {
    const scheduler = createCronScheduler({
      clock: new FixedClock('2026-03-02T01:00:00Z'),
      logger: silent,
      run: async () => ({}),
    });
    scheduler.start();
    await scheduler.stop();
  });
});
