// A report (docs/product-rules.md §6) as a neutral card, in either language, from the report model alone — so a
// report stored in the outbox renders the same at delivery. The client-facing card is built only from the client
// report's own fields, which hold approved billable spend and nothing internal.
import type { Forecast } from '../budgets/forecast.js';
import { formatMoney } from '../money/index.js';
import type { Money } from '../money/money.js';
import type { ReportArtifactKind } from '../ports/report-links.port.js';
import type {
  CategoryShare,
  ClientReport,
  InternalLine,
  InternalReport,
  ProjectShare,
  ReportBudget,
  ReportLine,
  ReportModel,
} from '../reports/report-model.js';
import {
  type Card,
  type CardField,
  type CardImage,
  type CardLink,
  type CardSection,
  fitCard,
  truncateText,
  worstTone,
} from './card.js';
import {
  type CardLocale,
  describePeriod,
  formatLongDate,
  formatPercent,
  formatShortDate,
} from './card-format.js';
import { bold, escapeMarkup } from './card-markup.js';
import { cardText } from './card-text.js';
import { forecastLines, toneOfBudget } from './render-budget-card.js';
import { reportText } from './report-text.js';

export type ReportCardInput = {
  readonly report: ReportModel;
  readonly locale: CardLocale;
  readonly links?: Readonly<Partial<Record<ReportArtifactKind, string>>>;
};

/** Lines a card lists before "…and N more"; the exports hold every one. */
export const REPORT_CARD_LINES = 15;
const DESCRIPTION_CHARS = 50;
const LINK_ORDER: readonly ReportArtifactKind[] = ['csv', 'xlsx', 'zip', 'chart'];

const signedPercent = (basisPoints: number, locale: CardLocale): string => {
  const magnitude = formatPercent(Math.abs(basisPoints), locale);
  return basisPoints > 0 ? `+${magnitude}` : basisPoints < 0 ? `-${magnitude}` : magnitude;
};

type Ctx = {
  readonly report: ReportModel;
  readonly locale: CardLocale;
  readonly money: (amountMinor: number) => string;
};

const contextOf = (report: ReportModel, locale: CardLocale): Ctx => ({
  report,
  locale,
  money: (amountMinor) => formatMoney({ amountMinor, currency: report.client.currency }, locale),
});

const comparisonField = (c: Ctx): CardField => {
  const text = reportText(c.locale);
  const { total, previous } = c.report;
  const previousName = describePeriod(previous.key, c.locale);
  const signedAmount = `${total.deltaMinor > 0 ? '+' : ''}${c.money(total.deltaMinor)}`;
  return {
    label: text.field.comparison,
    value:
      total.deltaBp === undefined
        ? text.versusNothing({ previous: previousName })
        : text.versus({
            percent: signedPercent(total.deltaBp, c.locale),
            amount: signedAmount,
            previous: previousName,
          }),
  };
};

const shareLines = (
  c: Ctx,
  rows: readonly { name: string; amountMinor: number; shareBp: number; count: number }[],
) =>
  rows
    .map((row) =>
      escapeMarkup(
        reportText(c.locale).shareLine({
          name: row.name,
          amount: c.money(row.amountMinor),
          share: formatPercent(row.shareBp, c.locale),
          count: row.count,
        }),
      ),
    )
    .join('\n');

const categorySection = (c: Ctx, rows: readonly CategoryShare[]): CardSection => ({
  heading: reportText(c.locale).heading.byCategory,
  text: shareLines(
    c,
    rows.map((row) => ({ ...row, name: row.name[c.locale] })),
  ),
});

const projectSection = (c: Ctx, rows: readonly ProjectShare[]): CardSection => ({
  heading: reportText(c.locale).heading.byProject,
  text: shareLines(
    c,
    rows.map((row) => ({ ...row, name: row.projectName ?? reportText(c.locale).noProject })),
  ),
});

const categoryName = (c: Ctx, code: string): string =>
  c.report.byCategory.find((row) => row.categoryCode === code)?.name[c.locale] ?? code;

const lineText = (c: Ctx, line: ReportLine, extra: readonly string[] = []): string => {
  const text = reportText(c.locale);
  const separator = cardText(c.locale).separator;
  const description =
    line.kind === 'adjustment' && line.description === '' ? text.adjustment : line.description.trim();
  const parts = [
    formatShortDate(line.incurredOn, c.locale),
    c.money(line.amountMinor),
    line.categoryName?.[c.locale] ?? categoryName(c, line.categoryCode),
    ...(line.projectName === undefined ? [] : [line.projectName]),
    ...extra,
    ...(description === '' ? [] : [truncateText(description, DESCRIPTION_CHARS)]),
  ];
  return `${bold(line.id)}${escapeMarkup(separator)}${parts.map(escapeMarkup).join(escapeMarkup(separator))}`;
};

const listText = (c: Ctx, lines: readonly string[], more: number, empty: string): string => {
  if (lines.length === 0) return escapeMarkup(empty);
  return [
    ...lines,
    ...(more > 0 ? [escapeMarkup(reportText(c.locale).moreLines({ count: more }))] : []),
  ].join('\n');
};

const scopeName = (c: Ctx, budget: ReportBudget): string => {
  const separator = cardText(c.locale).separator;
  const client = c.report.client.name;
  const withProject =
    budget.scope.projectName === undefined
      ? client
      : reportText(c.locale).projectScope({ client, project: budget.scope.projectName });
  return budget.scope.categoryCode === undefined
    ? withProject
    : `${withProject}${separator}${categoryName(c, budget.scope.categoryCode)}`;
};

const budgetMoney = (c: Ctx, amountMinor: number): Money => ({
  amountMinor,
  currency: c.report.client.currency,
});

/** The stored snapshot back as the forecast the budget card's sentences read. */
const forecastOf = (b: ReportBudget): Forecast | undefined =>
  b.forecast === undefined
    ? undefined
    : { ...b.forecast, actualMinor: b.actualMinor, committedMinor: b.committedMinor };

const internalBudgetSection = (c: Ctx, budgets: readonly ReportBudget[]): CardSection => {
  const text = cardText(c.locale).budget;
  if (budgets.length === 0) {
    return {
      heading: reportText(c.locale).heading.budgets,
      text: escapeMarkup(reportText(c.locale).noBudgets),
    };
  }
  const lines = budgets.flatMap((b) => {
    const forecast = forecastOf(b);
    return [
      bold(text.heading({ scope: scopeName(c, b), period: describePeriod(b.periodKey, c.locale) })),
      escapeMarkup(
        text.line({
          actual: c.money(b.actualMinor),
          committed: c.money(b.committedMinor),
          percent: formatPercent(b.percentBp, c.locale),
        }),
      ),
      ...(b.actualMinor + b.committedMinor > b.budgetMinor
        ? [escapeMarkup(text.overBy({ amount: c.money(b.actualMinor + b.committedMinor - b.budgetMinor) }))]
        : []),
      ...forecastLines(forecast, budgetMoney(c, b.budgetMinor), c.locale).map(escapeMarkup),
    ];
  });
  const tone = worstTone(
    budgets.map((b) => toneOfBudget(b.actualMinor + b.committedMinor, b.budgetMinor, forecastOf(b))),
  );
  return { heading: reportText(c.locale).heading.budgets, text: lines.join('\n'), tone };
};

const clientBudgetSection = (c: Ctx, budgets: readonly ReportBudget[]): CardSection => {
  const text = cardText(c.locale).budget;
  const lines = budgets.flatMap((b) => [
    bold(text.heading({ scope: scopeName(c, b), period: describePeriod(b.periodKey, c.locale) })),
    escapeMarkup(
      text.clientText({
        spent: c.money(b.actualMinor),
        budget: c.money(b.budgetMinor),
        percent: formatPercent(b.percentBp, c.locale),
      }),
    ),
  ]);
  return {
    heading: reportText(c.locale).heading.budgets,
    text: lines.length === 0 ? escapeMarkup(reportText(c.locale).noBudgets) : lines.join('\n'),
  };
};

const linksOf = (input: ReportCardInput): { links: CardLink[]; images: CardImage[] } => {
  const text = reportText(input.locale);
  const given = input.links ?? {};
  const links = LINK_ORDER.flatMap((kind) => {
    const url = given[kind];
    return url === undefined ? [] : [{ label: text.link[kind], url }];
  });
  const chart = given.chart;
  return { links, images: chart === undefined ? [] : [{ url: chart, alt: text.chartAlt }] };
};

const headerOf = (c: Ctx) => {
  const text = reportText(c.locale);
  const client =
    c.report.projectName === undefined
      ? c.report.client.name
      : text.projectScope({ client: c.report.client.name, project: c.report.projectName });
  const range = text.range({
    from: formatShortDate(c.report.period.start, c.locale),
    through: formatLongDate(c.report.period.end, c.locale),
  });
  return { client, period: describePeriod(c.report.period.key, c.locale), range };
};

const footerOf = (c: Ctx): string =>
  reportText(c.locale).footer({
    currency: c.report.client.currency,
    date: formatLongDate(c.report.asOf, c.locale),
  });

function renderInternal(report: InternalReport, input: ReportCardInput): Card {
  const c = contextOf(report, input.locale);
  const text = reportText(input.locale);
  const header = headerOf(c);
  const fields: CardField[] = [
    { label: text.field.approved, value: c.money(report.total.currentMinor), short: true },
    { label: text.field.billable, value: c.money(report.billableMinor), short: true },
    comparisonField(c),
    {
      label: text.field.pending,
      value: text.pendingValue({ amount: c.money(report.pending.totalMinor), count: report.pending.count }),
      short: true,
    },
    ...(report.forecast === undefined
      ? []
      : [
          {
            label: text.field.forecast,
            value: text.forecastValue({
              projected: c.money(report.forecast.projectedMinor),
              date: formatShortDate(report.period.end, input.locale),
              pace: c.money(report.forecast.paceMinorPerDay),
              elapsed: report.forecast.elapsedDays,
              total: report.forecast.totalDays,
              committed: c.money(report.forecast.committedMinor),
            }),
          },
        ]),
  ];
  const status = (line: InternalLine): string[] => [
    ...(line.status === 'pending' ? [cardText(input.locale).status.pending] : []),
    ...(line.billable ? [] : [`${cardText(input.locale).field.billable}: ${cardText(input.locale).no}`]),
  ];
  const findingNames = cardText(input.locale).findingName;
  const sections: CardSection[] = [
    report.byCategory.length === 0
      ? { text: escapeMarkup(text.nothing) }
      : categorySection(c, report.byCategory),
    ...(report.byProject.length > 1 || report.byProject.some((p) => p.projectId !== undefined)
      ? [projectSection(c, report.byProject)]
      : []),
    internalBudgetSection(c, report.budgets),
    ...(report.topItems.length === 0
      ? []
      : [
          {
            heading: text.heading.topItems,
            text: report.topItems.map((line) => lineText(c, line, status(line))).join('\n'),
          },
        ]),
    {
      heading: text.heading.pendingItems,
      text: listText(
        c,
        report.pending.items.map((line) => lineText(c, line, status(line))),
        report.pending.count - report.pending.items.length,
        text.noPending,
      ),
    },
    {
      heading: text.heading.risk,
      text:
        report.risk.counts.length === 0
          ? escapeMarkup(text.noFindings)
          : [
              escapeMarkup(
                aggregateFindings(report)
                  .map((f) => text.findingCount({ name: findingNames[f.code], count: f.count }))
                  .join(cardText(input.locale).separator),
              ),
              ...report.risk.top.map((line) => lineText(c, line, [findingNames[line.code]])),
            ].join('\n'),
      ...(report.risk.top.some((f) => f.severity === 'high') ? { tone: 'warning' as const } : {}),
    },
  ];
  const { links, images } = linksOf(input);
  return fitCard({
    title: text.internalTitle({ client: header.client, period: header.period }),
    subtitle: text.internalSubtitle({ range: header.range }),
    fields,
    sections,
    images,
    actions: [],
    links,
    footer: footerOf(c),
  });
}

/** One count per finding code (a code may appear at more than one severity). */
const aggregateFindings = (report: InternalReport) => {
  const byCode = new Map<InternalReport['risk']['counts'][number]['code'], number>();
  for (const row of report.risk.counts) byCode.set(row.code, (byCode.get(row.code) ?? 0) + row.count);
  return [...byCode.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count);
};

function renderClient(report: ClientReport, input: ReportCardInput): Card {
  const c = contextOf(report, input.locale);
  const text = reportText(input.locale);
  const header = headerOf(c);
  const shown = report.lines.items.slice(0, REPORT_CARD_LINES);
  const sections: CardSection[] = [
    ...(report.byCategory.length === 0
      ? [{ text: escapeMarkup(text.nothing) }]
      : [
          categorySection(c, report.byCategory),
          ...(report.byProject.length > 1 || report.byProject.some((p) => p.projectId !== undefined)
            ? [projectSection(c, report.byProject)]
            : []),
          {
            heading: text.heading.lines,
            text: listText(
              c,
              shown.map((line) => lineText(c, line)),
              report.lines.count - shown.length,
              text.nothing,
            ),
          },
        ]),
    ...(report.budgets === undefined ? [] : [clientBudgetSection(c, report.budgets)]),
  ];
  const { links, images } = linksOf(input);
  return fitCard({
    title: text.clientTitle({ client: header.client, period: header.period }),
    subtitle: text.clientSubtitle({ range: header.range }),
    fields: [
      { label: text.field.total, value: c.money(report.total.currentMinor), short: true },
      comparisonField(c),
    ],
    sections,
    images,
    actions: [],
    links,
    footer: footerOf(c),
  });
}

export const renderReportCard = (input: ReportCardInput): Card =>
  input.report.audience === 'internal'
    ? renderInternal(input.report, input)
    : renderClient(input.report, input);
