export { actionToCommand, readAction } from './actions.ts';
export { answerLater, PUBLISHING_LATER } from './answer-later.ts';
export type { Command, CommandKind, ReportFilters } from './command.ts';
export {
  type BriefingCommands,
  type CommandDeps,
  type Conversation,
  MAX_QUESTION_LENGTH,
} from './deps.ts';
export { type CaseDetail, detectCaseDetails, detectPersonalData } from './detect-case-details.ts';
export { errorReply, failureReply, STALE_BUTTON } from './error-reply.ts';
export { handleCommand, NOT_ADMIN } from './handle-command.ts';
export { discussedLabel, publishedOn } from './labels.ts';
export { parseCommand } from './parse-command.ts';
export { renderOnce } from './recent-answers.ts';
export { resolveTheme } from './resolve.ts';
export { byNewestReview, themeRef, toLessonCard, toReviewCard } from './to-card.ts';
