import { type ErrorCode, toBotError } from '../errors.ts';
import type { Reply, Suggestion } from '../model/index.ts';

/** An error answer: what went wrong, in words a user can act on, and what to try. */
export function errorReply(code: ErrorCode, message: string, suggestions: Suggestion[] = []) {
  return { kind: 'error', code, message, suggestions } satisfies Reply;
}

/** A button whose value no version of the bot reads, on any platform. */
export const STALE_BUTTON = errorReply(
  'command_invalid',
  'That button no longer works, perhaps because lessons-bot was updated. Please ask again.',
);

/** What a front door's error boundary answers for anything thrown: a BotError's words, else an apology. */
export function failureReply(thrown: unknown): Reply {
  const { code, message } = toBotError(thrown);
  return errorReply(code, message);
}
