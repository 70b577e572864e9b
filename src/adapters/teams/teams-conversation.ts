/** Where a Teams message came from, and who sent it, as the core's Conversation. */
import type { Activity } from '@microsoft/teams.api';
import type { Conversation } from '../../core/index.ts';
import { baseConversationId } from './conversation-ref.ts';

const MAX_LABEL = 120;

function clean(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: names are shown in reports
  const tidy = name.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return tidy === '' ? undefined : tidy.slice(0, MAX_LABEL);
}

/**
 * "Early Help › Safeguarding" for a channel, a group chat's topic: a name people
 * recognise in reports, when the activity carries one. A personal chat gets none:
 * the other party's name is a person's, not a team's.
 */
function labelOf(activity: Activity): string | undefined {
  const data = activity.channelData;
  const type = activity.conversation.conversationType;
  if (type !== 'channel' && type !== 'groupChat') return undefined;
  const team = clean(data?.team?.name);
  // The General channel has the team's id and often arrives without a name.
  const general = data?.channel?.id !== undefined && data.channel.id === data.team?.id;
  const channel = clean(data?.channel?.name) ?? (general ? 'General' : undefined);
  if (team && channel) return `${team} › ${channel}`;
  return channel ?? clean(activity.conversation.name) ?? team;
}

/** The person, by Entra object id where Teams gives it (ADMINS uses the same), else the channel account id. */
export function teamsUserId(activity: Activity): string {
  const aad = activity.from.aadObjectId;
  return `teams:${aad ? aad.toLowerCase() : activity.from.id}`;
}

/** Posts go to the channel itself, not to the thread a message was written in. */
export function teamsConversation(activity: Activity): Conversation {
  const label = labelOf(activity);
  return {
    target: {
      platform: 'teams',
      workspace: activity.channelData?.tenant?.id ?? activity.conversation.tenantId ?? '',
      channel: baseConversationId(activity.conversation.id),
      ...(label ? { label } : {}),
    },
    userId: teamsUserId(activity),
  };
}

export function isPersonal(activity: Activity): boolean {
  const type = activity.conversation.conversationType;
  return type === undefined || type === 'personal';
}
