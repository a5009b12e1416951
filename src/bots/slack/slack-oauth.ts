// The multi-workspace install (OAuth v2): `/slack/install` sends the browser to Slack with a signed, short-lived
// state bound to a cookie; `/slack/oauth_redirect` checks both, trades the code for the workspace's bot token
// (oauth.v2.access, through SLACK_API_URL like every other call) and keeps it in PlatformRecords.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { webApi } from '@slack/bolt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PlatformContext } from '../shared/platform-module.js';

export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_REDIRECT_PATH = '/slack/oauth_redirect';
export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'im:write', 'users:read', 'files:read'] as const;
export const DEFAULT_SLACK_AUTHORIZE_URL = 'https://slack.com/oauth/v2/authorize';
const STATE_COOKIE = 'outlay-slack-state';
const STATE_MAX_AGE_MS = 10 * 60_000;

export type SlackOAuthOptions = {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly stateSecret: string;
  readonly apiUrl: string;
  readonly authorizeUrl: string;
  /** Outlay's public address; absent: the address the install request came to. */
  readonly publicUrl?: string;
  readonly nowMs: () => number;
  /** Keeps a workspace's installation; `installer` is the Slack user who installed it. */
  readonly saveInstallation: (installation: {
    readonly teamId: string;
    readonly teamName?: string;
    readonly botToken: string;
    readonly botUserId?: string;
    readonly installer?: string;
  }) => Promise<void>;
};

const sign = (secret: string, text: string): string =>
  createHmac('sha256', secret).update(text).digest('hex');

export const createInstallState = (secret: string, nowMs: number, nonce: string): string => {
  const body = `${nowMs}.${nonce}`;
  return `${body}.${sign(secret, body)}`;
};

export const isValidInstallState = (secret: string, state: string, nowMs: number): boolean => {
  const match = /^(\d{1,16})\.([A-Za-z0-9_-]{8,64})\.([0-9a-f]{64})$/.exec(state);
  if (match === null) return false;
  const [, issued = '', nonce = '', mac = ''] = match;
  const age = nowMs - Number(issued);
  if (age < 0 || age > STATE_MAX_AGE_MS) return false;
  const expected = Buffer.from(sign(secret, `${issued}.${nonce}`));
  return timingSafeEqual(expected, Buffer.from(mac));
};

const page = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><body style="font-family:sans-serif;margin:3rem"><h1>${title}</h1><p>${text}</p></body>`;

const cookieOf = (request: FastifyRequest, name: string): string | undefined =>
  request.headers.cookie
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1];

export async function registerSlackOAuth(
  server: FastifyInstance,
  context: PlatformContext,
  options: SlackOAuthOptions,
): Promise<void> {
  const log = context.logger.child({ component: 'slack' });
  const client = new webApi.WebClient(undefined, {
    slackApiUrl: options.apiUrl,
    retryConfig: { retries: 0 },
  });
  const redirectUri = (request: FastifyRequest) =>
    `${options.publicUrl ?? `${request.protocol}://${request.host}`}${SLACK_REDIRECT_PATH}`;

  server.get(SLACK_INSTALL_PATH, async (request, reply) => {
    const state = createInstallState(
      options.stateSecret,
      options.nowMs(),
      randomBytes(16).toString('base64url'),
    );
    const url = new URL(options.authorizeUrl);
    url.searchParams.set('client_id', options.clientId);
    url.searchParams.set('scope', SLACK_BOT_SCOPES.join(','));
    url.searchParams.set('redirect_uri', redirectUri(request));
    url.searchParams.set('state', state);
    return reply
      .header(
        'set-cookie',
        `${STATE_COOKIE}=${state}; Path=${SLACK_REDIRECT_PATH}; HttpOnly; SameSite=Lax; Max-Age=600${request.protocol === 'https' ? '; Secure' : ''}`,
      )
      .redirect(url.toString(), 302);
  });

  server.get<{ Querystring: { code?: string; state?: string; error?: string } }>(
    SLACK_REDIRECT_PATH,
    async (request, reply) => {
      const { code, state, error } = request.query;
      const refuse = () =>
        reply
          .code(400)
          .type('text/html; charset=utf-8')
          .send(
            page(
              'Outlay was not installed · 未安装',
              'The install link expired or was not opened from this browser. Start again from /slack/install. · 安装链接已过期或不是在此浏览器中打开的，请从 /slack/install 重新开始。',
            ),
          );
      if (error !== undefined || code === undefined || state === undefined) return refuse();
      if (
        !isValidInstallState(options.stateSecret, state, options.nowMs()) ||
        cookieOf(request, STATE_COOKIE) !== state
      )
        return refuse();
      try {
        const access = await client.oauth.v2.access({
          client_id: options.clientId,
          client_secret: options.clientSecret,
          code,
          redirect_uri: redirectUri(request),
        });
        const teamId = access.team?.id;
        if (teamId === undefined || access.access_token === undefined) return refuse();
        await options.saveInstallation({
          teamId,
          botToken: access.access_token,
          ...(access.team?.name === undefined ? {} : { teamName: access.team.name }),
          ...(access.bot_user_id === undefined ? {} : { botUserId: access.bot_user_id }),
          ...(access.authed_user?.id === undefined ? {} : { installer: access.authed_user.id }),
        });
        log.info({ teamId }, 'slack workspace installed');
        return reply
          .header('set-cookie', `${STATE_COOKIE}=; Path=${SLACK_REDIRECT_PATH}; Max-Age=0`)
          .type('text/html; charset=utf-8')
          .send(
            page(
              'Outlay is installed · 已安装',
              'Go back to Slack and type /expense help. · 回到 Slack，输入 /expense help。',
            ),
          );
      } catch (failure) {
        log.warn({ err: failure }, 'slack install failed');
        return refuse();
      }
    },
  );
}
