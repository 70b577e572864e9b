/**
 * A button press → the core → a reply through the response_url; Share and "Discussed in
 * our team" have their own files.
 */
import { actionToCommand, handleCommand, STALE_BUTTON } from '../../core/index.ts';
import { acknowledgeButton } from './acknowledge-button.ts';
import { decodeAction } from './action-value.ts';
import type { ButtonClick, Responder } from './button-click.ts';
import { followUpButton } from './follow-up-button.ts';
import { openPlanModal } from './plan-modal.ts';
import { renderReply } from './render-blocks.ts';
import { shareLesson } from './share-lesson.ts';
import type { SlackContext } from './slack-context.ts';
import { slackConversation } from './slack-conversation.ts';

const STALE = renderReply(STALE_BUTTON);

export async function answerButton(
  ctx: SlackContext,
  click: ButtonClick,
  io: Responder,
): Promise<void> {
  const action = decodeAction(click.value);
  if (!action) {
    await io.respond({ ...STALE, response_type: 'ephemeral', replace_original: false });
    return;
  }
  ctx.logger.info('slack button', { action: action.kind });
  if (action.kind === 'ack') {
    await acknowledgeButton(ctx, action.deliveryId, click, io);
    return;
  }
  if (action.kind === 'plan') {
    await openPlanModal(ctx, action.deliveryId, click, io);
    return;
  }
  if (action.kind === 'follow-up') {
    await followUpButton(ctx, action, click, io);
    return;
  }
  if (action.kind === 'share') {
    await shareLesson(ctx, action.id, click, io);
    return;
  }
  const where = slackConversation(click);
  const reply = await handleCommand(actionToCommand(action), ctx.deps, {
    isAdmin: ctx.isAdmin(click.userId),
    ...(where ? { where } : {}),
  });
  // Paging and theme buttons replace a private answer; "Full lesson" adds a message below
  // it. A card posted in the channel is never replaced: the answer goes to the presser only.
  const pages = action.kind === 'more' || action.kind === 'more-theme' || action.kind === 'theme';
  await io.respond({
    ...renderReply(reply, ctx.command),
    response_type: 'ephemeral',
    replace_original: pages && click.ephemeral,
  });
}
