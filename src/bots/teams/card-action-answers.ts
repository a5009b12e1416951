// What a Universal Actions click (`adaptiveCard/action` invoke) is answered with: a card that takes the clicked
// card's place, a message Teams shows while the card stays as it was, or an error (400: the request made no sense,
// 500: handling it failed). The invoke's own HTTP status stays 200; the outcome is in the body's statusCode.
import type { Card } from '../../domain/messaging/card.js';
import { stripMarkup } from '../../domain/messaging/card-markup.js';
import { formLocaleOf } from './log-expense-form.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard, renderAdaptiveCard } from './render-adaptive-card.js';

export const MESSAGE_ANSWER_TYPE = 'application/vnd.microsoft.activity.message';
export const ERROR_ANSWER_TYPE = 'application/vnd.microsoft.error';

export type CardActionAnswer =
  | {
      readonly statusCode: 200;
      readonly type: typeof ADAPTIVE_CARD_CONTENT_TYPE;
      readonly value: AdaptiveCard;
    }
  | { readonly statusCode: 200; readonly type: typeof MESSAGE_ANSWER_TYPE; readonly value: string }
  | {
      readonly statusCode: 400 | 500;
      readonly type: typeof ERROR_ANSWER_TYPE;
      readonly value: { readonly code: string; readonly message: string };
    };

const ERROR_TEXTS = {
  en: {
    notOurs: 'This button is not one of Outlay’s. Type help to see what you can do.',
    failed: 'Outlay could not handle that click. Please try again in a moment.',
  },
  'zh-CN': {
    notOurs: '这个按钮不属于 Outlay。输入“帮助”查看可用的操作。',
    failed: 'Outlay 未能处理这次点击，请稍后再试。',
  },
} as const;

/** The card Teams shows in place of the clicked one. */
export const cardAnswer = (card: Card | AdaptiveCard): CardActionAnswer => ({
  statusCode: 200,
  type: ADAPTIVE_CARD_CONTENT_TYPE,
  value: 'type' in card ? card : renderAdaptiveCard(card),
});

/** The cards' words as one plain message: Teams shows it and leaves the clicked card unchanged. */
export const messageAnswer = (cards: readonly Card[]): CardActionAnswer => ({
  statusCode: 200,
  type: MESSAGE_ANSWER_TYPE,
  value: cards
    .flatMap((card) => [
      card.title,
      ...(card.subtitle === undefined ? [] : [card.subtitle]),
      ...card.fields.map((field) => `${field.label}: ${field.value}`),
      ...card.sections.map((section) =>
        [section.heading, stripMarkup(section.text)].filter((t) => t !== undefined).join('\n'),
      ),
    ])
    .filter((line) => line.trim() !== '')
    .join('\n'),
});

/** A click that carries no Outlay action (a foreign or tampered card). */
export const notOursAnswer = (activityLocale: string | undefined): CardActionAnswer => ({
  statusCode: 400,
  type: ERROR_ANSWER_TYPE,
  value: { code: 'BadRequest', message: ERROR_TEXTS[formLocaleOf(activityLocale)].notOurs },
});

/** Handling the click threw: say so instead of leaving Teams without an answer. */
export const failedAnswer = (activityLocale: string | undefined): CardActionAnswer => ({
  statusCode: 500,
  type: ERROR_ANSWER_TYPE,
  value: { code: 'InternalServerError', message: ERROR_TEXTS[formLocaleOf(activityLocale)].failed },
});
