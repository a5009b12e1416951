import type { Locale } from './locale.js';
import { en, type Messages } from './messages-en.js';
import { zhCN } from './messages-zh-cn.js';

const CATALOGUES: Readonly<Record<Locale, Messages>> = { en, 'zh-CN': zhCN };

/** The catalogue of one language. */
export const translate = (locale: Locale): Messages => CATALOGUES[locale];
