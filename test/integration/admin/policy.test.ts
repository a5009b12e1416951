// `policy`, `policy set` and `policy test`: the effective rules, checked patches with history, and a dry run that
// writes nothing at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tiersFromLimits } from '../../../src/domain/admin/policy-patch.js';
import { setBudget } from '../../../src/domain/admin/set-budget.js';
import { setPolicy } from '../../../src/domain/admin/set-policy.js';
import { showPolicy } from '../../../src/domain/admin/show-policy.js';
import { testPolicy } from '../../../src/domain/admin/test-policy.js';
import { asCurrencyCode } from '../../../src/domain/money/index.js';
import * as schema from '../../../src/storage/schema/index.js';
import { amountOf, ORG } from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';
import { type AdminWorld, createAdminWorld, expectNothingWritten } from './admin-world.js';

describe.each(testEngines())('policy on %s', (engine) => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await createAdminWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  const policyRows = () => world.database.db.select().from(schema.policies).orderBy(schema.policies.scope);

  it('policy shows the defaults, then the client and category rules in the client currency', async () => {
    const org = await showPolicy(world.admin)(await world.ctx('alice'), {});
    expect(org).toMatchObject({
      ok: true,
      value: {
        policy: {
          currency: null,
          exponent: 2,
          tiers: [
            { upToMinor: 50_000, stages: 1 },
            { upToMinor: 500_000, stages: 2 },
            { upToMinor: null, stages: 3 },
          ],
          receiptThresholdMinor: 10_000,
          auditSampleBasisPoints: 500,
          autoApproveLimitMinor: null,
        },
      },
    });
    await setPolicy(world.admin)(await world.ctx('adam'), {
      clientCode: 'acme',
      patch: { categoryLimits: { 餐饮: amountOf('300') }, prohibited: { entertainment: true } },
    });
    const acme = await showPolicy(world.admin)(await world.ctx('alice'), {
      clientCode: 'acme',
      categoryText: '#meals',
    });
    expect(acme).toMatchObject({
      ok: true,
      value: {
        client: { code: 'acme', currency: 'CNY' },
        policy: {
          currency: 'CNY',
          categoryLimits: { meals: 30_000 },
          prohibitedCategories: ['entertainment'],
        },
        category: { category: { code: 'meals' }, rules: { limitMinor: 30_000, prohibited: false } },
        settings: { client: { categoryLimits: { meals: '300' } } },
      },
    });
  });

  it('policy set merges a patch into the stored settings, versioned and audited with before and after', async () => {
    const adam = await world.ctx('adam');
    const first = await setPolicy(world.admin)(adam, {
      patch: {
        tiers: tiersFromLimits([amountOf('1,000'), amountOf('8000')]),
        autoApproveLimit: amountOf('50'),
        auditSamplePercent: '2.5',
        categoryLimits: { meals: amountOf('300.00') },
      },
    });
    expect(first).toMatchObject({ ok: true, value: { outcome: 'changed', before: null, version: 1 } });
    const second = await setPolicy(world.admin)(adam, {
      patch: { categoryLimits: { travel: amountOf('5000') }, reminderHours: 12 },
    });
    expect(second).toMatchObject({ ok: true, value: { outcome: 'changed', version: 2 } });

    expect(await policyRows()).toMatchObject([
      {
        scope: 'org',
        version: 2,
        settings: {
          tiers: [
            { upTo: '1000', stages: 1 },
            { upTo: '8000', stages: 2 },
            { upTo: null, stages: 3 },
          ],
          autoApproveLimit: '50',
          auditSampleBasisPoints: 250,
          categoryLimits: { meals: '300', travel: '5000' },
          reminderHours: 12,
        },
      },
    ]);
    const audit = await world.audit();
    expect(audit).toMatchObject([
      { action: 'policy.changed', entityType: 'policy', entityId: ORG, before: null },
      {
        action: 'policy.changed',
        before: { categoryLimits: { meals: '300' } },
        after: { categoryLimits: { meals: '300', travel: '5000' }, reminderHours: 12, version: 2 },
      },
    ]);
    // The policy logging uses now has the new tiers.
    const settings = await world.admin.uow.run((tx) => world.admin.policies.settings(tx, ORG, 'c-acme'));
    expect(settings.organisation?.tiers?.[0]).toEqual({ upTo: '1000', stages: 1 });

    const same = await expectNothingWritten(world, () =>
      setPolicy(world.admin)(adam, { patch: { reminderHours: 12 } }),
    );
    expect(same).toMatchObject({ ok: true, value: { outcome: 'unchanged', version: 2 } });
  });

  it.each([
    ['falling tier limits', { tiers: tiersFromLimits([amountOf('5000'), amountOf('500')]) }, 'INVALID_TIERS'],
    [
      'a tier with four stages',
      {
        tiers: [
          { upTo: amountOf('500'), stages: 1 },
          { upTo: null, stages: 4 },
        ],
      },
      'INVALID_TIERS',
    ],
    [
      'tiers whose stages fall',
      {
        tiers: [
          { upTo: amountOf('500'), stages: 2 },
          { upTo: null, stages: 1 },
        ],
      },
      'INVALID_TIERS',
    ],
    ['an audit sample over 100 %', { auditSamplePercent: '101' }, 'POLICY_INVALID'],
    ['an audit sample that is not a percentage', { auditSamplePercent: 'lots' }, 'POLICY_PERCENT_INVALID'],
    ['zero reminder hours', { reminderHours: 0 }, 'POLICY_INVALID'],
    ['a negative limit', { categoryLimits: { meals: amountOf('-5') } }, 'POLICY_AMOUNT_NEGATIVE'],
    ['an unknown category', { prohibited: { yachts: true } }, 'UNKNOWN_CATEGORY'],
    [
      'three decimals, which yuan and dollars cannot hold',
      { receiptThreshold: amountOf('100.005') },
      'POLICY_AMOUNT_UNFIT',
    ],
    [
      'a currency symbol on an organisation amount',
      { autoApproveLimit: amountOf('$50') },
      'POLICY_CURRENCY_MISMATCH',
    ],
    ['nothing to set', {}, 'POLICY_PATCH_EMPTY'],
  ] as const)('policy set refuses %s and writes nothing', async (_case, patch, code) => {
    const adam = await world.ctx('adam');
    const result = await expectNothingWritten(world, () => setPolicy(world.admin)(adam, { patch }));
    expect(result).toMatchObject({ ok: false, error: { code } });
  });

  it('organisation amounts must fit every client currency: a yen client refuses half-units', async () => {
    await world.database.db.insert(schema.clients).values({
      organisationId: ORG,
      id: 'c-umbrella',
      code: 'umbrella',
      name: 'Umbrella',
      currency: 'JPY',
      timeZone: 'Asia/Tokyo',
    });
    const adam = await world.ctx('adam');
    const result = await expectNothingWritten(world, () =>
      setPolicy(world.admin)(adam, { patch: { autoApproveLimit: amountOf('50.5') } }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'POLICY_AMOUNT_UNFIT', details: { currency: 'JPY' } },
    });
    // The same amount for a yuan client alone is fine.
    const acme = await setPolicy(world.admin)(adam, {
      clientCode: 'acme',
      patch: { autoApproveLimit: amountOf('¥50.5') },
    });
    expect(acme).toMatchObject({ ok: true, value: { after: { autoApproveLimit: '50.5' } } });
  });

  it('policy test explains the verdict and writes nothing, whatever it finds', async () => {
    await setBudget(world.admin)(await world.ctx('fay'), {
      clientCode: 'acme',
      amount: amountOf('1000'),
      period: 'monthly',
      action: 'block',
    });
    await setPolicy(world.admin)(await world.ctx('adam'), {
      clientCode: 'acme',
      patch: { categoryLimits: { meals: amountOf('300') } },
    });
    const fay = await world.ctx('fay');
    const chain = await expectNothingWritten(world, () =>
      testPolicy(world.admin)(fay, { amount: amountOf('600'), clientCode: 'acme', categoryText: '餐饮' }),
    );
    expect(chain).toMatchObject({
      ok: true,
      value: {
        clientAmount: { amountMinor: 60_000, currency: 'CNY' },
        budgetsIncluded: true,
        report: {
          verdict: 'approval-chain',
          category: { code: 'meals' },
          tierStages: 2,
          overCategoryLimit: true,
          categoryLimitMinor: 30_000,
          receiptRequired: true,
          stages: [
            { index: 1, kind: 'approvers', label: 'initial' },
            { index: 2, kind: 'approvers', label: 'final' },
          ],
        },
        // Who logging would ask first: @acme's stage-1 list.
        firstStageApprovers: { eligible: [{ memberId: 'bob' }], fellTo: 'approvers' },
      },
    });
    // Converted at the stored rate, and over the blocking budget: refused, and still nothing written.
    const refused = await expectNothingWritten(world, () =>
      testPolicy(world.admin)(fay, {
        amount: amountOf('200'),
        currency: asCurrencyCode('USD'),
        clientCode: 'acme',
        categoryText: 'travel',
      }),
    );
    expect(refused).toMatchObject({
      ok: true,
      value: {
        clientAmount: { amountMinor: 142_468 },
        rate: { rate: '7.1234', effectiveOn: '2026-03-01' },
        report: { verdict: 'refused', refusal: { code: 'BUDGET_WOULD_BE_EXCEEDED' } },
      },
    });
  });

  it('policy test leaves budgets out for someone who may not see the client, and refuses unknown rates', async () => {
    await setBudget(world.admin)(await world.ctx('fay'), {
      clientCode: 'acme',
      amount: amountOf('1000'),
      period: 'monthly',
    });
    const alice = await world.ctx('alice');
    const result = await expectNothingWritten(world, () =>
      testPolicy(world.admin)(alice, { amount: amountOf('100'), clientCode: 'acme', categoryText: 'meals' }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: { budgetsIncluded: false, report: { budgetEvaluations: [] } },
    });
    const noRate = await expectNothingWritten(world, () =>
      testPolicy(world.admin)(alice, {
        amount: amountOf('100'),
        currency: asCurrencyCode('GBP'),
        clientCode: 'acme',
        categoryText: 'meals',
      }),
    );
    expect(noRate).toMatchObject({ ok: false, error: { code: 'RATE_MISSING', details: { from: 'GBP' } } });
  });
});
