/**
 * "Discussed in our team" pressed on a posted card (an Action.Submit): recorded once per
 * person, then the card is updated in place with the new count. Teams has no private
 * replies in channels, so a second press by the same person changes nothing and is
 * answered only in a personal chat.
 */
import type { IMessageActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { acknowledgeDelivery, type Reply } from '../../../core/index.ts';
import { renderCard, renderOutgoingCard } from '../card/render-card.ts';
import { toMessage } from '../card/to-message.ts';
import { isPersonal, teamsConversation } from '../teams-conversation.ts';
import type { RouteDeps } from './route-deps.ts';

type MessageContext = IActivityContext<IMessageActivity>;

const NOT_AVAILABLE: Reply = {
  kind: 'error',
  code: 'not_available',
  message:
    'Acknowledgements need the bot’s database, which is not switched on here. Please tell the partnership office.',
  suggestions: [],
};
const UNKNOWN: Reply = {
  kind: 'error',
  code: 'command_invalid',
  message: 'This card is not one the bot posted in this conversation, so nothing was recorded.',
  suggestions: [],
};
const ALREADY: Reply = {
  kind: 'notice',
  text: 'You have already marked this as discussed. Thank you.',
};

const say = (ctx: MessageContext, reply: Reply) => ctx.send(toMessage(renderCard(reply)));

export async function onAcknowledge(
  deps: RouteDeps,
  ctx: MessageContext,
  deliveryId: string,
): Promise<void> {
  const store = deps.acknowledgements;
  if (!store) {
    await say(ctx, NOT_AVAILABLE);
    return;
  }
  const where = teamsConversation(ctx.activity);
  const done = await acknowledgeDelivery(store, deps.commands.corpus, {
    deliveryId,
    userId: where.userId,
    at: deps.now(),
    from: { platform: 'teams', channel: where.target.channel },
  });
  if (!done) {
    await say(ctx, UNKNOWN);
    return;
  }
  deps.logger.info('Teams acknowledgement', { deliveryId, added: done.added, count: done.count });
  if (!done.added) {
    if (isPersonal(ctx.activity)) await say(ctx, ALREADY);
    return;
  }
  // The card pressed is the activity we posted; Teams also names it in replyToId.
  const messageRef = done.delivery.messageRef ?? ctx.activity.replyToId;
  if (!done.message || !messageRef) return;
  const card = { ...toMessage(renderOutgoingCard(done.message)), id: messageRef };
  try {
    await ctx.api.conversations.updateActivity(done.target.channel, messageRef, card);
  } catch (error) {
    // Recorded all the same: the count shows on the next press, and in the report.
    deps.logger.warn('Teams card could not be updated in place', {
      deliveryId,
      error: error instanceof Error ? error.name : typeof error,
      status: (error as { response?: { status?: unknown } }).response?.status,
    });
  }
}
