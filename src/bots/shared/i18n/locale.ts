// The two languages everything a user reads exists in. A person's own choice beats the client's (a Chinese-speaking
// consultant on an English-speaking client still reads Chinese in their DMs), which beats the organisation's default.

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

// What people type for each: BCP 47 in any case or with an underscore, and the languages' own names.
const SPELLINGS: Readonly<Record<string, Locale>> = {
  en: 'en',
  'en-us': 'en',
  'en-gb': 'en',
  english: 'en',
  英文: 'en',
  英语: 'en',
  zh: 'zh-CN',
  'zh-cn': 'zh-CN',
  'zh-hans': 'zh-CN',
  'zh-hans-cn': 'zh-CN',
  chinese: 'zh-CN',
  中文: 'zh-CN',
  简体中文: 'zh-CN',
};

/** The locale a word names (`en`, `zh-CN`, `zh_cn`, `中文`…), or undefined. */
export const parseLocale = (text: string): Locale | undefined => {
  const key = text.normalize('NFKC').trim().toLowerCase().replace(/_/g, '-');
  return Object.hasOwn(SPELLINGS, key) ? SPELLINGS[key] : undefined;
};

export type LocaleChoices = {
  readonly user?: Locale | undefined;
  readonly client?: Locale | undefined;
  readonly organisation: Locale;
};

/** The person's locale if they chose one, else the client's, else the organisation's. */
export const pickLocale = (choices: LocaleChoices): Locale =>
  choices.user ?? choices.client ?? choices.organisation;
