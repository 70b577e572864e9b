import type { IMessageActivityInput } from '@microsoft/teams.api';
import type { IAdaptiveCard } from '@microsoft/teams.cards';

/** An Adaptive Card as the message activity Teams expects. */
export function toMessage(card: IAdaptiveCard): IMessageActivityInput {
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
