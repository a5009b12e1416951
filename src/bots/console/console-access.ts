// Who may use the console. Without a token (a developer's machine) anyone who can reach the port may; with one,
// every request shows it — as a bearer token, or as the cookie the page set after being opened once with
// `?token=`. The cookie holds a digest of the token, never the token itself, and comparisons take constant time.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const CONSOLE_COOKIE = 'outlay_console';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Equal strings, compared over fixed-length digests so neither the content nor the length leaks by timing. */
export const constantTimeEquals = (given: string, expected: string): boolean =>
  timingSafeEqual(digest(given), digest(expected));

/** What the cookie carries for `token`: stable across restarts, useless as a bearer token. */
export const consoleSessionValue = (token: string): string =>
  createHmac('sha256', token).update('outlay-console-session').digest('base64url');

export const bearerTokenOf = (authorization: string | undefined): string | undefined => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
};

export const cookieValue = (cookieHeader: string | undefined, name: string): string | undefined => {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
};

export type AccessHeaders = {
  readonly authorization?: string | undefined;
  readonly cookie?: string | undefined;
};

/** True when no token is configured, or the request carries it (bearer) or its session cookie. */
export const isConsoleAuthorised = (token: string | undefined, headers: AccessHeaders): boolean => {
  if (token === undefined) return true;
  const bearer = bearerTokenOf(headers.authorization);
  if (bearer !== undefined && constantTimeEquals(bearer, token)) return true;
  const session = cookieValue(headers.cookie, CONSOLE_COOKIE);
  return session !== undefined && constantTimeEquals(session, consoleSessionValue(token));
};

export const sessionCookie = (token: string, options: { readonly secure: boolean }): string =>
  [
    `${CONSOLE_COOKIE}=${consoleSessionValue(token)}`,
    'Path=/console',
    'HttpOnly',
    'SameSite=Strict',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');

/**
 * A browser says where a request came from; one from another site is refused even without a token, so a page
 * elsewhere cannot post commands to a console running on a developer's machine. Clients that send neither
 * header (curl, tests) are not browsers and pass.
 */
export const isCrossSite = (headers: {
  readonly origin?: string | undefined;
  readonly 'sec-fetch-site'?: string | undefined;
  readonly host: string;
}): boolean => {
  const site = headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  if (headers.origin === undefined || headers.origin === 'null') return headers.origin === 'null';
  try {
    return new URL(headers.origin).host !== headers.host;
  } catch {
    return true;
  }
};
