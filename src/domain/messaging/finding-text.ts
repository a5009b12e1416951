// A risk finding as one localised sentence built from its evidence ("Possible split: 3 items of CN¥480.00 on
// 2 Mar, tier limit CN¥500.00, total CN¥1,440.00"). Evidence is a loose record, so every fact is read defensively:
// a finding whose evidence lacks what its sentence needs is named instead ("Possible split"), never garbled.
import { formatMoney, isCurrencyCode } from '../money/index.js';
import { isIsoDate } from '../periods/calendar-date.js';
import type { Finding, FindingCode } from '../risk/finding.js';
import { type CardLocale, formatPercent, formatShortDate, formatWeekday } from './card-format.js';
import { cardText, type FindingParams } from './card-text.js';

export type FindingContext = {
  readonly locale: CardLocale;
  /** The expense's category as the reader knows it; findings name `#code` without it. */
  readonly categoryName?: string;
};

type Evidence = Finding['evidence'];

const numberAt = (evidence: Evidence, key: string): number | undefined => {
  const value = evidence[key];
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
};

const textAt = (evidence: Evidence, key: string): string | undefined => {
  const value = evidence[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

const moneyAt = (evidence: Evidence, key: string, locale: CardLocale): string | undefined => {
  const amountMinor = numberAt(evidence, key);
  const currency = textAt(evidence, 'currency');
  if (amountMinor === undefined || currency === undefined || !isCurrencyCode(currency)) return undefined;
  return formatMoney({ amountMinor, currency }, locale);
};

const dateAt = (evidence: Evidence, key: string, locale: CardLocale): string | undefined => {
  const value = textAt(evidence, key);
  return value !== undefined && isIsoDate(value) ? formatShortDate(value, locale) : undefined;
};

const listAt = (evidence: Evidence, key: string): string[] =>
  (textAt(evidence, key) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/** Every value present, or undefined: the sentence is built only from complete facts. */
const allOf = <P extends Record<string, unknown>>(
  params: {
    readonly [K in keyof P]: P[K] | undefined;
  },
): P | undefined => (Object.values(params).every((value) => value !== undefined) ? (params as P) : undefined);

const categoryOf = (evidence: Evidence, context: FindingContext): string | undefined => {
  if (context.categoryName !== undefined) return context.categoryName;
  const code = textAt(evidence, 'category');
  return code === undefined ? undefined : `#${code}`;
};

const othersWithDates = (evidence: Evidence, locale: CardLocale): string | undefined => {
  const text = cardText(locale);
  const ids = listAt(evidence, 'otherIds');
  if (ids.length === 0) return undefined;
  const dates = listAt(evidence, 'otherDates');
  return ids
    .map((id, i) => {
      const date = dates[i];
      return date !== undefined && isIsoDate(date)
        ? text.withDate({ item: id, date: formatShortDate(date, locale) })
        : id;
    })
    .join(text.listSeparator);
};

const othersOf = (evidence: Evidence, locale: CardLocale): string | undefined => {
  const ids = listAt(evidence, 'otherIds');
  return ids.length === 0 ? undefined : ids.join(cardText(locale).listSeparator);
};

const splitItem = (evidence: Evidence, locale: CardLocale): string | undefined => {
  const min = moneyAt(evidence, 'minItemMinor', locale);
  const max = moneyAt(evidence, 'maxItemMinor', locale);
  if (min === undefined || max === undefined) return undefined;
  return min === max ? min : `${min}–${max}`;
};

type SentenceOf = {
  readonly [C in FindingCode]: (finding: Finding, context: FindingContext) => string | undefined;
};

const SENTENCES: SentenceOf = {
  PROHIBITED_CATEGORY: ({ evidence: e }, c) => {
    const p = allOf<FindingParams['PROHIBITED_CATEGORY']>({
      category: categoryOf(e, c),
      amount: moneyAt(e, 'amountMinor', c.locale),
    });
    return p && cardText(c.locale).finding.PROHIBITED_CATEGORY(p);
  },
  OVER_BUDGET: ({ evidence: e }, c) => {
    const basis = textAt(e, 'basis');
    const percentAfterBp = numberAt(e, 'percentAfterBp');
    const p = allOf<FindingParams['OVER_BUDGET']>({
      exceedBy: moneyAt(e, 'exceedByMinor', c.locale),
      budget: moneyAt(e, 'budgetMinor', c.locale),
      percentAfter: percentAfterBp === undefined ? undefined : formatPercent(percentAfterBp, c.locale),
      basis: basis === 'actual' || basis === 'committed' ? basis : undefined,
    });
    return p && cardText(c.locale).finding.OVER_BUDGET(p);
  },
  OVER_CATEGORY_LIMIT: ({ evidence: e }, c) => {
    const p = allOf<FindingParams['OVER_CATEGORY_LIMIT']>({
      category: categoryOf(e, c),
      amount: moneyAt(e, 'amountMinor', c.locale),
      limit: moneyAt(e, 'limitMinor', c.locale),
      overBy: moneyAt(e, 'overByMinor', c.locale),
    });
    return p && cardText(c.locale).finding.OVER_CATEGORY_LIMIT(p);
  },
  DUPLICATE_INVOICE: ({ evidence: e }, c) => {
    const p = allOf<FindingParams['DUPLICATE_INVOICE']>({
      invoiceNumber: textAt(e, 'invoiceNumber'),
      others: othersOf(e, c.locale),
    });
    return p && cardText(c.locale).finding.DUPLICATE_INVOICE(p);
  },
  DUPLICATE_RECEIPT: ({ evidence: e }, c) => {
    const p = allOf<FindingParams['DUPLICATE_RECEIPT']>({ others: othersOf(e, c.locale) });
    return p && cardText(c.locale).finding.DUPLICATE_RECEIPT(p);
  },
  DUPLICATE_SUSPECTED: ({ evidence: e }, c) => {
    const p = allOf<FindingParams['DUPLICATE_SUSPECTED']>({
      amount: moneyAt(e, 'amountMinor', c.locale),
      others: othersWithDates(e, c.locale),
      windowDays: numberAt(e, 'windowDays'),
    });
    return p && cardText(c.locale).finding.DUPLICATE_SUSPECTED(p);
  },
  SPLIT_SUSPECTED: ({ evidence: e }, c) => {
    const p = allOf<FindingParams['SPLIT_SUSPECTED']>({
      count: numberAt(e, 'count'),
      item: splitItem(e, c.locale),
      date: dateAt(e, 'date', c.locale),
      tierLimit: moneyAt(e, 'tierLimitMinor', c.locale),
      total: moneyAt(e, 'totalMinor', c.locale),
    });
    return p && cardText(c.locale).finding.SPLIT_SUSPECTED(p);
  },
  MISSING_RECEIPT: ({ evidence: e }, c) => {
    const p = allOf<FindingParams['MISSING_RECEIPT']>({
      amount: moneyAt(e, 'amountMinor', c.locale),
      threshold: moneyAt(e, 'thresholdMinor', c.locale),
    });
    return p && cardText(c.locale).finding.MISSING_RECEIPT(p);
  },
  LATE_SUBMISSION: ({ evidence: e }, c) => {
    const p = allOf<FindingParams['LATE_SUBMISSION']>({
      incurredOn: dateAt(e, 'incurredOn', c.locale),
      ageDays: numberAt(e, 'ageDays'),
      maxAgeDays: numberAt(e, 'maxAgeDays'),
    });
    return p && cardText(c.locale).finding.LATE_SUBMISSION(p);
  },
  UNUSUAL_AMOUNT: ({ evidence: e }, c) => {
    const p = allOf<FindingParams['UNUSUAL_AMOUNT']>({
      category: categoryOf(e, c),
      amount: moneyAt(e, 'amountMinor', c.locale),
      median: moneyAt(e, 'medianMinor', c.locale),
      sampleSize: numberAt(e, 'sampleSize'),
    });
    return p && cardText(c.locale).finding.UNUSUAL_AMOUNT(p);
  },
  ROUND_NUMBER: ({ evidence: e }, c) => {
    const p = allOf<FindingParams['ROUND_NUMBER']>({ amount: moneyAt(e, 'amountMinor', c.locale) });
    return p && cardText(c.locale).finding.ROUND_NUMBER(p);
  },
  WEEKEND: ({ evidence: e }, c) => {
    const date = textAt(e, 'date');
    const p = allOf<FindingParams['WEEKEND']>({
      date: dateAt(e, 'date', c.locale),
      weekday: date !== undefined && isIsoDate(date) ? formatWeekday(date, c.locale) : undefined,
    });
    return p && cardText(c.locale).finding.WEEKEND(p);
  },
};

/** The finding as a sentence for cards and internal reports. */
export const describeFinding = (finding: Finding, context: FindingContext): string =>
  SENTENCES[finding.code](finding, context) ?? cardText(context.locale).findingName[finding.code];
