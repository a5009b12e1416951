// The help card, built from the catalogue's help so the words `help` shows live in one place (i18n/messages-*.ts).
// One text card: the title line, then the topic's lines as literal text.
import type { Card } from '../../../domain/messaging/card.js';
import { renderTextCard } from '../../../domain/messaging/render-text-card.js';
import type { HelpTopic } from '../grammar/index.js';
import type { Locale } from '../i18n/locale.js';
import { translate } from '../i18n/translate.js';

export const renderHelpCard = (topic: HelpTopic, locale: Locale): Card => {
  const messages = translate(locale);
  return renderTextCard(`${messages.helpTitle}\n${messages.help[topic]}`);
};
