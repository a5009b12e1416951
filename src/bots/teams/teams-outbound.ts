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

/** The part of botframework-connector's ConnectorClient used here (that package is botbuilder's, not ours). */
type ConversationsClient = {
  readonly conversations: {
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
  };
  /** @azure/core-client's ServiceClient inside botbuilder's ConnectorClient. */
  readonly client?: { readonly pipeline?: { removePolicy(options: { name: string }): unknown } };
};

/** The policy name @azure/core-rest-pipeline gives its retry policy (429 Retry-After sleeps, 5xx backoff). */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

/**
 * This turn's connector client, without the SDK's own retries: it would sleep through a 429's Retry-After inside
 * the outbox worker's lease. A failed proactive call goes back to the worker instead, which pauses the address.
 */
const connectorOf = (context: TurnContext): ConversationsClient => {
  const client = context.turnState.get<ConversationsClient | undefined>(context.adapter.ConnectorClientKey);
  if (client === undefined) throw new Error('the adapter gave the turn no connector client');
  client.client?.pipeline?.removePolicy({ name: SDK_RETRY_POLICY });
  return client;
};

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

/**
 * Runs `logic` in a proactive turn and rethrows what it threw: the adapter hands a turn's error to onTurnError
 * (which only logs), but a failed proactive call must reach the outbox worker.
 */
const inTurn = async (
  start: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> => {
  let failure: { readonly error: unknown } | undefined;
  await start(async (context) => {
    try {
      await logic(context);
    } catch (error) {
      failure = { error };
    }
  });
  if (failure !== undefined) throw failure.error;
};

export function createTeamsOutbound(adapter: CloudAdapter, appId: string): TeamsOutbound {
  const continueIn =
    (reference: Partial<ConversationReference>) => (logic: (context: TurnContext) => Promise<void>) =>
      adapter.continueConversationAsync(appId, reference, logic);
  return {
    async post(reference, activity) {
      let posted: PostedActivity | undefined;
      await inTurn(continueIn(reference), async (context) => {
        // A continued turn replies to a made-up activity id; a proactive card is a new message, so it is sent to
        // the conversation itself with the connector client the adapter authenticated for this service URL.
        const client = connectorOf(context);
        const outgoing = TurnContext.applyConversationReference(
          { ...activity },
          TurnContext.getConversationReference(context.activity),
        );
        delete outgoing.replyToId;
        const conversationId = context.activity.conversation.id;
        const response = await client.conversations.sendToConversation(conversationId, outgoing);
        posted = { conversationId, activityId: response.id ?? '' };
      });
      if (posted === undefined) throw new Error('Teams accepted the message without answering');
      return posted;
    },
    async update(reference, activityId, activity) {
      await inTurn(continueIn(reference), async (context) => {
        connectorOf(context);
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
      const serviceUrl = reference.serviceUrl;
      const start = (logic: (context: TurnContext) => Promise<void>) =>
        adapter.createConversationAsync(
          appId,
          reference.channelId ?? 'msteams',
          serviceUrl,
          BOT_CONNECTOR_AUDIENCE,
          parameters,
          logic,
        );
      await inTurn(start, async (context) => {
        const created = TurnContext.getConversationReference(context.activity);
        const { activityId: _activityId, ...rest } = created;
        opened = {
          ...rest,
          ...(reference.bot === undefined ? {} : { bot: reference.bot }),
          conversation: { ...context.activity.conversation, conversationType: 'personal' },
        };
      });
      if (opened === undefined) throw new Error('Teams did not open the 1:1');
      return opened;
    },
  };
}
