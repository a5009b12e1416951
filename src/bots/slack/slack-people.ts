// Who a Slack user is to Outlay beyond their id: from this workspace, or a Slack Connect guest from another one (a
// client's person, when the channel is bound to that client as client-facing). Slack says so in users.info — the
// user's home `team_id`, `is_stranger` — and a click's payload carries `user.team_id` already. Answers are kept for
// an hour, so a busy channel costs one users.info per person, not one per message.
import type { webApi } from '@slack/bolt';
import type { Clock } from '../../domain/ports/clock.port.js';
import type { Logger } from '../../domain/ports/logger.port.js';

const KEPT_MS = 60 * 60_000;
const MAX_KEPT = 5_000;

type SlackUser = {
  readonly team_id?: string;
  readonly is_stranger?: boolean;
  /** Enterprise Grid: the workspaces of the same enterprise this user belongs to (not external to them). */
  readonly enterprise_user?: { readonly teams?: readonly string[] };
};

/** External to `teamId`: a stranger, or from another workspace that is not part of the same enterprise. */
export const isExternalUser = (user: SlackUser, teamId: string): boolean => {
  if (user.is_stranger === true) return true;
  if (user.team_id === undefined || user.team_id === teamId) return false;
  return !(user.enterprise_user?.teams ?? []).includes(teamId);
};

export type SlackPeople = {
  /**
   * Whether `userId` is external to workspace `teamId`. `userTeamId` is the home team a payload already gave (the
   * same team settles it); otherwise Slack is asked, since another team may still be the same enterprise. If Slack cannot say, the user is taken to be from the workspace (its members'
   * answers in client-facing channels are private anyway).
   */
  isExternal(client: webApi.WebClient, teamId: string, userId: string, userTeamId?: string): Promise<boolean>;
};

export function createSlackPeople(clock: Clock, logger: Logger): SlackPeople {
  const known = new Map<string, { readonly external: boolean; readonly at: number }>();
  const remember = (key: string, external: boolean) => {
    if (known.size >= MAX_KEPT) {
      const oldest = known.keys().next().value;
      if (oldest !== undefined) known.delete(oldest);
    }
    known.set(key, { external, at: clock.now().getTime() });
    return external;
  };
  return {
    async isExternal(client, teamId, userId, userTeamId) {
      if (userTeamId === teamId) return false;
      const key = `${teamId}:${userId}`;
      const kept = known.get(key);
      if (kept !== undefined && clock.now().getTime() - kept.at < KEPT_MS) return kept.external;
      try {
        const answer = await client.users.info({ user: userId });
        return remember(key, isExternalUser((answer.user ?? {}) as SlackUser, teamId));
      } catch (error) {
        logger.warn({ err: error, userId }, 'slack users.info failed; taking the user to be internal');
        return false;
      }
    },
  };
}
