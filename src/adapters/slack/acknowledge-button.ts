/**
 * "Discussed in our team" on a posted card: recorded once per person, then the card is
 * re-rendered in place with the new count through the click's response_url
 * (replace_original). The response_url is the clicked message itself, needs no stored
 * messageRef and no Web API call (so no rate-limit tier), and works with the app's two
 * scopes. A second press by the same person changes nothing and says so privately.
 */
import { acknowledgeDelivery } from '../../core/index.ts';
import type { ButtonClick, Responder } from './button-click.ts';
import { renderOutgoing, renderReply } from './render-blocks.ts';
import type { SlackContext } from './slack-context.ts';

function privately(ctx: SlackContext, message: string) {
  return {
    ...renderReply({ kind: 'notice', text: message }, ctx.command),
    response_type: 'ephemeral' as const,
    replace_original: false,
  };
}

const NOT_AVAILABLE =
  'Acknowledgements need the bot’s database, which is not switched on here. Please tell the partnership office.';
const UNKNOWN = 'This card is not one the bot posted in this channel, so nothing was recorded.';
const ALREADY = 'You have already marked this as discussed. Thank you.';

export async function acknowledgeButton(
  ctx: SlackContext,
  deliveryId: string,
  click: ButtonClick,
  io: Responder,
): Promise<void> {
  const store = ctx.acknowledgements;
  if (!store) {
    await io.respond(privately(ctx, NOT_AVAILABLE));
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
  if (!done) {
    await io.respond(privately(ctx, UNKNOWN));
    return;
  }
  ctx.logger.info('slack acknowledgement', { deliveryId, added: done.added, count: done.count });
  if (!done.added) {
    await io.respond(privately(ctx, ALREADY));
    return;
  }
  if (!done.message) {
    // The card's lesson left the corpus, so it cannot be redrawn; the count still stands.
    const who = done.count === 1 ? '1 person has' : `${done.count} people have`;
    await io.respond(privately(ctx, `Thank you: ${who} marked this as discussed.`));
    return;
  }
  await io.respond({
    ...renderOutgoing(done.message),
    response_type: 'in_channel',
    replace_original: true,
  });
}
