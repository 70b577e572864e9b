/** The Slack front door: the only names the rest of the app may import from here. */
export { BOT_EVENTS, BOT_SCOPES, SLACK_EVENTS_PATH, SLASH_COMMAND } from './app-surface.ts';
export type { SlackMessage } from './blocks.ts';
export {
  createSlackBot,
  type SlackBot,
  type SlackBotOptions,
  type SlackSettings,
} from './create-slack-bot.ts';
export { storeSubscriptionLister } from './home-subscriptions.ts';
export { renderOutgoing, renderReply, renderSharedLesson } from './render-blocks.ts';
export { type HomeData, type HomeSubscription, type HomeView, renderHome } from './render-home.ts';
export type { SubscriptionLister } from './slack-context.ts';
export { createSlackNotifier, type SlackNotifierOptions } from './slack-notifier.ts';
export { slackWorkspaceId } from './slack-workspace.ts';
