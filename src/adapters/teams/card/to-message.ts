import type { IMessageActivityInput } from '@microsoft/teams.api';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { serializeOnce } from '../http/json-once.ts';

type Attachments = NonNullable<IMessageActivityInput['attachments']>;

const attachmentsOf = new WeakMap<IAdaptiveCard, Attachments>();

/**
 * An Adaptive Card as the message activity Teams expects. A card is not changed once
 * rendered, so its attachment is made, frozen and serialized once (http/json-once.ts),
 * however often the card is sent; the message around it is new each time, because the
 * SDK adds the recipient to it.
 */
export function toMessage(card: IAdaptiveCard): IMessageActivityInput {
  let attachments = attachmentsOf.get(card);
  if (!attachments) {
    const attachment = { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
    attachments = serializeOnce(Object.freeze([Object.freeze(attachment)])) as Attachments;
    attachmentsOf.set(card, attachments);
  }
  return { type: 'message', attachments };
}
