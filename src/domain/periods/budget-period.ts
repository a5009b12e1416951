import type { IsoDate } from './calendar-date.js';
import { monthContaining, quarterContaining, yearContaining } from './calendar-periods.js';
import { OPEN_END, OPEN_START, type PeriodRange } from './period-range.js';

export const BUDGET_PERIODS = ['monthly', 'quarterly', 'yearly', 'total'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/** A project's engagement; either end may be unknown. */
export type Engagement = {
  readonly start?: IsoDate | undefined;
  readonly end?: IsoDate | undefined;
};

export const TOTAL_PERIOD_KEY = 'total';

/**
 * The budget period holding `date`. A `total` budget spans the whole engagement; a missing end
 * stays open (see OPEN_START / OPEN_END) rather than being guessed.
 */
export const periodContaining = (kind: BudgetPeriod, date: IsoDate, engagement?: Engagement): PeriodRange => {
  switch (kind) {
    case 'monthly':
      return monthContaining(date);
    case 'quarterly':
      return quarterContaining(date);
    case 'yearly':
      return yearContaining(date);
    case 'total':
      return {
        key: TOTAL_PERIOD_KEY,
        start: engagement?.start ?? OPEN_START,
        end: engagement?.end ?? OPEN_END,
      };
  }
};
