// The few qyapi calls Outlay makes, behind one access token per app. WeCom rate-limits gettoken itself ("不能频繁调用
// gettoken接口"), so the token is cached for its `expires_in` (less a margin) and fetched once however many messages
// go out at the same time; WeCom may still invalidate it early (40014 invalid, 42001 expired), and then it is
// fetched again and the call retried once. Every URL is built on `apiBase` (WECOM_API_BASE).
import type { Clock } from '../../domain/ports/clock.port.js';

export type WecomApiConfig = {
  readonly apiBase: string;
  readonly corpId: string;
  readonly secret: string;
  readonly clock: Clock;
  /** Injected by tests that need to observe or break the network; the global fetch otherwise. */
  readonly fetch?: typeof fetch;
};

export type WecomAnswer = Readonly<Record<string, unknown>> & {
  readonly errcode: number;
  readonly errmsg: string;
};

export type WecomCallResult =
  | { readonly ok: true; readonly answer: WecomAnswer }
  | {
      readonly ok: false;
      readonly errcode: number;
      readonly error: string;
      /** HTTP 429 or a WeCom frequency errcode: come back after this long. */
      readonly retryAfterMs?: number;
    };

export interface WecomApiClient {
  /** POSTs `body` as JSON to `path` (e.g. `/cgi-bin/message/send`) with the app's access token. */
  post(path: string, body: unknown): Promise<WecomCallResult>;
  /** GETs `path` with the token and the given query; answers the raw bytes when the reply is not JSON (media). */
  download(path: string, query: Readonly<Record<string, string>>): Promise<WecomDownload>;
}

export type WecomDownload =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly contentType?: string }
  | { readonly ok: false; readonly errcode: number; readonly error: string };

/** 40014 invalid token, 42001 expired token (全局错误码, doc 90313); 40001 is an invalid secret-derived token. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40014, 42001]);

/** Frequency limits and "system busy", with how long to wait (doc 90312: a per-minute block lasts 60 s). */
const RETRY_AFTER_MS: ReadonlyMap<number, number> = new Map([
  [45009, 60_000],
  [45033, 1_000],
  [-1, 1_000],
]);

/** Refetch a little before WeCom says the token expires, so a call never races its expiry. */
const TOKEN_MARGIN_MS = 5 * 60_000;

type CachedToken = { readonly value: string; readonly expiresAt: number };

const isAnswer = (value: unknown): value is WecomAnswer =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { errcode?: unknown }).errcode === 'number' &&
  typeof ((value as { errmsg?: unknown }).errmsg ?? '') === 'string';

const retryAfterHeader = (response: Response): number | undefined => {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
};

export function createWecomApiClient(config: WecomApiConfig): WecomApiClient {
  const doFetch = config.fetch ?? fetch;
  let cached: CachedToken | undefined;
  let inFlight: Promise<CachedToken> | undefined;

  const url = (path: string, query: Readonly<Record<string, string>>): string => {
    const target = new URL(`${config.apiBase}${path}`);
    for (const [name, value] of Object.entries(query)) target.searchParams.set(name, value);
    return target.toString();
  };

  const fetchToken = async (): Promise<CachedToken> => {
    const response = await doFetch(
      url('/cgi-bin/gettoken', { corpid: config.corpId, corpsecret: config.secret }),
    );
    const answer: unknown = await response.json().catch(() => undefined);
    if (
      !response.ok ||
      !isAnswer(answer) ||
      answer.errcode !== 0 ||
      typeof answer.access_token !== 'string'
    ) {
      const code = isAnswer(answer) ? `${answer.errcode} ${answer.errmsg}` : `HTTP ${response.status}`;
      throw new Error(`WeCom gettoken failed: ${code}`);
    }
    const seconds = typeof answer.expires_in === 'number' ? answer.expires_in : 7_200;
    const lifetime = Math.max(seconds * 1000 - TOKEN_MARGIN_MS, Math.min(seconds * 1000, 60_000));
    return { value: answer.access_token, expiresAt: config.clock.now().getTime() + lifetime };
  };

  const token = async (): Promise<string> => {
    if (cached !== undefined && cached.expiresAt > config.clock.now().getTime()) return cached.value;
    // Concurrent callers share one gettoken.
    inFlight ??= fetchToken().finally(() => {
      inFlight = undefined;
    });
    cached = await inFlight;
    return cached.value;
  };

  const forget = (stale: string): void => {
    if (cached?.value === stale) cached = undefined;
  };

  const postOnce = async (path: string, body: unknown, accessToken: string): Promise<WecomCallResult> => {
    const response = await doFetch(url(path, { access_token: accessToken }), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
    });
    if (response.status === 429) {
      const retryAfterMs = retryAfterHeader(response) ?? 60_000;
      return { ok: false, errcode: 429, error: 'HTTP 429', retryAfterMs };
    }
    const answer: unknown = await response.json().catch(() => undefined);
    if (!isAnswer(answer))
      return { ok: false, errcode: response.status, error: `HTTP ${response.status} without an answer` };
    if (answer.errcode === 0) return { ok: true, answer };
    const retryAfterMs = RETRY_AFTER_MS.get(answer.errcode);
    return {
      ok: false,
      errcode: answer.errcode,
      error: `${answer.errcode} ${answer.errmsg}`,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    };
  };

  return {
    async post(path, body) {
      const first = await token();
      const result = await postOnce(path, body, first);
      if (result.ok || !TOKEN_ERRCODES.has(result.errcode)) return result;
      forget(first);
      return postOnce(path, body, await token());
    },

    async download(path, query) {
      const once = async (accessToken: string): Promise<WecomDownload> => {
        const response = await doFetch(url(path, { ...query, access_token: accessToken }));
        const contentType = response.headers.get('content-type') ?? undefined;
        const bytes = new Uint8Array(await response.arrayBuffer());
        if (contentType?.includes('json') || contentType?.startsWith('text/plain')) {
          let answer: unknown;
          try {
            answer = JSON.parse(Buffer.from(bytes).toString('utf8'));
          } catch {
            answer = undefined;
          }
          if (isAnswer(answer))
            return { ok: false, errcode: answer.errcode, error: `${answer.errcode} ${answer.errmsg}` };
        }
        if (!response.ok) return { ok: false, errcode: response.status, error: `HTTP ${response.status}` };
        return { ok: true, bytes, ...(contentType === undefined ? {} : { contentType }) };
      };
      const first = await token();
      const result = await once(first);
      if (result.ok || !TOKEN_ERRCODES.has(result.errcode)) return result;
      forget(first);
      return once(await token());
    },
  };
}
