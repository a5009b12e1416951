// The Adaptive Card form for logging an expense, shown when someone installs Outlay in their 1:1. Submitting it
// types the equivalent command (`120 @acme #meals lunch`) on the person's behalf, so the form and the typed
// command are one path through the grammar and can never disagree.
import { type AdaptiveCard, escapeAdaptiveText } from './render-adaptive-card.js';

export const LOG_FORM_VERB = 'outlay:log-expense';

type FormLocale = 'en' | 'zh-CN';

type FormTexts = {
  readonly title: string;
  readonly intro: string;
  readonly amount: string;
  readonly amountHint: string;
  readonly client: string;
  readonly category: string;
  readonly description: string;
  readonly submit: string;
};

const TEXTS: Readonly<Record<FormLocale, FormTexts>> = {
  en: {
    title: 'Log an expense',
    intro:
      'Fill this in, or type the same thing: 120 @acme #meals lunch with the client. Type help for more.',
    amount: 'Amount',
    amountHint: '120 or 45.80 USD',
    client: 'Client code',
    category: 'Category',
    description: 'What was it for?',
    submit: 'Log it',
  },
  'zh-CN': {
    title: '记一笔费用',
    intro: '填写下表，或直接输入：120 @acme #meals 与客户午餐。输入“帮助”查看更多。',
    amount: '金额',
    amountHint: '120 或 45.80 USD',
    client: '客户代码',
    category: '类别',
    description: '用途',
    submit: '提交',
  },
};

/** Teams sends locales such as `zh-cn` or `en-US`; anything Chinese gets the Chinese form. */
export const formLocaleOf = (locale: string | undefined): FormLocale =>
  locale?.toLowerCase().startsWith('zh') === true ? 'zh-CN' : 'en';

const input = (id: string, label: string, extra: Record<string, unknown> = {}) => ({
  type: 'Input.Text',
  id,
  label,
  ...extra,
});

export function renderLogExpenseForm(locale: FormLocale): AdaptiveCard {
  const t = TEXTS[locale];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: escapeAdaptiveText(t.title), size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: escapeAdaptiveText(t.intro), isSubtle: true, wrap: true },
      input('amount', t.amount, { placeholder: t.amountHint, isRequired: true, maxLength: 40 }),
      input('client', t.client, { placeholder: 'acme', isRequired: true, maxLength: 32 }),
      input('category', t.category, { placeholder: 'meals', maxLength: 32 }),
      input('description', t.description, { isMultiline: true, maxLength: 500 }),
    ],
    actions: [{ type: 'Action.Execute', title: t.submit, verb: LOG_FORM_VERB, data: {}, style: 'positive' }],
    msteams: { width: 'Full' },
  };
}

const field = (data: Record<string, unknown>, key: string): string =>
  typeof data[key] === 'string' ? (data[key] as string).replace(/\s+/g, ' ').trim() : '';

/** One word: a code or category typed with or without its sigil, and nothing after a space. */
const word = (text: string, sigil: string): string => {
  const bare = text.startsWith(sigil) ? text.slice(1) : text;
  return bare === '' || /\s/.test(bare) ? '' : `${sigil}${bare}`;
};

/** The command the form stands for, or undefined when the amount or the client is missing. */
export function commandFromLogForm(data: unknown): string | undefined {
  const fields = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const amount = field(fields, 'amount');
  const client = word(field(fields, 'client'), '@');
  if (amount === '' || client === '') return undefined;
  const category = word(field(fields, 'category'), '#');
  return [amount, client, category, field(fields, 'description')].filter((part) => part !== '').join(' ');
}
