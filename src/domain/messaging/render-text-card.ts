// A plain reply ("ACME-7K3Q withdrawn.") in the card shape every notifier takes. The first line is the title;
// any further lines become one section, taken literally. A card with a title, one plain section and nothing
// else can be sent by renderers as an ordinary text message.
import { type Card, type CardTone, fitCard } from './card.js';
import { escapeMarkup } from './card-markup.js';

export const renderTextCard = (text: string, options: { readonly tone?: CardTone } = {}): Card => {
  const [first = '', ...rest] = text.trim().split(/\r?\n/);
  const body = rest.join('\n').trim();
  return fitCard({
    title: first.trim(),
    ...(options.tone === undefined ? {} : { accent: options.tone }),
    fields: [],
    sections: body === '' ? [] : [{ text: escapeMarkup(body) }],
    images: [],
    actions: [],
  });
};
