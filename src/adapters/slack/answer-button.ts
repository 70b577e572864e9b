/**
 * A button press → the core → a reply through the response_url; Share and "Discussed in
 * our team" have their own files.
 */
import { actionToCommand, handleCommand } from '../../core/index.ts';
import { acknowledgeButton } from './acknowledge-button.ts';
import { decodeAction } from './action-value.ts';
import type { SlackMessage } from './blocks.ts';
import { type ModalView, openPlanModal } from './plan-modal.ts';
import { renderReply } from './render-blocks.ts';
import { shareLesson } from './share-lesson.ts';
import type { SlackContext } from './slack-context.ts';
import { type SlackOrigin, slackConversation } from './slack-conversation.ts';

export interface ButtonClick extends SlackOrigin {
  value: string | undefined;
  /** identifies this very click: the same key means a redelivery of it */
  key: string;
  /** the button sits on an answer only this user sees (not on a card posted in the channel) */
  ephemeral: boolean;
  /** lets the click open a modal, for 3 seconds */
  triggerId?: string;
}

export interface Responder {
  /** the response_url: ephemeral or in the channel, new or replacing the message clicked */
  respond(
    message: SlackMessage & {
      response_type: 'ephemeral' | 'in_channel';
      replace_original: boolean;
    },
  ): Promise<unknown>;
  /** chat.postMessage as the bot */
  postMessage(channel: string, message: SlackMessage): Promise<unknown>;
  /** views.open: a modal in answer to the click */
  openView(triggerId: string, view: ModalView): Promise<unknown>;
}

const STALE = renderReply({
  kind: 'error',
  code: 'command_invalid',
  message:
    'That button no longer works, perhaps because lessons-bot was updated. Please ask again.',
  suggestions: [],
});

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
