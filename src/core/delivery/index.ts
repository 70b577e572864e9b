/**
 * Weekly briefings and review broadcasts through the ledger: schedules, subscriptions,
 * the delivery runner, pacing, publishing and the report's data.
 */
export {
  ACKNOWLEDGEMENTS_UNAVAILABLE,
  acknowledgeDelivery,
  acknowledgementReply,
} from './acknowledge.ts';
export {
  createBriefingCommands,
  describeSchedule,
  nextPostTime,
  parseSince,
  parseUntil,
} from './briefing-commands/index.ts';
export { buildReport, statusWithReason } from './build-report.ts';
export { createDeliveryRunner, type DeliveryRunner } from './delivery-runner.ts';
export { FUNNEL_STAGES, funnelRows, percentOf } from './evidence-sentence.ts';
export {
  answerFollowUp,
  FOLLOW_UP_ANSWERS,
  type FollowUpAnswerInput,
  type FollowUpAnswerOutcome,
  type FollowUpAnswerStore,
  followUpLabel,
} from './follow-up-answer.ts';
export { DEFAULT_PACING, type PacingLimits, type Rate } from './pacer.ts';
export type { PublishResult } from './publish.ts';
export { type IsWorkingDay, weekdaysOnly } from './quoting-due.ts';
export { reportScope } from './report-scope.ts';
export { resumeSubscription } from './resume.ts';
export { emptySummary } from './run-summary.ts';
export { DEFAULT_FOLLOW_UP_WEEKS, type DeliveryRunnerOptions } from './runner-options.ts';
export { formatLocalTime, isValidTimezone, nextOccurrence, periodOf } from './schedule-time.ts';
export {
  checkPlan,
  MAX_PLAN_LENGTH,
  type PlanInput,
  type PlanOutcome,
  type PlanStore,
  planReminder,
  saveTeamPlan,
  tidyPlan,
} from './team-plan.ts';
