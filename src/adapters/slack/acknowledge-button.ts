/**
 * "Discussed in our team" on a posted card: recorded once per person, then the card is
 * re-rendered in place with the new count through the click's response_url
 * (replace_original). The response_url is the clicked message itself, needs no stored
 * messageRef and no Web API call (so no rate-limit tier), and works with the app's two
 * scopes. A second press by the same person changes nothing and says so privately.
 */
import {
  ACKNOWLEDGEMENTS_UNAVAILABLE,
  acknowledgeDelivery,
  acknowledgementReply,
  type Reply,
} from '../../core/index.ts';
import type { ButtonClick, Responder } from './button-click.ts';
import { renderOutgoing, renderReply } from './render-blocks.ts';
import type { SlackContext } from './slack-context.ts';

function privately(ctx: SlackContext, reply: Reply) {
  return {
    ...renderReply(reply, ctx.command),
    response_type: 'ephemeral' as const,
    replace_original: false,
  };
}

export async function acknowledgeButton(
  ctx: SlackContext,
  deliveryId: string,
  click: ButtonClick,
  io: Responder,
): Promise<void> {
  const store = ctx.acknowledgements;
  if (!store) {
    await io.respond(privately(ctx, ACKNOWLEDGEMENTS_UNAVAILABLE));
    return;
  }
  // A redelivered click would only say "already", which the person did not ask for twice.
  if (!ctx.dedupe.claim(`ack:${click.key}`)) return;
  const done = await acknowledgeDelivery(store, ctx.deps.corpus, {
    deliveryId,
    userId: `slack:${click.userId}`,
    at: ctx.clock(),
    // A press counts only on a card posted in the channel it was pressed in.
    from: { platform: 'slack', channel: click.channelId ?? '' },
  });
  if (done) {
    ctx.logger.info('slack acknowledgement', { deliveryId, added: done.added, count: done.count });
  }
  // Not our card, already said, or a card that cannot be redrawn (its lesson left the
  // corpus; the count still stands): said privately.
  if (!done?.added || !done.message) {
    await io.respond(privately(ctx, acknowledgementReply(done, 'channel')));
    return;
  }
  await io.respond({
    ...renderOutgoing(done.message),
    response_type: 'in_channel',
    replace_original: true,
  });
}
