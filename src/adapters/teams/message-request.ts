/** What a Teams message asks for: typed text (mentions stripped) or one of our buttons. */
import { type IMessageActivity, stripMentionsText } from '@microsoft/teams.api';
import type { Command, FollowUpAnswerKind, Reply } from '../../core/index.ts';
import { actionToCommand, parseCommand, STALE_BUTTON } from '../../core/index.ts';
import { readButton } from './action-data.ts';

const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * Teams sends message text with mentions as <at>…</at> and, from some clients, a
 * little HTML. Every mention is removed (the bot's, and any person's name, which a
 * search does not need), then tags and common entities.
 */
export function messageText(activity: IMessageActivity): string {
  const stripped = stripMentionsText(activity) ?? '';
  return stripped
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A command to run, an acknowledgement or a plan to record, or a reply to give straight away. */
export type MessageRequest =
  | { command: Command }
  | { ack: string }
  | { plan: { deliveryId: string; text: string } }
  | { followUp: { deliveryId: string; answer: FollowUpAnswerKind; text: string } }
  | { reply: Reply };

export function messageRequest(activity: IMessageActivity): MessageRequest {
  const button = readButton(activity.value);
  if (button?.kind === 'action') {
    const { action } = button;
    // "Discussed in our team" and the team's plan are not commands: they change the store.
    if (action.kind === 'ack') return { ack: action.deliveryId };
    if (action.kind === 'plan') {
      return { plan: { deliveryId: action.deliveryId, text: button.typed ?? '' } };
    }
    if (action.kind === 'follow-up') {
      const { deliveryId, answer } = action;
      return { followUp: { deliveryId, answer, text: button.typed ?? '' } };
    }
    return { command: actionToCommand(action) };
  }
  if (button?.kind === 'text') return { command: parseCommand(button.text) };
  if (button?.kind === 'invalid') return { reply: STALE_BUTTON };
  // Empty text (a bare @mention, or another app's card) gets help.
  return { command: parseCommand(messageText(activity)) };
}
