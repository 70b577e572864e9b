/** `/lessons <text>` → the core → Block Kit. */
import { handleCommand, parseCommand } from '../../core/index.ts';
import { type SlackMessage, section } from './blocks.ts';
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
 * Commands that may take longer than Slack's 3 seconds: a broadcast paces itself within
 * Slack's rate limits, so publishing to many channels takes minutes. They are acknowledged
 * at once and answered through the response_url when done. Only an admin gets this far:
 * anyone else's `publish` is refused at once, in the ack.
 */
export function answersLater(ctx: SlackContext, input: { text: string; userId: string }): boolean {
  return ctx.isAdmin(input.userId) && parseCommand(decodeSlackText(input.text)).kind === 'publish';
}

const LATER_TEXT =
  'Publishing to every subscribed channel. This can take a few minutes; the result will appear here.';

export const ANSWERING_LATER: SlackMessage = {
  text: LATER_TEXT,
  blocks: [section(`:hourglass_flowing_sand: ${LATER_TEXT}`)],
};
