// A whole Outlay in process with the Slack module mounted, its Web API pointed at the loopback fake, and helpers
// that send what Slack sends: signed slash commands, button clicks and form submissions.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Conversation } from '../../../src/bots/shared/conversation.js';
import type { PlatformModule } from '../../../src/bots/shared/platform-module.js';
import { createSlackModule, type SlackModuleOptions } from '../../../src/bots/slack/slack-module.js';
import { signSlackRequest } from '../../../src/bots/slack/slack-signature.js';
import { createOutlayApp, type OutlayApp } from '../../../src/composition/start-server.js';
import { parseConfig } from '../../../src/config/parse-config.js';
import { type FakeSlackApi, startFakeSlackApi } from '../../fakes/fake-slack-api.js';
import { FixedClock } from '../../fakes/fixed-clock.js';
import { createTestDatabase, type TestDatabase, type TestEngine } from '../../support/test-databases.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-token';
export const TEAM = 'T1';
export const NOW = '2030-03-12T04:00:00Z';

export type SlackPost = { readonly status: number; readonly body: string; readonly json: () => unknown };

export type SlackHarness = {
  readonly outlay: OutlayApp;
  readonly fake: FakeSlackApi;
  readonly clock: FixedClock;
  readonly database: TestDatabase;
  /** Posts a raw body to /slack/events with the given headers (nothing added). */
  post(body: string, headers: Record<string, string>): Promise<SlackPost>;
  /** Signs a form body as Slack would, at the clock's now (or `timestamp`). */
  signedHeaders(body: string, timestamp?: number): Record<string, string>;
  /** `/expense <text>` from `user` in `channel`. */
  command(
    user: string,
    text: string,
    options?: { channel?: string; triggerId?: string; retryNum?: number; responseId?: string; team?: string },
  ): Promise<SlackPost>;
  /** A click on a button as Slack sends it: `payload=<block_actions JSON>`. */
  click(
    user: string,
    button: { readonly action_id: string; readonly value?: string; readonly text?: string },
    options?: { channel?: string; triggerId?: string; responseId?: string; team?: string; userTeam?: string },
  ): Promise<SlackPost>;
  /** The Home tab opened by `user` (an `app_home_opened` event); resolves once views.publish was called. */
  openHome(user: string, options?: { team?: string }): Promise<SlackPost>;
  /** The OAuth install, browser side: /slack/install, then Slack's redirect back with `code`. */
  install(code: string): Promise<{ status: number; body: string }>;
  /** A modal submitted: `payload=<view_submission JSON>` for a view the app opened. */
  submitView(user: string, view: Record<string, unknown>, values: Record<string, string>): Promise<SlackPost>;
  /** Runs the outbox worker until it is idle, moving the clock past Slack's per-address spacing. */
  deliver(): Promise<number>;
  close(): Promise<void>;
};

export type SlackHarnessOptions = SlackModuleOptions & {
  /** Wraps the Conversation the Slack module sees (e.g. to slow it down). */
  readonly wrapConversation?: (conversation: Conversation) => Conversation;
  /** The multi-workspace install instead of one bot token. */
  readonly oauth?: boolean;
};

let triggerSeq = 0;
const nextTrigger = () => {
  triggerSeq += 1;
  return `trigger-${triggerSeq}`;
};

export async function createSlackHarness(
  engine: TestEngine,
  options: SlackHarnessOptions = {},
): Promise<SlackHarness> {
  const fake = await startFakeSlackApi();
  const database = await createTestDatabase(engine);
  const dataDir = await mkdtemp(join(tmpdir(), 'outlay-slack-'));
  const config = parseConfig({
    OUTLAY_DEMO: 'false',
    OUTLAY_ADMINS: `slack:${TEAM}:UADMIN`,
    OUTBOX_ENABLED: 'false',
    SCHEDULER_ENABLED: 'false',
    DATA_DIR: dataDir,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    ...(options.oauth
      ? {
          SLACK_CLIENT_ID: 'client-1',
          SLACK_CLIENT_SECRET: 'client-secret',
          SLACK_STATE_SECRET: 'state-secret',
        }
      : { SLACK_BOT_TOKEN: BOT_TOKEN }),
    SLACK_API_URL: fake.apiUrl,
  });
  if (!config.slack) throw new Error('the Slack configuration did not parse');
  const clock = new FixedClock(NOW);
  // A roomier budget than production's, so a busy test machine does not turn a quick answer into a follow-up.
  const slack = createSlackModule(config.slack, { ackBudgetMs: 2_500, ...options });
  const wrap = options.wrapConversation;
  const module: PlatformModule =
    wrap === undefined
      ? slack
      : {
          platform: slack.platform,
          register: (app, context) =>
            slack.register(app, { ...context, conversation: wrap(context.conversation) }),
          notifier: (context) => slack.notifier(context),
        };
  const outlay = await createOutlayApp({
    config,
    database,
    logger: pino({ level: 'silent' }),
    clock,
    platforms: [module],
  });

  const signedHeaders = (body: string, timestamp = Math.floor(clock.now().getTime() / 1000)) => ({
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signSlackRequest(SIGNING_SECRET, String(timestamp), body),
  });
  const post = async (body: string, headers: Record<string, string>): Promise<SlackPost> => {
    const response = await outlay.app.inject({
      method: 'POST',
      url: '/slack/events',
      headers,
      payload: body,
    });
    return {
      status: response.statusCode,
      body: response.body,
      json: () => JSON.parse(response.body) as unknown,
    };
  };
  const postPayload = (payload: unknown) => {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return post(body, signedHeaders(body));
  };

  return {
    outlay,
    fake,
    clock,
    database,
    post,
    signedHeaders,
    command(user, text, opts = {}) {
      const channel = opts.channel ?? `D${user}`;
      const triggerId = opts.triggerId ?? nextTrigger();
      const body = new URLSearchParams({
        token: 'legacy-verification-token',
        team_id: opts.team ?? TEAM,
        team_domain: 'acme-firm',
        channel_id: channel,
        channel_name: channel,
        user_id: user,
        user_name: user.toLowerCase(),
        command: '/expense',
        text,
        api_app_id: 'A1',
        response_url: fake.responseUrl(opts.responseId ?? triggerId),
        trigger_id: triggerId,
      }).toString();
      return post(body, {
        ...signedHeaders(body),
        ...(opts.retryNum === undefined
          ? {}
          : { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' }),
      });
    },
    click(user, button, opts = {}) {
      const channel = opts.channel ?? `D${user}`;
      const triggerId = opts.triggerId ?? nextTrigger();
      return postPayload({
        type: 'block_actions',
        team: { id: opts.team ?? TEAM, domain: 'acme-firm' },
        user: {
          id: user,
          username: user.toLowerCase(),
          name: user.toLowerCase(),
          team_id: opts.userTeam ?? opts.team ?? TEAM,
        },
        api_app_id: 'A1',
        token: 'legacy-verification-token',
        trigger_id: triggerId,
        response_url: fake.responseUrl(opts.responseId ?? triggerId),
        container: {
          type: 'message',
          message_ts: '1900000000.000001',
          channel_id: channel,
          is_ephemeral: false,
        },
        channel: { id: channel, name: channel },
        actions: [
          {
            type: 'button',
            action_id: button.action_id,
            block_id: 'b1',
            action_ts: String(Date.now() / 1000),
            text: { type: 'plain_text', text: button.text ?? 'button' },
            ...(button.value === undefined ? {} : { value: button.value }),
          },
        ],
      });
    },
    submitView(user, view, values) {
      return postPayload({
        type: 'view_submission',
        team: { id: TEAM, domain: 'acme-firm' },
        user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM },
        api_app_id: 'A1',
        token: 'legacy-verification-token',
        trigger_id: nextTrigger(),
        view: {
          id: `V-${nextTrigger()}`,
          ...view,
          state: {
            values: Object.fromEntries(
              Object.entries(values).map(([block, value]) => [
                block,
                { value: { type: 'plain_text_input', value } },
              ]),
            ),
          },
        },
      });
    },
    async openHome(user, opts = {}) {
      const before = fake.callsTo('views.publish').length;
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: opts.team ?? TEAM,
        api_app_id: 'A1',
        event_id: `Ev-home-${nextTrigger()}`,
        event_time: 1_900_000_000,
        event: {
          type: 'app_home_opened',
          user,
          channel: `D${user}`,
          tab: 'home',
          event_ts: '1900000000.000001',
        },
      });
      const answer = await post(body, { ...signedHeaders(body), 'content-type': 'application/json' });
      await fake.waitForCalls('views.publish', before + 1);
      return answer;
    },
    async install(code) {
      const start = await outlay.app.inject({ method: 'GET', url: '/slack/install' });
      const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
      const cookie = String(start.headers['set-cookie']).split(';')[0] ?? '';
      const done = await outlay.app.inject({
        method: 'GET',
        url: `/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`,
        headers: { cookie },
      });
      return { status: done.statusCode, body: done.body };
    },
    async deliver() {
      // Slack is paced one message a second per address: the clock moves past that spacing between rounds, and
      // the outbox is idle once a round past it claims nothing.
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
    async close() {
      await outlay.close();
      await fake.close();
      await database.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

type Block = {
  type: string;
  elements?: { type: string; action_id?: string; value?: string; text?: unknown }[];
};

/** The buttons of a posted message's blocks. */
export function buttonsIn(blocks: unknown): { action_id: string; value?: string; text: string }[] {
  return ((blocks ?? []) as Block[])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? [])
    .filter((element) => element.type === 'button')
    .map((element) => ({
      action_id: element.action_id ?? '',
      ...(element.value === undefined ? {} : { value: element.value }),
      text: (element.text as { text?: string } | undefined)?.text ?? '',
    }));
}

/** Every text in some blocks, one per line (headers, fields, sections, contexts). */
export function blocksText(blocks: unknown): string {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') texts.push(record.text);
      for (const [key, value] of Object.entries(record))
        if (key !== 'text' || typeof value !== 'string') visit(value);
    }
  };
  visit(blocks);
  return texts.join('\n');
}
