import type { IConversationUpdateActivity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import { withErrorBoundary } from '../error-boundary.ts';
import { welcomeIfNew } from './on-install.ts';
import { forgetConversation } from './remember-conversation.ts';
import type { RouteDeps } from './route-deps.ts';

type Context = IActivityContext<IConversationUpdateActivity>;

const TEAM_GONE = new Set(['teamDeleted', 'teamHardDeleted']);

async function handle(deps: RouteDeps, ctx: Context): Promise<void> {
  const { activity } = ctx;
  const bot = activity.recipient.id;
  const eventType = activity.channelData?.eventType;
  const teamId = activity.channelData?.team?.id;
  if (eventType && TEAM_GONE.has(eventType) && teamId) {
    await deps.conversations.forgetTeam(teamId);
    return;
  }
  if (eventType === 'channelDeleted' && activity.channelData?.channel?.id) {
    await deps.conversations.forget(activity.channelData.channel.id);
    return;
  }
  if (activity.membersRemoved?.some((m) => m.id === bot)) {
    await forgetConversation(deps, activity);
    return;
  }
  if (activity.membersAdded?.some((m) => m.id === bot)) await welcomeIfNew(deps, ctx);
}

/**
 * conversationUpdate: the bot added to or removed from a conversation, a team or a
 * channel deleted. Keeps the conversation references in step; nothing is said on
 * failure, as no one asked anything.
 */
export function onConversationUpdate(deps: RouteDeps) {
  return withErrorBoundary<Context, void>(
    deps.logger,
    'conversationUpdate',
    (ctx) => handle(deps, ctx),
    async () => undefined,
  );
}
