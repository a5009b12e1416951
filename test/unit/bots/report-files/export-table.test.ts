import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildExportTable } from '../../../../src/bots/report-files/export-table.js';
import { neutraliseCell, renderCsv } from '../../../../src/bots/report-files/render-csv.js';
import { asCurrencyCode } from '../../../../src/domain/money/currency.js';
import { DEFAULT_CATEGORIES } from '../../../../src/domain/policy/categories.js';
import type { ExportLine } from '../../../../src/domain/ports/export-query.port.js';

const CNY = asCurrencyCode('CNY');
const line = (id: string, amountMinor: number, extra: Partial<ExportLine> = {}): ExportLine => ({
  id,
  kind: 'expense',
  incurredOn: '2030-03-02',
  categoryCode: 'travel',
  description: '高铁 "上海→北京", 二等座',
  original: { amountMinor, currency: CNY },
  amount: { amountMinor, currency: CNY },
  receipts: [],
  ...extra,
});
const categoryNames = new Map(DEFAULT_CATEGORIES.map((c) => [c.code, c.names]));

describe('export tables', () => {
  it('writes money as exact decimals and sums the total in minor units', () => {
    const lines = [
      line('ACME-0001', 4580),
      line('ACME-0002', 1),
      line('ACME-0003', -12000, { kind: 'adjustment' }),
    ];
    const table = buildExportTable({ lines, audience: 'client', locale: 'en', currency: CNY, categoryNames });
    const amount = table.columns.indexOf('amount');
    expect(table.rows.map((r) => r[amount])).toEqual(['45.80', '0.01', '-120.00']);
    expect(table.total).toEqual({ amountMinor: 4580 + 1 - 12000, currency: CNY });
    expect(table.rows[2]?.[table.columns.indexOf('category')]).toBe('Travel (adjustment)');
  });

  it('gives the client no internal column, even when a line carries internal fields', () => {
    const internal = {
      status: 'approved' as const,
      billable: true,
      submitterName: 'Alice',
      findingCodes: ['MISSING_RECEIPT'],
      missingReceiptReason: 'lost it',
    };
    const client = buildExportTable({
      lines: [line('ACME-0001', 100, { internal })],
      audience: 'client',
      locale: 'en',
      currency: CNY,
      categoryNames,
    });
    const text = [client.header, ...client.rows].flat().join('|');
    for (const hidden of ['Alice', 'Missing receipt', 'lost it', 'Approved', 'Status']) {
      expect(text).not.toContain(hidden);
    }
    const team = buildExportTable({
      lines: [line('ACME-0001', 100, { internal })],
      audience: 'internal',
      locale: 'zh-CN',
      currency: CNY,
      categoryNames,
    });
    expect(team.header).toEqual(expect.arrayContaining(['状态', '提交人', '风险提示']));
    expect(team.rows[0]).toEqual(expect.arrayContaining(['已批准', 'Alice', '缺少票据', '差旅']));
  });

  it('renders a CSV with a BOM that round-trips Chinese, quotes and commas', () => {
    const table = buildExportTable({
      lines: [line('ACME-0001', 12000)],
      audience: 'client',
      locale: 'zh-CN',
      currency: CNY,
      categoryNames,
    });
    const bytes = renderCsv(table);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(Buffer.from(bytes), { bom: true }) as string[][];
    expect(rows).toEqual([[...table.header], ...table.rows.map((r) => [...r])]);
    expect(rows[1]).toContain('高铁 "上海→北京", 二等座');
  });

  it('prefixes every text cell a spreadsheet would evaluate with a quote, and leaves money cells numbers', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n']) {
      expect(neutraliseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    }
    for (const safe of ['lunch', '1+1', "'=already text", ' =1', '商户=1', '']) {
      expect(neutraliseCell(safe)).toBe(safe);
    }
    const table = buildExportTable({
      lines: [
        line('ACME-0001', -12000, { kind: 'adjustment', description: '-refund', merchant: '@evil' }),
        line('ACME-0002', 500, { description: '\t=cmd', merchant: '+shop' }),
      ],
      audience: 'internal',
      locale: 'en',
      currency: CNY,
      categoryNames,
    });
    const rows = parse(Buffer.from(renderCsv(table)), { bom: true }) as string[][];
    const column = (name: string) => table.header.indexOf(name);
    expect(rows[1]?.[column('Description')]).toBe("'-refund");
    expect(rows[1]?.[column('Merchant')]).toBe("'@evil");
    expect(rows[1]?.[column('Amount')]).toBe('-120.00');
    expect(rows[1]?.[column('Original amount')]).toBe('-120.00');
    expect(rows[2]?.[column('Description')]).toBe("'\t=cmd");
    expect(rows[2]?.[column('Merchant')]).toBe("'+shop");
  });
});
