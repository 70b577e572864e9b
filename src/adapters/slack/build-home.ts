/** app_home_opened → the Home tab, from the same core commands as `/lessons themes` and `reviews`. */
import { errorLogFields, handleCommand } from '../../core/index.ts';
import { type HomeSubscription, type HomeView, renderHome } from './render-home.ts';
import type { SlackContext } from './slack-context.ts';

async function subscriptionsFor(
  ctx: SlackContext,
  who: { teamId: string; userId: string },
): Promise<readonly HomeSubscription[]> {
  try {
    return await ctx.listSubscriptions(who);
  } catch (error) {
    // The rest of the Home tab is still worth showing.
    ctx.logger.warn('slack home: listing subscriptions failed', errorLogFields(error));
    return [];
  }
}

export async function buildHome(
  ctx: SlackContext,
  who: { teamId: string; userId: string },
): Promise<HomeView> {
  const context = { isAdmin: ctx.isAdmin(who.userId) };
  const [help, themes, reviews] = await Promise.all([
    handleCommand({ kind: 'help', topic: 'search' }, ctx.deps, context),
    handleCommand({ kind: 'themes' }, ctx.deps, context),
    handleCommand({ kind: 'reviews' }, ctx.deps, context),
  ]);
  return renderHome(
    {
      howToAsk: help.kind === 'help' ? help.sections : [],
      themes: themes.kind === 'themes' ? themes.themes : [],
      reviews: reviews.kind === 'reviews' ? reviews.reviews : [],
      subscriptions: await subscriptionsFor(ctx, who),
    },
    ctx.command,
  );
}
