// `rate <FROM> <TO> <rate> [date]`: one rate per pair and day, a changed rate audited with before and after.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setRate } from '../../../src/domain/admin/set-rate.js';
import { asCurrencyCode } from '../../../src/domain/money/index.js';
import * as schema from '../../../src/storage/schema/index.js';
import { ORG } from '../../support/expense-world.js';
import { testEngines } from '../../support/test-databases.js';
import { type AdminWorld, createAdminWorld, expectNothingWritten } from './admin-world.js';

describe.each(testEngines())('exchange rates on %s', (engine) => {
  let world: AdminWorld;
  beforeEach(async () => {
    world = await createAdminWorld(engine);
  });
  afterEach(async () => {
    await world.destroy();
  });

  const rates = () =>
    world.database.db.select().from(schema.exchangeRates).orderBy(schema.exchangeRates.effectiveOn);

  it('adds a rate dated today (UTC) by default, as written, audited rate.added', async () => {
    const result = await setRate(world.admin)(await world.ctx('fay'), {
      from: 'eur',
      to: 'CNY',
      rate: '7.8500',
    });
    expect(result).toMatchObject({
      ok: true,
      value: { outcome: 'added', key: { from: 'EUR', to: 'CNY', effectiveOn: '2026-03-10' }, rate: '7.85' },
    });
    const eur = (await rates()).filter((r) => r.fromCurrency === 'EUR');
    expect(eur).toMatchObject([
      { toCurrency: 'CNY', effectiveOn: '2026-03-10', createdBy: 'fay', source: 'manual' },
    ]);
    expect(Number(eur[0]?.rate)).toBe(7.85);
    const latest = await world.admin.uow.run((tx) =>
      world.admin.rates.latest(tx, ORG, asCurrencyCode('EUR'), asCurrencyCode('CNY'), '2026-03-31'),
    );
    expect(latest).toEqual({ rate: '7.85', effectiveOn: '2026-03-10' });
    expect(await world.audit()).toMatchObject([
      {
        action: 'rate.added',
        entityType: 'exchange-rate',
        entityId: 'EUR/CNY@2026-03-10',
        after: { from: 'EUR', to: 'CNY', effectiveOn: '2026-03-10', rate: '7.85' },
      },
    ]);
  });

  it('quoting the same pair and day again replaces the rate, audited with before and after; the same rate is a no-op', async () => {
    const adam = await world.ctx('adam');
    const changed = await setRate(world.admin)(adam, {
      from: 'USD',
      to: 'CNY',
      rate: '7.2',
      date: { kind: 'absolute', date: '2026-03-01' },
    });
    expect(changed).toMatchObject({ ok: true, value: { outcome: 'changed', before: '7.1234', rate: '7.2' } });
    const usd = await rates();
    expect(usd).toHaveLength(1);
    expect(Number(usd[0]?.rate)).toBe(7.2);
    expect(await world.audit()).toMatchObject([
      {
        action: 'rate.changed',
        entityId: 'USD/CNY@2026-03-01',
        actorId: 'adam',
        before: { rate: '7.1234' },
        after: { rate: '7.2' },
      },
    ]);

    const same = await expectNothingWritten(world, () =>
      setRate(world.admin)(adam, {
        from: 'USD',
        to: 'CNY',
        rate: '7.20',
        date: { kind: 'absolute', date: '2026-03-01' },
      }),
    );
    expect(same).toMatchObject({ ok: true, value: { outcome: 'unchanged' } });
  });

  it('a rate on another day is another row', async () => {
    const fay = await world.ctx('fay');
    await setRate(world.admin)(fay, {
      from: 'USD',
      to: 'CNY',
      rate: '7.3',
      date: { kind: 'relative', daysAgo: 1 },
    });
    expect((await rates()).map((r) => [r.effectiveOn, Number(r.rate)])).toEqual([
      ['2026-03-01', 7.1234],
      ['2026-03-09', 7.3],
    ]);
  });

  it.each([
    ['a rate of zero', { rate: '0' }, 'RATE_NOT_POSITIVE'],
    ['a negative rate', { rate: '-7.1' }, 'RATE_NOT_POSITIVE'],
    ['a rate that is not a number', { rate: '7,1' }, 'RATE_INVALID'],
    ['eleven decimals', { rate: '0.00000000001' }, 'RATE_TOO_PRECISE'],
    ['an unknown currency', { from: 'ABC' }, 'CURRENCY_UNKNOWN'],
    ['the same currency twice', { to: 'USD' }, 'RATE_SAME_CURRENCY'],
    ['an impossible date', { date: { kind: 'absolute', date: '2026-02-30' } }, 'DATE_INVALID'],
  ] as const)('refuses %s and writes nothing', async (_case, change, code) => {
    const fay = await world.ctx('fay');
    const result = await expectNothingWritten(world, () =>
      setRate(world.admin)(fay, { from: 'USD', to: 'CNY', rate: '7.2', ...change }),
    );
    expect(result).toMatchObject({ ok: false, error: { code } });
  });
});
