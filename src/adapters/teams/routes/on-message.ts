import type { IMessageActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { answerLater, errorLogFields, handleCommand, type Reply } from '../../../core/index.ts';
import { renderCard } from '../card/render-card.ts';
import { toMessage } from '../card/to-message.ts';
import { withErrorBoundary } from '../error-boundary.ts';
import { messageRequest } from '../message-request.ts';
import { isPersonal, teamsConversation } from '../teams-conversation.ts';
import { onAcknowledge } from './on-acknowledge.ts';
import { onDraftMessage } from './on-draft.ts';
import { onFollowUp } from './on-follow-up.ts';
import { onPlan } from './on-plan.ts';
import type { RouteDeps } from './route-deps.ts';

type MessageContext = IActivityContext<IMessageActivity>;

async function send(ctx: MessageContext, reply: Reply): Promise<void> {
  await ctx.send(toMessage(renderCard(reply)));
}

/**
 * Answers only the asker should see: the preview (the channel's lesson is not spoiled)
 * and the dissemination report (other teams' names and counts).
 */
const PRIVATE: ReadonlySet<Reply['kind']> = new Set(['briefing', 'report']);

/**
 * In a channel or group chat a private answer goes as a targeted message, which only the
 * asker sees. Where Teams does not take targeted messages (a preview feature), it is
 * posted to the conversation instead, as any answer is: the asker chose to ask there.
 */
async function sendPrivately(deps: RouteDeps, ctx: MessageContext, reply: Reply): Promise<void> {
  if (isPersonal(ctx.activity)) return send(ctx, reply);
  try {
    await ctx.send({
      ...toMessage(renderCard(reply)),
      recipient: { ...ctx.activity.from, isTargeted: true },
    });
  } catch (error) {
    deps.logger.warn('Teams targeted message refused; answer posted to the conversation', {
      ...errorLogFields(error),
    });
    await send(ctx, reply);
  }
}

/**
 * A message in a personal chat, an @mention in a channel or group chat, or a press
 * of one of our buttons: parse → core → Adaptive Card, posted back to the conversation.
 */
export function onMessage(deps: RouteDeps) {
  return withErrorBoundary<MessageContext, void>(
    deps.logger,
    'message',
    async (ctx) => {
      if (await onDraftMessage(deps, ctx)) return;
      const request = messageRequest(ctx.activity);
      if ('reply' in request) return send(ctx, request.reply);
      if ('ack' in request) return onAcknowledge(deps, ctx, request.ack);
      if ('plan' in request) return onPlan(deps, ctx, request.plan);
      if ('followUp' in request) return onFollowUp(deps, ctx, request.followUp);
      const context = {
        isAdmin: deps.isAdmin(ctx.activity.from),
        where: teamsConversation(ctx.activity),
      };
      const later = answerLater(request.command, context.isAdmin);
      if (later) {
        // Say so now, answer when it is done, and let this request end, so that the
        // connector does not time out and retry it.
        await send(ctx, later);
        void handleCommand(request.command, deps.commands, context)
          .then((reply) => send(ctx, reply))
          .catch((error: unknown) => deps.logger.error('publish failed', errorLogFields(error)));
        return;
      }
      const reply = await handleCommand(request.command, deps.commands, context);
      if (PRIVATE.has(reply.kind)) return sendPrivately(deps, ctx, reply);
      await send(ctx, reply);
    },
    send,
  );
}
