// Speaking first on Teams: post into a stored conversation, update a card posted earlier, or open a person's 1:1
// (Teams creates it on request from any conversation the bot shares with them). Every call goes to the service URL
// in the reference, which is the one Teams sent with the activity the reference was taken from.
import {
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  TurnContext,
} from 'botbuilder';
import type { StoredReference } from './conversation-references.js';

/** The audience of the bot's own token towards the public Bot Connector. */
export const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

export type PostedActivity = { readonly conversationId: string; readonly activityId: string };

export type TeamsOutbound = {
  post(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<PostedActivity>;
  update(
    reference: Partial<ConversationReference>,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<void>;
  /** Opens (or finds: Teams answers the existing one) the person's 1:1 and returns its reference. */
  openPersonal(stored: StoredReference): Promise<Partial<ConversationReference>>;
};

export function createTeamsOutbound(adapter: CloudAdapter, appId: string): TeamsOutbound {
  return {
    async post(reference, activity) {
      let posted: PostedActivity | undefined;
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        const response = await context.sendActivity(activity);
        const conversationId = context.activity.conversation.id;
        posted = { conversationId, activityId: response?.id ?? '' };
      });
      if (posted === undefined) throw new Error('Teams accepted the message without answering');
      return posted;
    },
    async update(reference, activityId, activity) {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        await context.updateActivity({ ...activity, id: activityId });
      });
    },
    async openPersonal(stored) {
      const { reference, userId, tenantId } = stored;
      if (userId === undefined || reference.serviceUrl === undefined) {
        throw new Error('no Teams user id to open a 1:1 with');
      }
      const parameters = {
        isGroup: false,
        bot: reference.bot,
        members: [{ id: userId, name: '' }],
        ...(tenantId === undefined ? {} : { tenantId, channelData: { tenant: { id: tenantId } } }),
      } as ConversationParameters;
      let opened: Partial<ConversationReference> | undefined;
      await adapter.createConversationAsync(
        appId,
        reference.channelId ?? 'msteams',
        reference.serviceUrl,
        BOT_CONNECTOR_AUDIENCE,
        parameters,
        async (context) => {
          const created = TurnContext.getConversationReference(context.activity);
          const { activityId: _activityId, ...rest } = created;
          opened = {
            ...rest,
            ...(reference.bot === undefined ? {} : { bot: reference.bot }),
            conversation: { ...context.activity.conversation, conversationType: 'personal' },
          };
        },
      );
      if (opened === undefined) throw new Error('Teams did not open the 1:1');
      return opened;
    },
  };
}
