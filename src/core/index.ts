/** The platform-neutral core: what adapters, the store and the scheduler may import. */
export * from './briefing/index.ts';
export * from './commands/index.ts';
export * from './delivery/index.ts';
export {
  BotError,
  CorpusError,
  type CorpusProblem,
  describeError,
  type ErrorCode,
  errorLogFields,
  formatProblem,
  isBotError,
  toBotError,
} from './errors.ts';
export * from './import/index.ts';
export * from './lessons/index.ts';
export {
  type Clock,
  type ConversationRef,
  type ConversationRefs,
  type DeliveryClaim,
  type DeliveryFilter,
  type Logger,
  type Metrics,
  type Notifier,
  noMetrics,
  type PostResult,
  type Store,
  type SubscriptionInput,
  silentLogger,
} from './ports.ts';
export * from './search/index.ts';
