/** Where a slash command or a button press came from, as the core's Conversation. */
import type { Conversation } from '../../core/index.ts';
import { cleanText } from './mrkdwn.ts';

export interface SlackOrigin {
  teamId: string | undefined;
  channelId: string | undefined;
  /** channel_name of a slash command, channel.name of a button press; not always sent */
  channelName?: string | undefined;
  userId: string;
}

/** Names Slack gives conversations that have none a person would recognise. */
const NAMELESS = /^(directmessage|privategroup|mpdm-.*)$/;

/** "#early-help" for reports, when Slack told us a real channel name. */
function label(name: string | undefined): string | undefined {
  const clean = cleanText(name ?? '').trim();
  if (clean === '' || NAMELESS.test(clean)) return undefined;
  return `#${clean.slice(0, 80)}`;
}

/** undefined when Slack did not say which workspace and channel (the Home tab, say). */
export function slackConversation(origin: SlackOrigin): Conversation | undefined {
  if (!origin.teamId || !origin.channelId) return undefined;
  const name = label(origin.channelName);
  return {
    target: {
      platform: 'slack',
      workspace: origin.teamId,
      channel: origin.channelId,
      ...(name ? { label: name } : {}),
    },
    userId: `slack:${origin.userId}`,
  };
}
