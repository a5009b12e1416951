// A click whose handling throws (the database is gone, a bug) must still answer Teams: an Universal Actions error
// body (statusCode 500, application/vnd.microsoft.error) in the reader's language, not the adapter's bare 501.
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/bots/shared/conversation.js';
import { testEngines } from '../../support/test-databases.js';
import { BOB, createTeamsHarness, type TeamsHarness } from './teams-harness.js';

const failingClicks = (conversation: Conversation): Conversation => ({
  handleMessage: (message) => conversation.handleMessage(message),
  handleFile: (file) => conversation.handleFile(file),
  handleAction: async () => {
    throw new Error('the database went away');
  },
});

describe.each(testEngines())('Teams card action failures on %s', { timeout: 60_000 }, (engine) => {
  let h: TeamsHarness;
  afterEach(async () => {
    await h.close();
  });

  it('answers a click whose handling throws with a localised error body, HTTP 200', async () => {
    h = await createTeamsHarness(engine, { wrapConversation: failingClicks });
    const verb = 'exp:approve:ACME-7K3Q:v1:s1';
    const answer = await h.post(h.cardAction(BOB, verb, { outlayAction: verb }));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({
      statusCode: 500,
      type: 'application/vnd.microsoft.error',
      value: {
        code: 'InternalServerError',
        message: 'Outlay could not handle that click. Please try again in a moment.',
      },
    });

    const chinese = await h.post(h.cardAction(BOB, verb, { outlayAction: verb }, { locale: 'zh-cn' }));
    expect(chinese.status).toBe(200);
    expect(JSON.parse(chinese.body)).toMatchObject({
      statusCode: 500,
      value: { message: 'Outlay 未能处理这次点击，请稍后再试。' },
    });

    // Messages still work: only clicks fail here.
    expect((await h.post(h.message(BOB, 'help'))).status).toBe(200);
  });
});
