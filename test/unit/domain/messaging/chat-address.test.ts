import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asChatAddress,
  type ChatAddress,
  type ChatAddressParts,
  decodeAddress,
  encodeAddress,
  platformOf,
} from '../../../../src/domain/messaging/chat-address.js';

describe('encodeAddress', () => {
  it.each<[ChatAddressParts, string]>([
    [{ platform: 'slack', teamId: 'T1', channelId: 'C2' }, 'slack:T1:C2'],
    [
      { platform: 'slack', teamId: 'T1', channelId: 'C2', threadTs: '1712345678.123456' },
      'slack:T1:C2:1712345678.123456',
    ],
    [
      { platform: 'teams', conversationId: '19:chan@thread.tacv2;messageid=1' },
      'teams:19%3Achan@thread.tacv2;messageid=1',
    ],
    [{ platform: 'teams', conversationId: 'a:1b2c:3' }, 'teams:a%3A1b2c%3A3'],
    [{ platform: 'wecom', corpId: 'ww1', target: 'user', id: 'zhangsan' }, 'wecom:ww1:zhangsan'],
    [{ platform: 'wecom', corpId: 'ww1', target: 'chat', id: 'wrOgAAA' }, 'wecom:ww1:chat:wrOgAAA'],
    [{ platform: 'wecom', corpId: 'ww1', target: 'user', id: 'chat' }, 'wecom:ww1:chat'],
    [{ platform: 'wecom-robot', bindingId: 'bind-7' }, 'wecom-robot:bind-7'],
    [{ platform: 'console', target: 'channel', name: 'general' }, 'console:general'],
    [{ platform: 'console', target: 'person', name: 'alice' }, 'console:@alice'],
    [{ platform: 'console', target: 'channel', name: '@odd' }, 'console:%40odd'],
    [{ platform: 'member', memberId: 'm-1' }, 'member:m-1'],
    [{ platform: 'member', memberId: '100% sure' }, 'member:100%25%20sure'],
    [{ platform: 'console', target: 'channel', name: '财务　群' }, 'console:财务%E3%80%80群'],
  ])('given %j, when encoded, then it reads %s and decodes back', (parts, text) => {
    expect(encodeAddress(parts)).toBe(text);
    expect(decodeAddress(text)).toEqual(parts);
  });

  it('given an empty part, when encoded, then it throws', () => {
    expect(() => encodeAddress({ platform: 'slack', teamId: 'T1', channelId: '' })).toThrow(RangeError);
    expect(() => encodeAddress({ platform: 'teams', conversationId: '' })).toThrow(RangeError);
    expect(() => encodeAddress({ platform: 'slack', teamId: 'T1', channelId: 'C1', threadTs: '' })).toThrow(
      RangeError,
    );
  });
});

const part = fc.string({ minLength: 1, maxLength: 24, unit: 'binary' });
const parts: fc.Arbitrary<ChatAddressParts> = fc.oneof(
  fc
    .record({ teamId: part, channelId: part, threadTs: fc.option(part, { nil: undefined }) })
    .map(({ teamId, channelId, threadTs }) => ({
      platform: 'slack' as const,
      teamId,
      channelId,
      ...(threadTs === undefined ? {} : { threadTs }),
    })),
  // Teams ids are full of colons; make sure plenty are generated.
  fc
    .array(fc.oneof(part, fc.constant(':'), fc.constant('19:'), fc.constant('%3A')), {
      minLength: 1,
      maxLength: 6,
    })
    .map((pieces) => ({ platform: 'teams' as const, conversationId: pieces.join('') })),
  fc
    .record({ corpId: part, target: fc.constantFrom('user' as const, 'chat' as const), id: part })
    .map((r) => ({
      platform: 'wecom' as const,
      ...r,
    })),
  part.map((bindingId) => ({ platform: 'wecom-robot' as const, bindingId })),
  fc
    .record({ target: fc.constantFrom('channel' as const, 'person' as const), name: part })
    .map((r) => ({ platform: 'console' as const, ...r })),
  part.map((memberId) => ({ platform: 'member' as const, memberId })),
);

describe('decodeAddress', () => {
  it('round-trips every address, including Teams ids with colons', () => {
    fc.assert(
      fc.property(parts, (address) => {
        const text = encodeAddress(address);
        expect(decodeAddress(text)).toEqual(address);
        expect(platformOf(text)).toBe(address.platform);
        expect(asChatAddress(text)).toBe(text);
      }),
      { seed: 20260325, numRuns: 1_000 },
    );
  });

  it('never throws on garbage, and accepts only texts that encode back to themselves', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.anything()), (value) => {
        const decoded = decodeAddress(value);
        if (decoded !== undefined) expect(encodeAddress(decoded)).toBe(value);
      }),
      { seed: 11, numRuns: 2_000 },
    );
  });

  it.each([
    ['slack:T1', 'no channel'],
    ['slack:T1:C2:ts:extra', 'too many parts'],
    ['slack:T1::ts', 'an empty part'],
    ['teams:19:chan@thread.tacv2', 'an unescaped colon'],
    ['teams:19%3achan', 'lower-case escape'],
    ['teams:19%3', 'a cut escape'],
    ['teams:%E3%80', 'an escape that is not UTF-8'],
    ['teams:a%41', 'an escape of a character that needs none'],
    ['teams:a b', 'a bare space'],
    ['wecom:ww1:group:x', 'an unknown wecom target'],
    ['console:@', 'a person without a name'],
    ['Slack:T1:C2', 'a capitalised platform'],
    ['discord:1:2', 'an unknown platform'],
    ['member:', 'an empty member id'],
    ['member', 'no parts'],
  ])('given %j (%s), when decoded, then it is undefined', (text) => {
    expect(decodeAddress(text)).toBeUndefined();
    expect(asChatAddress(text)).toBeUndefined();
  });

  it('given a text that is not an address, when asked its platform, then it throws', () => {
    expect(() => platformOf('nonsense' as ChatAddress)).toThrow(RangeError);
  });
});
