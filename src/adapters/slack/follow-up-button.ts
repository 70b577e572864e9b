/**
 * An answer to "Has it made a difference?" on a posted follow-up, with what is typed in
 * its "What changed" line: checked by the case-details guard, stored for the team with
 * the lesson's post, then the card is redrawn in place through the click's
 * response_url, saying what was answered. Who answered is not kept.
 */
import {
  ACKNOWLEDGEMENTS_UNAVAILABLE,
  answerFollowUp,
  type FollowUpAction,
  type Reply,
} from '../../core/index.ts';
import type { ButtonClick, Responder } from './button-click.ts';
import { renderOutgoing, renderReply } from './render-blocks.ts';
import { WHAT_CHANGED_INPUT } from './render-briefing.ts';
import type { SlackContext } from './slack-context.ts';

const UNKNOWN = 'This card is not one the bot posted in this channel, so nothing was saved.';

export async function followUpButton(
  ctx: SlackContext,
  action: FollowUpAction,
  click: ButtonClick,
  io: Responder,
): Promise<void> {
  const store = ctx.acknowledgements;
  const privately = (reply: Reply) => ({
    ...renderReply(reply, ctx.command),
    response_type: 'ephemeral' as const,
    replace_original: false,
  });
  if (!store) {
    await io.respond(privately(ACKNOWLEDGEMENTS_UNAVAILABLE));
    return;
  }
  const outcome = await answerFollowUp(store, () => ctx.deps.corpus, {
    deliveryId: action.deliveryId,
    answer: action.answer,
    whatChanged: click.inputs?.[WHAT_CHANGED_INPUT] ?? '',
    at: ctx.clock(),
    from: { platform: 'slack', channel: click.channelId ?? '' },
  });
  ctx.logger.info('slack follow-up answer', { outcome: outcome.kind });
  if (outcome.kind !== 'saved') {
    const text = outcome.kind === 'refused' ? outcome.reason : UNKNOWN;
    await io.respond(privately({ kind: 'notice', text }));
    return;
  }
  if (!outcome.message) return;
  await io.respond({
    ...renderOutgoing(outcome.message),
    response_type: 'in_channel',
    replace_original: true,
  });
}
