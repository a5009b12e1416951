// A short static help card per topic. The full command reference belongs to the chat grammar; this is the
// card a bot can always send without it.
import { type Card, fitCard } from './card.js';
import type { CardLocale } from './card-format.js';
import { escapeMarkup } from './card-markup.js';
import { cardText, type HelpTopic } from './card-text.js';

export const renderHelpCard = (topic: HelpTopic, locale: CardLocale): Card => {
  const help = cardText(locale).help[topic];
  return fitCard({
    title: help.title,
    accent: 'info',
    fields: [],
    sections: [{ text: escapeMarkup(help.text) }],
    images: [],
    actions: [],
  });
};
