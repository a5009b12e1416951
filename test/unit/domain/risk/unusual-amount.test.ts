import { describe, expect, it } from 'vitest';
import type { HistoricalAmount } from '../../../../src/domain/risk/risk-inputs.js';
import { DEFAULT_RISK_SETTINGS } from '../../../../src/domain/risk/risk-settings.js';
import {
  checkUnusualAmount,
  summariseAmounts,
  unusualThresholdMinor,
} from '../../../../src/domain/risk/unusual-amount.js';
import { aCandidate, CNY } from './risk-fixtures.js';

const history = (amounts: readonly number[], clientId = 'acme', categoryCode = 'meals'): HistoricalAmount[] =>
  amounts.map((clientAmountMinor, i) => ({ id: `H${i}`, clientId, categoryCode, clientAmountMinor }));
// Median ¥100, MAD ¥7.50.
const usual = history([10_000, 11_000, 9_000, 10_500, 9_500, 10_000, 12_000, 8_000]);
const spend = (amountMinor: number) =>
  aCandidate({ amount: { amountMinor, currency: CNY }, clientAmountMinor: amountMinor });

describe('summariseAmounts', () => {
  it('keeps half-unit medians exact by scaling', () => {
    expect(summariseAmounts([1, 2])).toEqual({ sampleSize: 2, medianTimes2: 3n, madTimes4: 2n });
    expect(summariseAmounts(usual.map((h) => h.clientAmountMinor))).toEqual({
      sampleSize: 8,
      medianTimes2: 20_000n,
      madTimes4: 3_000n,
    });
    expect(summariseAmounts([])).toBeUndefined();
  });
});

describe('checkUnusualAmount', () => {
  it('Given ¥200 against a usual ¥100 (8 items), Then a warning with median, MAD and threshold', () => {
    expect(checkUnusualAmount(spend(20_000), usual, DEFAULT_RISK_SETTINGS)).toEqual({
      code: 'UNUSUAL_AMOUNT',
      severity: 'warn',
      evidence: {
        category: 'meals',
        amountMinor: 20_000,
        medianMinor: 10_000,
        madMinor: 750,
        thresholdMinor: 20_000,
        sampleSize: 8,
        madMultiplier: 5,
        percentOfMedian: 200,
        currency: 'CNY',
      },
    });
  });

  it('Given one minor unit less, Then nothing', () => {
    expect(checkUnusualAmount(spend(19_999), usual, DEFAULT_RISK_SETTINGS)).toBeUndefined();
  });

  it('Given no minimum share of the median, Then median + 5·MAD decides exactly: 137.51 flags, 137.50 does not', () => {
    const settings = { ...DEFAULT_RISK_SETTINGS, unusualMinPercentOfMedian: 0 };
    const summary = summariseAmounts(usual.map((h) => h.clientAmountMinor));
    expect(summary && unusualThresholdMinor(summary, settings)).toBe(13_751);
    expect(checkUnusualAmount(spend(13_751), usual, settings)?.code).toBe('UNUSUAL_AMOUNT');
    expect(checkUnusualAmount(spend(13_750), usual, settings)).toBeUndefined();
  });

  it('Given fewer than 8 past items, Then it stays silent', () => {
    expect(checkUnusualAmount(spend(1_000_000), usual.slice(0, 7), DEFAULT_RISK_SETTINGS)).toBeUndefined();
  });

  it('Given history of another client or category only, Then it stays silent', () => {
    const elsewhere = [
      ...history([10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000], 'globex'),
      ...history([10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000], 'acme', 'travel'),
    ];
    expect(checkUnusualAmount(spend(1_000_000), elsewhere, DEFAULT_RISK_SETTINGS)).toBeUndefined();
  });

  it('Given an identical monthly subscription (MAD 0), Then a small rise is not flagged but a doubling is', () => {
    const flat = history(Array.from({ length: 8 }, () => 9_900));
    expect(checkUnusualAmount(spend(9_901), flat, DEFAULT_RISK_SETTINGS)).toBeUndefined();
    expect(checkUnusualAmount(spend(19_800), flat, DEFAULT_RISK_SETTINGS)?.evidence).toMatchObject({
      madMinor: 0,
      thresholdMinor: 19_800,
    });
  });

  it('Given the edited expense in its own history, Then it is left out of the sample', () => {
    const candidate = { ...spend(20_000), id: 'H0' };
    expect(checkUnusualAmount(candidate, usual, DEFAULT_RISK_SETTINGS)).toBeUndefined();
  });
});
