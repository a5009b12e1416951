import { describe, expect, it } from 'vitest';
import { COMMAND_KINDS, HELP_TOPICS, parseCommand } from '../../../../../src/bots/shared/grammar/index.js';
import type { Locale } from '../../../../../src/bots/shared/i18n/index.js';
import {
  formatDate,
  formatDateTime,
  parseLocale,
  pickLocale,
  translate,
} from '../../../../../src/bots/shared/i18n/index.js';
import { en } from '../../../../../src/bots/shared/i18n/messages-en.js';
import { zhCN } from '../../../../../src/bots/shared/i18n/messages-zh-cn.js';

type Tree = { readonly [key: string]: unknown };

/** Every path to a leaf (string or function), e.g. `failures.AMOUNT_INVALID`. */
const leaves = (tree: Tree, prefix = ''): Map<string, unknown> => {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (value !== null && typeof value === 'object') {
      for (const [inner, leaf] of leaves(value as Tree, path)) found.set(inner, leaf);
    } else {
      found.set(path, value);
    }
  }
  return found;
};

describe('the catalogue', () => {
  const english = leaves(en);
  const chinese = leaves(zhCN);

  it('has the same keys in English and Chinese (checked at run time as well as by the type)', () => {
    expect([...chinese.keys()].sort()).toStrictEqual([...english.keys()].sort());
    expect(english.size).toBeGreaterThan(200);
  });

  it('has no empty strings, and leaves of the same kind in both languages', () => {
    for (const [path, value] of english) {
      const other = chinese.get(path);
      expect(typeof other, path).toBe(typeof value);
      if (typeof value === 'string') {
        expect(value.trim(), path).not.toBe('');
        expect(String(other).trim(), path).not.toBe('');
      } else {
        expect(typeof value, path).toBe('function');
      }
    }
  });

  it('translates the fixed texts (labels, help) rather than copying them', () => {
    const fixed = [...english].filter(([, value]) => typeof value === 'string');
    for (const [path, value] of fixed) {
      expect(chinese.get(path), path).not.toBe(value);
    }
  });

  it('translate(locale) returns the catalogue of that language', () => {
    expect(translate('en')).toBe(en);
    expect(translate('zh-CN')).toBe(zhCN);
  });
});

describe('command examples and help', () => {
  const locales: readonly Locale[] = ['en', 'zh-CN'];

  it.each(locales.flatMap((locale) => COMMAND_KINDS.map((kind) => [locale, kind] as const)))(
    'the %s example of %s parses as that command',
    (locale, kind) => {
      const example = translate(locale).commands[kind].example;
      const result = parseCommand(example);
      expect(result.ok && result.value.kind).toBe(kind);
    },
  );

  it('Chinese examples use the Chinese keywords', () => {
    for (const kind of COMMAND_KINDS) {
      const english = en.commands[kind].example;
      const chinese = zhCN.commands[kind].example;
      expect(chinese, kind).not.toBe(english);
      expect(/\p{Script=Han}/u.test(chinese), kind).toBe(true);
    }
  });

  it.each(HELP_TOPICS.map((topic) => [topic] as const))('help %s exists in both languages', (topic) => {
    expect(en.help[topic].length).toBeGreaterThan(20);
    expect(zhCN.help[topic].length).toBeGreaterThan(10);
    expect(zhCN.help[topic]).not.toBe(en.help[topic]);
  });

  it('help log lists the fields and an example in each language', () => {
    expect(en.help.log).toContain('merchant:"Blue Bottle"');
    expect(en.help.log).toContain('e.g. 45.80 @acme #meals lunch with the client');
    expect(zhCN.help.log).toContain('商户:"星巴克"');
    expect(zhCN.help.log).toContain('例如 记 45.80 @acme #餐饮 与客户午餐');
  });

  it('help approve and help budget show their commands', () => {
    expect(en.help.approve).toContain('reject <id> <reason>');
    expect(zhCN.help.approve).toContain('驳回 <编号> <原因>');
    expect(en.help.budget).toContain('budget set @client');
    expect(zhCN.help.budget).toContain('预算 设置 @客户');
  });
});

describe('locale choice', () => {
  it('prefers the person, then the client, then the organisation', () => {
    expect(pickLocale({ user: 'zh-CN', client: 'en', organisation: 'en' })).toBe('zh-CN');
    expect(pickLocale({ client: 'zh-CN', organisation: 'en' })).toBe('zh-CN');
    expect(pickLocale({ user: undefined, client: undefined, organisation: 'zh-CN' })).toBe('zh-CN');
    expect(pickLocale({ organisation: 'en' })).toBe('en');
  });

  it('reads the ways people name the two languages', () => {
    expect(parseLocale('zh-CN')).toBe('zh-CN');
    expect(parseLocale('zh_cn')).toBe('zh-CN');
    expect(parseLocale('中文')).toBe('zh-CN');
    expect(parseLocale('EN')).toBe('en');
    expect(parseLocale('fr')).toBeUndefined();
    expect(parseLocale('__proto__')).toBeUndefined();
  });
});

describe('dates', () => {
  it('formats a date per locale', () => {
    expect(formatDate('2026-03-02', 'en')).toBe('2 Mar 2026');
    expect(formatDate('2026-03-02', 'zh-CN')).toBe('2026年3月2日');
    expect(formatDate('2025-12-31', 'en')).toBe('31 Dec 2025');
  });

  it('formats an instant in a time zone', () => {
    expect(formatDateTime('2026-03-02T06:02:00Z', 'en', 'Asia/Shanghai')).toBe('2 Mar 2026 14:02');
    expect(formatDateTime('2026-03-02T06:02:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年3月2日 14:02');
    expect(formatDateTime('2026-03-01T23:30:00Z', 'en', 'UTC')).toBe('1 Mar 2026 23:30');
  });
});
