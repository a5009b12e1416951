// Commands about people, rates, policy and the system itself, plus help and cancel.

import { parseAnchor } from '../../../domain/audit/audit-anchor.js';
import type { ParsedAmount } from '../../../domain/money/index.js';
import { parseCurrencyCode, parseRate } from '../../../domain/money/index.js';
import { normaliseLinkCode } from '../../../domain/people/link-code.js';
import type { Result } from '../../../domain/shared/result.js';
import { ok } from '../../../domain/shared/result.js';
import { refuseExtra, takeMember } from './argument-readers.js';
import type { Command, HelpTopic, MemberRef, PolicySetting } from './command.js';
import { type GrammarFailure, refuse } from './grammar-failure.js';
import {
  HELP_TOPIC_OF,
  HELP_TOPIC_WORDS,
  lookupValue,
  OFF_WORDS,
  POLICY_SETTING_WORDS,
  type PolicySettingKind,
  RECURRENCE_WORDS,
  ROLE_WORDS,
  UNTIL_WORDS,
  wordIn,
} from './keywords.js';
import { ownValue } from './own-value.js';
import { matchHead } from './read-head.js';
import { readCategory, readClientRef, readDate, readMention } from './read-values.js';
import { freeText, scanWords, stateAmount, takeAmountAt, takeFirstAmount } from './scan-words.js';
import type { Token } from './tokenize.js';

type Parsed = Result<Command, GrammarFailure>;

export const parseApprovers = (args: readonly Token[]): Parsed => {
  const [clientToken, stageToken, ...memberTokens] = args;
  const reading = clientToken?.bare === true ? readClientRef(clientToken.text) : undefined;
  if (clientToken === undefined || reading === undefined)
    return refuse('CLIENT_MISSING', { command: 'approvers' });
  if (!reading.ok) return refuse('CLIENT_CODE_INVALID', { text: reading.text, command: 'approvers' });
  if (reading.ref.project !== undefined) {
    return refuse('PROJECT_NOT_ALLOWED', { text: clientToken.text, command: 'approvers' });
  }
  const stageText = stageToken?.text.normalize('NFKC');
  const stage = stageText === '1' ? 1 : stageText === '2' ? 2 : stageText === '3' ? 3 : undefined;
  if (stage === undefined) return refuse('STAGE_INVALID', { text: stageToken?.text ?? null });
  if (memberTokens.length === 0) return refuse('MEMBER_MISSING', { command: 'approvers' });
  const members: MemberRef[] = [];
  for (const token of memberTokens) {
    const member = token.bare ? readMention(token.text) : undefined;
    if (member === undefined) return refuse('MEMBER_INVALID', { text: token.text, command: 'approvers' });
    members.push(member);
  }
  return ok({ kind: 'approvers', client: reading.ref.client, stage, members });
};

export const parseRole = (args: readonly Token[]): Parsed => {
  const member = takeMember(args, 'role');
  if (!member.ok) return member;
  const [roleToken, ...more] = member.value.rest;
  const role = roleToken?.bare === true ? lookupValue(ROLE_WORDS, roleToken.text) : undefined;
  if (role === undefined) return refuse('ROLE_INVALID', { text: roleToken?.text ?? null });
  const extra = refuseExtra(more, 'role');
  return extra.ok ? ok({ kind: 'role', member: member.value.value, role }) : extra;
};

export const parseDelegate = (args: readonly Token[]): Parsed => {
  const member = takeMember(args, 'delegate');
  if (!member.ok) return member;
  let rest = member.value.rest;
  if (rest[0]?.bare === true && wordIn(UNTIL_WORDS, rest[0].text)) rest = rest.slice(1);
  const [dateToken, ...more] = rest;
  if (dateToken === undefined) return refuse('DATE_MISSING', { command: 'delegate' });
  const until = dateToken.bare ? readDate(dateToken.text) : undefined;
  if (until === undefined || until === 'invalid') {
    return refuse('DATE_INVALID', { text: dateToken.text, command: 'delegate' });
  }
  const extra = refuseExtra(more, 'delegate');
  return extra.ok ? ok({ kind: 'delegate', member: member.value.value, until }) : extra;
};

export const parseRateCommand = (args: readonly Token[]): Parsed => {
  const [fromToken, toToken, rateToken, dateToken, ...more] = args;
  const from = fromToken === undefined ? undefined : parseCurrencyCode(fromToken.text);
  if (from === undefined)
    return refuse('CURRENCY_INVALID', { text: fromToken?.text ?? null, command: 'rate' });
  const to = toToken === undefined ? undefined : parseCurrencyCode(toToken.text);
  if (to === undefined) return refuse('CURRENCY_INVALID', { text: toToken?.text ?? null, command: 'rate' });
  const rate = parseRate(rateToken?.text ?? '');
  if (!rate.ok) {
    const { code, details } = rate.error;
    const input = rateToken?.text ?? '';
    if (code === 'RATE_TOO_PRECISE') {
      return refuse(code, {
        input,
        decimals: Number(details?.decimals ?? 0),
        maxDecimals: Number(details?.maxDecimals ?? 0),
      });
    }
    return refuse(code, { input });
  }
  const date = dateToken === undefined ? undefined : readDate(dateToken.text);
  if (dateToken !== undefined && (date === undefined || date === 'invalid')) {
    return refuse('DATE_INVALID', { text: dateToken.text, command: 'rate' });
  }
  const extra = refuseExtra(more, 'rate');
  if (!extra.ok) return extra;
  return ok({
    kind: 'rate',
    from,
    to,
    rate: rate.value.text,
    ...(date === undefined || date === 'invalid' ? {} : { date }),
  });
};

export const parsePolicy = (args: readonly Token[]): Parsed => {
  const scanned = scanWords(args, new Set(['client', 'category']), 'policy');
  if (!scanned.ok) return scanned;
  const { client, category, rest } = scanned.value;
  if (client?.project !== undefined) {
    return refuse('PROJECT_NOT_ALLOWED', { text: `@${client.client}/${client.project}`, command: 'policy' });
  }
  const extra = refuseExtra(rest, 'policy');
  if (!extra.ok) return extra;
  return ok({
    kind: 'policy',
    ...(client === undefined ? {} : { client: client.client }),
    ...(category === undefined ? {} : { category }),
  });
};

function readLimit(token: Token | undefined, off: 'required'): Result<ParsedAmount, GrammarFailure>;
function readLimit(token: Token | undefined, off: 'may-be-off'): Result<ParsedAmount | null, GrammarFailure>;
function readLimit(
  token: Token | undefined,
  off: 'required' | 'may-be-off',
): Result<ParsedAmount | null, GrammarFailure> {
  if (token === undefined) return refuse('AMOUNT_MISSING', { command: 'policy-set' });
  if (off === 'may-be-off' && token.bare && wordIn(OFF_WORDS, token.text)) return ok(null);
  const taken = takeAmountAt([token], 0, 'policy-set');
  if (taken === undefined) {
    return refuse('AMOUNT_INVALID', { input: token.text, suggestion: null, command: 'policy-set' });
  }
  return taken.ok ? ok(taken.value.amount) : taken;
}

// As the policy module reads it: up to 100 with at most two decimals, an optional `%`.
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/u;

/** A percentage from 0 to 100 in canonical text (`5`, `2.5`), or undefined. */
const readPercent = (token: Token | undefined): string | undefined => {
  const match = token === undefined ? null : PERCENT.exec(token.text.normalize('NFKC'));
  if (match === null) return undefined;
  const whole = String(Number(match[1]));
  const fraction = (match[2] ?? '').replace(/0+$/u, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return Number(text) <= 100 ? text : undefined;
};

const WHOLE = /^[1-9]\d{0,5}$/u;

const readWhole = (token: Token | undefined, setting: string): Result<number, GrammarFailure> => {
  const text = token?.text.normalize('NFKC');
  if (text === undefined || !WHOLE.test(text))
    return refuse('NUMBER_INVALID', { text: token?.text ?? null, setting });
  return ok(Number(text));
};

const CATEGORY_SETTINGS: ReadonlySet<PolicySettingKind> = new Set([
  'category-limit',
  'receipt-threshold',
  'prohibit',
  'allow',
]);

const readSetting = (tokens: readonly Token[]): Result<PolicySetting, GrammarFailure> => {
  const [settingToken, ...rest] = tokens;
  const kind = settingToken?.bare === true ? lookupValue(POLICY_SETTING_WORDS, settingToken.text) : undefined;
  if (kind === undefined) return refuse('POLICY_SETTING_INVALID', { text: settingToken?.text ?? null });
  // Settings about a category take its `#category` anywhere after the setting's name.
  const categoryAt = CATEGORY_SETTINGS.has(kind)
    ? rest.findIndex((token) => token.bare && readCategory(token.text) !== undefined)
    : -1;
  const category = categoryAt < 0 ? undefined : readCategory(rest[categoryAt]?.text ?? '');
  const values = rest.filter((_, i) => i !== categoryAt);
  if (kind !== 'receipt-threshold' && CATEGORY_SETTINGS.has(kind) && category === undefined) {
    return refuse('CATEGORY_MISSING', { command: 'policy-set' });
  }
  const [value, ...more] = values;
  switch (kind) {
    case 'tiers': {
      if (value === undefined) return refuse('AMOUNT_MISSING', { command: 'policy-set' });
      const extra = refuseExtra(values.slice(2), 'policy-set');
      if (!extra.ok) return extra;
      const limits: ParsedAmount[] = [];
      for (const token of values.slice(0, 2)) {
        const limit = readLimit(token, 'required');
        if (!limit.ok) return limit;
        limits.push(limit.value);
      }
      return ok({ kind, limits });
    }
    case 'category-limit':
    case 'auto-approve': {
      const extra = refuseExtra(more, 'policy-set');
      if (!extra.ok) return extra;
      const amount = readLimit(value, 'may-be-off');
      if (!amount.ok) return amount;
      return kind === 'auto-approve'
        ? ok({ kind, amount: amount.value })
        : ok({ kind, category: category ?? '', amount: amount.value });
    }
    case 'receipt-threshold': {
      const extra = refuseExtra(more, 'policy-set');
      if (!extra.ok) return extra;
      // Only a category's threshold can be switched off; the general one always applies.
      const amount = category === undefined ? readLimit(value, 'required') : readLimit(value, 'may-be-off');
      if (!amount.ok) return amount;
      return ok({ kind, ...(category === undefined ? {} : { category }), amount: amount.value });
    }
    case 'audit-sample': {
      const extra = refuseExtra(more, 'policy-set');
      if (!extra.ok) return extra;
      const percent = readPercent(value);
      return percent === undefined
        ? refuse('POLICY_PERCENT_INVALID', { text: value?.text ?? '' })
        : ok({ kind, percent });
    }
    case 'reminder-hours':
    case 'escalation-hours': {
      const extra = refuseExtra(more, 'policy-set');
      if (!extra.ok) return extra;
      const hours = readWhole(value, kind);
      return hours.ok ? ok({ kind, hours: hours.value }) : hours;
    }
    case 'max-age': {
      const extra = refuseExtra(more, 'policy-set');
      if (!extra.ok) return extra;
      const days = readWhole(value, kind);
      return days.ok ? ok({ kind, days: days.value }) : days;
    }
    case 'prohibit':
    case 'allow': {
      const extra = refuseExtra(values, 'policy-set');
      if (!extra.ok) return extra;
      return ok({ kind: 'prohibited', category: category ?? '', prohibited: kind === 'prohibit' });
    }
  }
};

export const parsePolicySet = (args: readonly Token[]): Parsed => {
  const [first, ...others] = args;
  const reading = first?.bare === true ? readClientRef(first.text) : undefined;
  if (reading !== undefined && !reading.ok) {
    return refuse('CLIENT_CODE_INVALID', { text: reading.text, command: 'policy-set' });
  }
  if (reading?.ok === true && reading.ref.project !== undefined) {
    return refuse('PROJECT_NOT_ALLOWED', { text: first?.text ?? '', command: 'policy-set' });
  }
  const setting = readSetting(reading === undefined ? args : others);
  if (!setting.ok) return setting;
  return ok({
    kind: 'policy-set',
    ...(reading?.ok === true ? { client: reading.ref.client } : {}),
    setting: setting.value,
  });
};

export const parsePolicyTest = (args: readonly Token[]): Parsed => {
  const taken = takeAmountAt(args, 0, 'policy-test', 'amount-only');
  if (taken === undefined) return refuse('AMOUNT_MISSING', { command: 'policy-test' });
  if (!taken.ok) return taken;
  const scanned = scanWords(taken.value.rest, new Set(['client', 'category', 'currency']), 'policy-test');
  if (!scanned.ok) return scanned;
  const { client, category, currency, rest } = scanned.value;
  const stated = stateAmount(taken.value.amount, currency, 'policy-test');
  if (!stated.ok) return stated;
  if (client === undefined) return refuse('CLIENT_MISSING', { command: 'policy-test' });
  if (category === undefined) return refuse('CATEGORY_MISSING', { command: 'policy-test' });
  const extra = refuseExtra(rest, 'policy-test');
  return extra.ok ? ok({ kind: 'policy-test', ...stated.value, client, category }) : extra;
};

export const parseRecurring = (args: readonly Token[]): Parsed => {
  const scanned = scanWords(args, new Set(['client', 'category']), 'recurring');
  if (!scanned.ok) return scanned;
  const { client, category } = scanned.value;
  if (client === undefined) return refuse('CLIENT_MISSING', { command: 'recurring' });
  if (category === undefined) return refuse('CATEGORY_MISSING', { command: 'recurring' });
  const taken = takeFirstAmount(scanned.value.rest, 'recurring');
  if (taken === undefined) return refuse('AMOUNT_MISSING', { command: 'recurring' });
  if (!taken.ok) return taken;
  const stated = stateAmount(taken.value.amount, taken.value.currency, 'recurring');
  if (!stated.ok) return stated;
  const at = taken.value.rest.findIndex((t) => t.bare && lookupValue(RECURRENCE_WORDS, t.text) !== undefined);
  const recurrence = at < 0 ? undefined : lookupValue(RECURRENCE_WORDS, taken.value.rest[at]?.text ?? '');
  if (recurrence === undefined) return refuse('RECURRENCE_INVALID', { text: null });
  const merchant = freeText(taken.value.rest.filter((_, i) => i !== at));
  if (merchant === undefined) return refuse('MERCHANT_MISSING', { command: 'recurring' });
  return ok({ kind: 'recurring', ...stated.value, client, category, recurrence, merchant });
};

export const parseLink = (args: readonly Token[]): Parsed => {
  if (args.length === 0) return ok({ kind: 'link' });
  const typed = args.map((t) => t.text).join(' ');
  const code = normaliseLinkCode(typed);
  return code === undefined ? refuse('LINK_CODE_INVALID', { typed }) : ok({ kind: 'link', code });
};

const parseBare =
  (kind: 'admin-channel' | 'cancel') =>
  (args: readonly Token[]): Parsed => {
    const extra = refuseExtra(args, kind);
    return extra.ok ? ok({ kind }) : extra;
  };

export const parseAdminChannel = parseBare('admin-channel');
export const parseCancel = parseBare('cancel');

// `--anchor 1042:9f86…`, `--anchor=1042:9f86…`, and the dash forms autocorrect and full-width input produce.
const ANCHOR_FLAG = /^(?:--|—|–)?anchor(?:=(.*))?$/iu;

export const parseAuditVerify = (args: readonly Token[]): Parsed => {
  if (args.length === 0) return ok({ kind: 'audit-verify' });
  const [first, ...rest] = args;
  const flag = first === undefined ? null : ANCHOR_FLAG.exec(first.text.normalize('NFKC'));
  const valueText = flag === null ? first?.text : (flag[1] ?? rest[0]?.text);
  const more = flag === null || flag[1] !== undefined ? rest : rest.slice(1);
  if (valueText === undefined) return refuse('AUDIT_ANCHOR_INVALID', { anchor: null });
  const anchor = parseAnchor(valueText.normalize('NFKC'));
  if (!anchor.ok) return refuse('AUDIT_ANCHOR_INVALID', { anchor: valueText });
  const extra = refuseExtra(more, 'audit-verify');
  return extra.ok ? ok({ kind: 'audit-verify', anchor: anchor.value }) : extra;
};

const GROUP_TOPICS: Readonly<Record<string, HelpTopic>> = {
  client: 'clients',
  客户: 'clients',
  project: 'clients',
  项目: 'clients',
  admin: 'clients',
  管理: 'clients',
  audit: 'audit',
  审计: 'audit',
};

export const parseHelp = (args: readonly Token[]): Parsed => {
  const [first] = args;
  if (first === undefined) return ok({ kind: 'help', topic: 'general' });
  const word = first.text.normalize('NFKC').toLowerCase();
  const head = matchHead(args);
  const topic =
    lookupValue(HELP_TOPIC_WORDS, word) ??
    (head === undefined ? undefined : HELP_TOPIC_OF[head.kind]) ??
    ownValue(GROUP_TOPICS, word);
  return topic === undefined
    ? refuse('HELP_TOPIC_UNKNOWN', { text: first.text })
    : ok({ kind: 'help', topic });
};
