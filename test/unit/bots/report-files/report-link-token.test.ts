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

const SIGNED_BEFORE_PROJECTS =
  'eyJvIjoiZGVmYXVsdCIsImMiOiJjbGllbnQtMSIsImYiOiIyMDMwLTAzLTAxIiwidCI6IjIwMzAtMDMtMzEiLCJhIjoiY2xpZW50IiwibCI6InpoLUNOIiwiayI6Inhsc3giLCJlIjoxODk5NTE4NDAxMDAwfQ.rKBO3AtsSnsQabXukouRz5SbsswPZAG4a4xUkN4Rs1w';

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

  it('round-trips a project link, and leaves a whole-client token exactly as it was before projects', () => {
    const scoped: ReportLinkPayload = { ...payload, projectId: 'project-7' };
    const token = signReportLink(scoped, SECRET);
    expect(verifyReportLink(token, SECRET, NOW)).toEqual({ ok: true, payload: scoped });
    const wholeClient = signReportLink(payload, SECRET);
    expect(Buffer.from(wholeClient.split('.')[0] ?? '', 'base64url').toString('utf8')).not.toContain('"p"');
    // Signed by the code before links carried a project: still valid, still the whole client.
    expect(wholeClient).toBe(SIGNED_BEFORE_PROJECTS);
    const check = verifyReportLink(SIGNED_BEFORE_PROJECTS, SECRET, NOW);
    expect(check).toEqual({ ok: true, payload });
    expect(check.ok && 'projectId' in check.payload).toBe(false);
  });

  it('refuses a link whose project was changed, added or removed', () => {
    const retarget = (token: string, edit: (json: Record<string, unknown>) => void): string => {
      const [body, signature] = token.split('.') as [string, string];
      const json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
      edit(json);
      return `${Buffer.from(JSON.stringify(json)).toString('base64url')}.${signature}`;
    };
    const scoped = signReportLink({ ...payload, projectId: 'project-7' }, SECRET);
    const wholeClient = signReportLink(payload, SECRET);
    for (const forged of [
      retarget(scoped, (j) => {
        j.p = 'project-8';
      }),
      retarget(scoped, (j) => {
        delete j.p;
      }),
      retarget(wholeClient, (j) => {
        j.p = 'project-7';
      }),
    ]) {
      expect(verifyReportLink(forged, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    }
    for (const odd of [
      retarget(scoped, (j) => {
        j.p = 7;
      }),
      retarget(scoped, (j) => {
        j.p = '';
      }),
    ]) {
      expect(verifyReportLink(odd, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    }
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
