// One PNG, drawn straight onto a canvas (no browser, no chart library): spend by category as bars on the left,
// cumulative spend against the budget level on the right. Bars are whole-pixel rectangles in one known colour, so
// their heights are exactly proportional to the totals and a test can measure them.
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { formatMoney } from '../../domain/money/format-money.js';
import type { CurrencyCode } from '../../domain/money/money.js';
import { addDays, daysBetween, type IsoDate } from '../../domain/periods/calendar-date.js';
import type { Locale } from '../shared/i18n/locale.js';
import { CHART_FONT_FAMILY, ensureChartFont } from './chart-font.js';
import { reportFileTexts } from './report-file-texts.js';

export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 600;
/** Bar fill, used nowhere else in the image. */
export const BAR_COLOUR = { r: 0x2f, g: 0x6f, b: 0xdf } as const;
/** The bar panel's plot area: bars stand on `bottom`, the largest reaches `top`. */
export const BAR_AREA = { left: 40, right: 580, top: 120, bottom: 470 } as const;
const LINE_AREA = { left: 680, right: 1160, top: 120, bottom: 470 } as const;

const INK = '#333333';
const GRID = '#d9d9d9';
const LINE_COLOUR = '#1b9e5a';
const BUDGET_COLOUR = '#d0342c';

export type ChartInput = {
  readonly title: string;
  readonly locale: Locale;
  readonly currency: CurrencyCode;
  readonly from: IsoDate;
  readonly through: IsoDate;
  /** Largest first; labels already localised. */
  readonly categories: readonly { readonly label: string; readonly amountMinor: number }[];
  readonly byDay: readonly { readonly date: IsoDate; readonly amountMinor: number }[];
  /** Spend of the budget period before `from`, where the cumulative line starts. */
  readonly carriedMinor: number;
  readonly budgetMinor?: number | undefined;
};

const hex = ({ r, g, b }: typeof BAR_COLOUR) =>
  `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

export async function renderChart(input: ChartInput): Promise<Uint8Array> {
  ensureChartFont();
  const texts = reportFileTexts(input.locale).chart;
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const ctx = canvas.getContext('2d');
  const font = (px: number, bold = false) => `${bold ? 'bold ' : ''}${px}px "${CHART_FONT_FAMILY}"`;
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: input.currency }, input.locale);

  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, CHART_WIDTH, CHART_HEIGHT);
  ctx.fillStyle = INK;
  ctx.font = font(22, true);
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(input.title, 40, 44, CHART_WIDTH - 80);
  ctx.font = font(18, true);
  ctx.fillText(texts.byCategory, BAR_AREA.left, 90);
  ctx.fillText(texts.cumulative, LINE_AREA.left, 90);

  drawBars(ctx, input, font, money, texts.noSpend);
  drawCumulative(ctx, input, font, money, texts);

  return new Uint8Array(await canvas.encode('png'));
}

function drawBars(
  ctx: SKRSContext2D,
  input: ChartInput,
  font: (px: number, bold?: boolean) => string,
  money: (amountMinor: number) => string,
  noSpend: string,
): void {
  const area = BAR_AREA;
  const height = area.bottom - area.top;
  ctx.fillStyle = GRID;
  ctx.fillRect(area.left, area.bottom, area.right - area.left, 1);
  const shown = input.categories.filter((c) => c.amountMinor > 0);
  const largest = Math.max(0, ...shown.map((c) => c.amountMinor));
  if (shown.length === 0 || largest === 0) {
    ctx.fillStyle = INK;
    ctx.font = font(16);
    ctx.fillText(noSpend, area.left + 10, area.top + height / 2);
    return;
  }
  const slot = Math.floor((area.right - area.left) / shown.length);
  const barWidth = Math.max(4, Math.min(80, Math.floor(slot * 0.6)));
  shown.forEach((category, i) => {
    // Integer arithmetic on minor units: the bar's height is the share of the largest total, rounded to a pixel.
    const barHeight = Math.round((category.amountMinor * height) / largest);
    const x = area.left + i * slot + Math.floor((slot - barWidth) / 2);
    ctx.fillStyle = hex(BAR_COLOUR);
    ctx.fillRect(x, area.bottom - barHeight, barWidth, barHeight);
    ctx.fillStyle = INK;
    ctx.textAlign = 'center';
    ctx.font = font(13);
    ctx.fillText(money(category.amountMinor), x + barWidth / 2, area.bottom - barHeight - 8, slot - 4);
    ctx.font = font(15);
    ctx.fillText(category.label, x + barWidth / 2, area.bottom + 24, slot - 4);
    ctx.textAlign = 'left';
  });
}

function drawCumulative(
  ctx: SKRSContext2D,
  input: ChartInput,
  font: (px: number, bold?: boolean) => string,
  money: (amountMinor: number) => string,
  texts: ReturnType<typeof reportFileTexts>['chart'],
): void {
  const area = LINE_AREA;
  const days = daysBetween(input.from, input.through) + 1;
  const spentByDay = new Map(input.byDay.map((d) => [d.date, d.amountMinor]));
  const points: number[] = [];
  let running = input.carriedMinor;
  for (let i = 0; i < days; i++) {
    running += spentByDay.get(addDays(input.from, i)) ?? 0;
    points.push(running);
  }
  const top = Math.max(1, input.budgetMinor ?? 0, input.carriedMinor, ...points) * 1.1;
  const yOf = (amountMinor: number) =>
    area.bottom - (Math.max(0, amountMinor) / top) * (area.bottom - area.top);
  const xOf = (index: number) =>
    days === 1 ? area.left : area.left + (index / (days - 1)) * (area.right - area.left);

  ctx.fillStyle = GRID;
  ctx.fillRect(area.left, area.bottom, area.right - area.left, 1);
  ctx.fillRect(area.left, area.top, 1, area.bottom - area.top);
  ctx.fillStyle = INK;
  ctx.font = font(13);
  ctx.fillText(input.from, area.left, area.bottom + 24);
  ctx.textAlign = 'right';
  ctx.fillText(input.through, area.right, area.bottom + 24);
  ctx.textAlign = 'left';

  if (input.budgetMinor !== undefined) {
    const y = yOf(input.budgetMinor);
    ctx.strokeStyle = BUDGET_COLOUR;
    ctx.lineWidth = 2;
    ctx.setLineDash([8, 6]);
    ctx.beginPath();
    ctx.moveTo(area.left, y);
    ctx.lineTo(area.right, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = BUDGET_COLOUR;
    ctx.fillText(texts.budget(money(input.budgetMinor)), area.left + 8, y - 8);
  } else {
    ctx.fillStyle = INK;
    ctx.fillText(texts.noBudget, area.left + 8, area.top - 8);
  }

  ctx.strokeStyle = LINE_COLOUR;
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(xOf(0), yOf(input.carriedMinor));
  points.forEach((value, i) => {
    ctx.lineTo(xOf(i), yOf(value));
  });
  ctx.stroke();
  const last = points.at(-1) ?? input.carriedMinor;
  ctx.fillStyle = LINE_COLOUR;
  ctx.textAlign = 'right';
  ctx.fillText(`${texts.spend} ${money(last)}`, area.right, Math.max(area.top + 14, yOf(last) - 10));
  ctx.textAlign = 'left';
}
