/** Turning an incoming activity into the conversation reference we keep. */
import type { Activity } from '@microsoft/teams.api';
import type { ConversationRef } from '../../core/index.ts';

/**
 * A channel reply's conversation id names the thread ("…@thread.tacv2;messageid=…");
 * the channel itself is the part before the suffix, and that is what we post to.
 */
export function baseConversationId(conversationId: string): string {
  const cut = conversationId.toLowerCase().indexOf(';messageid=');
  return cut === -1 ? conversationId : conversationId.slice(0, cut);
}

function conversationType(activity: Activity): ConversationRef['conversationType'] {
  const type = activity.conversation.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  // A personal chat often arrives without a type; anything else Teams may add is
  // treated as a chat with people in it, never as private.
  return type === undefined || type === 'personal' ? 'personal' : 'groupChat';
}

/** Where an activity's conversation lives: what a proactive post to it needs; undefined when it names none. */
export function conversationPlace(
  activity: Activity,
): Pick<ConversationRef, 'conversationId' | 'serviceUrl' | 'tenantId'> | undefined {
  const id = activity.conversation?.id;
  const serviceUrl = activity.serviceUrl;
  if (!id || !serviceUrl) return undefined;
  const tenantId = activity.channelData?.tenant?.id ?? activity.conversation.tenantId ?? '';
  return { conversationId: baseConversationId(id), serviceUrl, tenantId };
}

/** The reference to keep for the conversation an activity came from; undefined when it names none. */
export function conversationRefOf(activity: Activity, now: Date): ConversationRef | undefined {
  const place = conversationPlace(activity);
  if (!place) return undefined;
  const data = activity.channelData;
  const type = conversationType(activity);
  return {
    platform: 'teams',
    tenantId: place.tenantId,
    ...(data?.team?.id ? { teamId: data.team.id } : {}),
    ...(type === 'channel' && data?.channel?.id ? { channelId: data.channel.id } : {}),
    conversationId: place.conversationId,
    conversationType: type,
    serviceUrl: place.serviceUrl,
    updatedAt: now.toISOString(),
  };
}
