// Signed Slack requests, built the way Slack builds them: a slash command as a form body, a button click as a form
// field `payload` holding JSON, each signed with v0 HMAC-SHA256 over `v0:<timestamp>:<raw body>`.
import { createHmac } from 'node:crypto';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-not-a-real-one';
export const BENCH_TEAM = 'TBENCH';

export type SignedRequest = { readonly headers: Record<string, string>; readonly body: string };

export const signedRequest = (body: string, nowMs = Date.now()): SignedRequest => {
  const timestamp = String(Math.floor(nowMs / 1000));
  const signature = createHmac('sha256', BENCH_SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex');
  return {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': `v0=${signature}`,
    },
    body,
  };
};

export type SlashCommand = {
  readonly userId: string;
  readonly channelId: string;
  readonly text: string;
  /** Unique per delivery: Slack's retries of one command share it, distinct commands never do. */
  readonly triggerId: string;
  readonly responseUrl: string;
};

export const slashCommandBody = (command: SlashCommand): string =>
  new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: BENCH_TEAM,
    team_domain: 'bench',
    channel_id: command.channelId,
    channel_name: 'bench',
    user_id: command.userId,
    user_name: command.userId.toLowerCase(),
    command: '/expense',
    text: command.text,
    api_app_id: 'ABENCH',
    is_enterprise_install: 'false',
    response_url: command.responseUrl,
    trigger_id: command.triggerId,
  }).toString();

export type ButtonClick = {
  readonly userId: string;
  readonly channelId: string;
  readonly messageTs: string;
  readonly actionId: string;
  readonly value: string;
  readonly triggerId: string;
  readonly responseUrl: string;
};

export const buttonClickBody = (click: ButtonClick): string =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      team: { id: BENCH_TEAM, domain: 'bench' },
      user: { id: click.userId, username: click.userId.toLowerCase(), team_id: BENCH_TEAM },
      api_app_id: 'ABENCH',
      token: 'deprecated-verification-token',
      container: { type: 'message', message_ts: click.messageTs, channel_id: click.channelId },
      trigger_id: click.triggerId,
      channel: { id: click.channelId, name: 'bench' },
      message: { ts: click.messageTs, type: 'message' },
      response_url: click.responseUrl,
      actions: [
        {
          type: 'button',
          action_id: click.actionId,
          block_id: 'decide',
          text: { type: 'plain_text', text: 'Approve' },
          value: click.value,
          action_ts: String(Date.now() / 1000),
        },
      ],
    }),
  }).toString();
