import { errorReply } from '../commands/index.ts';
import type { Corpus } from '../lessons/index.ts';
import type { Delivery, OutgoingMessage, Reply, Target } from '../model/index.ts';
import type { AcknowledgementStore } from '../ports.ts';
import { buildOutgoingMessage } from './compose.ts';

/** A press of "Discussed in our team": who, when, on which card, and where it was pressed. */
export interface AcknowledgementPress {
  deliveryId: string;
  /** "slack:U123" or "teams:<aad object id>" */
  userId: string;
  at: Date;
  /**
   * The conversation the button was pressed in. When given, a press counts only on a
   * card posted there: a button value copied into another channel records nothing.
   */
  from?: Pick<Target, 'platform' | 'channel'>;
}

export interface AcknowledgementOutcome {
  /** this press was the first: it recorded that the team discussed the card */
  teamFirst: boolean;
  /** false when this person had already said so: nothing changed */
  added: boolean;
  /** everyone who has said so, this person included */
  count: number;
  delivery: Delivery;
  /** where the card was posted: the subscription's target */
  target: Target;
  /** the card re-rendered with the new count; null when the corpus no longer holds its lesson or review */
  message: OutgoingMessage | null;
}

/**
 * Records "Discussed in our team": the first press is the team's discussion (kept apart
 * from who pressed), every press a colleague's confirmation, once per person. Re-renders the card with the new
 * count for the front door to update in place. Undefined when there is no such posted
 * card (an unknown id, or one posted elsewhere than `from`).
 * @example
 * const done = await acknowledgeDelivery(store, corpus, { deliveryId, userId: 'slack:U1', at: new Date() });
 * if (done?.added && done.message) await notifier.update(done.target, done.delivery.messageRef, done.message);
 */
export async function acknowledgeDelivery(
  store: AcknowledgementStore,
  corpus: Corpus,
  press: AcknowledgementPress,
): Promise<AcknowledgementOutcome | undefined> {
  const delivery = await store.getDelivery(press.deliveryId);
  if (!delivery) return undefined;
  const subscription = await store.getSubscription(delivery.subscriptionId);
  if (!subscription) return undefined;
  const { target } = subscription;
  if (press.from && !sameConversation(target, press.from)) return undefined;
  // The team's record first: it must outlive the person-level one.
  const team = await store.recordTeamDiscussion(delivery.id, press.at);
  if (!team) return undefined;
  const counted = await store.acknowledge({
    deliveryId: delivery.id,
    userId: press.userId,
    at: press.at,
  });
  if (!counted) return undefined;
  const built = buildOutgoingMessage(corpus, delivery, counted.count);
  const message = 'error' in built ? null : built;
  return { ...counted, teamFirst: team.added, delivery, target, message };
}

function sameConversation(target: Target, from: Pick<Target, 'platform' | 'channel'>): boolean {
  return target.platform === from.platform && target.channel === from.channel;
}

/** A front door without the store answers a press with this. */
export const ACKNOWLEDGEMENTS_UNAVAILABLE = errorReply(
  'not_available',
  'Acknowledgements need the bot’s database, which is not switched on here. Please tell the partnership office.',
);

/**
 * The answer to a press, in the same words on every platform: not our card, already
 * said, or thanks with the count. `conversation` is the platform's word for where the
 * card is ("channel" in Slack, where every conversation is one).
 */
export function acknowledgementReply(
  done: Pick<AcknowledgementOutcome, 'added' | 'count'> | undefined,
  conversation: 'channel' | 'conversation',
): Reply {
  if (!done) {
    return errorReply(
      'command_invalid',
      `This card is not one the bot posted in this ${conversation}, so nothing was recorded.`,
    );
  }
  if (!done.added) {
    return { kind: 'notice', text: 'You have already marked this as discussed. Thank you.' };
  }
  const who = done.count === 1 ? '1 person has' : `${done.count} people have`;
  return { kind: 'notice', text: `Thank you: ${who} marked this as discussed.` };
}
