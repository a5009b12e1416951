import { buildChain } from '../../../../src/domain/approvals/approval-stage.js';
import type {
  ApprovedExpense,
  ExpenseBase,
  PendingExpense,
  ReturnedExpense,
} from '../../../../src/domain/expenses/expense.js';
import type { CurrencyCode, Money } from '../../../../src/domain/money/money.js';
import { memberActor } from '../../../../src/domain/people/actor.js';

export const CNY = 'CNY' as CurrencyCode;
export const USD = 'USD' as CurrencyCode;

export const cny = (amountMinor: number): Money => ({ amountMinor, currency: CNY });
export const usd = (amountMinor: number): Money => ({ amountMinor, currency: USD });

/** Deterministic `randomInt` (mulberry32): the same seed always yields the same sequence. */
export const seededRandomInt = (seed: number): ((maxExclusive: number) => number) => {
  let state = seed >>> 0;
  return (maxExclusive) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return Math.floor(unit * maxExclusive);
  };
};

export const SUBMITTER = 'm-alice';
export const alice = memberActor(SUBMITTER);
export const bob = memberActor('m-bob');
export const finance = memberActor('m-fiona', ['finance']);
export const admin = memberActor('m-adam', ['admin']);

export const base: ExpenseBase = {
  id: 'ACME-7K3Q',
  clientId: 'c-acme',
  categoryCode: 'travel',
  original: cny(48000),
  clientAmount: cny(48000),
  incurredOn: '2026-03-02',
  description: 'Taxi to the client',
  paymentMethod: 'personal',
  billable: true,
  submitterId: SUBMITTER,
  version: 1,
  approvalRound: 1,
};

export const pending = (overrides: Partial<PendingExpense> = {}): PendingExpense => ({
  ...base,
  status: 'pending',
  stage: 1,
  stageCount: 1,
  financeStage: false,
  ...overrides,
});

export const approved = (overrides: Partial<ApprovedExpense> = {}): ApprovedExpense => ({
  ...base,
  status: 'approved',
  approvedAmountMinor: 48000,
  ...overrides,
});

export const returned = (overrides: Partial<ReturnedExpense> = {}): ReturnedExpense => ({
  ...base,
  status: 'returned',
  whatIsNeeded: 'The receipt, please',
  ...overrides,
});

export const oneStage = buildChain(1, false);
export const twoStages = buildChain(2, false);
export const threeStagesAndFinance = buildChain(3, true);
