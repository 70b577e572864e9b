/**
 * The shared nouns of the core: where the bot posts, what it posted, the briefing it
 * posts and the reply every front door renders. Types only; every core folder may
 * depend on them and they depend on none but the corpus's types.
 */
export type { Announcement, Briefing, OutgoingMessage } from './briefing.ts';
export type {
  Acknowledgement,
  AuditEntry,
  Broadcast,
  ChannelOutcome,
  Delivery,
  DeliveryKind,
  DeliveryStatus,
} from './delivery.ts';
export type { LessonCard, ReviewCard, ThemeRef } from './lesson-card.ts';
export type {
  AckAction,
  Action,
  ButtonAction,
  HelpSection,
  Notice,
  PublishCounts,
  Reply,
  SubscriptionCard,
  SubscriptionChange,
  Suggestion,
} from './reply.ts';
export type {
  DeliveryCounts,
  Report,
  ReportChannel,
  ReportSummary,
  ReportTotals,
} from './report.ts';
export type {
  Platform,
  Schedule,
  Subscription,
  SubscriptionStatus,
  Target,
  Weekday,
} from './subscription.ts';
