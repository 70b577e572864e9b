/** The Microsoft Teams front door: what main.ts and the scheduler may use. */

export { type RenderOptions, renderCard, renderOutgoingCard } from './card/render-card.ts';
export { renderSearchResults } from './card/search-extension.ts';
export { renderWelcomeCard, type WelcomeScope } from './card/welcome-card.ts';
export { createTeamsBot, type TeamsBot, type TeamsBotOptions } from './create-teams-bot.ts';
export {
  decideAuthMode,
  isLoopback,
  type TeamsCredentials,
  TeamsStartError,
  type TeamsStartErrorCode,
} from './decide-auth-mode.ts';
export { MemoryConversationRefs } from './memory-conversation-refs.ts';
export {
  createTeamsNotifier,
  type ProactiveApi,
  proactiveApiOf,
  type StandaloneTeamsNotifierOptions,
  type TeamsNotifierOptions,
  teamsNotifier,
} from './notifier.ts';
