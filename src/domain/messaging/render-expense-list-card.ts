// `list …`: one line per expense, at most `maxRows` of them and then "…and 5 more", with the total of what is
// still live (pending and approved). A client-facing list shows neither status nor people.
import type { ExpenseStatus } from '../expenses/expense.js';
import { formatMoney, sumMoney } from '../money/index.js';
import type { CurrencyCode, Money } from '../money/money.js';
import type { IsoDate } from '../periods/calendar-date.js';
import { type Card, type CardField, fitCard, truncateText } from './card.js';
import { type CardLocale, describePeriod, formatShortDate } from './card-format.js';
import { bold, escapeMarkup } from './card-markup.js';
import { cardText } from './card-text.js';

export type ExpenseListRow = {
  readonly id: string;
  readonly incurredOn: IsoDate;
  /** What the line counts for: the approved amount once approved, the claim before. */
  readonly amount: Money;
  readonly categoryName: string;
  readonly description: string;
  readonly status: ExpenseStatus;
  /** Shown on internal lists that mix people (pending, a client's). */
  readonly submitterName?: string;
};

export type ExpenseListScope =
  | { readonly kind: 'mine' }
  | { readonly kind: 'pending'; readonly clientName?: string }
  | { readonly kind: 'client'; readonly clientName: string };

export type ExpenseListInput = {
  readonly scope: ExpenseListScope;
  readonly periodKey?: string;
  readonly rows: readonly ExpenseListRow[];
  readonly maxRows?: number;
  readonly audience?: 'internal' | 'client';
  readonly locale: CardLocale;
};

export const EXPENSE_LIST_MAX_ROWS = 10;
const DESCRIPTION_CHARS = 60;

const titleOf = (input: ExpenseListInput): string => {
  const text = cardText(input.locale);
  const { scope } = input;
  const head =
    scope.kind === 'client'
      ? text.list.title.client({ client: scope.clientName })
      : scope.kind === 'pending' && scope.clientName !== undefined
        ? `${text.list.title.pending}${text.separator}${scope.clientName}`
        : text.list.title[scope.kind];
  return input.periodKey === undefined
    ? head
    : `${head}${text.separator}${describePeriod(input.periodKey, input.locale)}`;
};

const lineOf = (row: ExpenseListRow, input: ExpenseListInput): string => {
  const text = cardText(input.locale);
  const internal = input.audience !== 'client';
  const description = row.description.trim();
  const parts = [
    formatShortDate(row.incurredOn, input.locale),
    formatMoney(row.amount, input.locale),
    row.categoryName,
    ...(internal ? [text.status[row.status]] : []),
    ...(internal && row.submitterName !== undefined ? [row.submitterName] : []),
    ...(description === '' ? [] : [truncateText(description, DESCRIPTION_CHARS)]),
  ];
  return `${bold(row.id)}${escapeMarkup(text.separator)}${parts.map(escapeMarkup).join(escapeMarkup(text.separator))}`;
};

/** Rows that still count: pending and approved (client lists hold approved rows only). */
const countsTowardTotal = (row: ExpenseListRow): boolean =>
  row.status === 'pending' || row.status === 'approved';

const totalsOf = (rows: readonly ExpenseListRow[], locale: CardLocale): string | undefined => {
  const byCurrency = new Map<CurrencyCode, Money[]>();
  for (const row of rows.filter(countsTowardTotal)) {
    byCurrency.set(row.amount.currency, [...(byCurrency.get(row.amount.currency) ?? []), row.amount]);
  }
  if (byCurrency.size === 0) return undefined;
  return [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, amounts]) => formatMoney(sumMoney(amounts, currency), locale))
    .join(' + ');
};

export const renderExpenseListCard = (input: ExpenseListInput): Card => {
  const text = cardText(input.locale);
  const max = Math.max(1, input.maxRows ?? EXPENSE_LIST_MAX_ROWS);
  const shown = input.rows.slice(0, max);
  const hidden = input.rows.length - shown.length;
  const lines = [
    ...shown.map((row) => lineOf(row, input)),
    ...(hidden > 0 ? [escapeMarkup(text.list.andMore({ count: hidden }))] : []),
  ];
  const total = totalsOf(input.rows, input.locale);
  const fields: CardField[] =
    total === undefined
      ? []
      : [{ label: input.audience === 'client' ? text.field.total : text.list.totalLabel, value: total }];
  return fitCard({
    title: titleOf(input),
    fields,
    sections: [{ text: lines.length === 0 ? escapeMarkup(text.list.empty) : lines.join('\n') }],
    images: [],
    actions: [],
  });
};
