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
export { FUNNEL_STAGES } from './evidence-sentence.ts';
export { DEFAULT_PACING, type PacingLimits, type Rate } from './pacer.ts';
export type { PublishResult } from './publish.ts';
export { reportScope } from './report-scope.ts';
export { resumeSubscription } from './resume.ts';
export { emptySummary } from './run-summary.ts';
export type { DeliveryRunnerOptions } from './runner-options.ts';
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
