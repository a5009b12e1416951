import { stringify } from 'csv-stringify/sync';
import type { ExportTable } from './export-table.js';

/** UTF-8 with a byte-order mark: without it Excel reads the file as the system code page and mangles Chinese. */
export function renderCsv(table: ExportTable): Uint8Array {
  const text = stringify([table.header, ...table.rows], { bom: true, record_delimiter: '\r\n' });
  return new TextEncoder().encode(text);
}
