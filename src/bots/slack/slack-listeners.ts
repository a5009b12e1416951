// What Outlay listens for on Slack: `/expense <text>` (the command grammar), button clicks on cards, and the forms
// some buttons open. Each is normalised into the Conversation's shapes; the answer goes back as the ack when it is
// ready within the budget, otherwise "working on it" first and the answer through the response_url.
import type { App, ButtonAction, webApi } from '@slack/bolt';
import type { InboundAction, Reply } from '../shared/conversation.js';
import type { PlatformContext } from '../shared/platform-module.js';
import { decodeButtonValue, replyMessage } from './slack-blocks.js';
import {
  LOG_CALLBACK_ID,
  logExpenseModal,
  readLogForm,
  readLogMetadata,
  type SlackLocale,
} from './slack-log-modal.js';
import {
  DECISION_CALLBACK_ID,
  decisionModal,
  readDecisionInput,
  readDecisionMetadata,
} from './slack-modals.js';
import type { SlackPeople } from './slack-people.js';
import { DELIVERY_FAILED } from './slack-receiver.js';
import type { ResponseUrlBudget } from './slack-response-urls.js';
import { SLACK_TEXTS } from './slack-texts.js';

export const SLACK_COMMAND = '/expense';
/** Below Slack's 3 s with room for the network: past this, the command is acknowledged "working on it". */
export const DEFAULT_ACK_BUDGET_MS = 2_000;

export type SlackListenerOptions = {
  readonly ackBudgetMs: number;
  /** The language of the forms Outlay opens before it knows who is asking (the organisation's). */
  readonly locale: SlackLocale;
  /** Posts a message to a response_url. */
  readonly postToResponseUrl: (url: string, message: object) => Promise<void>;
  /** Slack's 5 uses in 30 minutes per response_url. */
  readonly responseUrls: ResponseUrlBudget;
  readonly people: SlackPeople;
};

/** Where authorize leaves the organisation of a workspace installed through OAuth (Bolt's `context`). */
export const SLACK_ORGANISATION = 'outlayOrganisationId';

/** Who is speaking beyond their id: their workspace's organisation, and whether they come from another one. */
export type SlackOrigin = { readonly organisationId?: string; readonly external?: boolean };

type BoltContext = Record<string, unknown>;

export const organisationOf = (context: BoltContext): string | undefined => {
  const organisationId = context[SLACK_ORGANISATION];
  return typeof organisationId === 'string' ? organisationId : undefined;
};

/** Tells the receiver this attempt failed, so Slack's retry of it is processed again. */
const markFailed = (context: BoltContext): void => {
  const failed = context[DELIVERY_FAILED];
  if (typeof failed === 'function') (failed as () => void)();
};

/** Where an answer goes when its response_url is used up: the person, privately, in the same conversation. */
type FallbackTarget = { readonly client: webApi.WebClient; readonly channel: string; readonly user: string };

type Settled = { readonly done: true; readonly reply: Reply } | { readonly done: false };

const within = async (work: Promise<Reply>, ms: number): Promise<Settled> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), ms);
  });
  try {
    return await Promise.race([work.then((reply): Settled => ({ done: true, reply })), late]);
  } finally {
    clearTimeout(timer);
  }
};

export const slackIdentity = (teamId: string, userId: string): string => `slack:${teamId}:${userId}`;
export const slackChannelAddress = (teamId: string, channelId: string): string =>
  `slack:${teamId}:${channelId}`;

export function registerSlackListeners(
  bolt: App,
  context: PlatformContext,
  options: SlackListenerOptions,
): void {
  const { conversation, logger } = context;
  const log = logger.child({ component: 'slack' });

  const originOf = async (
    bolt: BoltContext,
    client: webApi.WebClient,
    teamId: string,
    userId: string,
    userTeamId?: string,
  ): Promise<SlackOrigin> => {
    const organisationId = organisationOf(bolt);
    const external = await options.people.isExternal(client, teamId, userId, userTeamId);
    return { ...(organisationId === undefined ? {} : { organisationId }), ...(external ? { external } : {}) };
  };

  /** An answer after the ack: through the response_url while it lasts, else through the Web API. */
  const followUp = async (url: string | undefined, message: object, fallback: FallbackTarget) => {
    if (url !== undefined && options.responseUrls.take(url)) {
      await options.postToResponseUrl(url, message);
      return;
    }
    const {
      response_type: audience,
      replace_original: _,
      ...content
    } = message as {
      response_type?: string;
      replace_original?: boolean;
      text: string;
    };
    if (audience === 'in_channel') {
      await fallback.client.chat.postMessage({ channel: fallback.channel, ...content });
      return;
    }
    await fallback.client.chat.postEphemeral({
      channel: fallback.channel,
      user: fallback.user,
      ...content,
    });
  };

  bolt.command(SLACK_COMMAND, async ({ command, ack, client, context: boltContext }) => {
    options.responseUrls.seen(command.response_url);
    const fallback = { client, channel: command.channel_id, user: command.user_id };
    if (command.text.trim() === '') {
      await ack();
      await client.views.open({
        trigger_id: command.trigger_id,
        view: logExpenseModal(options.locale, {
          teamId: command.team_id,
          channelId: command.channel_id,
          responseUrl: command.response_url,
        }),
      });
      return;
    }
    const work = originOf(boltContext, client, command.team_id, command.user_id).then((origin) =>
      conversation.handleMessage({
        platform: 'slack',
        identity: slackIdentity(command.team_id, command.user_id),
        displayName: command.user_name,
        address: slackChannelAddress(command.team_id, command.channel_id),
        text: command.text,
        idempotencyKey: `slack:${command.team_id}:${command.trigger_id}`,
        ...origin,
      }),
    );
    // A failure after the ack is still reported, through the response_url.
    work.catch(() => undefined);
    let first: Settled;
    try {
      first = await within(work, options.ackBudgetMs);
    } catch (error) {
      log.error({ err: error }, 'slack command failed');
      markFailed(boltContext);
      await ack({ response_type: 'ephemeral', text: SLACK_TEXTS.failed });
      return;
    }
    if (first.done) {
      await ack(replyMessage(first.reply));
      return;
    }
    await ack({ response_type: 'ephemeral', text: SLACK_TEXTS.workingOnIt });
    let answer: object;
    try {
      answer = { ...replyMessage(await work), replace_original: false };
    } catch (error) {
      log.error({ err: error }, 'slack command failed after the ack');
      markFailed(boltContext);
      answer = { response_type: 'ephemeral', text: SLACK_TEXTS.failed, replace_original: false };
    }
    await followUp(command.response_url, answer, fallback);
  });

  const answerAction = async (
    boltContext: BoltContext,
    inbound: InboundAction,
    respond: (message: object) => Promise<void>,
  ) => {
    let reply: Reply;
    try {
      reply = await conversation.handleAction(inbound);
    } catch (error) {
      log.error({ err: error }, 'slack action failed');
      markFailed(boltContext);
      await respond({ response_type: 'ephemeral', text: SLACK_TEXTS.failed, replace_original: false });
      return;
    }
    // A click's answer is for the clicker: the card itself changes for everyone through the outbox.
    await respond({ ...replyMessage(reply), response_type: 'ephemeral', replace_original: false });
  };

  bolt.action(/.+/, async ({ ack, body, action, client, context: boltContext }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const button = action as ButtonAction;
    const teamId = body.team?.id ?? body.user.team_id;
    // A click on the Home tab has no channel: its answer goes to the person's DM with Outlay.
    const channelId = body.channel?.id ?? body.container?.channel_id ?? body.user.id;
    if (teamId === undefined) {
      log.warn({ actionId: button.action_id }, 'slack click without a team or channel');
      return;
    }
    if (body.response_url !== undefined) options.responseUrls.seen(body.response_url);
    const value = decodeButtonValue(button.value, button.action_id);
    if (value.input !== undefined) {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: decisionModal(button.text.text, value.input, {
          id: value.id,
          teamId,
          channelId,
          ...(body.response_url === undefined ? {} : { responseUrl: body.response_url }),
        }),
      });
      return;
    }
    const origin = await originOf(boltContext, client, teamId, body.user.id, body.user.team_id);
    const responseUrl = body.response_url;
    await answerAction(
      boltContext,
      {
        platform: 'slack',
        identity: slackIdentity(teamId, body.user.id),
        ...(body.user.name === undefined ? {} : { displayName: body.user.name }),
        address: slackChannelAddress(teamId, channelId),
        actionId: value.id,
        idempotencyKey: `slack:${teamId}:${body.trigger_id}`,
        ...origin,
      },
      responseUrl === undefined
        ? async (message) => {
            const {
              response_type: _,
              replace_original: __,
              ...content
            } = message as {
              response_type?: string;
              replace_original?: boolean;
              text: string;
            };
            await client.chat.postMessage({ channel: body.user.id, ...content });
          }
        : (message) => followUp(responseUrl, message, { client, channel: channelId, user: body.user.id }),
    );
  });

  bolt.view(LOG_CALLBACK_ID, async ({ ack, body, view, client, context: boltContext }) => {
    const metadata = readLogMetadata(view.private_metadata);
    if (metadata === undefined) {
      await ack();
      log.warn({ viewId: view.id }, 'slack form without its metadata');
      return;
    }
    const form = readLogForm(view.state, options.locale);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors as Record<string, string> });
      return;
    }
    await ack();
    const fallback = { client, channel: metadata.channelId, user: body.user.id };
    let answer: object;
    try {
      const origin = await originOf(boltContext, client, metadata.teamId, body.user.id, body.user.team_id);
      const reply = await conversation.handleMessage({
        platform: 'slack',
        identity: slackIdentity(metadata.teamId, body.user.id),
        ...(body.user.name === undefined ? {} : { displayName: body.user.name }),
        address: slackChannelAddress(metadata.teamId, metadata.channelId),
        text: form.text,
        idempotencyKey: `slack:${metadata.teamId}:view:${view.id}`,
        ...origin,
      });
      answer = { ...replyMessage(reply), replace_original: false };
    } catch (error) {
      log.error({ err: error }, 'slack log form failed');
      markFailed(boltContext);
      answer = { response_type: 'ephemeral', text: SLACK_TEXTS.failed };
    }
    await followUp(metadata.responseUrl, answer, fallback);
  });

  bolt.view(DECISION_CALLBACK_ID, async ({ ack, body, view, client, context: boltContext }) => {
    await ack();
    const metadata = readDecisionMetadata(view.private_metadata);
    if (metadata === undefined) {
      log.warn({ viewId: view.id }, 'slack form without its metadata');
      return;
    }
    const origin = await originOf(boltContext, client, metadata.teamId, body.user.id, body.user.team_id);
    await answerAction(
      boltContext,
      {
        platform: 'slack',
        identity: slackIdentity(metadata.teamId, body.user.id),
        ...(body.user.name === undefined ? {} : { displayName: body.user.name }),
        address: slackChannelAddress(metadata.teamId, metadata.channelId),
        actionId: metadata.id,
        input: readDecisionInput(view.state),
        idempotencyKey: `slack:${metadata.teamId}:view:${view.id}`,
        ...origin,
      },
      (message) =>
        followUp(metadata.responseUrl, message, {
          client,
          channel: metadata.channelId,
          user: body.user.id,
        }),
    );
  });
}
