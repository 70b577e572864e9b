/** `/lessons <text>` → the core → Block Kit. */
import { handleCommand, parseCommand } from '../../core/index.ts';
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
