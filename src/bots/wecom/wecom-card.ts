// The neutral Card as a WeCom app message. A card with buttons becomes a `template_card` of type
// `button_interaction` (the only interactive kind we need: a click comes back as a template_card_event whose
// EventKey is the action id); a decided card keeps its task id and shows its resolution as the greyed-out
// `replace_text`; anything else is `markdown`, and a plain text card is `text`. WeCom has no forms: buttons that
// need an amount are left out, and a reason is asked for in the next message by the Conversation.
import { type Card, type CardAction, type CardTone, truncateText } from '../../domain/messaging/card.js';
import { parseMarkup, stripMarkup } from '../../domain/messaging/card-markup.js';

/** WeCom's documented caps (doc 90236), tightened where it only "recommends" a length. */
export const WECOM_CARD_LIMITS = {
  buttons: 6,
  horizontalRows: 6,
  title: 36,
  desc: 44,
  subTitle: 112,
  keyName: 12,
  value: 30,
  buttonText: 20,
  replaceText: 30,
  taskId: 128,
  selectionTitle: 12,
  // WeCom recommends 16 characters; an English reason such as "Not billable to this client" needs more.
  optionText: 32,
  options: 10,
  markdownBytes: 4_096,
  textBytes: 2_048,
} as const;

export type WecomMessageContent =
  | { readonly msgtype: 'text'; readonly text: { readonly content: string } }
  | { readonly msgtype: 'markdown'; readonly markdown: { readonly content: string } }
  | { readonly msgtype: 'template_card'; readonly template_card: WecomButtonCard };

export type WecomButton = { readonly text: string; readonly style: 1 | 2 | 3 | 4; readonly key: string };

/** A drop-down above the buttons (doc 94888): its choice comes back with the click as `SelectedItems`. */
export type WecomButtonSelection = {
  readonly question_key: string;
  readonly title?: string;
  readonly option_list: readonly { readonly id: string; readonly text: string }[];
  readonly selected_id: string;
};

export type WecomButtonCard = {
  readonly card_type: 'button_interaction';
  readonly task_id: string;
  readonly main_title: { readonly title: string; readonly desc?: string };
  readonly sub_title_text?: string;
  readonly horizontal_content_list?: readonly { readonly keyname: string; readonly value: string }[];
  readonly button_selection?: WecomButtonSelection;
  readonly button_list: readonly WecomButton[];
  readonly replace_text?: string;
};

const TASK_ID_CHAR = /[^0-9A-Za-z_\-@]/g;

/** A task id WeCom accepts (`[0-9A-Za-z_-@]`, ≤ 128 bytes) made from any text, e.g. an outbox row id. */
export const wecomTaskId = (seed: string): string =>
  `outlay-${seed.replace(TASK_ID_CHAR, '_')}`.slice(0, WECOM_CARD_LIMITS.taskId);

/** 1 blue, 2 grey, 3 red, 4 dark: the four styles WeCom offers. */
const STYLE: Readonly<Record<CardAction['style'], WecomButton['style']>> = {
  primary: 1,
  default: 2,
  danger: 3,
};

/** Buttons WeCom can carry: no amount forms, at most six. */
export const wecomButtonsOf = (card: Card): readonly CardAction[] =>
  card.actions.filter((action) => action.input?.kind !== 'amount').slice(0, WECOM_CARD_LIMITS.buttons);

const cutBytes = (text: string, maxBytes: number): string => {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let cut = '';
  for (const ch of text) {
    if (Buffer.byteLength(`${cut}${ch}…`) > maxBytes) break;
    cut += ch;
  }
  return `${cut}…`;
};

/** Plain text of the card's sections, one line per markup line, for places that take no markup. */
const plainSections = (card: Card): string =>
  card.sections
    .map((section) =>
      [section.heading, stripMarkup(section.text)]
        .filter((part): part is string => part !== undefined)
        .join('\n'),
    )
    .join('\n');

/** The question key of the reason drop-down; its option ids are `other` and `p1`…`p9`. */
export const REASON_QUESTION_KEY = 'reason';
export const OTHER_REASON_OPTION = 'other';

/**
 * The preset reasons of the card's Reject / Needs details buttons as a drop-down, and which text each option id
 * stands for. It starts on "other" — WeCom selects the first option when none is named — so a click without a
 * choice still asks for the reason in the next message.
 */
export const reasonSelectionOf = (
  card: Card,
):
  | { readonly selection: WecomButtonSelection; readonly reasons: Readonly<Record<string, string>> }
  | undefined => {
  const input = wecomButtonsOf(card)
    .map((action) => action.input)
    .find((found) => found?.kind === 'reason' && found.presets !== undefined);
  if (input?.kind !== 'reason' || input.presets === undefined || input.presets.options.length === 0)
    return undefined;
  const options = input.presets.options.slice(0, WECOM_CARD_LIMITS.options - 1);
  const reasons = Object.fromEntries(options.map((text, i) => [`p${i + 1}`, text]));
  return {
    selection: {
      question_key: REASON_QUESTION_KEY,
      title: truncateText(input.label, WECOM_CARD_LIMITS.selectionTitle),
      option_list: [
        { id: OTHER_REASON_OPTION, text: truncateText(input.presets.other, WECOM_CARD_LIMITS.optionText) },
        ...Object.entries(reasons).map(([id, text]) => ({
          id,
          text: truncateText(text, WECOM_CARD_LIMITS.optionText),
        })),
      ],
      selected_id: OTHER_REASON_OPTION,
    },
    reasons,
  };
};

const selectionOf = (card: Card): { readonly button_selection?: WecomButtonSelection } => {
  const found = reasonSelectionOf(card);
  return found === undefined ? {} : { button_selection: found.selection };
};

const buttonCard = (card: Card, taskId: string): WecomButtonCard => {
  const subTitle = [plainSections(card), card.footer]
    .filter((part) => part !== undefined && part !== '')
    .join('\n');
  const rows = card.fields.slice(0, WECOM_CARD_LIMITS.horizontalRows).map((field) => ({
    keyname: truncateText(field.label, WECOM_CARD_LIMITS.keyName),
    value: truncateText(field.value === '' ? '—' : field.value, WECOM_CARD_LIMITS.value),
  }));
  return {
    card_type: 'button_interaction',
    task_id: taskId,
    main_title: {
      title: truncateText(card.title, WECOM_CARD_LIMITS.title),
      ...(card.subtitle === undefined || card.subtitle === ''
        ? {}
        : { desc: truncateText(card.subtitle, WECOM_CARD_LIMITS.desc) }),
    },
    ...(subTitle === '' ? {} : { sub_title_text: truncateText(subTitle, WECOM_CARD_LIMITS.subTitle) }),
    ...(rows.length === 0 ? {} : { horizontal_content_list: rows }),
    ...(card.resolved === undefined ? selectionOf(card) : {}),
    button_list:
      card.resolved === undefined
        ? wecomButtonsOf(card).map((action) => ({
            text: truncateText(action.label, WECOM_CARD_LIMITS.buttonText),
            style: STYLE[action.style],
            key: action.id,
          }))
        : [],
    ...(card.resolved === undefined
      ? {}
      : { replace_text: truncateText(card.resolved.text, WECOM_CARD_LIMITS.replaceText) }),
  };
};

const TONE_COLOUR: Readonly<Record<CardTone, string | undefined>> = {
  info: undefined,
  success: 'info',
  warning: 'warning',
  danger: 'warning',
};

/** WeCom markdown reads `<font>` tags and `**`; user text must not open either. */
const escapeWecomMarkdown = (text: string): string =>
  text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;')).replace(/\*/g, '＊');

const markdownOfSection = (text: string): string =>
  parseMarkup(text)
    .map((line) =>
      line
        .map((span) => (span.bold ? `**${escapeWecomMarkdown(span.text)}**` : escapeWecomMarkdown(span.text)))
        .join(''),
    )
    .join('\n');

/** The whole card as WeCom markdown (app messages and appchat both read it). */
export const renderWecomMarkdown = (card: Card): string => {
  const colour = card.accent === undefined ? undefined : TONE_COLOUR[card.accent];
  const title = `**${escapeWecomMarkdown(card.title)}**`;
  const lines = [colour === undefined ? title : `<font color="${colour}">${title}</font>`];
  if (card.subtitle !== undefined && card.subtitle !== '') lines.push(escapeWecomMarkdown(card.subtitle));
  for (const field of card.fields) {
    lines.push(`> ${escapeWecomMarkdown(field.label)}: ${escapeWecomMarkdown(field.value)}`);
  }
  for (const section of card.sections) {
    if (section.heading !== undefined) lines.push(`**${escapeWecomMarkdown(section.heading)}**`);
    lines.push(markdownOfSection(section.text));
  }
  for (const image of card.images) lines.push(`[${escapeWecomMarkdown(image.alt)}](${image.url})`);
  for (const link of card.links ?? []) lines.push(`[${escapeWecomMarkdown(link.label)}](${link.url})`);
  if (card.resolved !== undefined)
    lines.push(`<font color="comment">${escapeWecomMarkdown(card.resolved.text)}</font>`);
  if (card.footer !== undefined && card.footer !== '') {
    lines.push(`<font color="comment">${escapeWecomMarkdown(card.footer)}</font>`);
  }
  return cutBytes(lines.join('\n'), WECOM_CARD_LIMITS.markdownBytes);
};

/** A title and at most one plain section: said as an ordinary text message. */
export const isPlainTextCard = (card: Card): boolean =>
  card.fields.length === 0 &&
  card.actions.length === 0 &&
  card.images.length === 0 &&
  (card.links ?? []).length === 0 &&
  card.resolved === undefined &&
  card.subtitle === undefined &&
  card.footer === undefined &&
  card.sections.length <= 1 &&
  card.sections.every((section) => section.heading === undefined && !section.text.includes('**'));

const textOf = (card: Card): string =>
  cutBytes(
    [card.title, plainSections(card)].filter((part) => part !== '').join('\n'),
    WECOM_CARD_LIMITS.textBytes,
  );

/**
 * The message content for a 1:1 app message. `taskId` is used when the card has buttons (or is a decided card
 * that replaces one); it must be unique per app.
 */
export const renderWecomMessage = (card: Card, taskId: string): WecomMessageContent => {
  if (wecomButtonsOf(card).length > 0)
    return { msgtype: 'template_card', template_card: buttonCard(card, taskId) };
  if (isPlainTextCard(card)) return { msgtype: 'text', text: { content: textOf(card) } };
  return { msgtype: 'markdown', markdown: { content: renderWecomMarkdown(card) } };
};

/** The card that replaces a sent button card in place (update_template_card): same task id, buttons greyed. */
export const renderWecomCardUpdate = (card: Card, taskId: string): WecomButtonCard =>
  buttonCard(card, taskId);

/** Group chats (appchat) take no template cards: markdown, or text for a plain card. */
export const renderWecomGroupMessage = (
  card: Card,
): Exclude<WecomMessageContent, { readonly msgtype: 'template_card' }> =>
  isPlainTextCard(card)
    ? { msgtype: 'text', text: { content: textOf(card) } }
    : { msgtype: 'markdown', markdown: { content: renderWecomMarkdown(card) } };
