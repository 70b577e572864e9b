/**
 * The error boundary's rendering: any failure becomes a short apology in Slack, and a log
 * line by the one rule (errorLogFields): the error's code and class, never its message.
 */
import { errorLogFields, failureReply, type Logger } from '../../core/index.ts';
import type { SlackMessage } from './blocks.ts';
import { renderReply } from './render-blocks.ts';

export function friendlyError(error: unknown, logger: Logger, where: string): SlackMessage {
  logger.error('slack handler failed', { where, ...errorLogFields(error) });
  // A BotError's message is written for users (and is escaped when rendered).
  return renderReply(failureReply(error));
}
