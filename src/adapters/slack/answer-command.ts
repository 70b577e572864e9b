/** `/lessons <text>` → the core → Block Kit. */
import { answerLater as coreAnswerLater, handleCommand, parseCommand } from '../../core/index.ts';
import type { SlackMessage } from './blocks.ts';
import { decodeSlackText } from './mrkdwn.ts';
import { renderReply } from './render-blocks.ts';
import type { SlackContext } from './slack-context.ts';
import { type SlackOrigin, slackConversation } from './slack-conversation.ts';

export async function answerCommand(
  ctx: SlackContext,
  input: SlackOrigin & { text: string },
): Promise<SlackMessage> {
  const command = parseCommand(decodeSlackText(input.text));
  const where = slackConversation(input);
  const reply = await handleCommand(command, ctx.deps, {
    isAdmin: ctx.isAdmin(input.userId),
    ...(where ? { where } : {}),
  });
  // The kinds only: the question itself is never logged.
  ctx.logger.info('slack command', { command: command.kind, reply: reply.kind });
  return renderReply(reply, ctx.command);
}

/**
 * Commands that may take longer than Slack's 3 seconds (a broadcast paces itself within
 * Slack's rate limits) are acknowledged at once with the core's notice, and answered
 * through the response_url when done.
 */
export function answerLater(
  ctx: SlackContext,
  input: { text: string; userId: string },
): SlackMessage | undefined {
  const later = coreAnswerLater(
    parseCommand(decodeSlackText(input.text)),
    ctx.isAdmin(input.userId),
  );
  return later && renderReply(later, ctx.command);
}
