// A whole Outlay in process — composition root, console routes, outbox worker — on a fresh test database, driven
// through the console API exactly as the page drives it. The demo is off and `console:ada` is the only admin.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Reply } from '../../src/bots/shared/conversation.js';
import { buildUseCases } from '../../src/composition/build-conversation.js';
import { buildCoreDeps, createOutlayApp, type OutlayApp } from '../../src/composition/start-server.js';
import { parseConfig } from '../../src/config/parse-config.js';
import type { Card } from '../../src/domain/messaging/card.js';
import type { ChatNotifier } from '../../src/domain/ports/chat-notifier.port.js';
import type { Clock } from '../../src/domain/ports/clock.port.js';
import type { OpenDatabase } from '../../src/storage/open-database.js';
import { FixedClock } from '../fakes/fixed-clock.js';
import { createTestDatabase, type TestDatabase, type TestEngine } from './test-databases.js';

export type FeedMessage = {
  readonly seq: number;
  readonly address: string;
  readonly kind: string;
  readonly card: Card;
};

export type OutlayHarness = {
  readonly outlay: OutlayApp;
  readonly database: OpenDatabase;
  readonly clock: FixedClock;
  readonly dataDir: string;
  /** Says `text` as `console:<as>` in their DM (or at `address`); a refused HTTP request throws. */
  say(as: string, text: string, address?: string): Promise<Reply>;
  /** Clicks a card button as `console:<as>` (in their DM unless `address` is given). */
  click(
    as: string,
    actionId: string,
    input?: { readonly reason?: string; readonly amount?: string },
    address?: string,
  ): Promise<Reply>;
  /** Uploads a file through the console's multipart route. */
  upload(
    as: string,
    file: { readonly bytes: Uint8Array; readonly name: string; readonly type: string },
    text?: string,
    address?: string,
  ): Promise<Reply>;
  /** Runs the outbox worker until a run claims nothing (moving the clock past any backoff). */
  deliver(): Promise<number>;
  /** Everything `console:<as>` can read: their DM and every channel they see. */
  feed(as: string): Promise<readonly FeedMessage[]>;
  /** Makes `console:<name>` a member, as a first message on any platform would (the console only lets members speak). */
  introduce(name: string, displayName?: string): Promise<void>;
  close(): Promise<void>;
};

export type OutlayHarnessOptions = {
  readonly now?: string;
  readonly locale?: 'en' | 'zh-CN';
  readonly clock?: Clock;
  readonly wrapNotifier?: (notifier: ChatNotifier) => ChatNotifier;
};

/**
 * The frozen instant the app runs at. Later than the wall clock on purpose: outbox rows are stamped due by the
 * database's clock while the worker compares with the injected one, so an earlier frozen clock never finds them due.
 */
export const DEFAULT_NOW = '2030-03-12T04:00:00Z';

export const directAddress = (name: string): string => `console:@${name}`;

/** The words a reply shows: every card's title, subtitle, field and section text, one per line. */
export function replyText(reply: Reply | { readonly cards: readonly Card[] }): string {
  return reply.cards.map(cardText).join('\n');
}

export function cardText(card: Card): string {
  return [
    card.title,
    card.subtitle,
    ...card.fields.map((f) => `${f.label}: ${f.value}`),
    ...card.sections.flatMap((s) => [s.heading, s.text]),
    card.resolved?.text,
    card.footer,
  ]
    .filter((part): part is string => part !== undefined && part !== '')
    .join('\n');
}

/** The expense id a log reply names (`ACME-7K3Q`). */
export function expenseIdIn(reply: Reply | { readonly cards: readonly Card[] }): string {
  const id = /\b[A-Z0-9]{2,32}-[0-9A-HJKMNP-TV-Z]{4,}\b/.exec(replyText(reply))?.[0];
  if (!id) throw new Error(`no expense id in:\n${replyText(reply)}`);
  return id;
}

export async function createOutlayHarness(
  engine: TestEngine,
  options: OutlayHarnessOptions = {},
): Promise<OutlayHarness & { readonly testDatabase: TestDatabase }> {
  const testDatabase = await createTestDatabase(engine);
  const harness = await createOutlayHarnessOn(testDatabase, options);
  return {
    ...harness,
    testDatabase,
    async close() {
      await harness.close();
      await testDatabase.destroy();
    },
  };
}

/** The harness over a database someone else owns (it is not closed by `close()`). */
export async function createOutlayHarnessOn(
  database: OpenDatabase,
  options: OutlayHarnessOptions = {},
): Promise<OutlayHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'outlay-app-'));
  const config = parseConfig({
    OUTLAY_DEMO: 'false',
    OUTLAY_ADMINS: 'console:ada',
    OUTBOX_ENABLED: 'false',
    SCHEDULER_ENABLED: 'false',
    DATA_DIR: dataDir,
    ...(options.locale === undefined ? {} : { OUTLAY_LOCALE: options.locale }),
  });
  const clock = new FixedClock(options.now ?? DEFAULT_NOW);
  const usedClock = options.clock ?? clock;
  const outlay = await createOutlayApp({
    config,
    database,
    logger: pino({ level: 'silent' }),
    clock: usedClock,
    ...(options.wrapNotifier === undefined ? {} : { wrapNotifier: options.wrapNotifier }),
  });
  const useCases = buildUseCases({ ...buildCoreDeps(config, database), clock: usedClock });

  const post = async (url: string, payload: unknown): Promise<Reply> => {
    const response = await outlay.app.inject({ method: 'POST', url, payload: payload as object });
    if (response.statusCode !== 200) {
      throw new Error(`${url} answered ${response.statusCode}: ${response.body}`);
    }
    return response.json<Reply>();
  };

  return {
    outlay,
    database,
    clock,
    dataDir,
    say: (as, text, address) =>
      post('/console/api/message', { as, address: address ?? directAddress(as), text }),
    click: (as, actionId, input, address) =>
      post('/console/api/action', {
        as,
        address: address ?? directAddress(as),
        actionId,
        ...(input === undefined ? {} : { input }),
      }),
    async upload(as, file, text, address) {
      const form = new FormData();
      form.set('as', as);
      form.set('address', address ?? directAddress(as));
      if (text !== undefined) form.set('text', text);
      form.set('file', new Blob([file.bytes], { type: file.type }), file.name);
      const request = new Request('http://outlay.test/console/api/file', { method: 'POST', body: form });
      const response = await outlay.app.inject({
        method: 'POST',
        url: '/console/api/file',
        headers: Object.fromEntries(request.headers),
        payload: Buffer.from(await request.arrayBuffer()),
      });
      if (response.statusCode !== 200) {
        throw new Error(`/console/api/file answered ${response.statusCode}: ${response.body}`);
      }
      return response.json<Reply>();
    },
    async deliver() {
      let delivered = 0;
      for (let round = 0; round < 50; round += 1) {
        const result = await outlay.worker.runOnce();
        delivered += result.delivered;
        if (result.claimed === 0) return delivered;
      }
      throw new Error('the outbox never went idle');
    },
    async feed(as) {
      const response = await outlay.app.inject({
        method: 'GET',
        url: `/console/api/feed?as=${encodeURIComponent(as)}`,
      });
      if (response.statusCode !== 200)
        throw new Error(`feed answered ${response.statusCode}: ${response.body}`);
      return response.json<{ messages: FeedMessage[] }>().messages;
    },
    async introduce(name, displayName) {
      const result = await useCases.ensureMember({
        organisationId: 'default',
        identity: `console:${name}`,
        displayName: displayName ?? name.charAt(0).toUpperCase() + name.slice(1),
        platform: 'console',
      });
      if (!result.ok) throw new Error(`cannot introduce ${name}: ${result.error.code}`);
    },
    async close() {
      await outlay.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
