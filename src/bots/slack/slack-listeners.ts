// What Outlay listens for on Slack: `/expense <text>` (the command grammar), button clicks on cards, and the forms
// some buttons open. Each is normalised into the Conversation's shapes; the answer goes back as the ack when it is
// ready within the budget, otherwise "working on it" first and the answer through the response_url.
import type { App, ButtonAction, RespondFn } from '@slack/bolt';
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
import { SLACK_TEXTS } from './slack-texts.js';

export const SLACK_COMMAND = '/expense';
/** Below Slack's 3 s with room for the network: past this, the command is acknowledged "working on it". */
export const DEFAULT_ACK_BUDGET_MS = 2_000;

export type SlackListenerOptions = {
  readonly ackBudgetMs: number;
  /** The language of the forms Outlay opens before it knows who is asking (the organisation's). */
  readonly locale: SlackLocale;
  /** Posts a message to a response_url (Bolt's `respond` where Bolt offers one). */
  readonly postToResponseUrl: (url: string, message: object) => Promise<void>;
};

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

  bolt.command(SLACK_COMMAND, async ({ command, ack, respond, client }) => {
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
    const work = conversation.handleMessage({
      platform: 'slack',
      identity: slackIdentity(command.team_id, command.user_id),
      displayName: command.user_name,
      address: slackChannelAddress(command.team_id, command.channel_id),
      text: command.text,
      idempotencyKey: `slack:${command.team_id}:${command.trigger_id}`,
    });
    // A failure after the ack is still reported, through the response_url.
    work.catch(() => undefined);
    let first: Settled;
    try {
      first = await within(work, options.ackBudgetMs);
    } catch (error) {
      log.error({ err: error }, 'slack command failed');
      await ack({ response_type: 'ephemeral', text: SLACK_TEXTS.failed });
      return;
    }
    if (first.done) {
      await ack(replyMessage(first.reply));
      return;
    }
    await ack({ response_type: 'ephemeral', text: SLACK_TEXTS.workingOnIt });
    try {
      const reply = await work;
      await respond({ ...replyMessage(reply), replace_original: false });
    } catch (error) {
      log.error({ err: error }, 'slack command failed after the ack');
      await respond({ response_type: 'ephemeral', text: SLACK_TEXTS.failed, replace_original: false });
    }
  });

  const answerAction = async (inbound: InboundAction, respond: (message: object) => Promise<void>) => {
    let reply: Reply;
    try {
      reply = await conversation.handleAction(inbound);
    } catch (error) {
      log.error({ err: error }, 'slack action failed');
      await respond({ response_type: 'ephemeral', text: SLACK_TEXTS.failed, replace_original: false });
      return;
    }
    // A click's answer is for the clicker: the card itself changes for everyone through the outbox.
    await respond({ ...replyMessage(reply), response_type: 'ephemeral', replace_original: false });
  };

  bolt.action(/.+/, async ({ ack, body, action, respond, client }) => {
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
    await answerAction(
      {
        platform: 'slack',
        identity: slackIdentity(teamId, body.user.id),
        ...(body.user.name === undefined ? {} : { displayName: body.user.name }),
        address: slackChannelAddress(teamId, channelId),
        actionId: value.id,
        idempotencyKey: `slack:${teamId}:${body.trigger_id}`,
      },
      body.response_url === undefined
        ? async (message) => {
            await client.chat.postMessage({ channel: body.user.id, ...(message as { text: string }) });
          }
        : (message) => respondWith(respond, message),
    );
  });

  bolt.view(LOG_CALLBACK_ID, async ({ ack, body, view }) => {
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
    try {
      const reply = await conversation.handleMessage({
        platform: 'slack',
        identity: slackIdentity(metadata.teamId, body.user.id),
        ...(body.user.name === undefined ? {} : { displayName: body.user.name }),
        address: slackChannelAddress(metadata.teamId, metadata.channelId),
        text: form.text,
        idempotencyKey: `slack:${metadata.teamId}:view:${view.id}`,
      });
      await options.postToResponseUrl(metadata.responseUrl, {
        ...replyMessage(reply),
        replace_original: false,
      });
    } catch (error) {
      log.error({ err: error }, 'slack log form failed');
      await options.postToResponseUrl(metadata.responseUrl, {
        response_type: 'ephemeral',
        text: SLACK_TEXTS.failed,
      });
    }
  });

  bolt.view(DECISION_CALLBACK_ID, async ({ ack, body, view, client }) => {
    await ack();
    const metadata = readDecisionMetadata(view.private_metadata);
    if (metadata === undefined) {
      log.warn({ viewId: view.id }, 'slack form without its metadata');
      return;
    }
    const responseUrl = metadata.responseUrl;
    await answerAction(
      {
        platform: 'slack',
        identity: slackIdentity(metadata.teamId, body.user.id),
        ...(body.user.name === undefined ? {} : { displayName: body.user.name }),
        address: slackChannelAddress(metadata.teamId, metadata.channelId),
        actionId: metadata.id,
        input: readDecisionInput(view.state),
        idempotencyKey: `slack:${metadata.teamId}:view:${view.id}`,
      },
      responseUrl === undefined
        ? async (message) => {
            await client.chat.postEphemeral({
              channel: metadata.channelId,
              user: body.user.id,
              ...(message as { text: string }),
            });
          }
        : (message) => options.postToResponseUrl(responseUrl, message),
    );
  });
}

const respondWith = async (respond: RespondFn, message: object): Promise<void> => {
  await respond(message as Parameters<RespondFn>[0]);
};
