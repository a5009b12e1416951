export { formatDate, formatDateTime } from './format-date.js';
export type { Locale, LocaleChoices } from './locale.js';
export { DEFAULT_LOCALE, isLocale, LOCALES, parseLocale, pickLocale } from './locale.js';
export type { CommandText, Messages } from './messages-en.js';
export type { PresentContext } from './present-failure.js';
export { PRESENTED_FAILURE_CODES, presentFailure, presentFeatureNotAvailable } from './present-failure.js';
export { translate } from './translate.js';
