// What an approval card says about a budget (docs/product-rules.md §4, §5): the share it brings the budget to, the
// pace forecast when the period has an end, approved and pending spend side by side, and "will be exceeded by".
// Internal readers only: these sentences count pending spend.
import type { BudgetImpact } from '../budgets/budget-impact.js';
import { formatMoney } from '../money/index.js';
import { type CardLocale, describePeriod, formatPercent, formatShortDate } from './card-format.js';
import { cardText } from './card-text.js';

/** A budget impact with the name of what the budget covers, as the reader knows it ("Acme", "Acme / Website"). */
export type ScopedBudgetImpact = { readonly scopeName: string; readonly impact: BudgetImpact };

/** "Brings Acme's March budget to 87 %; at the current pace 104 % by 31 Mar". */
export const describeBudgetImpact = (
  { scopeName, impact }: ScopedBudgetImpact,
  locale: CardLocale,
): string => {
  const text = cardText(locale).budget;
  const common = {
    scope: scopeName,
    period: describePeriod(impact.periodKey, locale, 'short'),
    percent: formatPercent(impact.percentAfterBp, locale),
  };
  // An engagement without an end date has no "by" to project to.
  if (impact.forecast.method !== 'linear-pace') return text.impact(common);
  return text.impactWithForecast({
    ...common,
    forecastPercent: formatPercent(impact.forecastPercentBp, locale),
    forecastDate: formatShortDate(impact.periodEnd, locale),
  });
};

/** The impact sentence, then approved and pending spend against the budget, then what it would be exceeded by. */
export const budgetImpactLines = (scoped: ScopedBudgetImpact, locale: CardLocale): string[] => {
  const text = cardText(locale).budget;
  const { impact } = scoped;
  const money = (amountMinor: number): string =>
    formatMoney({ amountMinor, currency: impact.currency }, locale);
  return [
    describeBudgetImpact(scoped, locale),
    text.split({
      actual: money(impact.actualMinor),
      committed: money(impact.committedMinor),
      budget: money(impact.budgetMinor),
    }),
    ...(impact.willExceedByMinor === undefined
      ? []
      : [text.willExceedBy({ amount: money(impact.willExceedByMinor) })]),
  ];
};

/** Worth a warning colour: the item takes the budget past 100 %, or the pace will. */
export const isBudgetImpactAlarming = (impact: BudgetImpact): boolean =>
  impact.willExceedByMinor !== undefined ||
  (impact.forecast.method === 'linear-pace' && impact.forecastPercentBp > 10_000);
