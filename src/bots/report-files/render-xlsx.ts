import ExcelJS from 'exceljs';
import { currencyExponent } from '../../domain/money/currency.js';
import { formatAmountPlain } from '../../domain/money/format-money.js';
import type { Money } from '../../domain/money/money.js';
import type { Locale } from '../shared/i18n/locale.js';
import { type ExportTable, MONEY_COLUMNS } from './export-table.js';
import { reportFileTexts } from './report-file-texts.js';

/** `#,##0.00` for a two-decimal currency, `#,##0` for yen, `#,##0.000` for dinars. */
const numberFormatOf = (money: Money): string => {
  const exponent = currencyExponent(money.currency);
  return exponent === 0 ? '#,##0' : `#,##0.${'0'.repeat(exponent)}`;
};

// The cell holds the double nearest the exact decimal, parsed from the decimal text rather than divided, and the
// number format shows exactly the currency's decimals; the minor units in the database stay the source of truth.
const numberOf = (money: Money): number => Number(formatAmountPlain(money));

/** One sheet: the header, one row per line, and a totals row under the amount column. */
export async function renderXlsx(table: ExportTable, locale: Locale): Promise<Uint8Array> {
  const texts = reportFileTexts(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Outlay';
  const sheet = workbook.addWorksheet(texts.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...table.header]).font = { bold: true };
  table.rows.forEach((cells, index) => {
    const row = sheet.addRow([...cells]);
    table.columns.forEach((column, c) => {
      const money = table.money[index]?.[column];
      if (!MONEY_COLUMNS.has(column) || money === undefined) return;
      const cell = row.getCell(c + 1);
      cell.value = numberOf(money);
      cell.numFmt = numberFormatOf(money);
    });
  });
  const amountIndex = table.columns.indexOf('amount');
  const totals = sheet.addRow([texts.total]);
  totals.font = { bold: true };
  const totalCell = totals.getCell(amountIndex + 1);
  totalCell.value = numberOf(table.total);
  totalCell.numFmt = numberFormatOf(table.total);
  const currencyIndex = table.columns.indexOf('currency');
  totals.getCell(currencyIndex + 1).value = table.total.currency;
  sheet.columns.forEach((column, c) => {
    const longest = Math.max(...[table.header[c] ?? '', ...table.rows.map((r) => r[c] ?? '')].map(widthOf));
    column.width = Math.min(60, Math.max(8, longest + 2));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Chinese characters take two columns. */
const widthOf = (text: string): number =>
  [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
