// The commands about a client as a whole: reports, budgets, exports, risk, and setting clients and channels up.
import type { Result } from '../../../domain/shared/result.js';
import { ok } from '../../../domain/shared/result.js';
import { parseLocale } from '../i18n/locale.js';
import { readPeriodWords, refuseExtra, takeClient } from './argument-readers.js';
import type { Command, DateSpec, ReportSchedule } from './command.js';
import { type GrammarFailure, refuse } from './grammar-failure.js';
import {
  AUDIENCE_WORDS,
  BUDGET_ACTION_WORDS,
  BUDGET_PERIOD_WORDS,
  CHANNEL_BUDGET_WORDS,
  EXPORT_FORMAT_WORDS,
  lookupValue,
  SCHEDULE_WORDS,
  WEBHOOK_WORDS,
  wordIn,
} from './keywords.js';
import { readCron, readTimeZone, readUrl } from './read-settings.js';
import { normaliseCode, readClientRef, readCurrencyWord, readDate, readPeriod } from './read-values.js';
import { freeText, scanWords, stateAmount, takeFirstAmount } from './scan-words.js';
import type { Token } from './tokenize.js';

type Parsed = Result<Command, GrammarFailure>;

const parseClientView =
  (kind: 'report' | 'risk') =>
  (args: readonly Token[]): Parsed => {
    const client = takeClient(args, kind, 'project-allowed');
    if (!client.ok) return client;
    const period = readPeriodWords(client.value.rest, kind);
    if (!period.ok) return period;
    return ok({
      kind,
      client: client.value.value,
      ...(period.value === undefined ? {} : { period: period.value }),
    });
  };

export const parseReport = parseClientView('report');
export const parseRisk = parseClientView('risk');

export const parseBudget = (args: readonly Token[]): Parsed => {
  const client = takeClient(args, 'budget', 'project-allowed');
  if (!client.ok) return client;
  const extra = refuseExtra(client.value.rest, 'budget');
  return extra.ok ? ok({ kind: 'budget', client: client.value.value }) : extra;
};

export const parseExport = (args: readonly Token[]): Parsed => {
  const client = takeClient(args, 'export', 'project-allowed');
  if (!client.ok) return client;
  const rest = client.value.rest;
  const at = rest.findIndex(
    (token) => token.bare && lookupValue(EXPORT_FORMAT_WORDS, token.text) !== undefined,
  );
  const format = at < 0 ? undefined : lookupValue(EXPORT_FORMAT_WORDS, rest[at]?.text ?? '');
  if (format === undefined) {
    const last = rest[rest.length - 1];
    const guess = last !== undefined && readPeriod(last.text) === undefined ? last.text : null;
    return refuse('EXPORT_FORMAT_INVALID', { text: guess });
  }
  const period = readPeriodWords(
    rest.filter((_, i) => i !== at),
    'export',
  );
  if (!period.ok) return period;
  return ok({
    kind: 'export',
    client: client.value.value,
    ...(period.value === undefined ? {} : { period: period.value }),
    format,
  });
};

export const parseBudgetSet = (args: readonly Token[]): Parsed => {
  const scanned = scanWords(args, new Set(['client', 'category']), 'budget-set');
  if (!scanned.ok) return scanned;
  const { client, category } = scanned.value;
  if (client === undefined) return refuse('CLIENT_MISSING', { command: 'budget-set' });
  const taken = takeFirstAmount(scanned.value.rest, 'budget-set');
  if (taken === undefined) return refuse('AMOUNT_MISSING', { command: 'budget-set' });
  if (!taken.ok) return taken;
  const stated = stateAmount(taken.value.amount, taken.value.currency, 'budget-set');
  if (!stated.ok) return stated;
  let period: 'monthly' | 'quarterly' | 'yearly' | 'total' | undefined;
  let onExceed: 'warn' | 'escalate' | 'block' | undefined;
  const unknown: Token[] = [];
  for (const token of taken.value.rest) {
    const periodWord = token.bare ? lookupValue(BUDGET_PERIOD_WORDS, token.text) : undefined;
    const actionWord = token.bare ? lookupValue(BUDGET_ACTION_WORDS, token.text) : undefined;
    if (periodWord !== undefined && period === undefined) period = periodWord;
    else if (actionWord !== undefined && onExceed === undefined) onExceed = actionWord;
    else unknown.push(token);
  }
  if (period === undefined) return refuse('BUDGET_PERIOD_INVALID', { text: unknown[0]?.text ?? null });
  // The reason for a revision is quoted, so a mistyped keyword (`blok`) is refused instead of becoming the reason.
  const extra = refuseExtra(
    unknown.filter((token) => token.bare),
    'budget-set',
  );
  if (!extra.ok) return extra;
  const reason = freeText(unknown);
  return ok({
    kind: 'budget-set',
    client,
    ...stated.value,
    period,
    ...(category === undefined ? {} : { category }),
    ...(onExceed === undefined ? {} : { onExceed }),
    ...(reason === undefined ? {} : { reason }),
  });
};

export const parseClientAdd = (args: readonly Token[]): Parsed => {
  const [codeToken, ...rest] = args;
  if (codeToken === undefined) return refuse('CLIENT_MISSING', { command: 'client-add' });
  const code = normaliseCode(codeToken.text.replace(/^@/u, ''));
  if (code === undefined)
    return refuse('CLIENT_CODE_INVALID', { text: codeToken.text, command: 'client-add' });
  // The name runs up to the currency, so an unquoted name of several words still reads.
  const at = rest.findIndex((token) => token.bare && readCurrencyWord(token.text) !== undefined);
  if (at === 0) return refuse('NAME_MISSING', { command: 'client-add' });
  if (at < 0) {
    if (rest.length === 0) return refuse('NAME_MISSING', { command: 'client-add' });
    return refuse('CURRENCY_INVALID', { text: rest[1]?.text ?? null, command: 'client-add' });
  }
  const name = rest
    .slice(0, at)
    .map((t) => t.text)
    .join(' ');
  if (name.trim() === '') return refuse('NAME_MISSING', { command: 'client-add' });
  const currency = readCurrencyWord(rest[at]?.text ?? '');
  if (currency === undefined) return refuse('CURRENCY_INVALID', { text: null, command: 'client-add' });
  const [zoneToken, localeToken, ...more] = rest.slice(at + 1);
  const timeZone = zoneToken === undefined ? undefined : readTimeZone(zoneToken.text);
  if (timeZone === undefined) return refuse('TIMEZONE_INVALID', { text: zoneToken?.text ?? null });
  const locale = localeToken === undefined ? undefined : parseLocale(localeToken.text);
  if (localeToken !== undefined && locale === undefined)
    return refuse('LOCALE_INVALID', { text: localeToken.text });
  const extra = refuseExtra(more, 'client-add');
  if (!extra.ok) return extra;
  return ok({
    kind: 'client-add',
    code,
    name,
    currency,
    timeZone,
    ...(locale === undefined ? {} : { locale }),
  });
};

export const parseProjectAdd = (args: readonly Token[]): Parsed => {
  const [refToken, ...rest] = args;
  const reading = refToken?.bare === true ? readClientRef(refToken.text) : undefined;
  if (refToken === undefined || reading === undefined)
    return refuse('CLIENT_MISSING', { command: 'project-add' });
  if (!reading.ok) {
    const code = reading.problem === 'client' ? 'CLIENT_CODE_INVALID' : 'PROJECT_CODE_INVALID';
    return refuse(code, { text: reading.text, command: 'project-add' });
  }
  const { client, project } = reading.ref;
  if (project === undefined) return refuse('PROJECT_MISSING', { command: 'project-add' });
  const firstDate = rest.findIndex((token) => token.bare && readDate(token.text) !== undefined);
  const nameTokens = firstDate < 0 ? rest : rest.slice(0, firstDate);
  const name = nameTokens.map((t) => t.text).join(' ');
  if (name.trim() === '') return refuse('NAME_MISSING', { command: 'project-add' });
  const dates: DateSpec[] = [];
  const dateTokens = firstDate < 0 ? [] : rest.slice(firstDate);
  for (const token of dateTokens.slice(0, 2)) {
    const date = token.bare ? readDate(token.text) : undefined;
    if (date === undefined) break;
    if (date === 'invalid') return refuse('DATE_INVALID', { text: token.text, command: 'project-add' });
    dates.push(date);
  }
  const extra = refuseExtra(dateTokens.slice(dates.length), 'project-add');
  if (!extra.ok) return extra;
  const [start, end] = dates;
  return ok({
    kind: 'project-add',
    client,
    project,
    name,
    ...(start === undefined ? {} : { start }),
    ...(end === undefined ? {} : { end }),
  });
};

export const parseClientChannel = (args: readonly Token[]): Parsed => {
  const client = takeClient(args, 'client-channel', 'client-only');
  if (!client.ok) return client;
  const rest = client.value.rest;
  let audience: 'internal' | 'client' | undefined;
  let schedule: ReportSchedule | undefined;
  let budgetWarnings = false;
  let webhook: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i];
    if (token === undefined) continue;
    const audienceWord = token.bare ? lookupValue(AUDIENCE_WORDS, token.text) : undefined;
    const scheduleWord = token.bare ? lookupValue(SCHEDULE_WORDS, token.text) : undefined;
    if (audienceWord !== undefined && audience === undefined) {
      audience = audienceWord;
    } else if (scheduleWord !== undefined && schedule === undefined) {
      schedule = { kind: scheduleWord };
    } else if (!token.bare && schedule === undefined) {
      const expression = readCron(token.text);
      if (expression === undefined) return refuse('CRON_INVALID', { text: token.text });
      schedule = { kind: 'cron', expression };
    } else if (token.bare && wordIn(CHANNEL_BUDGET_WORDS, token.text)) {
      budgetWarnings = true;
    } else if (token.bare && wordIn(WEBHOOK_WORDS, token.text) && webhook === undefined) {
      const next = rest[i + 1];
      const url = next === undefined ? undefined : readUrl(next.text);
      if (url === undefined) return refuse('URL_INVALID', { text: next?.text ?? null });
      webhook = url;
      i++;
    } else if (audience === undefined) {
      return refuse('AUDIENCE_INVALID', { text: token.text });
    } else {
      return refuse('UNEXPECTED_WORDS', {
        words: rest
          .slice(i)
          .map((t) => t.text)
          .join(' '),
        command: 'client-channel',
      });
    }
  }
  if (audience === undefined) return refuse('AUDIENCE_INVALID', { text: null });
  return ok({
    kind: 'client-channel',
    client: client.value.value.client,
    audience,
    ...(schedule === undefined ? {} : { schedule }),
    budgetWarnings,
    ...(webhook === undefined ? {} : { webhook }),
  });
};
