// Slack as an Outlay platform: Bolt on the shared fastify server (its own receiver at /slack/events) and a notifier
// for the outbox. One workspace with SLACK_BOT_TOKEN, or many through the OAuth install, whose bot tokens are kept in
// PlatformRecords; SLACK_API_URL redirects every Web API call, so tests run the real SDK against a loopback fake.
import { App } from '@slack/bolt';
import type { SlackConfig } from '../../config/config.js';
import type { PlatformContext, PlatformModule } from '../shared/platform-module.js';
import { registerSlackFiles } from './slack-files.js';
import { registerSlackHome } from './slack-home.js';
import { DEFAULT_ACK_BUDGET_MS, registerSlackListeners } from './slack-listeners.js';
import { createBoltLogger } from './slack-logger.js';
import { createSlackNotifier } from './slack-notifier.js';
import { DEFAULT_SLACK_AUTHORIZE_URL, registerSlackOAuth } from './slack-oauth.js';
import { FastifySlackReceiver } from './slack-receiver.js';

export const SLACK_PLATFORM = 'slack';
export const SLACK_INSTALLATION_KIND = 'installation';
const DELIVERY_KIND = 'delivery';

/** What an OAuth install leaves behind for one workspace. */
export type SlackInstallation = {
  readonly teamId: string;
  readonly botToken: string;
  readonly botUserId?: string;
};

export type SlackModuleOptions = {
  /** How long a slash command may take before it is acknowledged "working on it" (default 2 000 ms). */
  readonly ackBudgetMs?: number;
  /** The instant request signatures are checked against (default: the platform context's clock). */
  readonly nowMs?: () => number;
  /** How long Bolt may leave a request unacknowledged before it is answered 404 (default 3 001 ms). */
  readonly unhandledRequestMs?: number;
  /** The language of forms opened before Outlay knows who is asking (default English; pass the organisation's). */
  readonly locale?: 'en' | 'zh-CN';
  /** Outlay's public address, for the OAuth redirect (default: the address the install request came to). */
  readonly publicUrl?: string;
  /** Slack's authorize page (default https://slack.com/oauth/v2/authorize); tests point it at a fake. */
  readonly authorizeUrl?: string;
};

const postJson = async (url: string, message: object): Promise<void> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  });
  if (!response.ok) throw new Error(`response_url answered ${response.status}`);
};

export function createSlackModule(config: SlackConfig, options: SlackModuleOptions = {}): PlatformModule {
  const tokenResolver = (context: PlatformContext) => async (teamId: string) => {
    if (config.mode.kind === 'single') return config.mode.botToken;
    const installation = await context.uow.run((tx) =>
      context.records.get<SlackInstallation>(tx, {
        organisationId: context.organisationId,
        platform: SLACK_PLATFORM,
        kind: SLACK_INSTALLATION_KIND,
        key: teamId,
      }),
    );
    return installation?.botToken;
  };

  return {
    platform: SLACK_PLATFORM,
    async register(server, context) {
      const tokenFor = tokenResolver(context);
      const receiver = new FastifySlackReceiver({
        signingSecret: config.signingSecret,
        nowMs: options.nowMs ?? (() => context.clock.now().getTime()),
        logger: context.logger.child({ component: 'slack' }),
        ...(options.unhandledRequestMs === undefined
          ? {}
          : { unhandledRequestMs: options.unhandledRequestMs }),
        firstSighting: (key) =>
          context.uow.run((tx) =>
            context.records.putIfAbsent(
              tx,
              { organisationId: context.organisationId, platform: SLACK_PLATFORM, kind: DELIVERY_KIND, key },
              { at: context.clock.now().toISOString() },
            ),
          ),
      });
      const bolt = new App({
        receiver,
        logger: createBoltLogger(context.logger),
        clientOptions: { slackApiUrl: config.apiUrl },
        // One authorize for both modes: the configured token, or the workspace's installation. No auth.test at
        // start-up, so a Slack outage never stops Outlay from starting.
        authorize: async ({ teamId }) => {
          const botToken = teamId === undefined ? undefined : await tokenFor(teamId);
          if (botToken === undefined)
            throw new Error(`Outlay is not installed in workspace ${teamId ?? '?'}`);
          return { botToken };
        },
      });
      registerSlackListeners(bolt, context, {
        ackBudgetMs: options.ackBudgetMs ?? DEFAULT_ACK_BUDGET_MS,
        locale: options.locale ?? 'en',
        postToResponseUrl: postJson,
      });
      registerSlackHome(bolt, context);
      registerSlackFiles(bolt, context);
      if (config.mode.kind === 'oauth') {
        await registerSlackOAuth(server, context, {
          clientId: config.mode.clientId,
          clientSecret: config.mode.clientSecret,
          stateSecret: config.mode.stateSecret,
          apiUrl: config.apiUrl,
          authorizeUrl: options.authorizeUrl ?? DEFAULT_SLACK_AUTHORIZE_URL,
          ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
          nowMs: () => context.clock.now().getTime(),
          saveInstallation: (installation) =>
            context.uow.run((tx) =>
              context.records.put(
                tx,
                {
                  organisationId: context.organisationId,
                  platform: SLACK_PLATFORM,
                  kind: SLACK_INSTALLATION_KIND,
                  key: installation.teamId,
                },
                installation satisfies SlackInstallation,
              ),
            ),
        });
      }
      await receiver.register(server);
    },
    notifier(context) {
      return createSlackNotifier(context, { apiUrl: config.apiUrl, tokenFor: tokenResolver(context) });
    },
  };
}
