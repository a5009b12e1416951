// One Teams turn: remember where the bot was reached, hand a message or a card click to the Conversation, and
// answer with Adaptive Cards — in the turn for messages, in the invoke response for clicks (Teams swaps the clicked
// card for it). Private replies in a group go to the speaker's 1:1.
import { type Activity, type ConversationReference, TeamsInfo, TurnContext } from 'botbuilder';
import { isExpenseActionId } from '../../domain/messaging/action-id.js';
import type { Logger } from '../../domain/ports/logger.port.js';
import type { PlatformRecords } from '../../domain/ports/platform-records.port.js';
import type { UnitOfWork } from '../../domain/ports/unit-of-work.port.js';
import type { Conversation, Reply } from '../shared/conversation.js';
import {
  type CardActionAnswer,
  cardAnswer,
  failedAnswer,
  messageAnswer,
  notOursAnswer,
} from './card-action-answers.js';
import { personKey, readReference, rememberConversation, writeReference } from './conversation-references.js';
import { commandFromLogForm, formLocaleOf, LOG_FORM_VERB, renderLogExpenseForm } from './log-expense-form.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, adaptiveCardAttachment, readCardClick } from './render-adaptive-card.js';
import {
  botAuthorizationOf,
  cardThreadExpense,
  type ReceivedFile,
  receivedFileOf,
  trustsBotToken,
} from './teams-files.js';
import { commandTextOf, TEAMS_PLATFORM, teamsConversationAddress, teamsIdentity } from './teams-inbound.js';
import type { TeamsOutbound } from './teams-outbound.js';

export type TeamsBotDeps = {
  readonly conversation: Conversation;
  /** Downloads a file Teams shared with the bot, with the bot's `Authorization` header when the URL needs it. */
  readonly download: (url: string, authorization?: string) => Promise<Uint8Array>;
  readonly uow: UnitOfWork;
  readonly records: PlatformRecords;
  readonly organisationId: string;
  readonly logger: Logger;
  readonly outbound: TeamsOutbound;
};

const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** Whether this turn has put its invoke answer in place (the adapter sends the last one as the HTTP body). */
const ANSWERED = Symbol('outlay.teams.invokeAnswered');

const invokeResponse = async (context: TurnContext, body: CardActionAnswer): Promise<void> => {
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
  context.turnState.set(ANSWERED, true);
};

const personOf = (activity: Partial<Activity>) => {
  const from = activity.from;
  if (from?.id === undefined) return undefined;
  return { aadObjectId: from.aadObjectId ?? from.id, userId: from.id };
};

const inboundOf = (activity: Activity) => ({
  platform: TEAMS_PLATFORM,
  identity: teamsIdentity(activity.from),
  ...(activity.from.name ? { displayName: activity.from.name } : {}),
  address: teamsConversationAddress(activity.conversation.id),
  requestId: activity.id ?? '',
  // Teams resends an activity it got no answer for with the same id; a replay changes nothing.
  ...(activity.id ? { idempotencyKey: `teams:${activity.conversation.id}:${activity.id}` } : {}),
});

export function createTeamsTurnHandler(deps: TeamsBotDeps) {
  const { conversation, uow, records, organisationId, logger, outbound, download } = deps;

  const remember = async (activity: Activity): Promise<void> => {
    const reference = TurnContext.getConversationReference(activity);
    const person = personOf(activity);
    await uow.run((tx) => rememberConversation(records, tx, organisationId, reference, person));
  };

  /** The speaker's 1:1, opened on first use. */
  const personalReference = async (activity: Activity): Promise<Partial<ConversationReference>> => {
    const person = personOf(activity);
    if (person === undefined) throw new Error('a private reply needs a speaker');
    const key = personKey(person.aadObjectId);
    const stored = await uow.run((tx) => readReference(records, tx, organisationId, key));
    if (stored?.personal === true) return stored.reference;
    const fallback = stored ?? {
      reference: TurnContext.getConversationReference(activity),
      personal: false,
      userId: person.userId,
      ...(activity.conversation.tenantId ? { tenantId: activity.conversation.tenantId } : {}),
    };
    const opened = await outbound.openPersonal(fallback);
    await uow.run((tx) =>
      writeReference(records, tx, organisationId, key, {
        reference: opened,
        personal: true,
        userId: person.userId,
        ...(fallback.tenantId === undefined ? {} : { tenantId: fallback.tenantId }),
      }),
    );
    return opened;
  };

  const sendReply = async (context: TurnContext, reply: Reply): Promise<void> => {
    if (reply.cards.length === 0) return;
    const activities = reply.cards.map((card) => ({
      type: 'message',
      attachments: [adaptiveCardAttachment(card)],
    }));
    const isPersonal = context.activity.conversation.conversationType === 'personal';
    if (reply.visibility === 'channel' || isPersonal) {
      await context.sendActivities(activities);
      return;
    }
    const reference = await personalReference(context.activity);
    for (const activity of activities) await outbound.post(reference, activity);
  };

  const aadIdOf =
    (context: TurnContext) =>
    async (userId: string): Promise<string | undefined> => {
      if (context.activity.channelId !== 'msteams') return undefined;
      try {
        return (await TeamsInfo.getMember(context, userId)).aadObjectId;
      } catch (error) {
        logger.warn({ err: error, userId }, 'could not resolve a Teams mention');
        return undefined;
      }
    };

  /** A receipt: for the card whose thread it was posted in, else as the Conversation decides (`receipt <id>`…). */
  const onFile = async (context: TurnContext, file: ReceivedFile, text: string): Promise<void> => {
    const activity = context.activity;
    const authorization =
      file.needsBotToken && trustsBotToken(file.url, activity.serviceUrl)
        ? await botAuthorizationOf(context)
        : undefined;
    const bytes = await download(file.url, authorization);
    const threadExpense = await uow.run((tx) =>
      cardThreadExpense(records, tx, organisationId, activity.conversation.id),
    );
    const said = threadExpense === undefined ? text : `receipt ${threadExpense}`;
    const reply = await conversation.handleFile({
      ...inboundOf(activity),
      bytes,
      ...(file.name === undefined ? {} : { fileName: file.name }),
      ...(file.declaredType === undefined ? {} : { declaredType: file.declaredType }),
      ...(said === '' ? {} : { text: said }),
    });
    await sendReply(context, reply);
  };

  const onMessage = async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    await remember(activity);
    // Action.Submit (older clients' fallback) arrives as a message whose value is the button's data.
    const click = activity.value === undefined ? undefined : readCardClick(undefined, activity.value);
    if (click !== undefined) {
      const reply = await conversation.handleAction({ ...inboundOf(activity), ...click });
      await sendReply(context, reply);
      return;
    }
    const text = await commandTextOf(activity, aadIdOf(context));
    const file = receivedFileOf(activity);
    if (file !== undefined) {
      await onFile(context, file, text);
      return;
    }
    if (text === '') return;
    const reply = await conversation.handleMessage({ ...inboundOf(activity), text });
    await sendReply(context, reply);
  };

  /** The form's answer takes the form's place; further cards follow as messages. */
  const answerWithReply = async (context: TurnContext, reply: Reply): Promise<void> => {
    const [first, ...rest] = reply.cards;
    await invokeResponse(context, first === undefined ? messageAnswer([]) : cardAnswer(first));
    if (rest.length > 0) await sendReply(context, { visibility: reply.visibility, cards: rest });
  };

  /**
   * A decided card is answered with the card as it now reads everywhere (the outbox updates the other copies).
   * Anything else — a stale card, someone else's question, a decision already made, a question back — leaves the
   * card as it was and Teams shows the words.
   */
  const answerClick = async (context: TurnContext, reply: Reply): Promise<void> => {
    await invokeResponse(
      context,
      reply.settled === undefined ? messageAnswer(reply.cards) : cardAnswer(reply.settled),
    );
  };

  /** The log form typed as the command it stands for; an incomplete form is shown again. */
  const onLogForm = async (context: TurnContext, data: unknown): Promise<void> => {
    const activity = context.activity;
    const text = commandFromLogForm(data);
    if (text === undefined) {
      await invokeResponse(context, cardAnswer(renderLogExpenseForm(formLocaleOf(activity.locale))));
      return;
    }
    await remember(activity);
    await answerWithReply(context, await conversation.handleMessage({ ...inboundOf(activity), text }));
  };

  const onCardAction = async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    const action = (
      activity.value as { action?: { type?: unknown; verb?: unknown; data?: unknown } } | undefined
    )?.action;
    if (action?.type === 'Action.Execute' && action.verb === LOG_FORM_VERB) {
      await onLogForm(context, action.data);
      return;
    }
    const click = action?.type === 'Action.Execute' ? readCardClick(action.verb, action.data) : undefined;
    if (click === undefined || !isExpenseActionId(click.actionId)) {
      await invokeResponse(context, notOursAnswer(activity.locale));
      return;
    }
    await remember(activity);
    await answerClick(context, await conversation.handleAction({ ...inboundOf(activity), ...click }));
  };

  /** Without an answer the adapter would send 501 and Teams would show a generic failure; say it in words. */
  const onCardActionSafely = async (context: TurnContext): Promise<void> => {
    try {
      await onCardAction(context);
    } catch (error) {
      logger.error(
        { err: error, activityId: context.activity.id, conversationId: context.activity.conversation.id },
        'a Teams card action failed',
      );
      if (context.turnState.get(ANSWERED) !== true)
        await invokeResponse(context, failedAnswer(context.activity.locale));
    }
  };

  /** Installed in someone's 1:1: remember it and offer the log form. */
  const onInstalled = async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    await remember(activity);
    if (activity.conversation.conversationType !== 'personal') return;
    await context.sendActivity({
      type: 'message',
      attachments: [
        {
          contentType: ADAPTIVE_CARD_CONTENT_TYPE,
          content: renderLogExpenseForm(formLocaleOf(activity.locale)),
        },
      ],
    });
  };

  return async (context: TurnContext): Promise<void> => {
    const activity = context.activity;
    switch (activity.type) {
      case 'message':
        return onMessage(context);
      case 'invoke':
        if (activity.name === CARD_ACTION_INVOKE) return onCardActionSafely(context);
        return;
      case 'installationUpdate':
        // Teams also sends conversationUpdate for the same install, which is where the form is offered.
        if (activity.action === 'add' || activity.action === 'add-upgrade') await remember(activity);
        return;
      case 'conversationUpdate':
        if ((activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id)) {
          await onInstalled(context);
        }
        return;
      default:
        return;
    }
  };
}
