import { type Failure, fail, ok, type Result } from '../shared/result.js';

export type LocalisedName = {
  readonly en: string;
  readonly 'zh-CN': string;
};

export type Category = {
  /** Lower-case code, written `#travel`. */
  readonly code: string;
  readonly names: LocalisedName;
  /** Other words people type for it, in either language. */
  readonly aliases: readonly string[];
  /** Whether a new expense in this category is billable to the client unless the submitter says otherwise. */
  readonly billableDefault: boolean;
};

// Billable by default: costs incurred doing the client's work. Entertainment and "other" start non-billable so
// someone decides consciously before hospitality or miscellany lands on a client's invoice.
export const DEFAULT_CATEGORIES: readonly Category[] = [
  {
    code: 'travel',
    names: { en: 'Travel', 'zh-CN': '差旅' },
    aliases: ['trip', 'flight', 'flights', 'airfare', '出差', '机票'],
    billableDefault: true,
  },
  {
    code: 'meals',
    names: { en: 'Meals', 'zh-CN': '餐饮' },
    aliases: ['meal', 'food', 'dining', '餐费', '用餐'],
    billableDefault: true,
  },
  {
    code: 'lodging',
    names: { en: 'Lodging', 'zh-CN': '住宿' },
    aliases: ['hotel', 'accommodation', '酒店'],
    billableDefault: true,
  },
  {
    code: 'transport',
    names: { en: 'Transport', 'zh-CN': '交通' },
    aliases: ['transportation', 'taxi', 'train', 'parking', '打车', '出租车', '火车'],
    billableDefault: true,
  },
  {
    code: 'entertainment',
    names: { en: 'Entertainment', 'zh-CN': '招待' },
    aliases: ['hospitality', '业务招待', '招待费'],
    billableDefault: false,
  },
  {
    code: 'software',
    names: { en: 'Software', 'zh-CN': '软件' },
    aliases: ['saas', 'subscription', 'license', 'licence', '订阅'],
    billableDefault: true,
  },
  {
    code: 'supplies',
    names: { en: 'Supplies', 'zh-CN': '办公' },
    aliases: ['office', 'office-supplies', 'stationery', '办公用品', '耗材'],
    billableDefault: true,
  },
  {
    code: 'other',
    names: { en: 'Other', 'zh-CN': '其他' },
    aliases: ['misc', 'miscellaneous', '其它'],
    billableDefault: false,
  },
];

/**
 * NFKC folds full-width forms (`＃ＴＲＡＶＥＬ`, `＃`) into their ASCII twins before the `#` is dropped and the
 * text lower-cased.
 */
export const normaliseCategoryText = (text: string): string =>
  text.normalize('NFKC').trim().replace(/^#+/, '').trim().toLowerCase();

const spellingsOf = (category: Category): string[] =>
  [category.code, category.names.en, category.names['zh-CN'], ...category.aliases].map(normaliseCategoryText);

export type UnknownCategory = Failure<'UNKNOWN_CATEGORY'>;

/** The category a word names, by code, English or Chinese name, or alias; case and width do not matter. */
export const resolveCategory = (
  text: string,
  categories: readonly Category[] = DEFAULT_CATEGORIES,
): Result<Category, UnknownCategory> => {
  const wanted = normaliseCategoryText(text);
  const found = wanted === '' ? undefined : categories.find((c) => spellingsOf(c).includes(wanted));
  return found === undefined
    ? fail('UNKNOWN_CATEGORY', { text: text.trim(), known: categories.map((c) => `#${c.code}`).join(' ') })
    : ok(found);
};
