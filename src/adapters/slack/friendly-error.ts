/**
 * The error boundary's rendering: any failure becomes a short apology in Slack, and a log
 * line with the error's code and stack frames but not its message, which could quote
 * the user's words.
 */
import { type Logger, toBotError } from '../../core/index.ts';
import type { SlackMessage } from './blocks.ts';
import { renderReply } from './render-blocks.ts';

/** What the logs may hold about an error: its kind and where it happened, not its text. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const data = (error as { data?: { error?: unknown } }).data;
  return {
    name: error.name,
    code: (error as { code?: unknown }).code,
    ...(typeof data?.error === 'string' ? { slackError: data.error } : {}),
    frames: error.stack
      ?.split('\n')
      .slice(1, 6)
      .map((f) => f.trim()),
  };
}

export function friendlyError(error: unknown, logger: Logger, where: string): SlackMessage {
  const botError = toBotError(error);
  logger.error('slack handler failed', { where, code: botError.code, error: describeError(error) });
  // A BotError's message is written for users (and is escaped when rendered).
  return renderReply({
    kind: 'error',
    code: botError.code,
    message: botError.message,
    suggestions: [],
  });
}
