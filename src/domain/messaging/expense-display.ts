// Pieces several expense cards share: who and what the expense is for, its amounts, receipts and findings.
import type { ExpenseBase } from '../expenses/expense.js';
import { formatMoney } from '../money/index.js';
import { type Finding, type Severity, sortFindings } from '../risk/finding.js';
import type { CardField, CardSection, CardTone } from './card.js';
import { type CardLocale, formatLongDate, formatShortDate } from './card-format.js';
import { escapeMarkup } from './card-markup.js';
import { cardText } from './card-text.js';
import { describeFinding } from './finding-text.js';

/** A client or project as the reader knows it: its name and the code they type (`@acme`, `@acme/website`). */
export type ClientDisplay = { readonly name: string; readonly code: string };
export type ProjectDisplay = { readonly name: string; readonly code: string };

export const clientLabel = (client: ClientDisplay): string => `${client.name} (@${client.code})`;

export const projectLabel = (client: ClientDisplay, project: ProjectDisplay): string =>
  `${project.name} (@${client.code}/${project.code})`;

/** The amount as paid and, when paid in another currency, what it comes to in the client's, with the rate used. */
export const amountFields = (expense: ExpenseBase, locale: CardLocale): CardField[] => {
  const text = cardText(locale);
  const fields: CardField[] = [
    { label: text.field.amount, value: formatMoney(expense.original, locale), short: true },
  ];
  if (expense.original.currency !== expense.clientAmount.currency) {
    const amount = formatMoney(expense.clientAmount, locale);
    fields.push({
      label: text.field.converted,
      value:
        expense.rate === undefined || expense.rateDate === undefined
          ? amount
          : text.conversion({
              amount,
              rate: expense.rate,
              rateDate: formatShortDate(expense.rateDate, locale),
            }),
      short: true,
    });
  }
  return fields;
};

export const receiptsText = (receiptCount: number, expense: ExpenseBase, locale: CardLocale): string => {
  const text = cardText(locale);
  if (receiptCount > 0) return text.receiptCount({ count: receiptCount });
  const reason = expense.missingReceiptReason?.trim();
  return reason === undefined || reason === '' ? text.noReceipt : text.noReceiptBecause({ reason });
};

/** The fields of what was spent, shared by the approval card and `show`. */
export const spendFields = (
  expense: ExpenseBase,
  display: { readonly categoryName: string; readonly locale: CardLocale },
): CardField[] => {
  const text = cardText(display.locale);
  return [
    { label: text.field.date, value: formatLongDate(expense.incurredOn, display.locale), short: true },
    { label: text.field.category, value: display.categoryName, short: true },
    ...(expense.merchant === undefined
      ? []
      : [{ label: text.field.merchant, value: expense.merchant, short: true }]),
    { label: text.field.payment, value: text.payment[expense.paymentMethod], short: true },
    { label: text.field.billable, value: expense.billable ? text.yes : text.no, short: true },
  ];
};

const TONE_OF_SEVERITY: Readonly<Record<Severity, CardTone>> = {
  info: 'info',
  warn: 'warning',
  high: 'danger',
};

/** The colour of the worst finding, if any. */
export const toneOfFindings = (findings: readonly Finding[]): CardTone | undefined => {
  const worst = sortFindings(findings)[0];
  return worst === undefined ? undefined : TONE_OF_SEVERITY[worst.severity];
};

/** One line per finding, worst first, under "Risk"; undefined when there is nothing to say. */
export const findingsSection = (
  findings: readonly Finding[],
  context: { readonly locale: CardLocale; readonly categoryName?: string },
): CardSection | undefined => {
  const tone = toneOfFindings(findings);
  if (tone === undefined) return undefined;
  const lines = sortFindings(findings).map(
    (finding) => `• ${escapeMarkup(describeFinding(finding, context))}`,
  );
  return { heading: cardText(context.locale).field.risk, text: lines.join('\n'), tone };
};
