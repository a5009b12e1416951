// A platform identity names one user on one platform, prefixed so that ids from different platforms can
// never collide: `slack:<team>:<user>`, `teams:<aad object id>`, `wecom:<corp>:<userid>`, `console:<user>`.
import { err, type Failure, fail, ok, type Result } from '../shared/result.js';

export type Platform = 'slack' | 'teams' | 'wecom' | 'console';

export type PlatformIdentity = {
  readonly platform: Platform;
  /** Slack team id or WeCom corp id; Teams (an AAD object id is tenant-unique) and the console have none. */
  readonly workspace?: string;
  readonly userId: string;
};

const WITH_WORKSPACE: Readonly<Record<Platform, boolean>> = {
  slack: true,
  wecom: true,
  teams: false,
  console: false,
};

const isPlatform = (text: string): text is Platform => Object.hasOwn(WITH_WORKSPACE, text);

const SEGMENT = /^[^\s:]+$/;
// Bot Framework ids such as `29:1abc…` carry a colon, so a Teams user id may too (it is the last part).
const TEAMS_USER = /^[^\s]+$/;

export type InvalidIdentity = Failure<'INVALID_IDENTITY'>;

const invalid = (text: string, expected: string): Result<never, InvalidIdentity> =>
  fail('INVALID_IDENTITY', { text, expected });

/** Reads `slack:T1:U2` and friends. The platform name is case-insensitive; ids are kept as written. */
export const parsePlatformIdentity = (text: string): Result<PlatformIdentity, InvalidIdentity> => {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const platform = colon < 0 ? '' : trimmed.slice(0, colon).toLowerCase();
  const rest = colon < 0 ? '' : trimmed.slice(colon + 1);
  if (!isPlatform(platform)) return invalid(trimmed, 'slack:<team>:<user>, teams:<id>, wecom:<corp>:<user>');

  if (WITH_WORKSPACE[platform]) {
    const parts = rest.split(':');
    const [workspace, userId] = parts;
    if (parts.length !== 2 || workspace === undefined || userId === undefined) {
      return invalid(trimmed, `${platform}:<workspace>:<user>`);
    }
    if (!SEGMENT.test(workspace) || !SEGMENT.test(userId))
      return invalid(trimmed, `${platform}:<workspace>:<user>`);
    return ok({ platform, workspace, userId });
  }
  const valid = platform === 'teams' ? TEAMS_USER.test(rest) : SEGMENT.test(rest);
  if (!valid) return invalid(trimmed, `${platform}:<user>`);
  return ok({ platform, userId: rest });
};

/** The canonical text form, the inverse of `parsePlatformIdentity`. */
export const formatPlatformIdentity = (identity: PlatformIdentity): string =>
  identity.workspace === undefined
    ? `${identity.platform}:${identity.userId}`
    : `${identity.platform}:${identity.workspace}:${identity.userId}`;

/** Parses a list such as `OUTLAY_ADMINS`; the failure names the first bad entry. */
export const parsePlatformIdentities = (
  entries: readonly string[],
): Result<readonly PlatformIdentity[], InvalidIdentity> => {
  const identities: PlatformIdentity[] = [];
  for (const entry of entries) {
    const parsed = parsePlatformIdentity(entry);
    if (!parsed.ok) return err(parsed.error);
    identities.push(parsed.value);
  }
  return ok(identities);
};
