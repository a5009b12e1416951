import { describe, expect, it } from 'vitest';
import {
  claimedOrganisation,
  type ReportLinkPayload,
  signReportLink,
  verifyReportLink,
} from '../../../../src/bots/report-files/report-link-token.js';

const SECRET = 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA';
const NOW = new Date('2030-03-12T04:00:00Z');
const payload: ReportLinkPayload = {
  organisationId: 'default',
  clientId: 'client-1',
  from: '2030-03-01',
  through: '2030-03-31',
  audience: 'client',
  locale: 'zh-CN',
  kind: 'xlsx',
  expiresAt: NOW.getTime() + 1000,
};

describe('report link tokens', () => {
  it('verifies what it signed and gives the payload back', () => {
    const token = signReportLink(payload, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(claimedOrganisation(token)).toBe('default');
    expect(verifyReportLink(token, SECRET, NOW)).toEqual({ ok: true, payload });
  });

  it('refuses another key, a changed payload and a changed signature', () => {
    const token = signReportLink(payload, SECRET);
    expect(verifyReportLink(token, `${SECRET}x`, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    const [body, signature] = token.split('.') as [string, string];
    const widened = Buffer.from(
      Buffer.from(body, 'base64url').toString('utf8').replace('"client"', '"internal"'),
    ).toString('base64url');
    expect(verifyReportLink(`${widened}.${signature}`, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const last = signature.at(-1) === 'A' ? 'B' : 'A';
    expect(verifyReportLink(`${body}.${signature.slice(0, -1)}${last}`, SECRET, NOW)).toMatchObject({
      ok: false,
    });
  });

  it('refuses a link at and after its expiry', () => {
    const token = signReportLink(payload, SECRET);
    expect(verifyReportLink(token, SECRET, new Date(payload.expiresAt))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('calls anything not shaped like a token malformed', () => {
    for (const token of [
      '',
      'abc',
      'abc.def',
      `${Buffer.from('{}').toString('base64url')}.${'A'.repeat(43)}`,
    ]) {
      expect(verifyReportLink(token, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
      expect(claimedOrganisation(token)).toBeUndefined();
    }
  });
});
