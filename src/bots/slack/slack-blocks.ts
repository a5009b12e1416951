// The neutral Card as Block Kit: a header, fields two by two, sections in mrkdwn, buttons that carry the card's
// opaque action id back, and the decision line instead of the buttons once the card is settled.
import type { types } from '@slack/bolt';
import type { Card, CardAction, CardInput, CardTone } from '../../domain/messaging/card.js';
import { fitCard, truncateText } from '../../domain/messaging/card.js';
import { parseMarkup } from '../../domain/messaging/card-markup.js';
import type { Reply } from '../shared/conversation.js';

type Block = types.KnownBlock;

/** Slack's own caps, tighter than the neutral ones in places (a section holds 10 fields, a message 50 blocks). */
const FIELDS_PER_SECTION = 10;
const BLOCKS_PER_MESSAGE = 50;
const FALLBACK_TEXT = 3_000;

const TONE_EMOJI: Readonly<Record<CardTone, string>> = {
  info: '',
  success: ':white_check_mark: ',
  warning: ':warning: ',
  danger: ':red_circle: ',
};

/** Slack mrkdwn treats `&`, `<` and `>` as control characters; everything the user typed is escaped. */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Card markup (`**bold**`, line breaks) as Slack mrkdwn (`*bold*`). */
export const markupToMrkdwn = (text: string): string =>
  parseMarkup(text)
    .map((line) =>
      line
        .map((span) => (span.bold ? `*${escapeMrkdwn(span.text.trim())}*` : escapeMrkdwn(span.text)))
        .join(''),
    )
    .join('\n');

/** What a button carries in its `value`: the action id, and the form to open before the click counts. */
export type ButtonValue = { readonly id: string; readonly input?: CardInput };

export const encodeButtonValue = (action: CardAction): string =>
  JSON.stringify({ id: action.id, ...(action.input === undefined ? {} : { input: action.input }) });

export const decodeButtonValue = (value: unknown, actionId: string): ButtonValue => {
  if (typeof value !== 'string') return { id: actionId };
  try {
    const parsed = JSON.parse(value) as { id?: unknown; input?: unknown };
    const input = parsed.input as CardInput | undefined;
    const validInput = input !== undefined && (input.kind === 'reason' || input.kind === 'amount');
    return { id: actionId, ...(validInput ? { input } : {}) };
  } catch {
    return { id: actionId };
  }
};

const plain = (text: string, max: number): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncateText(text, max),
  emoji: true,
});

const button = (action: CardAction): types.Button => ({
  type: 'button',
  action_id: action.id,
  text: plain(action.label, 75),
  value: encodeButtonValue(action),
  ...(action.style === 'default' ? {} : { style: action.style }),
});

export function renderCardBlocks(input: Card): Block[] {
  const card = fitCard(input);
  const blocks: Block[] = [{ type: 'header', text: plain(card.title, 150) }];
  const context = [card.subtitle].filter((t): t is string => t !== undefined && t !== '');
  if (context.length > 0) {
    blocks.push({
      type: 'context',
      elements: context.map((text) => ({ type: 'mrkdwn', text: escapeMrkdwn(text) })),
    });
  }
  for (let i = 0; i < card.fields.length; i += FIELDS_PER_SECTION) {
    blocks.push({
      type: 'section',
      fields: card.fields.slice(i, i + FIELDS_PER_SECTION).map((field) => ({
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(field.label)}*\n${escapeMrkdwn(field.value)}`,
      })),
    });
  }
  for (const section of card.sections) {
    const heading = section.heading === undefined ? '' : `*${escapeMrkdwn(section.heading)}*\n`;
    const tone = section.tone === undefined ? '' : TONE_EMOJI[section.tone];
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `${tone}${heading}${markupToMrkdwn(section.text)}` },
    });
  }
  for (const image of card.images) {
    blocks.push({ type: 'image', image_url: image.url, alt_text: truncateText(image.alt, 2_000) });
  }
  if (card.links !== undefined && card.links.length > 0) {
    // `<url|label>`: the label is escaped like any text, and a `|` in it would end the URL part early.
    const links = card.links.map((link) => `<${link.url}|${escapeMrkdwn(link.label).replace(/\|/g, '¦')}>`);
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: links.join('  ·  ') }] });
  }
  if (card.resolved !== undefined) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(card.resolved.text) }] });
  } else if (card.actions.length > 0) {
    blocks.push({ type: 'actions', elements: card.actions.map(button) });
  }
  if (card.footer !== undefined) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(card.footer) }] });
  }
  return blocks;
}

/** The notification text Slack shows where blocks cannot be (push notifications, screen readers). */
export function fallbackText(cards: readonly Card[]): string {
  const text = cards
    .map((card) => [card.title, card.resolved?.text].filter((t) => t !== undefined).join(' — '))
    .join('\n');
  return truncateText(text === '' ? ' ' : text, FALLBACK_TEXT);
}

export function renderCardsBlocks(cards: readonly Card[]): Block[] {
  const blocks = cards.flatMap((card, i) => [
    ...(i === 0 ? [] : [{ type: 'divider' } as Block]),
    ...renderCardBlocks(card),
  ]);
  return blocks.slice(0, BLOCKS_PER_MESSAGE);
}

export type SlackReplyMessage = {
  readonly response_type: 'ephemeral' | 'in_channel';
  readonly text: string;
  readonly blocks: Block[];
};

/** A Conversation reply as a slash-command answer or a response_url message. */
export function replyMessage(reply: Reply): SlackReplyMessage {
  return {
    response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral',
    text: fallbackText(reply.cards),
    blocks: renderCardsBlocks(reply.cards),
  };
}
