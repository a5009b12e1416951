// App Home: opening Outlay's Home tab shows what waits for the person's decision and their own recent expenses —
// the same cards `list pending` and `list mine` answer with, so Home never disagrees with the commands.
import type { App, types } from '@slack/bolt';
import type { PlatformContext } from '../shared/platform-module.js';
import { renderCardsBlocks } from './slack-blocks.js';
import { slackChannelAddress, slackIdentity } from './slack-listeners.js';

/** Slack's cap on blocks in a Home view. */
const HOME_BLOCKS = 100;

export function registerSlackHome(bolt: App, context: PlatformContext): void {
  const log = context.logger.child({ component: 'slack' });
  bolt.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const teamId = body.team_id;
    const ask = (text: string) =>
      context.conversation.handleMessage({
        platform: 'slack',
        identity: slackIdentity(teamId, event.user),
        address: slackChannelAddress(teamId, event.channel),
        text,
      });
    try {
      // One after the other: the first may introduce a person Outlay has not met yet.
      const pending = await ask('list pending');
      const mine = await ask('list mine');
      const divider: types.DividerBlock = { type: 'divider' };
      const blocks: types.KnownBlock[] = [
        ...renderCardsBlocks(pending.cards),
        divider,
        ...renderCardsBlocks(mine.cards),
      ].slice(0, HOME_BLOCKS);
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks } });
    } catch (error) {
      log.error({ err: error }, 'slack home failed');
    }
  });
}
