// `/expense` with nothing after it opens a form to log an expense. The form is a friendlier way to type the same
// command: its fields are put together into `<amount> @<client> #<category> <description>` and run through the
// grammar, so both ways log exactly alike. Obvious mistakes are shown on the field before anything is sent.
import type { types } from '@slack/bolt';
import { parseAmountToken } from '../../domain/money/index.js';

export const LOG_CALLBACK_ID = 'outlay-log';
const FIELDS = ['amount', 'client', 'category', 'description'] as const;
type Field = (typeof FIELDS)[number];
const INPUT_ACTION = 'value';

export type LogModalMetadata = {
  readonly teamId: string;
  readonly channelId: string;
  readonly responseUrl: string;
};

const TEXTS = {
  en: {
    title: 'Log an expense',
    submit: 'Log',
    close: 'Cancel',
    amount: 'Amount',
    amountHint: '120 or 10 USD',
    client: 'Client code',
    clientHint: 'acme',
    category: 'Category',
    categoryHint: 'meals',
    description: 'Description',
    descriptionHint: 'Lunch with the Acme team',
    badAmount: 'Write an amount such as 120, 12.50 or 10 USD.',
    badClient: 'Write a client code such as acme (letters, digits and dashes).',
    badCategory: 'Write one word, such as meals.',
  },
  'zh-CN': {
    title: '记一笔报销',
    submit: '提交',
    close: '取消',
    amount: '金额',
    amountHint: '120 或 10 USD',
    client: '客户代码',
    clientHint: 'acme',
    category: '类别',
    categoryHint: 'meals',
    description: '说明',
    descriptionHint: '与 Acme 团队午餐',
    badAmount: '请填写金额，例如 120、12.50 或 10 USD。',
    badClient: '请填写客户代码，例如 acme（字母、数字和连字符）。',
    badCategory: '请填写一个词，例如 meals。',
  },
} as const;

export type SlackLocale = keyof typeof TEXTS;

/** Slack tells us the user's locale only in some payloads; Chinese-speaking workspaces send `zh-CN`/`zh-TW`. */
export const slackLocaleOf = (locale: unknown): SlackLocale =>
  typeof locale === 'string' && locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';

const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text, emoji: true });

const input = (field: Field, label: string, hint: string, optional: boolean): types.InputBlock => ({
  type: 'input',
  block_id: field,
  optional,
  label: plain(label),
  element: {
    type: 'plain_text_input',
    action_id: INPUT_ACTION,
    placeholder: plain(hint),
    multiline: field === 'description',
  },
});

export function logExpenseModal(locale: SlackLocale, metadata: LogModalMetadata): types.View {
  const t = TEXTS[locale];
  return {
    type: 'modal',
    callback_id: LOG_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain(t.title),
    submit: plain(t.submit),
    close: plain(t.close),
    blocks: [
      input('amount', t.amount, t.amountHint, false),
      input('client', t.client, t.clientHint, false),
      input('category', t.category, t.categoryHint, true),
      input('description', t.description, t.descriptionHint, true),
    ],
  };
}

export function readLogMetadata(text: unknown): LogModalMetadata | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<LogModalMetadata>;
    return typeof parsed.teamId === 'string' &&
      typeof parsed.channelId === 'string' &&
      typeof parsed.responseUrl === 'string'
      ? { teamId: parsed.teamId, channelId: parsed.channelId, responseUrl: parsed.responseUrl }
      : undefined;
  } catch {
    return undefined;
  }
}

type ViewState = { readonly values: Record<string, Record<string, { readonly value?: string | null }>> };

export type LogFormResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly errors: Partial<Record<Field, string>> };

/** The command the form stands for, or the errors to show on its fields. */
export function readLogForm(state: ViewState, locale: SlackLocale): LogFormResult {
  const t = TEXTS[locale];
  const read = (field: Field) => state.values[field]?.[INPUT_ACTION]?.value?.trim() ?? '';
  const errors: Partial<Record<Field, string>> = {};
  const amount = read('amount');
  const [figure = '', currency, ...extra] = amount.split(/\s+/);
  if (
    !parseAmountToken(figure).ok ||
    extra.length > 0 ||
    (currency !== undefined && !/^[A-Za-z]{3}$/.test(currency))
  ) {
    errors.amount = t.badAmount;
  }
  const client = read('client').replace(/^@/, '').toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{1,31}$/.test(client)) errors.client = t.badClient;
  const category = read('category').replace(/^#/, '');
  if (category !== '' && /\s/.test(category)) errors.category = t.badCategory;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const description = read('description').replace(/\s+/g, ' ');
  const text = [amount, `@${client}`, category === '' ? '' : `#${category}`, description]
    .filter((part) => part !== '')
    .join(' ');
  return { ok: true, text };
}
