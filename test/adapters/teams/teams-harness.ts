// A whole Outlay with the Teams module mounted, driven through POST /api/messages with activities a Teams channel
// would send: each carries a JWT signed by the fake OpenID keys and a serviceUrl pointing at the fake Bot Connector,
// so the real CloudAdapter verifies it and answers through the fake.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import type { Conversation } from '../../../src/bots/shared/conversation.js';
import type { PlatformModule } from '../../../src/bots/shared/platform-module.js';
import { createTeamsModule } from '../../../src/bots/teams/teams-module.js';
import { createOutlayApp, type OutlayApp } from '../../../src/composition/start-server.js';
import { parseConfig } from '../../../src/config/parse-config.js';
import { type FakeBotConnector, startFakeBotConnector } from '../../fakes/fake-bot-connector.js';
import { type FakeOpenIdKeys, startFakeOpenIdKeys } from '../../fakes/fake-openid-keys.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { createTestDatabase, type TestDatabase, type TestEngine } from '../../support/test-databases.js';

export const APP_ID = '6f1b7f6e-2c0d-4d8e-9d38-3a6f0e1c2b01';
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const BOT_ID = `28:${APP_ID}`;
/** Later than the wall clock: outbox rows are due by the database's clock, compared with this one. */
export const NOW = '2030-03-12T04:00:00Z';

export type TeamsPerson = {
  readonly name: string;
  readonly aadObjectId: string;
  /** The Teams user id (29:…) activities carry in `from.id`. */
  readonly userId: string;
  /** Their 1:1 with the bot. */
  readonly personalChat: string;
};

const person = (name: string, n: number): TeamsPerson => ({
  name,
  aadObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  userId: `29:1${name}-teams-user-id`,
  personalChat: `a:1${name}-personal-chat`,
});

export const ADA = person('Ada', 1);
export const SAM = person('Sam', 2);
export const BOB = person('Bob', 3);

export const CHANNEL = '19:acme-team@thread.tacv2';

export type Activity = Record<string, unknown> & { readonly id: string };

export type TeamsHarness = {
  readonly outlay: OutlayApp;
  readonly database: TestDatabase;
  readonly connector: FakeBotConnector;
  readonly keys: FakeOpenIdKeys;
  readonly clock: FixedClock;
  /** A message activity from `from` in `conversation` (their 1:1 unless given). */
  message(from: TeamsPerson, text: string, extra?: Partial<Activity>): Activity;
  /** An `adaptiveCard/action` invoke for a click on `verb` with `data` (inputs included). */
  cardAction(
    from: TeamsPerson,
    verb: string,
    data: Record<string, unknown>,
    extra?: Partial<Activity>,
  ): Activity;
  /** POSTs the activity with a valid channel token unless `authorization` is given (null: no header). */
  post(activity: Activity, authorization?: string | null): Promise<{ status: number; body: string }>;
  validToken(serviceUrl?: string): string;
  /** Runs the outbox worker until it claims nothing. */
  deliver(): Promise<number>;
  /** Rows in every table, to prove a refused request wrote nothing. */
  rowCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
};

export type TeamsHarnessOptions = {
  /** TEAMS_EMULATOR: mounted without authentication, as for the Bot Framework Emulator. */
  readonly emulator?: boolean;
  /** Stands between the Teams module and the real Conversation (e.g. to make handling fail). */
  readonly wrapConversation?: (conversation: Conversation) => Conversation;
};

const withConversation = (
  module: PlatformModule,
  wrap: TeamsHarnessOptions['wrapConversation'],
): PlatformModule =>
  wrap === undefined
    ? module
    : {
        ...module,
        register: (app, context) =>
          module.register(app, { ...context, conversation: wrap(context.conversation) }),
      };

export async function createTeamsHarness(
  engine: TestEngine,
  options: TeamsHarnessOptions = {},
): Promise<TeamsHarness> {
  const connector = await startFakeBotConnector();
  const keys = await startFakeOpenIdKeys();
  const database = await createTestDatabase(engine);
  const dataDir = await mkdtemp(join(tmpdir(), 'outlay-teams-'));
  const config = parseConfig({
    OUTLAY_DEMO: 'false',
    OUTLAY_ADMINS: `teams:${ADA.aadObjectId}`,
    OUTBOX_ENABLED: 'false',
    SCHEDULER_ENABLED: 'false',
    DATA_DIR: dataDir,
    ...(options.emulator === true
      ? { TEAMS_EMULATOR: 'true' }
      : {
          MICROSOFT_APP_ID: APP_ID,
          MICROSOFT_APP_PASSWORD: 'app-secret',
          BOT_OPENID_METADATA_URL: keys.metadataUrl,
          // The bot's own token comes from the fake connector's token endpoint, as configured in production.
          MICROSOFT_APP_TOKEN_ENDPOINT: connector.tokenEndpoint,
        }),
  });
  if (config.teams === undefined) throw new Error('the Teams configuration did not parse');
  const clock = new FixedClock(NOW);
  const teams = createTeamsModule(config.teams);
  const outlay = await createOutlayApp({
    config,
    database,
    logger: pino({ level: 'silent' }),
    clock,
    platforms: [withConversation(teams, options.wrapConversation)],
  });
  let sequence = 0;
  const validToken = (serviceUrl = connector.serviceUrl) =>
    keys.sign({ aud: APP_ID, serviceurl: serviceUrl });

  const base = (from: TeamsPerson, extra: Partial<Activity>) => {
    sequence += 1;
    return {
      id: `activity-in-${sequence}`,
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      timestamp: new Date().toISOString(),
      from: { id: from.userId, name: from.name, aadObjectId: from.aadObjectId },
      recipient: { id: BOT_ID, name: 'Outlay' },
      conversation: { id: from.personalChat, conversationType: 'personal', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } },
      ...extra,
    };
  };

  return {
    outlay,
    database,
    connector,
    keys,
    clock,
    message: (from, text, extra = {}) => ({ ...base(from, extra), type: 'message', text }),
    cardAction: (from, verb, data, extra = {}) => ({
      ...base(from, extra),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }),
    async post(activity, authorization) {
      const header = authorization === undefined ? `Bearer ${validToken()}` : authorization;
      const response = await outlay.app.inject({
        method: 'POST',
        url: '/api/messages',
        headers: header === null ? {} : { authorization: header },
        payload: activity,
      });
      return { status: response.statusCode, body: response.body };
    },
    validToken,
    async deliver() {
      // The worker paces messages per address: the clock moves past that spacing between rounds, and the outbox
      // is idle once a round past it claims nothing.
      let delivered = 0;
      let idleRounds = 0;
      for (let round = 0; round < 50; round += 1) {
        const result = await outlay.worker.runOnce();
        delivered += result.delivered;
        idleRounds = result.claimed === 0 ? idleRounds + 1 : 0;
        if (idleRounds === 2) return delivered;
        clock.advance(1_100);
      }
      throw new Error('the outbox never went idle');
    },
    async rowCounts() {
      const result = (await database.db.execute(
        sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
      )) as unknown as { tablename: string }[] | { rows: { tablename: string }[] };
      const tables = (Array.isArray(result) ? result : result.rows).map((r) => r.tablename);
      const counts: Record<string, number> = {};
      for (const table of tables) {
        const rows = (await database.db.execute(
          sql.raw(`select count(*)::int as n from "${table}"`),
        )) as unknown as { n: number }[] | { rows: { n: number }[] };
        counts[table] = (Array.isArray(rows) ? rows : rows.rows)[0]?.n ?? -1;
      }
      return counts;
    },
    async close() {
      await outlay.close();
      await database.destroy();
      await connector.close();
      await keys.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
