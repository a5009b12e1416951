// `budget @acme`: every budget of a client with approved and pending spend, the share used, what it is over by,
// and the pace forecast with its basis (docs/product-rules.md §5, §8 "explainable, shown with its basis"). Internal
// only.
import type { BudgetAction } from '../budgets/budget.js';
import { percentBasisPoints } from '../budgets/budget-percent.js';
import type { Forecast } from '../budgets/forecast.js';
import { formatMoney } from '../money/index.js';
import type { Money } from '../money/money.js';
import { type Card, type CardSection, type CardTone, fitCard, worstTone } from './card.js';
import { type CardLocale, describePeriod, formatPercent, formatShortDate } from './card-format.js';
import { escapeMarkup } from './card-markup.js';
import { cardText } from './card-text.js';

export type BudgetView = {
  /** What the budget covers, as the reader knows it: "Acme", "Acme / Website", "Acme · Travel". */
  readonly scopeName: string;
  readonly periodKey: string;
  readonly amount: Money;
  readonly actualMinor: number;
  readonly committedMinor: number;
  readonly action: BudgetAction;
  readonly forecast?: Forecast;
};

export type BudgetCardInput = {
  readonly clientName: string;
  readonly budgets: readonly BudgetView[];
  readonly locale: CardLocale;
};

/** The pace forecast and its basis; nothing for a period without an end. */
export const forecastLines = (
  forecast: Forecast | undefined,
  budget: Money,
  locale: CardLocale,
): readonly string[] => {
  if (forecast === undefined || forecast.method !== 'linear-pace') return [];
  const text = cardText(locale).budget;
  const money = (amountMinor: number): string =>
    formatMoney({ amountMinor, currency: budget.currency }, locale);
  return [
    text.forecast({
      percent: formatPercent(percentBasisPoints(forecast.projectedMinor, budget.amountMinor), locale),
      date: formatShortDate(forecast.periodEnd, locale),
      projected: money(forecast.projectedMinor),
    }),
    text.forecastBasis({
      pace: money(forecast.paceMinorPerDay),
      elapsed: forecast.elapsedDays,
      total: forecast.totalDays,
      committed: money(forecast.committedMinor),
    }),
  ];
};

/** Over the budget is danger; on course to pass it is a warning. */
export const toneOfBudget = (
  consumedMinor: number,
  budgetMinor: number,
  forecast: Forecast | undefined,
): CardTone => {
  if (consumedMinor > budgetMinor) return 'danger';
  if (forecast?.method === 'linear-pace' && forecast.projectedMinor > budgetMinor) return 'warning';
  return 'info';
};

const sectionOf = (budget: BudgetView, locale: CardLocale): CardSection => {
  const text = cardText(locale).budget;
  const money = (amountMinor: number): string =>
    formatMoney({ amountMinor, currency: budget.amount.currency }, locale);
  const consumed = budget.actualMinor + budget.committedMinor;
  const budgetMinor = budget.amount.amountMinor;
  const lines = [
    text.amountLine({ amount: money(budgetMinor), action: text.action[budget.action] }),
    text.line({
      actual: money(budget.actualMinor),
      committed: money(budget.committedMinor),
      percent: formatPercent(percentBasisPoints(consumed, budgetMinor), locale),
    }),
    ...(consumed > budgetMinor ? [text.overBy({ amount: money(consumed - budgetMinor) })] : []),
    ...forecastLines(budget.forecast, budget.amount, locale),
  ];
  return {
    heading: text.heading({ scope: budget.scopeName, period: describePeriod(budget.periodKey, locale) }),
    text: lines.map(escapeMarkup).join('\n'),
    tone: toneOfBudget(consumed, budgetMinor, budget.forecast),
  };
};

export const renderBudgetCard = (input: BudgetCardInput): Card => {
  const text = cardText(input.locale).budget;
  const sections = input.budgets.map((budget) => sectionOf(budget, input.locale));
  return fitCard({
    title: text.cardTitle({ client: input.clientName }),
    accent: worstTone(sections.map((section) => section.tone)),
    fields: [],
    sections:
      sections.length === 0 ? [{ text: escapeMarkup(text.none({ client: input.clientName })) }] : sections,
    images: [],
    actions: [],
  });
};
