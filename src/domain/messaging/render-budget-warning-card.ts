// A budget warning (docs/product-rules.md §5). Internal channels see approved and pending spend, what it is over by
// and the forecast with its basis. A client-facing channel sees approved spend only: this builder reads nothing
// else for the `client` audience, so pending items and projections cannot leak into a client's channel.
import { percentBasisPoints } from '../budgets/budget-percent.js';
import type { Forecast } from '../budgets/forecast.js';
import { formatMoney } from '../money/index.js';
import type { Money } from '../money/money.js';
import { type Card, type CardField, fitCard } from './card.js';
import { type CardLocale, describePeriod, formatPercent } from './card-format.js';
import { escapeMarkup } from './card-markup.js';
import { cardText } from './card-text.js';
import { forecastLines } from './render-budget-card.js';

export type BudgetWarningReason =
  | { readonly kind: 'threshold'; readonly thresholdPercent: number }
  | { readonly kind: 'forecast' };

export type BudgetWarningInput = {
  readonly audience: 'internal' | 'client';
  readonly reason: BudgetWarningReason;
  readonly scopeName: string;
  readonly periodKey: string;
  readonly budget: Money;
  readonly actualMinor: number;
  /** Internal only; ignored for the client audience. */
  readonly committedMinor: number;
  /** Internal only; ignored for the client audience. */
  readonly forecast?: Forecast;
  readonly locale: CardLocale;
};

const internalCard = (input: BudgetWarningInput): Card => {
  const { locale, budget } = input;
  const text = cardText(locale);
  const money = (amountMinor: number): string =>
    formatMoney({ amountMinor, currency: budget.currency }, locale);
  const consumed = input.actualMinor + input.committedMinor;
  const named = { scope: input.scopeName, period: describePeriod(input.periodKey, locale, 'short') };
  const title =
    input.reason.kind === 'threshold'
      ? text.budget.thresholdTitle({
          ...named,
          threshold: formatPercent(input.reason.thresholdPercent * 100, locale),
        })
      : text.budget.forecastTitle(named);
  const fields: CardField[] = [
    { label: text.field.budget, value: money(budget.amountMinor), short: true },
    { label: text.field.approvedSpend, value: money(input.actualMinor), short: true },
    { label: text.field.pendingSpend, value: money(input.committedMinor), short: true },
    {
      label: text.field.used,
      value: formatPercent(percentBasisPoints(consumed, budget.amountMinor), locale),
      short: true,
    },
    { label: text.field.remaining, value: money(Math.max(0, budget.amountMinor - consumed)), short: true },
  ];
  const over =
    consumed > budget.amountMinor
      ? [text.budget.overBy({ amount: money(consumed - budget.amountMinor) })]
      : [];
  const forecast = forecastLines(input.forecast, budget, locale);
  return {
    title,
    subtitle: describePeriod(input.periodKey, locale),
    accent: consumed > budget.amountMinor ? 'danger' : 'warning',
    fields,
    sections: [
      ...(over.length === 0 ? [] : [{ text: over.map(escapeMarkup).join('\n'), tone: 'danger' as const }]),
      ...(forecast.length === 0
        ? []
        : [
            {
              heading: text.field.forecast,
              text: forecast.map(escapeMarkup).join('\n'),
              tone: 'warning' as const,
            },
          ]),
    ],
    images: [],
    actions: [],
  };
};

const clientCard = (input: BudgetWarningInput): Card => {
  const { locale, budget, actualMinor } = input;
  const text = cardText(locale);
  const money = (amountMinor: number): string =>
    formatMoney({ amountMinor, currency: budget.currency }, locale);
  const percent = formatPercent(percentBasisPoints(actualMinor, budget.amountMinor), locale);
  return {
    title: text.budget.clientTitle({
      scope: input.scopeName,
      period: describePeriod(input.periodKey, locale, 'short'),
      percent,
    }),
    subtitle: describePeriod(input.periodKey, locale),
    accent: actualMinor > budget.amountMinor ? 'danger' : 'warning',
    fields: [
      { label: text.field.budget, value: money(budget.amountMinor), short: true },
      { label: text.field.approvedSpend, value: money(actualMinor), short: true },
      { label: text.field.used, value: percent, short: true },
      {
        label: text.field.remaining,
        value: money(Math.max(0, budget.amountMinor - actualMinor)),
        short: true,
      },
    ],
    sections: [
      {
        text: escapeMarkup(
          text.budget.clientText({ spent: money(actualMinor), budget: money(budget.amountMinor), percent }),
        ),
      },
    ],
    images: [],
    actions: [],
  };
};

export const renderBudgetWarningCard = (input: BudgetWarningInput): Card =>
  fitCard(input.audience === 'client' ? clientCard(input) : internalCard(input));
