// One table for every export format: the CSV writes its cells, the XLSX types its money columns, the ZIP carries
// both. Client-facing tables have no internal column at all; amounts are decimal text straight from minor units.

import { cardText } from '../../domain/messaging/card-text.js';
import { formatAmountPlain } from '../../domain/money/format-money.js';
import type { Money } from '../../domain/money/money.js';
import type { LocalisedName } from '../../domain/policy/categories.js';
import type { ExportLine } from '../../domain/ports/export-query.port.js';
import type { ReportAudience } from '../../domain/ports/report-links.port.js';
import type { Locale } from '../shared/i18n/locale.js';
import { type ExportColumn, reportFileTexts } from './report-file-texts.js';

const CLIENT_COLUMNS: readonly ExportColumn[] = [
  'id',
  'date',
  'category',
  'project',
  'description',
  'merchant',
  'originalAmount',
  'originalCurrency',
  'amount',
  'currency',
  'receipts',
];

const INTERNAL_COLUMNS: readonly ExportColumn[] = [
  'id',
  'date',
  'category',
  'project',
  'description',
  'merchant',
  'originalAmount',
  'originalCurrency',
  'amount',
  'currency',
  'billable',
  'status',
  'submitter',
  'payment',
  'invoice',
  'receipts',
  'missingReceipt',
  'findings',
];

/** Columns whose cells are money; the XLSX writes them as numbers with the currency's decimals. */
export const MONEY_COLUMNS: ReadonlySet<ExportColumn> = new Set(['originalAmount', 'amount']);

export type ExportTable = {
  readonly columns: readonly ExportColumn[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Per row, the Money behind each money column (for typed spreadsheet cells). */
  readonly money: readonly Readonly<Partial<Record<ExportColumn, Money>>>[];
  /** The sum of the `amount` column, exact in minor units. */
  readonly total: Money;
};

export type ExportTableInput = {
  readonly lines: readonly ExportLine[];
  readonly audience: ReportAudience;
  readonly locale: Locale;
  readonly currency: Money['currency'];
  readonly categoryNames: ReadonlyMap<string, LocalisedName>;
};

export function buildExportTable(input: ExportTableInput): ExportTable {
  const texts = reportFileTexts(input.locale);
  const labels = cardText(input.locale);
  const columns = input.audience === 'client' ? CLIENT_COLUMNS : INTERNAL_COLUMNS;
  const yesNo = (value: boolean) => (value ? texts.yes : texts.no);
  let totalMinor = 0;

  const cellsOf = (line: ExportLine): Record<ExportColumn, string> => {
    const internal = line.internal;
    const category = input.categoryNames.get(line.categoryCode)?.[input.locale] ?? line.categoryCode;
    return {
      id: line.id,
      date: line.incurredOn,
      category: line.kind === 'adjustment' ? `${category} (${texts.adjustment})` : category,
      project: line.projectName ?? line.projectCode ?? '',
      description: line.description,
      merchant: line.merchant ?? '',
      originalAmount: formatAmountPlain(line.original),
      originalCurrency: line.original.currency,
      amount: formatAmountPlain(line.amount),
      currency: line.amount.currency,
      billable: internal ? yesNo(internal.billable) : '',
      status: internal ? labels.status[internal.status] : '',
      submitter: internal?.submitterName ?? '',
      payment:
        internal?.paymentMethod === undefined
          ? ''
          : (labels.payment[internal.paymentMethod as keyof typeof labels.payment] ?? internal.paymentMethod),
      invoice: internal?.invoiceNumber ?? '',
      receipts: line.receipts.length.toString(),
      missingReceipt: internal?.missingReceiptReason ?? '',
      findings: (internal?.findingCodes ?? [])
        .map((code) => labels.findingName[code as keyof typeof labels.findingName] ?? code)
        .join('; '),
    };
  };

  const rows: string[][] = [];
  const money: Partial<Record<ExportColumn, Money>>[] = [];
  for (const line of input.lines) {
    const cells = cellsOf(line);
    rows.push(columns.map((column) => cells[column]));
    money.push({ originalAmount: line.original, amount: line.amount });
    totalMinor += line.amount.amountMinor;
  }
  return {
    columns,
    header: columns.map((column) => texts.columns[column]),
    rows,
    money,
    total: { amountMinor: totalMinor, currency: input.currency },
  };
}
