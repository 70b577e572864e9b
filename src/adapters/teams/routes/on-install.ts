import type { Activity } from '@microsoft/teams.api';
import type { IActivityContext } from '@microsoft/teams.apps';
import type { Reply } from '../../../core/index.ts';
import { renderCard } from '../card/render-card.ts';
import { toMessage } from '../card/to-message.ts';
import { renderWelcomeCard } from '../card/welcome-card.ts';
import { withErrorBoundary } from '../error-boundary.ts';
import { forgetConversation, rememberConversation, resumeHere } from './remember-conversation.ts';
import type { RouteDeps } from './route-deps.ts';

type Context = IActivityContext<Activity>;

/**
 * Remembers the conversation, resumes its paused subscription if it has one, and, the
 * first time we hear of it, sends the welcome card.
 */
export async function welcomeIfNew(deps: RouteDeps, ctx: Context): Promise<void> {
  const known = (await rememberConversation(deps, ctx.activity)) === 'known';
  await resumeHere(deps, ctx.activity);
  if (known) return;
  const scope = ctx.activity.conversation.conversationType === 'personal' ? 'personal' : 'shared';
  await ctx.send(toMessage(renderWelcomeCard(scope)));
  deps.logger.info('Teams app installed', {
    conversationType: ctx.activity.conversation.conversationType ?? 'personal',
  });
}

async function tellQuietly(ctx: Context, reply: Reply): Promise<void> {
  await ctx.send(toMessage(renderCard(reply)));
}

/** installationUpdate "add": in a personal chat, a group chat or a team. */
export function onInstallAdd(deps: RouteDeps) {
  return withErrorBoundary<Context, void>(
    deps.logger,
    'install.add',
    (ctx) => welcomeIfNew(deps, ctx),
    tellQuietly,
  );
}

/** installationUpdate "remove": nothing can be posted there any more. */
export function onInstallRemove(deps: RouteDeps) {
  return withErrorBoundary<Context, void>(
    deps.logger,
    'install.remove',
    async (ctx) => {
      await forgetConversation(deps, ctx.activity);
      deps.logger.info('Teams app removed', {
        conversationType: ctx.activity.conversation.conversationType ?? 'personal',
      });
    },
    // The bot was just removed, so there is nobody left to tell.
    async () => undefined,
  );
}
