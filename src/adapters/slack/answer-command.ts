/** `/lessons <text>` → the core → Block Kit. */
import { type Command, handleCommand } from '../../core/index.ts';
import type { SlackMessage } from './blocks.ts';
import { renderReply } from './render-blocks.ts';
import type { SlackContext } from './slack-context.ts';
import { type SlackOrigin, slackConversation } from './slack-conversation.ts';

export async function answerCommand(
  ctx: SlackContext,
  command: Command,
  input: SlackOrigin,
): Promise<SlackMessage> {
  const where = slackConversation(input);
  const reply = await handleCommand(command, ctx.deps, {
    isAdmin: ctx.isAdmin(input.userId),
    ...(where ? { where } : {}),
  });
  // The kinds only: the question itself is never logged.
  ctx.logger.info('slack command', { command: command.kind, reply: reply.kind });
  return renderReply(reply, ctx.command);
}
