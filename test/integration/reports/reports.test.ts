// Reports on a real database (docs/product-rules.md §6): the model computed in SQL adds up to the minor unit,
// compares with the previous period, and the client-facing card — searched as rendered — holds nothing pending,
// non-billable, internal or another client's. The scheduled report is claimed once and written to the outbox once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReportAnnouncement } from '../../../src/bots/shared/render-report-announcement.js';
import type { Card } from '../../../src/domain/messaging/card.js';
import { renderReportCard } from '../../../src/domain/messaging/render-report-card.js';
import type { ReportArtifactSpec, ReportLinks } from '../../../src/domain/ports/report-links.port.js';
import type { UnitOfWork } from '../../../src/domain/ports/unit-of-work.port.js';
import { enqueueScheduledReport } from '../../../src/domain/reports/enqueue-scheduled-report.js';
import type { ClientReport, InternalReport } from '../../../src/domain/reports/report-model.js';
import { showReport } from '../../../src/domain/reports/show-report.js';
import { createStoragePorts } from '../../../src/storage/create-storage-ports.js';
import * as schema from '../../../src/storage/schema/index.js';
import { createExpenseWorld, type ExpenseWorld, ORG, type Person } from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';

type Seed = {
  id: string;
  client?: 'c-acme' | 'c-globex';
  on: string;
  minor: number;
  status: 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn' | 'voided';
  billable?: boolean;
  category?: string;
  project?: string;
  approved?: number;
  kind?: 'expense' | 'adjustment';
  description: string;
  findings?: { code: string; severity: string; evidence: Record<string, string> }[];
};

const SECRETS = [
  'PENDING-SECRET',
  'NONBILLABLE-SECRET',
  'REJECTED-SECRET',
  'VOIDED-SECRET',
  'WITHDRAWN-SECRET',
  'RETURNED-SECRET',
  'GLOBEX-SECRET',
  'ADJ-INTERNAL-REASON',
  'ACME-PEND',
  'ACME-NONB',
  'ACME-REJ1',
  'ACME-VOID',
  'GLOB-0001',
];

const SEEDS: Seed[] = [
  // February 2026 (the report's period)
  {
    id: 'ACME-TRV1',
    on: '2026-02-03',
    minor: 12_000,
    status: 'approved',
    project: 'p-web',
    description: 'taxi',
  },
  {
    id: 'ACME-MEA1',
    on: '2026-02-05',
    minor: 5_000,
    approved: 3_333,
    status: 'approved',
    category: 'meals',
    description: 'lunch',
  },
  {
    id: 'ACME-NONB',
    on: '2026-02-06',
    minor: 7_777,
    status: 'approved',
    billable: false,
    category: 'entertainment',
    description: 'NONBILLABLE-SECRET',
  },
  { id: 'ACME-PEND', on: '2026-02-07', minor: 4_444, status: 'pending', description: 'PENDING-SECRET' },
  { id: 'ACME-REJ1', on: '2026-02-08', minor: 9_999, status: 'rejected', description: 'REJECTED-SECRET' },
  {
    id: 'ACME-VOID',
    on: '2026-02-09',
    minor: 8_888,
    approved: 8_888,
    status: 'voided',
    description: 'VOIDED-SECRET',
  },
  { id: 'ACME-WDRN', on: '2026-02-10', minor: 6_666, status: 'withdrawn', description: 'WITHDRAWN-SECRET' },
  { id: 'ACME-RETN', on: '2026-02-10', minor: 6_667, status: 'returned', description: 'RETURNED-SECRET' },
  {
    id: 'ACME-ADJ1',
    on: '2026-02-20',
    minor: -1_001,
    approved: -1_001,
    status: 'approved',
    kind: 'adjustment',
    description: 'ADJ-INTERNAL-REASON',
  },
  {
    id: 'ACME-SUP1',
    on: '2026-02-28',
    minor: 2_500,
    status: 'approved',
    category: 'supplies',
    description: 'paper',
    findings: [
      { code: 'WEEKEND', severity: 'info', evidence: {} },
      { code: 'MISSING_RECEIPT', severity: 'warn', evidence: {} },
    ],
  },
  {
    id: 'GLOB-0001',
    client: 'c-globex',
    on: '2026-02-11',
    minor: 5_555,
    status: 'approved',
    description: 'GLOBEX-SECRET',
  },
  // January 2026 (the previous period)
  { id: 'ACME-JAN1', on: '2026-01-15', minor: 10_000, status: 'approved', description: 'january taxi' },
  {
    id: 'ACME-JAN2',
    on: '2026-01-31',
    minor: 2_000,
    status: 'approved',
    billable: false,
    category: 'meals',
    description: 'january dinner',
  },
  // March 2026 (outside)
  { id: 'ACME-MAR1', on: '2026-03-01', minor: 1_234, status: 'approved', description: 'march taxi' },
];

/** Everything a reader could see on a card, as one string. */
const renderedText = (card: Card): string => JSON.stringify(card);

/**
 * Links as the real signer makes them: it may read the organisation's key in a transaction of its own, which on the
 * embedded database (one connection) would wait forever if asked from inside the report's transaction.
 */
const linksOver = (uow: UnitOfWork): ReportLinks => ({
  async linksFor(spec: ReportArtifactSpec, kinds) {
    await uow.run(async () => undefined);
    const entries = kinds.map((kind) => [
      kind,
      `https://outlay.test/r/${spec.clientId}/${spec.audience}/${spec.from}/${spec.through}/${kind}`,
    ]);
    return Object.fromEntries(entries) as never;
  },
});

describe.each(testEngines())('reports on %s', (engine) => {
  let world: ExpenseWorld;
  let deps: ReturnType<typeof depsOf>;
  const depsOf = (w: ExpenseWorld) => {
    const ports = createStoragePorts(w.database.db, w.ids, w.clock);
    return { ...ports, clock: w.clock, ids: w.ids, reportLinks: linksOver(ports.uow) };
  };

  beforeEach(async () => {
    // 10 March 2026, 12:00 in Shanghai.
    world = await createExpenseWorld(engine, '2026-03-10T04:00:00Z');
    deps = depsOf(world);
    const { db } = world.database;
    await db.insert(schema.projects).values({
      organisationId: ORG,
      id: 'p-web',
      clientId: 'c-acme',
      code: 'website',
      name: 'Website',
    });
    await db.insert(schema.expenses).values(
      SEEDS.map((s) => ({
        organisationId: ORG,
        id: s.id,
        kind: s.kind ?? 'expense',
        clientId: s.client ?? 'c-acme',
        projectId: s.project ?? null,
        categoryCode: s.category ?? 'travel',
        amountMinor: s.minor,
        currency: s.client === 'c-globex' ? 'USD' : 'CNY',
        clientAmountMinor: s.minor,
        clientCurrency: s.client === 'c-globex' ? 'USD' : 'CNY',
        incurredOn: s.on,
        description: s.description,
        billable: s.billable ?? true,
        submitterId: 'alice',
        status: s.status,
        stage: s.status === 'pending' ? 1 : null,
        stageCount: s.status === 'pending' ? 1 : null,
        approvedAmountMinor: s.approved ?? (s.status === 'approved' ? s.minor : null),
        findings: s.findings ?? [],
      })),
    );
    await db.insert(schema.budgets).values({
      organisationId: ORG,
      id: 'bud-acme',
      clientId: 'c-acme',
      period: 'monthly',
      amountMinor: 50_000,
      currency: 'CNY',
      thresholdsPercent: [50, 80, 100],
      action: 'warn',
      createdBy: 'fay',
    });
    await db.insert(schema.channelBindings).values({
      organisationId: ORG,
      id: 'b-acme-client',
      address: 'console:#acme-client',
      clientId: 'c-acme',
      audience: 'client',
      budgetWarnings: true,
    });
  });
  afterEach(async () => {
    await world.destroy();
  });

  const report = async (
    person: Person,
    input: { period?: string; address?: string; locale?: 'en' | 'zh-CN' },
  ) =>
    showReport(deps)(await world.ctx(person), {
      clientCode: 'acme',
      period: input.period,
      address: input.address,
      locale: input.locale ?? 'en',
    });

  it('internal: approved spend by category and project adds up to the total, to the minor unit, with Δ against January', async () => {
    const result = await report('fay', { period: 'last-month', address: 'console:#acme-team' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const model = result.value.report as InternalReport;
    expect(model.audience).toBe('internal');
    expect(result.value.visibility).toBe('channel');
    expect(model.period).toEqual({ key: '2026-02', start: '2026-02-01', end: '2026-02-28' });
    expect(model.previous).toEqual({ key: '2026-01', start: '2026-01-01', end: '2026-01-31' });
    // 12 000 + 3 333 (partial approval) + 7 777 (non-billable) − 1 001 (adjustment) + 2 500
    expect(model.total).toEqual({
      currentMinor: 24_609,
      previousMinor: 12_000,
      deltaMinor: 12_609,
      deltaBp: 10_507,
    });
    expect(model.billableMinor).toBe(16_832);
    const sum = (xs: readonly { amountMinor: number }[]) => xs.reduce((n, x) => n + x.amountMinor, 0);
    expect(sum(model.byCategory)).toBe(model.total.currentMinor);
    expect(sum(model.byProject)).toBe(model.total.currentMinor);
    expect(model.byCategory.map((c) => [c.categoryCode, c.amountMinor, c.count])).toEqual([
      ['travel', 10_999, 2],
      ['entertainment', 7_777, 1],
      ['meals', 3_333, 1],
      ['supplies', 2_500, 1],
    ]);
    expect(model.byProject.map((p) => [p.projectName ?? null, p.amountMinor])).toEqual([
      [null, 12_609],
      ['Website', 12_000],
    ]);
    expect(model.pending).toMatchObject({ count: 1, totalMinor: 4_444, items: [{ id: 'ACME-PEND' }] });
    expect(model.topItems.map((i) => i.id)).toEqual([
      'ACME-TRV1',
      'ACME-NONB',
      'ACME-MEA1',
      'ACME-SUP1',
      'ACME-ADJ1',
    ]);
    expect(model.budgets).toEqual([
      expect.objectContaining({
        budgetId: 'bud-acme',
        periodKey: '2026-02',
        actualMinor: 24_609,
        committedMinor: 4_444,
      }),
    ]);
    expect(model.risk.counts).toEqual([
      { code: 'WEEKEND', severity: 'info', count: 1 },
      { code: 'MISSING_RECEIPT', severity: 'warn', count: 1 },
    ]);
    expect(model.risk.top).toEqual([expect.objectContaining({ id: 'ACME-SUP1', code: 'MISSING_RECEIPT' })]);
    // February is over: no pace forecast for it.
    expect(model.forecast).toBeUndefined();
  });

  it('this month so far by default, with the pace forecast of the running period', async () => {
    const result = await report('bob', {});
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const model = result.value.report as InternalReport;
    expect(model.period.key).toBe('2026-03');
    // Asked without an address bound to Acme: only the asker sees it.
    expect(result.value.visibility).toBe('private');
    expect(model.total.currentMinor).toBe(1_234);
    expect(model.forecast).toEqual({
      projectedMinor: Math.round((1_234 * 31) / 10),
      paceMinorPerDay: 123,
      elapsedDays: 10,
      totalDays: 31,
      committedMinor: 0,
    });
  });

  it('client-facing in a client channel: approved billable only, lines adding up, nothing internal in the rendered card', async () => {
    const result = await report('fay', { period: 'last-month', address: 'console:#acme-client' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const model = result.value.report as ClientReport;
    expect(model.audience).toBe('client');
    expect(result.value.visibility).toBe('channel');
    // The binding has no report locale: the client's language.
    expect(result.value.locale).toBe('zh-CN');
    expect(model.total).toEqual({
      currentMinor: 16_832,
      previousMinor: 10_000,
      deltaMinor: 6_832,
      deltaBp: 6_832,
    });
    expect(model.lines.items.map((l) => l.id)).toEqual(['ACME-TRV1', 'ACME-MEA1', 'ACME-ADJ1', 'ACME-SUP1']);
    expect(model.lines.count).toBe(4);
    expect(model.lines.items.reduce((n, l) => n + l.amountMinor, 0)).toBe(model.total.currentMinor);
    expect(model.byCategory.reduce((n, c) => n + c.amountMinor, 0)).toBe(model.total.currentMinor);
    expect(model.budgets).toEqual([expect.objectContaining({ actualMinor: 16_832, committedMinor: 0 })]);

    for (const locale of ['en', 'zh-CN'] as const) {
      const card = renderReportCard({ report: model, locale, links: result.value.links });
      const text = renderedText(card);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      for (const amount of ['44.44', '77.77', '99.99', '88.88', '55.55', '66.6'])
        expect(text).not.toContain(amount);
      for (const marker of [
        'Waiting',
        'pending',
        'Internal',
        'Risk',
        'Missing receipt',
        'Billable',
        '待审批',
        '内部',
        '风险',
        '缺少票据',
        '计费',
      ]) {
        expect(text).not.toContain(marker);
      }
      expect(card.links?.map((l) => l.url)).toEqual([
        'https://outlay.test/r/c-acme/client/2026-02-01/2026-02-28/csv',
        'https://outlay.test/r/c-acme/client/2026-02-01/2026-02-28/xlsx',
        'https://outlay.test/r/c-acme/client/2026-02-01/2026-02-28/chart',
      ]);
      expect(card.images).toEqual([expect.objectContaining({ url: expect.stringMatching(/\/chart$/) })]);
    }
    const zh = renderReportCard({ report: model, locale: 'zh-CN', links: result.value.links });
    expect(zh.title).toBe('费用报告 · Acme · 2026年2月');
    expect(renderedText(zh)).toContain('¥168.32');
    expect(renderedText(zh)).toContain('调整');
  });

  it('refuses a member without access and a period it cannot read, in both languages of the failure codes', async () => {
    expect(await report('alice', { period: 'last-month' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await report('fay', { period: 'someday' })).toMatchObject({
      ok: false,
      error: { code: 'PERIOD_INVALID' },
    });
    const unknown = await showReport(deps)(await world.ctx('fay'), { clientCode: 'nope', locale: 'en' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'CLIENT_UNKNOWN' } });
  });

  it('the internal card in Chinese', async () => {
    const result = await report('fay', { period: '上月', locale: 'zh-CN' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const card = renderReportCard({
      report: result.value.report,
      locale: 'zh-CN',
      links: result.value.links,
    });
    expect(card.title).toBe('报告 · Acme · 2026年2月');
    const text = renderedText(card);
    expect(text).toContain('¥246.09');
    expect(text).toContain('较2026年1月 +105%（+¥126.09）');
    expect(text).toContain('待审批');
    expect(text).toContain('缺少票据');
    expect(text).toContain('按类别');
  });

  it('a scheduled report is claimed once: one outbox row, rendered in the binding language from its snapshot', async () => {
    const enqueue = enqueueScheduledReport(deps);
    const due = {
      organisationId: ORG,
      bindingId: 'b-acme-client',
      from: '2026-02-01',
      through: '2026-02-28',
      occurrence: '2026-03-01T01:00:00.000Z',
    };
    expect(await enqueue(due)).toBe('enqueued');
    expect(await enqueue(due)).toBe('already-claimed');
    expect(await enqueue({ ...due, bindingId: 'b-gone' })).toBe('binding-gone');
    const rows = (await world.outbox()).filter((m) => m.kind === 'report');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      address: 'console:#acme-client',
      dedupeKey: 'report:b-acme-client:2026-03-01T01:00:00.000Z',
    });
    expect(await world.count('job_runs')).toBe(1);
    const card = renderReportAnnouncement(rows[0]?.payload);
    if (!card) throw new Error('no card');
    expect(card.title).toBe('费用报告 · Acme · 2026年2月');
    const text = renderedText(card);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain('¥168.32');
  });
});
