export { actionToCommand, readAction } from './actions.ts';
export { ADMIN_COMMANDS, type Command, type CommandKind, type HelpTopic } from './command.ts';
export {
  type BriefingCommands,
  type CommandContext,
  type CommandDeps,
  type Conversation,
  MAX_QUESTION_LENGTH,
} from './deps.ts';
export { type CaseDetail, detectCaseDetails, detectPersonalData } from './detect-case-details.ts';
export { handleCommand } from './handle-command.ts';
export { discussedLabel, publishedOn } from './labels.ts';
export { parseCommand } from './parse-command.ts';
export { MAX_RECENT_ANSWERS, renderOnce } from './recent-answers.ts';
export type {
  AckAction,
  Action,
  ButtonAction,
  HelpSection,
  LessonCard,
  Notice,
  PlanAction,
  PublishCounts,
  Reply,
  ReplyKind,
  ReviewCard,
  SubscriptionChange,
  SubscriptionView,
  Suggestion,
  ThemeRef,
} from './reply.ts';
export { resolveTheme } from './resolve.ts';
export { byNewestReview, themeRef, toLessonCard, toReviewCard } from './to-card.ts';
