// The console plugin on the real HTTP server, with a Conversation that records what it was handed and an
// in-memory transcript, so each test can say exactly what the page would see.
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { type ConsolePluginOptions, consolePlugin } from '../../../src/bots/console/console-plugin.js';
import { createHttpServer } from '../../../src/bots/http-server.js';
import type {
  Conversation,
  InboundAction,
  InboundFile,
  InboundMessage,
  Reply,
} from '../../../src/bots/shared/conversation.js';
import type { Card } from '../../../src/domain/messaging/card.js';
import type {
  ConsoleDirectory,
  ConsoleMessage,
  ConsoleTranscript,
} from '../../../src/domain/ports/console-transcript.port.js';
import type { Logger } from '../../../src/domain/ports/logger.port.js';
import type { Tx, UnitOfWork } from '../../../src/domain/ports/unit-of-work.port.js';

export const ORG = 'org-console';

export const card = (title: string, extra: Partial<Card> = {}): Card => ({
  title,
  fields: [],
  sections: [],
  images: [],
  actions: [],
  ...extra,
});

export type RecordingConversation = Conversation & {
  readonly messages: InboundMessage[];
  readonly actions: InboundAction[];
  readonly files: InboundFile[];
  /** The next call throws this instead of answering. */
  failNext(error: Error): void;
};

export function createRecordingConversation(
  reply: Reply = { visibility: 'private', cards: [card('Done')] },
  onAction?: (action: InboundAction) => void,
): RecordingConversation {
  const messages: InboundMessage[] = [];
  const actions: InboundAction[] = [];
  const files: InboundFile[] = [];
  let failure: Error | undefined;
  const answer = async (): Promise<Reply> => {
    const error = failure;
    failure = undefined;
    if (error) throw error;
    return reply;
  };
  return {
    messages,
    actions,
    files,
    failNext: (error) => {
      failure = error;
    },
    async handleMessage(message) {
      messages.push(message);
      return answer();
    },
    async handleAction(action) {
      actions.push(action);
      onAction?.(action);
      return answer();
    },
    async handleFile(file) {
      files.push(file);
      return answer();
    },
  };
}

export const DIRECTORY: ConsoleDirectory = {
  people: [
    {
      identity: 'console:alice',
      name: 'alice',
      displayName: 'Alice',
      kind: 'member',
      roles: [],
      approverFor: [],
      clientCode: undefined,
    },
    {
      identity: 'console:bob',
      name: 'bob',
      displayName: 'Bob',
      kind: 'member',
      roles: [],
      approverFor: ['acme'],
      clientCode: undefined,
    },
    {
      identity: 'console:contact-acme',
      name: 'contact-acme',
      displayName: 'Acme',
      kind: 'client-contact',
      roles: [],
      approverFor: [],
      clientCode: 'acme',
    },
  ],
  channels: [
    { address: 'console:#acme-team', audience: 'internal', clientCode: 'acme', clientName: 'Acme' },
    { address: 'console:#acme', audience: 'client', clientCode: 'acme', clientName: 'Acme' },
    { address: 'console:#globex', audience: 'client', clientCode: 'globex', clientName: 'Globex' },
  ],
};

export type MemoryTranscript = ConsoleTranscript & {
  readonly messages: ConsoleMessage[];
  readonly reads: { addresses: readonly string[]; since: Date | undefined; limit: number }[];
  add(address: string, title: string, at: string, extra?: Partial<Card>): void;
  /** What the console notifier does for a `replaces`: a new card under the same seq, written later. */
  update(seq: number, card: Card, at: string): void;
};

/** Just enough of the transcript for the plugin: the read filters by address and time like the real one. */
export function createMemoryTranscript(directory: ConsoleDirectory = DIRECTORY): MemoryTranscript {
  const messages: ConsoleMessage[] = [];
  const reads: MemoryTranscript['reads'] = [];
  return {
    messages,
    reads,
    add(address, title, at, extra = {}) {
      messages.push({
        seq: messages.length + 1,
        address,
        kind: 'notice',
        card: card(title, extra),
        createdAt: new Date(at),
        updatedAt: new Date(at),
      });
    },
    update(seq, newCard, at) {
      const index = messages.findIndex((m) => m.seq === seq);
      const found = messages[index];
      if (!found) throw new Error(`no message ${seq}`);
      messages[index] = { ...found, card: newCard, updatedAt: new Date(at) };
    },
    async post() {
      throw new Error('the plugin never posts');
    },
    async replace() {
      throw new Error('the plugin never replaces');
    },
    async read(_tx, organisationId, addresses, since, limit) {
      reads.push({ addresses, since, limit });
      const found = messages
        .filter((m) => organisationId === ORG && addresses.includes(m.address))
        .filter((m) => since === undefined || m.updatedAt > since)
        .slice(0, limit);
      const cursor = found.reduce<Date | undefined>(
        (latest, m) => (latest === undefined || m.updatedAt > latest ? m.updatedAt : latest),
        since,
      );
      return { messages: found, cursor };
    },
    async people(_tx, organisationId) {
      return organisationId === ORG ? directory : { people: [], channels: [] };
    },
  };
}

export const immediateUnitOfWork: UnitOfWork = { run: (work) => work({} as Tx) };

export const silentLogger = pino({ level: 'silent' }) as unknown as Logger;

export type ConsoleApp = {
  readonly app: FastifyInstance;
  readonly conversation: RecordingConversation;
  readonly transcript: MemoryTranscript;
};

export async function startConsoleApp(
  options: Partial<Omit<ConsolePluginOptions, 'conversation' | 'transcript' | 'uow'>> = {},
  parts: { readonly conversation?: RecordingConversation; readonly transcript?: MemoryTranscript } = {},
): Promise<ConsoleApp> {
  const conversation = parts.conversation ?? createRecordingConversation();
  const transcript = parts.transcript ?? createMemoryTranscript();
  const app = createHttpServer({ logger: silentLogger, readinessChecks: [] });
  await app.register(consolePlugin, {
    prefix: '/console',
    conversation,
    transcript,
    uow: immediateUnitOfWork,
    organisationId: ORG,
    enabled: true,
    uploadLimitBytes: 10 * 1024 * 1024,
    ...options,
  });
  await app.ready();
  return { app, conversation, transcript };
}

/** A multipart/form-data body the way a browser's FormData sends it. */
export function multipartBody(
  fields: Readonly<Record<string, string>>,
  file?: { readonly name: string; readonly type: string; readonly bytes: Uint8Array },
): { readonly payload: Buffer; readonly headers: Record<string, string> } {
  const boundary = '----outlay-test-boundary-7MA4YWxkTrZu0gW';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        'utf8',
      ),
    );
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
        'utf8',
      ),
      Buffer.from(file.bytes),
      Buffer.from('\r\n', 'utf8'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
