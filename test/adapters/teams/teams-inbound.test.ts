import { describe, expect, it } from 'vitest';
import {
  commandTextOf,
  teamsConversationAddress,
  teamsIdentity,
} from '../../../src/bots/teams/teams-inbound.js';

const BOT = '28:bot-app-id';

const activity = (text: string, mentions: { text: string; id: string; aadObjectId?: string }[]) => ({
  text,
  recipient: { id: BOT, name: 'Outlay' },
  entities: mentions.map((m) => ({
    type: 'mention',
    text: m.text,
    mentioned: { id: m.id, name: m.text, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}) },
  })),
});

describe('commandTextOf', () => {
  const roster = new Map([['29:bob', 'AAAA-bob']]);
  const lookUp = async (id: string) => roster.get(id);

  it('strips the bot mention and turns people mentions into <@aadObjectId>', async () => {
    const text = await commandTextOf(
      activity('<at>Outlay</at>&nbsp;approvers @acme 1 <at>Bob</at> <at>Carol</at>', [
        { text: '<at>Outlay</at>', id: BOT },
        { text: '<at>Bob</at>', id: '29:bob' },
        { text: '<at>Carol</at>', id: '29:carol', aadObjectId: 'CCCC-carol' },
      ]),
      lookUp,
    );
    expect(text).toBe('approvers @acme 1 <@aaaa-bob> <@cccc-carol>');
  });

  it('leaves a mention it cannot resolve as typed', async () => {
    expect(
      await commandTextOf(
        activity('role <at>Zed</at> finance', [{ text: '<at>Zed</at>', id: '29:zed' }]),
        lookUp,
      ),
    ).toBe('role <at>Zed</at> finance');
  });
});

describe('Teams identities and addresses', () => {
  it('uses the AAD object id in lower case, the user id without one', () => {
    expect(teamsIdentity({ id: '29:x', aadObjectId: 'ABCD-EF' })).toBe('teams:abcd-ef');
    expect(teamsIdentity({ id: 'emulator-user' })).toBe('teams:emulator-user');
  });

  it('escapes the colons of a conversation id', () => {
    expect(teamsConversationAddress('19:chan@thread.tacv2;messageid=1')).toBe(
      'teams:19%3Achan@thread.tacv2;messageid=1',
    );
  });
});
