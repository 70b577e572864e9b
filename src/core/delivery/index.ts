/**
 * Weekly briefings and review broadcasts through the ledger: schedules, subscriptions,
 * the delivery runner, pacing, publishing and the report's data.
 */
export {
  type AcknowledgementOutcome,
  type AcknowledgementPress,
  acknowledgeDelivery,
} from './acknowledge.ts';
export { type BackoffOptions, DEFAULT_BACKOFF, retryDelay } from './backoff.ts';
export {
  buildReport,
  type ReportOptions,
  statusWithReason,
  summariseReport,
  weekRange,
} from './build-report.ts';
export type { ChannelOutcome } from './channel-outcome.ts';
export {
  type BriefingCommandsDeps,
  createBriefingCommands,
  DEFAULT_SCHEDULE,
  describeSchedule,
  nextPostTime,
  parseSince,
} from './commands/index.ts';
export { buildOutgoingMessage } from './compose.ts';
export { createDeliveryRunner, type DeliveryRunner } from './delivery-runner.ts';
export type {
  Acknowledgement,
  AuditEntry,
  Broadcast,
  Delivery,
  DeliveryKind,
  DeliveryStatus,
  Platform,
  Schedule,
  Subscription,
  SubscriptionStatus,
  Target,
  Weekday,
} from './model.ts';
export { createPacer, DEFAULT_PACING, type Pacer, type PacingLimits, type Rate } from './pacer.ts';
export { clearToSend, type PostHooks } from './post-hooks.ts';
export { broadcastPeriod, type PublishResult } from './publish.ts';
export type {
  DeliveryCounts,
  Report,
  ReportChannel,
  ReportPlan,
  ReportSummary,
  ReportTotals,
} from './report-model.ts';
export { howToResume, resumeSubscription } from './resume.ts';
export { emptySummary, type RunSummary } from './run-summary.ts';
export {
  DEFAULT_CONCURRENCY,
  DEFAULT_GRACE_MS,
  type DeliveryRunnerDeps,
  type DeliveryRunnerOptions,
} from './runner-options.ts';
export {
  formatLocalTime,
  isoWeek,
  isValidTimezone,
  latestOccurrence,
  nextOccurrence,
  periodOf,
} from './schedule-time.ts';
export {
  parseSubscribe,
  SUBSCRIBE_EXAMPLE,
  type SubscribeParse,
  type SubscribeRequest,
} from './subscribe/parse-subscribe.ts';
export { isTimeOfDay, parseTimeOfDay } from './subscribe/time-of-day.ts';
export { parseWeekday, WEEKDAY_NAMES, weekdayName } from './subscribe/weekday.ts';
export { MAX_PLAN_LENGTH, type TeamDiscussion } from './team-discussion.ts';
export {
  checkPlan,
  type PlanInput,
  type PlanOutcome,
  type PlanStore,
  planReminder,
  saveTeamPlan,
  tidyPlan,
} from './team-plan.ts';
