import { describe, expect, it } from 'vitest';
import { createAnnouncementRenderer } from '../../../../src/bots/shared/render-announcement.js';
import type { CardLocale } from '../../../../src/domain/messaging/index.js';
import type { OutboundMessage } from '../../../../src/domain/ports/chat-notifier.port.js';
import type { ChatAddress } from '../../../../src/domain/ports/outbox.port.js';

type Reader = { readonly memberId?: string | null; readonly clientId?: string | null };

/** A renderer whose organisation reads `locale`; every reader it is asked about is kept. */
const rendererIn = (locale: CardLocale) => {
  const readers: Reader[] = [];
  const render = createAnnouncementRenderer({
    describeExpense: async () => undefined,
    localeFor: async (_org, reader) => {
      readers.push(reader);
      // A member or a client would read English: the admin channel must not be taken for either.
      return reader.memberId || reader.clientId ? 'en' : locale;
    },
    clientName: async () => undefined,
  });
  return { render, readers };
};

const message = (kind: string, payload: unknown): OutboundMessage => ({
  id: 'msg-1',
  organisationId: 'org-1',
  address: 'console:#admin' as ChatAddress,
  kind,
  payload,
  dedupeKey: `${kind}:msg-0`,
  attempt: 1,
});

// Exactly what the outbox worker and the daily audit job write (and rows written before this change hold).
const deadLetterPayload = {
  messageId: 'msg-0',
  kind: 'approval-request',
  address: 'slack:T1:C9',
  dedupeKey: 'k1',
  attempts: 1,
  error: 'permanent failure: channel_not_found',
  diedAt: '2026-03-02T01:00:00.000Z',
};
const hash = '0f'.repeat(32);
const auditHeadPayload = { position: 42, hash, at: '2026-03-02T00:05:00.000Z' };

describe('the admin channel notices at delivery', () => {
  it.each([
    ['en', 'Undeliverable message'],
    ['zh-CN', '无法送达的消息'],
  ] as const)(
    'given an organisation in %s, when a dead letter is rendered, then it reads %s only',
    async (locale, title) => {
      const { render, readers } = rendererIn(locale);
      const card = await render(message('dead-letter', deadLetterPayload));
      expect(card).toEqual({
        title,
        accent: 'danger',
        fields: [],
        sections: [{ text: 'approval-request → slack:T1:C9: permanent failure: channel_not_found' }],
        images: [],
        actions: [],
      });
      expect(readers).toEqual([{}]);
    },
  );

  it.each([
    ['en', 'Audit chain head'],
    ['zh-CN', '审计链头'],
  ] as const)(
    'given an organisation in %s, when an audit head is rendered, then it reads %s only',
    async (locale, title) => {
      const { render, readers } = rendererIn(locale);
      const card = await render(message('audit-head', auditHeadPayload));
      expect(card).toEqual({
        title,
        fields: [],
        sections: [{ text: `42:${hash}` }],
        images: [],
        actions: [],
      });
      expect(readers).toEqual([{}]);
    },
  );

  it('given a damaged payload, when rendered, then the notice still goes out with the missing parts blank', async () => {
    const { render } = rendererIn('zh-CN');
    const dead = await render(message('dead-letter', { kind: 'report', attempts: 'x' }));
    expect(dead?.title).toBe('无法送达的消息');
    expect(dead?.sections).toEqual([{ text: 'report → : ' }]);
    const head = await render(message('audit-head', null));
    expect(head?.title).toBe('审计链头');
    expect(head?.sections).toEqual([{ text: ':' }]);
  });
});
