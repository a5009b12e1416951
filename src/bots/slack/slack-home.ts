// App Home: opening Outlay's Home tab shows what waits for the person's decision, their own recent expenses, and the
// budget status of their clients — the same cards `list pending`, `list mine` and `budget @client` answer with, so
// Home never disagrees with the commands.
import type { App, types } from '@slack/bolt';
import type { PlatformContext } from '../shared/platform-module.js';
import { renderCardsBlocks } from './slack-blocks.js';
import { organisationOf, slackChannelAddress, slackIdentity } from './slack-listeners.js';
import type { SlackPeople } from './slack-people.js';

/** Slack's cap on blocks in a Home view. */
const HOME_BLOCKS = 100;

export function registerSlackHome(bolt: App, context: PlatformContext, people: SlackPeople): void {
  const log = context.logger.child({ component: 'slack' });
  bolt.event('app_home_opened', async ({ event, body, client, context: boltContext }) => {
    if (event.tab !== 'home') return;
    const teamId = body.team_id;
    try {
      const organisationId = organisationOf(boltContext);
      const external = await people.isExternal(client, teamId, event.user);
      const origin = {
        platform: 'slack' as const,
        identity: slackIdentity(teamId, event.user),
        address: slackChannelAddress(teamId, event.channel),
        ...(organisationId === undefined ? {} : { organisationId }),
        ...(external ? { external } : {}),
      };
      const ask = (text: string) => context.conversation.handleMessage({ ...origin, text });
      // One after the other: the first may introduce a person Outlay has not met yet.
      const pending = await ask('list pending');
      const mine = await ask('list mine');
      const budgets = await context.conversation.showMyBudgets?.(origin);
      const divider: types.DividerBlock = { type: 'divider' };
      const blocks: types.KnownBlock[] = [
        ...renderCardsBlocks(pending.cards),
        divider,
        ...renderCardsBlocks(mine.cards),
        ...(budgets === undefined ? [] : [divider, ...renderCardsBlocks(budgets.cards)]),
      ].slice(0, HOME_BLOCKS);
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks } });
    } catch (error) {
      log.error({ err: error }, 'slack home failed');
    }
  });
}
