/**
 * "Discussed in our team" pressed on a posted card (an Action.Submit): recorded once per
 * person, then the card is updated in place with the new count. Teams has no private
 * replies in channels, so a second press by the same person changes nothing and is
 * answered only in a personal chat.
 */
import type { IMessageActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import {
  ACKNOWLEDGEMENTS_UNAVAILABLE,
  acknowledgeDelivery,
  acknowledgementReply,
  type Reply,
} from '../../../core/index.ts';
import { renderCard } from '../card/render-card.ts';
import { toMessage } from '../card/to-message.ts';
import { isPersonal, teamsConversation } from '../teams-conversation.ts';
import type { RouteDeps } from './route-deps.ts';
import { updateCard } from './update-card.ts';

type MessageContext = IActivityContext<IMessageActivity>;

const say = (ctx: MessageContext, reply: Reply) => ctx.send(toMessage(renderCard(reply)));

export async function onAcknowledge(
  deps: RouteDeps,
  ctx: MessageContext,
  deliveryId: string,
): Promise<void> {
  const store = deps.acknowledgements;
  if (!store) {
    await say(ctx, ACKNOWLEDGEMENTS_UNAVAILABLE);
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
    await say(ctx, acknowledgementReply(done, 'conversation'));
    return;
  }
  deps.logger.info('Teams acknowledgement', { deliveryId, added: done.added, count: done.count });
  if (!done.added) {
    if (isPersonal(ctx.activity)) await say(ctx, acknowledgementReply(done, 'conversation'));
    return;
  }
  // The card pressed is the activity we posted; Teams also names it in replyToId.
  const messageRef = done.delivery.messageRef ?? ctx.activity.replyToId;
  if (!done.message || !messageRef) return;
  // Recorded all the same if Teams refuses: the count shows on the next press, and in the report.
  await updateCard(deps, ctx, { channel: done.target.channel, messageRef }, done.message);
}
