// A report link's token: base64url(JSON payload) `.` base64url(HMAC-SHA256 of that text). The payload says what to
// render and until when; the signature makes it unforgeable and untouchable. Opaque to everyone but this module.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type {
  ReportArtifactKind,
  ReportArtifactSpec,
  ReportAudience,
} from '../../domain/ports/report-links.port.js';

export type ReportLinkPayload = ReportArtifactSpec & {
  readonly kind: ReportArtifactKind;
  /** Milliseconds since the epoch after which the link is refused. */
  readonly expiresAt: number;
};

/** Short keys keep the URL short; the payload is not secret, only unforgeable. */
type WirePayload = {
  readonly o: string;
  readonly c: string;
  /** Only present on a project's link, so a whole-client token reads (and verifies) as it always did. */
  readonly p?: string;
  readonly f: string;
  readonly t: string;
  readonly a: ReportAudience;
  readonly l: 'en' | 'zh-CN';
  readonly k: ReportArtifactKind;
  readonly e: number;
};

const KINDS: readonly string[] = ['csv', 'xlsx', 'zip', 'chart'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TOKEN = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;

const signatureOf = (body: string, secret: string): string =>
  createHmac('sha256', secret).update(body).digest('base64url');

export function signReportLink(payload: ReportLinkPayload, secret: string): string {
  const wire: WirePayload = {
    o: payload.organisationId,
    c: payload.clientId,
    ...(payload.projectId === undefined ? {} : { p: payload.projectId }),
    f: payload.from,
    t: payload.through,
    a: payload.audience,
    l: payload.locale,
    k: payload.kind,
    e: payload.expiresAt,
  };
  const body = Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
  return `${body}.${signatureOf(body, secret)}`;
}

/**
 * The organisation a token claims, read before verification only to find whose secret checks it; undefined when
 * the token is not even shaped like one.
 */
export function claimedOrganisation(token: string): string | undefined {
  return decodeBody(token)?.o;
}

export type TokenCheck =
  | { readonly ok: true; readonly payload: ReportLinkPayload }
  | { readonly ok: false; readonly reason: 'malformed' | 'bad-signature' | 'expired' };

export function verifyReportLink(token: string, secret: string, now: Date): TokenCheck {
  const match = TOKEN.exec(token);
  const wire = decodeBody(token);
  if (!match?.[1] || !match[2] || !wire) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(signatureOf(match[1], secret), 'base64url');
  const given = Buffer.from(match[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature' };
  }
  if (now.getTime() >= wire.e) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    payload: {
      organisationId: wire.o,
      clientId: wire.c,
      ...(wire.p === undefined ? {} : { projectId: wire.p }),
      from: wire.f,
      through: wire.t,
      audience: wire.a,
      locale: wire.l,
      kind: wire.k,
      expiresAt: wire.e,
    },
  };
}

function decodeBody(token: string): WirePayload | undefined {
  const match = TOKEN.exec(token);
  if (!match?.[1]) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
    return isWirePayload(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isWirePayload(value: unknown): value is WirePayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.o === 'string' &&
    typeof v.c === 'string' &&
    (v.p === undefined || (typeof v.p === 'string' && v.p !== '')) &&
    typeof v.f === 'string' &&
    DATE.test(v.f) &&
    typeof v.t === 'string' &&
    DATE.test(v.t) &&
    (v.a === 'internal' || v.a === 'client') &&
    (v.l === 'en' || v.l === 'zh-CN') &&
    typeof v.k === 'string' &&
    KINDS.includes(v.k) &&
    typeof v.e === 'number' &&
    Number.isSafeInteger(v.e)
  );
}
