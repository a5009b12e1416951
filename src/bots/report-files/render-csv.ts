import { stringify } from 'csv-stringify/sync';
import { type ExportTable, MONEY_COLUMNS } from './export-table.js';

/**
 * What a spreadsheet evaluates when a cell starts with it (OWASP "CSV injection"): a formula (`=`, `+`, `-`, `@`),
 * or a tab, carriage return or line feed that some programs skip before reading the `=` behind them.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * A text cell a spreadsheet shows as written: a leading `'` makes Excel, LibreOffice and Google Sheets read it as
 * text (`=HYPERLINK(…)` from a merchant name stays words). Money cells are ours — decimals from minor units, `-120.00`
 * for an adjustment — and stay numbers.
 */
export const neutraliseCell = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/** UTF-8 with a byte-order mark: without it Excel reads the file as the system code page and mangles Chinese. */
export function renderCsv(table: ExportTable): Uint8Array {
  const rows = table.rows.map((row) =>
    row.map((cell, c) => {
      const column = table.columns[c];
      return column !== undefined && MONEY_COLUMNS.has(column) ? cell : neutraliseCell(cell);
    }),
  );
  const text = stringify([table.header.map(neutraliseCell), ...rows], {
    bom: true,
    record_delimiter: '\r\n',
  });
  return new TextEncoder().encode(text);
}
