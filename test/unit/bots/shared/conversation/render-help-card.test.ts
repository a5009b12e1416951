import { describe, expect, it } from 'vitest';
import { renderHelpCard } from '../../../../../src/bots/shared/conversation/render-help-card.js';
import { HELP_TOPICS } from '../../../../../src/bots/shared/grammar/index.js';
import { LOCALES } from '../../../../../src/bots/shared/i18n/index.js';
import { en } from '../../../../../src/bots/shared/i18n/messages-en.js';
import { zhCN } from '../../../../../src/bots/shared/i18n/messages-zh-cn.js';
import { escapeMarkup } from '../../../../../src/domain/messaging/card-markup.js';

describe('renderHelpCard', () => {
  it.each(LOCALES.flatMap((locale) => HELP_TOPICS.map((topic) => [topic, locale] as const)))(
    'given help %s in %s, when rendered, then it is the catalogue title above the topic text, without actions',
    (topic, locale) => {
      const card = renderHelpCard(topic, locale);
      expect(card.title).toBe(locale === 'en' ? 'Outlay help' : 'Outlay 帮助');
      expect(card.sections).toHaveLength(1);
      expect(card.sections[0]?.text.split('\n').length).toBeGreaterThanOrEqual(2);
      expect(card.actions).toEqual([]);
      expect(card.accent).toBeUndefined();
    },
  );

  it('given the general topic, when rendered in each language, then it shows that language’s log example', () => {
    const english = renderHelpCard('general', 'en');
    expect(english.sections[0]?.text).toContain('Outlay keeps client expenses in chat.');
    expect(english.sections[0]?.text).toContain('45.80 @acme #meals lunch with the client');
    const chinese = renderHelpCard('general', 'zh-CN');
    expect(chinese.sections[0]?.text).toContain('Outlay 在聊天中管理客户费用。');
    expect(chinese.sections[0]?.text).toContain('记 45.80 @acme #餐饮 与客户午餐');
  });

  it('given the approve topic, when rendered, then its lines are the catalogue’s', () => {
    expect(renderHelpCard('approve', 'en').sections[0]?.text).toContain('reject <id> <reason>');
    expect(renderHelpCard('approve', 'zh-CN').sections[0]?.text).toContain('驳回 <编号> <原因>');
    // The catalogue is the one source: what it says for a topic is what the card says, line for line.
    for (const [locale, messages] of [
      ['en', en],
      ['zh-CN', zhCN],
    ] as const) {
      const card = renderHelpCard('dates', locale);
      expect(card.sections[0]?.text).toBe(escapeMarkup(messages.help.dates));
    }
  });
});
