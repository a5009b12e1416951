import { describe, expect, it } from 'vitest';
import { directMessageAddress, platformOfAddress } from '../../../../src/domain/ports/chat-notifier.port.js';
import type { ClaimedMessage } from '../../../../src/domain/ports/outbox-delivery.port.js';
import { chooseTarget } from '../../../../src/scheduler/outbox/choose-target.js';
import { deadLetterNoticeFor } from '../../../../src/scheduler/outbox/dead-letter-notice.js';

describe('directMessageAddress', () => {
  it('maps each platform identity to where a direct message to that person goes', () => {
    expect(directMessageAddress({ platform: 'slack', workspace: 'T1', userId: 'U2' })).toBe('slack:T1:U2');
    expect(directMessageAddress({ platform: 'console', userId: 'alice' })).toBe('console:@alice');
    expect(directMessageAddress({ platform: 'teams', userId: '29:1abc' })).toBe('teams:@29:1abc');
    expect(directMessageAddress({ platform: 'wecom', workspace: 'ww1', userId: 'zhangsan' })).toBe(
      'wecom:ww1:@zhangsan',
    );
  });
});

describe('platformOfAddress', () => {
  it('is the text before the first colon', () => {
    expect(platformOfAddress('slack:T1:C2')).toBe('slack');
    expect(platformOfAddress('console:#acme')).toBe('console');
    expect(platformOfAddress('member:m1')).toBe('member');
  });
});

describe('chooseTarget', () => {
  const served = new Set(['console', 'teams']);

  it('takes the first candidate a mounted platform serves', () => {
    expect(chooseTarget('member:m1', ['slack:T1:U2', 'teams:@a', 'console:@bob'], served)).toEqual({
      ok: true,
      address: 'teams:@a',
      platform: 'teams',
    });
  });

  it('explains when nobody can be reached', () => {
    expect(chooseTarget('member:m1', [], served)).toEqual({
      ok: false,
      error: 'no chat address to reach member:m1',
    });
    expect(chooseTarget('slack:T1:C2', ['slack:T1:C2'], served)).toEqual({
      ok: false,
      error: 'no notifier for slack (to reach slack:T1:C2)',
    });
  });
});

describe('deadLetterNoticeFor', () => {
  const message: ClaimedMessage = {
    organisationId: 'org',
    id: 'msg-1',
    dedupeKey: 'approval:e1',
    address: 'slack:T1:C2',
    kind: 'approval-request',
    payload: { expenseId: 'e1' },
    attempts: 3,
    leaseUntil: new Date('2030-01-01T00:01:00Z'),
    createdAt: new Date('2030-01-01T00:00:00Z'),
  };

  it('tells the admin channel which message died and why, once per message', () => {
    expect(
      deadLetterNoticeFor(message, 'permanent failure: channel_not_found', new Date('2030-01-01T00:02:00Z')),
    ).toEqual({
      dedupeKey: 'dead-letter:msg-1',
      kind: 'dead-letter',
      payload: {
        messageId: 'msg-1',
        kind: 'approval-request',
        address: 'slack:T1:C2',
        dedupeKey: 'approval:e1',
        attempts: 3,
        error: 'permanent failure: channel_not_found',
        diedAt: '2030-01-01T00:02:00.000Z',
      },
    });
  });

  it('is never written about a notice that itself died', () => {
    expect(deadLetterNoticeFor({ ...message, kind: 'dead-letter' }, 'x', new Date())).toBeUndefined();
  });
});
