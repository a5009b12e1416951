// Slack as an Outlay platform: Bolt on the shared fastify server (its own receiver at /slack/events) and a notifier
// for the outbox. One workspace with SLACK_BOT_TOKEN, or many through the OAuth install, whose bot tokens are kept in
// PlatformRecords; SLACK_API_URL redirects every Web API call, so tests run the real SDK against a loopback fake.
import { App } from '@slack/bolt';
import type { SlackConfig } from '../../config/config.js';
import type { PlatformContext, PlatformModule } from '../shared/platform-module.js';
import { registerSlackFiles } from './slack-files.js';
import { registerSlackHome } from './slack-home.js';
import {
  DEFAULT_ACK_BUDGET_MS,
  registerSlackListeners,
  SLACK_ORGANISATION,
  slackIdentity,
} from './slack-listeners.js';
import { createBoltLogger } from './slack-logger.js';
import { createSlackNotifier } from './slack-notifier.js';
import { DEFAULT_SLACK_AUTHORIZE_URL, registerSlackOAuth } from './slack-oauth.js';
import { createSlackPeople } from './slack-people.js';
import { FastifySlackReceiver, type SlackDeliveryLedger } from './slack-receiver.js';
import { createResponseUrlBudget } from './slack-response-urls.js';

export const SLACK_PLATFORM = 'slack';
export const SLACK_INSTALLATION_KIND = 'installation';
const DELIVERY_KIND = 'delivery';

/**
 * What an OAuth install leaves behind for one workspace. Installations are a deployment-wide registry, kept under the
 * deployment's organisation; each names the organisation its workspace became (absent on installs made before
 * workspaces had organisations of their own: those belong to the deployment's).
 */
export type SlackInstallation = {
  readonly teamId: string;
  readonly botToken: string;
  readonly botUserId?: string;
  readonly organisationId?: string;
};

/** A delivery as the ledger remembers it: `started` while an attempt runs, `done` once one completed. */
type DeliveryRecord = { readonly state?: 'started' | 'done'; readonly at: string };
/** Slack retries after 1 minute and 5 minutes: an attempt still `started` after this is taken to have died. */
const ABANDONED_AFTER_MS = 2 * 60_000;
/** Slack stops retrying within the hour; delivery records are forgotten after a day. */
const DELIVERY_RECORDS_KEPT_MS = 24 * 60 * 60_000;

/** The organisation a newly installed workspace becomes: one per workspace, the same on every reinstall. */
export const slackOrganisationId = (teamId: string): string => `slack-${teamId.toLowerCase()}`;

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

const installationKey = (context: PlatformContext, teamId: string) => ({
  organisationId: context.organisationId,
  platform: SLACK_PLATFORM,
  kind: SLACK_INSTALLATION_KIND,
  key: teamId,
});

/** The ledger of deliveries already handled, with yesterday's records swept out as new ones are written. */
const deliveryLedger = (context: PlatformContext): SlackDeliveryLedger => {
  const keyOf = (key: string) => ({
    organisationId: context.organisationId,
    platform: SLACK_PLATFORM,
    kind: DELIVERY_KIND,
    key,
  });
  const at = () => context.clock.now().toISOString();
  return {
    claim: (key) =>
      context.uow.run(async (tx) => {
        const now = context.clock.now().getTime();
        await context.records.removeOlderThan(
          tx,
          { organisationId: context.organisationId, platform: SLACK_PLATFORM, kind: DELIVERY_KIND },
          new Date(now - DELIVERY_RECORDS_KEPT_MS),
        );
        const started: DeliveryRecord = { state: 'started', at: at() };
        if (await context.records.putIfAbsent(tx, keyOf(key), started)) return true;
        const earlier = await context.records.get<DeliveryRecord>(tx, keyOf(key));
        // Records written before attempts had a state were written once an attempt completed.
        if (earlier !== undefined && earlier.state !== 'started') return false;
        if (earlier !== undefined && now - Date.parse(earlier.at) < ABANDONED_AFTER_MS) return false;
        await context.records.put(tx, keyOf(key), started);
        return true;
      }),
    settle: (key, completed) =>
      context.uow.run(async (tx) => {
        if (!completed) return context.records.remove(tx, keyOf(key));
        // A record ages from the delivery's first sighting, however long the attempt took.
        const claimed = await context.records.get<DeliveryRecord>(tx, keyOf(key));
        await context.records.put(tx, keyOf(key), {
          state: 'done',
          at: claimed?.at ?? at(),
        } satisfies DeliveryRecord);
      }),
  };
};

export function createSlackModule(config: SlackConfig, options: SlackModuleOptions = {}): PlatformModule {
  const installationOf = (context: PlatformContext, teamId: string) =>
    context.uow.run((tx) => context.records.get<SlackInstallation>(tx, installationKey(context, teamId)));
  const tokenResolver = (context: PlatformContext) => async (teamId: string) => {
    if (config.mode.kind === 'single') return config.mode.botToken;
    return (await installationOf(context, teamId))?.botToken;
  };

  return {
    platform: SLACK_PLATFORM,
    async register(server, context) {
      const receiver = new FastifySlackReceiver({
        signingSecret: config.signingSecret,
        nowMs: options.nowMs ?? (() => context.clock.now().getTime()),
        logger: context.logger.child({ component: 'slack' }),
        ...(options.unhandledRequestMs === undefined
          ? {}
          : { unhandledRequestMs: options.unhandledRequestMs }),
        deliveries: deliveryLedger(context),
      });
      const bolt = new App({
        receiver,
        logger: createBoltLogger(context.logger),
        clientOptions: { slackApiUrl: config.apiUrl },
        // One authorize for both modes: the configured token, or the workspace's installation — which also says
        // which organisation the workspace is (listeners read it as `context.organisationId`). No auth.test at
        // start-up, so a Slack outage never stops Outlay from starting.
        authorize: async ({ teamId }) => {
          if (config.mode.kind === 'single') return { botToken: config.mode.botToken };
          const installation = teamId === undefined ? undefined : await installationOf(context, teamId);
          if (installation === undefined)
            throw new Error(`Outlay is not installed in workspace ${teamId ?? '?'}`);
          return {
            botToken: installation.botToken,
            ...(installation.organisationId === undefined
              ? {}
              : { [SLACK_ORGANISATION]: installation.organisationId }),
          };
        },
      });
      const people = createSlackPeople(context.clock, context.logger.child({ component: 'slack' }));
      registerSlackListeners(bolt, context, {
        ackBudgetMs: options.ackBudgetMs ?? DEFAULT_ACK_BUDGET_MS,
        locale: options.locale ?? 'en',
        postToResponseUrl: postJson,
        responseUrls: createResponseUrlBudget(context.clock),
        people,
      });
      registerSlackHome(bolt, context, people);
      registerSlackFiles(bolt, context, people);
      if (config.mode.kind === 'oauth') {
        await registerSlackOAuth(server, context, {
          clientId: config.mode.clientId,
          clientSecret: config.mode.clientSecret,
          stateSecret: config.mode.stateSecret,
          apiUrl: config.apiUrl,
          authorizeUrl: options.authorizeUrl ?? DEFAULT_SLACK_AUTHORIZE_URL,
          ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
          nowMs: () => context.clock.now().getTime(),
          saveInstallation: async ({ installer, teamName, ...installation }) => {
            // The first install makes the workspace an organisation with the installer as its admin; a reinstall
            // (a new token) keeps the organisation and grants nobody anything.
            const earlier = await installationOf(context, installation.teamId);
            const createOrganisation = context.createOrganisation;
            const organisationId =
              earlier === undefined && createOrganisation !== undefined
                ? slackOrganisationId(installation.teamId)
                : (earlier?.organisationId ?? context.organisationId);
            if (earlier === undefined && createOrganisation !== undefined) {
              await createOrganisation({
                organisationId,
                name: teamName ?? installation.teamId,
                adminIdentity:
                  installer === undefined ? undefined : slackIdentity(installation.teamId, installer),
                source: 'slack-install',
              });
            }
            await context.uow.run((tx) =>
              context.records.put(tx, installationKey(context, installation.teamId), {
                ...installation,
                organisationId,
              } satisfies SlackInstallation),
            );
          },
        });
      }
      await receiver.register(server);
    },
    notifier(context) {
      return createSlackNotifier(context, { apiUrl: config.apiUrl, tokenFor: tokenResolver(context) });
    },
  };
}
