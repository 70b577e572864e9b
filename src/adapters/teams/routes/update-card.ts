import type { IMessageActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { errorLogFields, type OutgoingMessage } from '../../../core/index.ts';
import { renderOutgoingCard } from '../card/render-card.ts';
import { toMessage } from '../card/to-message.ts';
import type { RouteDeps } from './route-deps.ts';

/**
 * Redraws a card the bot posted (`messageRef`, in the conversation `channel`) with what
 * it says now. False when Teams refused: what was pressed is recorded all the same.
 */
export async function updateCard(
  deps: RouteDeps,
  ctx: IActivityContext<IMessageActivity>,
  where: { channel: string; messageRef: string },
  message: OutgoingMessage,
): Promise<boolean> {
  const card = { ...toMessage(renderOutgoingCard(message)), id: where.messageRef };
  try {
    await ctx.api.conversations.updateActivity(where.channel, where.messageRef, card);
    return true;
  } catch (error) {
    deps.logger.warn('Teams card could not be updated in place', {
      kind: message.kind,
      ...errorLogFields(error),
      status: (error as { response?: { status?: unknown } }).response?.status,
    });
    return false;
  }
}
