import { describe, expect, it } from 'vitest';
import {
  formatPlatformIdentity,
  parsePlatformIdentities,
  parsePlatformIdentity,
} from '../../../../src/domain/people/platform-identity.js';

describe('parsePlatformIdentity', () => {
  it.each([
    ['slack:T1:U2', { platform: 'slack', workspace: 'T1', userId: 'U2' }],
    [
      'wecom:wx5823bf96d3bd56c7:zhangsan',
      { platform: 'wecom', workspace: 'wx5823bf96d3bd56c7', userId: 'zhangsan' },
    ],
    [
      'teams:8f0c2a5e-1b7d-4a53-9c2e-3d1f6b7a9e10',
      { platform: 'teams', userId: '8f0c2a5e-1b7d-4a53-9c2e-3d1f6b7a9e10' },
    ],
    ['teams:29:1aBcD', { platform: 'teams', userId: '29:1aBcD' }],
    ['console:alice', { platform: 'console', userId: 'alice' }],
    ['  Slack:T1:U2 ', { platform: 'slack', workspace: 'T1', userId: 'U2' }],
  ])('reads %j', (text, identity) => {
    expect(parsePlatformIdentity(text)).toEqual({ ok: true, value: identity });
  });

  it.each([
    ['U2', 'slack:<team>:<user>, teams:<id>, wecom:<corp>:<user>'],
    ['discord:1:2', 'slack:<team>:<user>, teams:<id>, wecom:<corp>:<user>'],
    ['slack:U2', 'slack:<workspace>:<user>'],
    ['slack:T1:U2:X', 'slack:<workspace>:<user>'],
    ['slack:T1:', 'slack:<workspace>:<user>'],
    ['wecom::zhangsan', 'wecom:<workspace>:<user>'],
    ['teams:', 'teams:<user>'],
    ['console:a b', 'console:<user>'],
  ])('refuses %j, saying what was expected', (text, expected) => {
    expect(parsePlatformIdentity(text)).toEqual({
      ok: false,
      error: { code: 'INVALID_IDENTITY', details: { text: text.trim(), expected } },
    });
  });

  it('formats back to the canonical text', () => {
    for (const text of ['slack:T1:U2', 'teams:29:1aBcD', 'wecom:corp:li', 'console:alice']) {
      const parsed = parsePlatformIdentity(text);
      expect(parsed.ok && formatPlatformIdentity(parsed.value)).toBe(text);
    }
  });

  it('parses a list such as OUTLAY_ADMINS and names the first bad entry', () => {
    expect(parsePlatformIdentities(['slack:T1:U2', 'console:root'])).toEqual({
      ok: true,
      value: [
        { platform: 'slack', workspace: 'T1', userId: 'U2' },
        { platform: 'console', userId: 'root' },
      ],
    });
    const bad = parsePlatformIdentities(['slack:T1:U2', 'slack:U3', 'nope']);
    expect(bad.ok ? undefined : bad.error.details?.text).toBe('slack:U3');
  });
});
